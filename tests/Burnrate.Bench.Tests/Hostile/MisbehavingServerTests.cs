using Burnrate.Bench.Workloads;

namespace Burnrate.Bench.Tests.Hostile;

/// <summary>bench always ends within its bounds and counts every fault, whatever the server sends (issue 11).</summary>
public sealed class MisbehavingServerTests : IAsyncLifetime
{
    private MisbehavingServer? _server;

    public async Task InitializeAsync() => _server = await MisbehavingServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private BenchRequest Request(string mode, bool stream) => new()
    {
        Url = _server!.Url(mode),
        Model = "m",
        Stream = stream,
        Requests = 2,
        InputTokens = LengthDistribution.Fixed(8),
        OutputTokens = LengthDistribution.Fixed(4),
        TimeoutSeconds = 60,
        StallTimeoutSeconds = 60,
    };

    [Fact(Timeout = 120_000)]
    public async Task Should_FailAsTooLarge_When_TheStreamNeverEnds()
    {
        // When: an endless fast stream, bounded at 1 MiB per response (without the bound it runs to the 60 s timeout, growing all the while)
        BenchResult result = await BenchSession.RunAsync(Request("endless", stream: true) with { MaxResponseBytes = 1 << 20 });

        // Then
        result.Levels[0].Failed.ShouldBe(2);
        result.Levels[0].ErrorsByKind.ShouldBe(new Dictionary<string, int> { ["too_large"] = 2 });
    }

    [Fact(Timeout = 120_000)]
    public async Task Should_EndAtMaxSecondsAndRecordEveryRequestInBothLogAndSummary_When_TheStreamNeverEnds()
    {
        // Given: an endless stream, the largest response bound (1 GiB: minutes at loopback speed), a 60 s request timeout,
        // and a run bounded at 2 s
        using var dir = new TempFolder("burnrate-misbehaving-");
        string outDir = dir.File("run");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // When
        BenchResult result = await BenchSession.RunAsync(Request("endless", stream: true) with { MaxResponseBytes = 1 << 30, MaxSeconds = 2, OutputDirectory = outDir });

        // Then: over well before the request timeout (generous for a loaded machine), every request counted once, and the
        // summary agrees with requests.jsonl
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        Burnrate.Bench.Metrics.LevelResult level = result.Levels.ShouldHaveSingleItem();
        level.Sent.ShouldBeGreaterThan(0);
        (level.Completed + level.Failed).ShouldBe(level.Sent);
        level.ErrorsByKind.Values.Sum().ShouldBe(level.Failed);
        File.ReadAllLines(Path.Combine(outDir, "requests.jsonl")).Length.ShouldBe(level.Sent);
    }

    [Fact(Timeout = 120_000)]
    public async Task Should_FailAsTooLarge_When_AWholeAnswerPassesTheBound()
    {
        BenchResult result = await BenchSession.RunAsync(Request("big", stream: false) with { MaxResponseBytes = 100 * 1024 });
        result.Levels[0].ErrorsByKind.ShouldBe(new Dictionary<string, int> { ["too_large"] = 2 });
    }

    [Theory(Timeout = 120_000)]
    [InlineData("big", false)]
    [InlineData("bigstream", true)]
    public async Task Should_CountTheTokensOfAWhitespaceFreeAnswer_When_ItIsWithinTheBound(string mode, bool stream)
    {
        // When: 500 KB without a space, one pre-token for the tokenizer (counting it whole is superlinear: minutes)
        BenchResult result = await BenchSession.RunAsync(Request(mode, stream));

        // Then: completed and counted by the tokenizer (the server gives no usage), in pieces: some tens of thousands of tokens
        LevelResultAssert(result);
    }

    [Fact(Timeout = 120_000)]
    public async Task Should_CountAFault_When_TheServerReportsNegativeTokens()
    {
        BenchResult result = await BenchSession.RunAsync(Request("negative", stream: false));
        result.Levels[0].ErrorsByKind.ShouldBe(new Dictionary<string, int> { ["malformed"] = 2 });
        result.Levels[0].InputTokens.ShouldBe(0);
    }

    private static void LevelResultAssert(BenchResult result)
    {
        Burnrate.Bench.Metrics.LevelResult level = result.Levels[0];
        level.Completed.ShouldBe(2, string.Join(", ", level.ErrorsByKind));
        level.OutputTokensSource.ShouldBe("tokenizer");
        (level.OutputTokens / 2).ShouldBeInRange(MisbehavingServer.BigBytes / 64, MisbehavingServer.BigBytes);
    }
}
