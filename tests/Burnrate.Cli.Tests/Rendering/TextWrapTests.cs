using Burnrate.Cli.Rendering;
using FsCheck;
using FsCheck.Xunit;

namespace Burnrate.Cli.Tests.Rendering;

public sealed class TextWrapTests
{
    [Fact]
    public void Should_IndentContinuationLines_When_ALineIsWrapped() =>
        TextWrap.Lines("Cash runs out in 2026-07 (month 7 of 24) in the base case", 30)
            .ShouldBe(["Cash runs out in 2026-07", "  (month 7 of 24) in the base", "  case"]);

    [Fact]
    public void Should_KeepALongWordWhole_When_ItIsWiderThanTheLine() =>
        TextWrap.Lines("wrote /a/very/long/path/to/plan.xlsx now", 12).ShouldBe(["wrote", "  /a/very/long/path/to/plan.xlsx", "  now"]);

    [Property(MaxTest = 300)]
    public bool Should_KeepEveryWordInOrderWithinTheWidth_When_Wrapped(NonEmptyString[] words, PositiveInt widthSeed)
    {
        // Given: words without spaces or line breaks, a width of 10..89
        string[] clean = [.. words.Select(w => new string([.. w.Get.Where(c => c > ' ')])).Where(w => w.Length > 0)];
        int width = 10 + (widthSeed.Get % 80);

        // When
        IReadOnlyList<string> lines = TextWrap.Lines(string.Join(' ', clean), width);

        // Then: the same words in the same order, and only a line holding a single over-wide word exceeds the width
        string[] back = [.. lines.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))];
        return back.SequenceEqual(clean)
            && lines.All(l => l.Length <= width || !l.Trim().Contains(' ', StringComparison.Ordinal));
    }
}
