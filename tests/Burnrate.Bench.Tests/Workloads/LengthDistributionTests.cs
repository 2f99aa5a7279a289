using Burnrate.Bench.Workloads;

namespace Burnrate.Bench.Tests.Workloads;

public sealed class LengthDistributionTests
{
    [Theory]
    [InlineData("128", 128, 128)]
    [InlineData("uniform:64:256", 64, 256)]
    public void Should_DrawWithinBounds_When_DistributionIsBounded(string text, int min, int max)
    {
        LengthDistribution.TryParse(text, out LengthDistribution d, out _).ShouldBeTrue();
        var random = new Random(3);
        int[] draws = [.. Enumerable.Range(0, 2000).Select(_ => d.Draw(random))];
        draws.Min().ShouldBeGreaterThanOrEqualTo(min);
        draws.Max().ShouldBeLessThanOrEqualTo(max);
        draws.Average().ShouldBe(d.Mean, (max - min) * 0.05 + 1e-9);
    }

    [Theory]
    [InlineData("normal:200:20")]
    [InlineData("lognormal:200:0.3")]
    public void Should_MatchTheMean_When_DistributionIsUnbounded(string text)
    {
        LengthDistribution.TryParse(text, out LengthDistribution d, out _).ShouldBeTrue();
        var random = new Random(5);
        Enumerable.Range(0, 5000).Select(_ => d.Draw(random)).Average().ShouldBe(d.Mean, d.Mean * 0.03);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("uniform:10")]
    [InlineData("uniform:20:10")]
    [InlineData("gamma:1:2")]
    public void Should_Reject_When_TextIsInvalid(string text)
    {
        LengthDistribution.TryParse(text, out _, out string error).ShouldBeFalse();
        error.ShouldContain(text);
    }

    [Fact]
    public void Should_BuildPromptsOfTheRequestedLength_When_UsingTheTokenizer()
    {
        Workload w = Workload.Synthetic(BenchTokenizer.O200k, LengthDistribution.Fixed(300), LengthDistribution.Fixed(10), 5, 1, 0);
        for (int i = 0; i < w.Count; i++)
        {
            ((double)w[i].PromptTokens).ShouldBe(300, 2);
            BenchTokenizer.O200k.CountTokens(w[i].Prompt).ShouldBe(w[i].PromptTokens);
        }
    }
}
