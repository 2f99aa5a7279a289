namespace Burnrate.Ledger.Import;

/// <summary>
/// Makes content-hash row ids unique within a file: the second identical record (two equal refunds on one day) gets an
/// id derived from the first's and its occurrence number, so it is kept, and re-importing the same file still yields the
/// same ids.
/// </summary>
internal sealed class ContentOccurrences
{
    private readonly Dictionary<Guid, int> _seen = [];

    /// <summary>Initializes a new instance of the <see cref="ContentOccurrences"/> class.</summary>
    public ContentOccurrences() => NextPending = () => Next(Pending);

    /// <summary>Gets or sets the content hash of the record being read (for <see cref="NextPending"/>).</summary>
    public Guid Pending { get; set; }

    /// <summary>Gets <see cref="Next"/> of <see cref="Pending"/>, as one delegate for every record (no allocation per record).</summary>
    public Func<Guid> NextPending { get; }

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
