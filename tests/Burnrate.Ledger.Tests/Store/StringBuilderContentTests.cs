using System.Text;
using Burnrate.Ledger.Store;

namespace Burnrate.Ledger.Tests.Store;

public sealed class StringBuilderContentTests
{
    [Fact]
    public void Should_SendTheSameUtf8BytesAsTheString_When_TheTextSpansManyChunksWithPairsSplitAcrossThem()
    {
        // Given a builder of many chunks (appended piece by piece) holding ASCII, 2- and 3-byte letters and surrogate pairs,
        // with a pair's halves appended separately so some fall on both sides of a chunk boundary
        var text = new StringBuilder(16);
        for (int i = 0; i < 40_000; i++)
        {
            text.Append("row\t").Append(i).Append("\tÜmlaut 東京 ");
            text.Append('\uD83D').Append('\uDE00').Append('\n');
        }

        byte[] expected = Encoding.UTF8.GetBytes(text.ToString());
        int chunks = 0;
        foreach (ReadOnlyMemory<char> chunk in text.GetChunks())
        {
            chunks++;
        }

        chunks.ShouldBeGreaterThan(2);
        using var content = new StringBuilderContent(text, "text/tab-separated-values");

        // When
        using var sent = new MemoryStream();
        content.CopyTo(sent, null, CancellationToken.None);

        // Then
        content.Headers.ContentLength.ShouldBe(expected.Length);
        sent.ToArray().ShouldBe(expected);
        content.Headers.ContentType!.ToString().ShouldBe("text/tab-separated-values; charset=utf-8");
    }
}
