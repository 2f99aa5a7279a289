using Burnrate.Bench.Client;
using Burnrate.Bench.Load;
using Burnrate.Bench.Metrics;
using Burnrate.Bench.Simulation;
using Burnrate.Bench.Workloads;

namespace Burnrate.Bench.Tests.Client;

public sealed class ResponseModesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("burnrate-modes-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Should_MakeTtftEqualE2e_When_NotStreaming()
    {
        // Given: 5 tokens at TTFT 30 ms, ITL 10 ms → the body arrives after 30 + 4·10 = 70 ms
        var client = new ClientOptions { BaseUrl = new Uri("http://unused"), Model = "sim", Stream = false, Api = ApiKind.Completions };

        // When
        (IReadOnlyList<LevelResult> levels, SimulatedServer sim) = await BenchHarness.RunAsync(new SimulatorOptions { TtftSeconds = 0.03, ItlSeconds = 0.01 }, new LoadSettings { Concurrency = [2], Requests = 4 }, client, outputTokens: 5);
        await sim.DisposeAsync();

        // Then
        LevelResult level = levels.ShouldHaveSingleItem();
        level.Completed.ShouldBe(4);
        level.TtftSeconds.P50!.Value.ShouldBe(level.E2eSeconds.P50!.Value, 1e-9);
        level.E2eSeconds.P50!.Value.ShouldBeGreaterThanOrEqualTo(0.07);
        level.OutputTokens.ShouldBe(20);
        level.OutputTokensSource.ShouldBe("server");
    }

    [Fact]
    public async Task Should_CountWithTheTokenizer_When_ServerSendsNoUsage()
    {
        // Given: include_usage off, so the stream has no usage chunk
        var client = new ClientOptions { BaseUrl = new Uri("http://unused"), Model = "sim", IncludeUsage = false };

        // When
        (IReadOnlyList<LevelResult> levels, SimulatedServer sim) = await BenchHarness.RunAsync(new SimulatorOptions { TtftSeconds = 0.005, ItlSeconds = 0.001 }, new LoadSettings { Concurrency = [2], Requests = 4 }, client, outputTokens: 7);
        await sim.DisposeAsync();

        // Then
        LevelResult level = levels.ShouldHaveSingleItem();
        level.OutputTokensSource.ShouldBe("tokenizer");
        level.OutputTokens.ShouldBe(28);
        level.ItlSeconds.Count.ShouldBe(4 * 6);
    }

    [Fact]
    public void Should_TakePromptsAndLengthsFromConversations_When_GivenAShareGptFile()
    {
        // Given
        string path = Path.Combine(_dir, "sharegpt.json");
        File.WriteAllText(path, """
            [{"id":"a","conversations":[{"from":"human","value":"What is a token?"},{"from":"gpt","value":"A piece of text."}]},
             {"id":"b","conversations":[{"from":"human","value":"only one turn"}]},
             {"id":"c","conversations":[{"from":"human","value":"Say hi"},{"from":"gpt","value":"hi"}]}]
            """);

        // When
        IReadOnlyList<WorkItem> items = ShareGptDataset.Load(path, BenchTokenizer.O200k, 10);

        // Then
        items.Count.ShouldBe(2);
        items[0].Prompt.ShouldBe("What is a token?");
        items[0].OutputTokens.ShouldBe(BenchTokenizer.O200k.CountTokens("A piece of text."));
        items[1].OutputTokens.ShouldBe(1);
    }
}
