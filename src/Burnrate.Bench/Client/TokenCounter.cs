using System.Text;
using Microsoft.ML.Tokenizers;

namespace Burnrate.Bench.Client;

/// <summary>
/// Counts the tokens of generated text in linear time: BPE merging is superlinear in the length of one pre-token, and a
/// response without whitespace is one pre-token, so the text is counted in pieces of at most <see cref="PieceBytes"/>
/// bytes, cut after whitespace where there is some (exact there) and at a character boundary where there is none (off by
/// at most a token per cut, in text no tokenizer would split the same way anyway). Stops when cancelled (null).
/// </summary>
internal static class TokenCounter
{
    public const int PieceBytes = 1024;

    public static int? Count(Tokenizer tokenizer, ReadOnlySpan<byte> utf8, CancellationToken cancellationToken)
    {
        int total = 0;
        while (!utf8.IsEmpty)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return null;
            }

            int cut = utf8.Length <= PieceBytes ? utf8.Length : Cut(utf8[..PieceBytes]);
            total += tokenizer.CountTokens(Encoding.UTF8.GetString(utf8[..cut]));
            utf8 = utf8[cut..];
        }

        return total;
    }

    /// <summary>Gets the end of a piece: just before the last whitespace run, else the last UTF-8 character boundary.</summary>
    private static int Cut(ReadOnlySpan<byte> window)
    {
        int space = window.LastIndexOfAny((byte)' ', (byte)'\n', (byte)'\t');
        if (space > window.Length / 2)
        {
            while (space > 0 && window[space - 1] is (byte)' ' or (byte)'\n' or (byte)'\t')
            {
                space--;
            }

            if (space > 0)
            {
                return space;
            }
        }

        int end = window.Length;
        while (end > 1 && (window[end - 1] & 0xC0) == 0x80)
        {
            end--;
        }

        // window[end - 1] is now a lead or ASCII byte: cut before it unless it is ASCII (its character ends there).
        return window[end - 1] < 0x80 ? end : Math.Max(1, end - 1);
    }
}
