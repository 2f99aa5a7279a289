using Burnrate.Bench.Workloads;

namespace Burnrate.Bench.Tests.Workloads;

public sealed class PromptFactoryTests
{
    [Fact(Timeout = 60_000)]
    public async Task Should_BuildAMillionTokenPrompt_When_TheLongestLengthIsAsked()
    {
        // Given: the longest prompt the options allow (the old builder re-tokenized the whole prompt every 32 words and never finished)
        var factory = new PromptFactory(BenchTokenizer.O200k, seed: 3, sharedPrefixTokens: 1000);

        // When
        WorkItem item = await Task.Run(() => factory.Make(LengthDistribution.MaxTokens, 16));

        // Then: the client count is re-measured on the decoded text and lands on the length asked (words are whole tokens)
        item.PromptTokens.ShouldBeInRange(LengthDistribution.MaxTokens - 10, LengthDistribution.MaxTokens + 10);
        item.Prompt.Length.ShouldBeGreaterThan(LengthDistribution.MaxTokens * 3);
    }

    [Fact]
    public void Should_BuildTheSamePrompts_When_TheSeedIsTheSame()
    {
        var a = new PromptFactory(BenchTokenizer.O200k, seed: 5, sharedPrefixTokens: 16);
        var b = new PromptFactory(BenchTokenizer.O200k, seed: 5, sharedPrefixTokens: 16);
        a.Make(100, 4).ShouldBe(b.Make(100, 4));
        a.Make(100, 4).Prompt.ShouldStartWith(b.Make(100, 4).Prompt[..20]);
    }
}
