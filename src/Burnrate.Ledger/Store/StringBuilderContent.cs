using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Burnrate.Ledger.Store;

/// <summary>
/// A request body sent as UTF-8 straight from a <see cref="StringBuilder"/>'s chunks through a 64 KiB buffer: a batch of
/// 245,760 rows (tens of MB of text) is not copied into a string and then into a byte array before it goes out.
/// </summary>
internal sealed class StringBuilderContent : HttpContent
{
    private readonly StringBuilder _text;

    /// <summary>Initializes a new instance of the <see cref="StringBuilderContent"/> class.</summary>
    /// <param name="text">The body (not copied: it must not change until the request is sent).</param>
    /// <param name="mediaType">The content type.</param>
    public StringBuilderContent(StringBuilder text, string mediaType)
    {
        _text = text;
        Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
    }

    /// <inheritdoc/>
    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        Encode((buffer, count) => stream.Write(buffer, 0, count));

    /// <inheritdoc/>
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    /// <inheritdoc/>
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        SerializeToStream(stream, context, cancellationToken);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    protected override bool TryComputeLength(out long length)
    {
        // Counted by encoding once more (tens of ms for a batch), as the body will be sent: Encoder.GetByteCount does not
        // carry a surrogate pair's first half over to the next chunk, so per-chunk counts miss pairs split across chunks.
        long total = 0;
        Encode((_, count) => total += count);
        length = total;
        return true;
    }

    // Encodes the chunks through one buffer, handing each filled part to write.
    private void Encode(Action<byte[], int> write)
    {
        Encoder encoder = Encoding.UTF8.GetEncoder();
        byte[] buffer = new byte[64 * 1024];
        foreach (ReadOnlyMemory<char> chunk in _text.GetChunks())
        {
            ReadOnlySpan<char> chars = chunk.Span;
            bool completed = false;
            while (!completed)
            {
                encoder.Convert(chars, buffer, flush: false, out int used, out int written, out completed);
                write(buffer, written);
                chars = chars[used..];
            }
        }

        encoder.Convert(ReadOnlySpan<char>.Empty, buffer, flush: true, out _, out int last, out _);
        write(buffer, last);
    }
}
