using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Burnrate.Ledger.Store;

/// <summary>
/// A profile's id: the first 128 bits of the SHA-256 of its values, each as its UTF-8 byte length, ':' and its bytes (so
/// no two different profiles share a text). The same id in C# (<see cref="Of"/>) and in DuckDB SQL (<see cref="Sql"/>):
/// the schema migration computes the ids of rows already stored, the importer those of new rows, and both must agree.
/// </summary>
internal static class ProfileIds
{
    /// <summary>Gets the id of a profile's values, in column order.</summary>
    public static Guid Of(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int length = 0;
        foreach (string value in values)
        {
            length += 11 + Encoding.UTF8.GetByteCount(value);
        }

        byte[] rented = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            int at = 0;
            foreach (string value in values)
            {
                int bytes = Encoding.UTF8.GetByteCount(value);
                bytes.TryFormat(rented.AsSpan(at), out int written, default, CultureInfo.InvariantCulture);
                at += written;
                rented[at++] = (byte)':';
                at += Encoding.UTF8.GetBytes(value, rented.AsSpan(at));
            }

            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(rented.AsSpan(0, at), hash);
            return new Guid(hash[..16], bigEndian: true);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Gets the DuckDB expression of the id of the named text columns (never NULL: the columns are NOT NULL).</summary>
    public static string Sql(IEnumerable<string> columns) =>
        "CAST(substr(sha256(concat(" + string.Join(", ", columns.Select(c => $"strlen({c}), ':', {c}")) + ")), 1, 32) AS UUID)";
}
