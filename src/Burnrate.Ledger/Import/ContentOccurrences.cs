namespace Burnrate.Ledger.Import;

/// <summary>
/// Makes content-hash row ids unique within a file: the second identical record (two equal refunds on one day) gets an
/// id derived from the first's and its occurrence number, so it is kept, and re-importing the same file still yields the
/// same ids.
/// </summary>
internal sealed class ContentOccurrences
{
    private readonly Dictionary<Guid, int> _seen = [];

    /// <summary>Gets the id for this occurrence of a content hash.</summary>
    public Guid Next(Guid contentId)
    {
        ref int count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_seen, contentId, out _);
        count++;
        if (count == 1)
        {
            return contentId;
        }

        Span<byte> bytes = stackalloc byte[20];
        contentId.TryWriteBytes(bytes);
        BitConverter.TryWriteBytes(bytes[16..], count);
        Span<byte> hash = stackalloc byte[16];
        System.IO.Hashing.XxHash128.Hash(bytes, hash);
        return new Guid(hash);
    }
}
