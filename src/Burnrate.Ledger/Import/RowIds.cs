using System.IO.Hashing;
using System.Text;

namespace Burnrate.Ledger.Import;

/// <summary>
/// Row ids: a 128-bit XxHash of the source name and the source's own request id (or of the record's content when the
/// source has no id). 128 bits make an accidental collision negligible (about 1e-24 for 1e7 rows), so a re-import
/// recognizes every row it has seen.
/// </summary>
internal static class RowIds
{
    /// <summary>Gets the id for a source's request id.</summary>
    public static Guid FromKey(string source, string key) => FromKey(source, key.AsSpan());

    /// <summary>Gets the id for a source's key given as characters.</summary>
    public static Guid FromKey(string source, ReadOnlySpan<char> key)
    {
        int max = Encoding.UTF8.GetMaxByteCount(source.Length + key.Length + 1);
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(max);
        try
        {
            int n = Encoding.UTF8.GetBytes(source, buffer);
            buffer[n++] = 0x1F;
            n += Encoding.UTF8.GetBytes(key, buffer.AsSpan(n));
            return FromBytes(buffer.AsSpan(0, n));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Gets the hash seed of a source (so equal content from two sources gets two ids).</summary>
    public static long Seed(string source) => (long)XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(source));

    /// <summary>Gets the id for a record's raw content.</summary>
    /// <param name="seed">The source's <see cref="Seed"/>.</param>
    /// <param name="content">The record's bytes.</param>
    public static Guid FromContent(long seed, ReadOnlySpan<byte> content) => FromBytes(content, seed);

    private static Guid FromBytes(ReadOnlySpan<byte> bytes, long seed = 0)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(bytes, hash, seed);
        return new Guid(hash);
    }
}
