namespace Burnrate.Cli.Tests.Reliability;

/// <summary>
/// Issue 11, "No stack trace for any value" and "No garbage accepted with exit 0": every value the audit found is refused
/// with exit 2 and one line naming the field and its documented finite range (checked once in the library's Validate()).
/// </summary>
public sealed class HostileValueTests : IDisposable
{
    private readonly TempFolder _dir = new("burnrate-hostile-");

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string[], string> Options => new()
    {
        { ["train", "llama-3.1-8b", "--tokens", "1T", "--gpu", "h100-sxm", "--gpus", "2147483647"], "--gpus '2147483647' is not allowed; expected a whole number in [1, 10000000]" },
        { ["train", "llama-3.1-8b", "--tokens", "1T", "--gpu", "h100-sxm", "--days", "0.00001"], "--days '1E-05' is not allowed; expected more than 0.009 days (0.22 h): at 2.438e-5 interruptions per device-hour and 16.7 minutes lost each" },
        { ["train", "llama-3.1-405b", "--tokens", "15T", "--gpu", "h100-sxm", "--days", "6.65"], "--days '6.65' is not allowed; expected a deadline this run can meet with at most 10,000,000 devices (it would need 342,235,478)" },
        { ["train", "llama-3.1-8b", "--tokens", "1T", "--gpu", "h100-sxm", "--gpus", "8", "--interruptions-per-device-hour", "-1"], "--interruptions-per-device-hour '-1' is not allowed; expected a number in [0, 0.01] per device-hour" },
        { ["train", "llama-3.1-8b", "--tokens", "1e300", "--gpu", "h100-sxm", "--gpus", "8"], "--tokens '1E+300' is not allowed; expected a number in [1, 1E+18] tokens" },
        { ["train", "llama-3.1-8b", "--tokens", "1e-320", "--gpu", "h100-sxm", "--gpus", "8"], "--tokens '1E-320' is not allowed; expected a number in [1, 1E+18] tokens" },
        { ["train", "1e300", "--tokens", "1T", "--gpu", "h100-sxm", "--gpus", "8"], "the model's parameters must be a number in (0, 1e15], got 1E+300" },
        { ["train", "llama-3.1-8b", "--tokens", "1T", "--gpu", "h100-sxm", "--gpus", "8", "--tp", "2147483647", "--pp", "2147483647"], "--tp '2147483647' is not allowed; expected a whole number in [1, 65536]" },
        { ["train", "llama-3.1-8b", "--tokens", "1T", "--gpu", "h100-sxm", "--days", "1", "--tp", "65536", "--pp", "65536"], "is not a multiple of tp·pp·ep" },
        { ["train", "llama-3.1-8b", "--tokens", "1T", "--gpu", "h100-sxm", "--gpus", "8", "--seq-len", "2147483647"], "--seq-len '2147483647' is not allowed; expected a whole number in [1, 10000000] tokens" },
        { ["train", "llama-3.1-8b", "--tokens", "1T", "--gpu", "h100-sxm", "--gpus", "8", "--mfu", "1e-320"], "--mfu '1E-320' is not allowed; expected a number in [0.001, 1]" },
        { ["optimize", "llama-3.1-8b", "--max-devices", "1073741824"], "--max-devices '1073741824' is not allowed" },
        { ["optimize", "llama-3.1-8b", "--top", "2147483647"], "--top '2147483647' is not allowed" },
        { ["optimize", "llama-3.1-8b", "--weights", ","], "--weights ',' is not allowed; expected at least one of bf16, fp16, fp8, int8, int4, fp4, comma-separated (the list given is empty)" },
        { ["optimize", "llama-3.1-8b", "--kv", ","], "--kv ',' is not allowed; expected at least one of bf16, fp16, fp8, int8, comma-separated (the list given is empty)" },
        { ["optimize", "llama-3.1-8b", "--concurrency", "2147483647"], "--concurrency '2147483647' is not allowed; expected a whole number in [1, 1000000]" },
        { ["infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--compute-efficiency", "1e-320"], "--compute-efficiency '1E-320' is not allowed; expected a number in [0.001, 1]" },
        { ["infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--bandwidth-efficiency", "1e-320"], "--bandwidth-efficiency '1E-320' is not allowed" },
        { ["infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--owned", "--electricity-usd-per-kwh", "Infinity"], "--electricity-usd-per-kwh 'Infinity' is not allowed" },
        { ["infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--tp", "2147483647"], "--tp '2147483647' is not allowed" },
        { ["bench", "--url", "http://127.0.0.1:9/v1", "--model", "m", "--shared-prefix-tokens", "2000000000"], "--shared-prefix-tokens '2000000000' is not allowed" },
        { ["bench", "--url", "http://127.0.0.1:9/v1", "--model", "m", "--max-seconds", "1e300s"], "--max-seconds '1E+300' is not allowed" },
        { ["bench", "--url", "http://127.0.0.1:9/v1", "--model", "m", "--max-seconds", "0s"], "--max-seconds '0s' is not allowed" },
        { ["bench", "--url", "http://127.0.0.1:9/v1", "--model", "m", "--timeout", "1e10s"], "--timeout '10000000000' is not allowed" },
        { ["simulate", "serve", "--ttft", "1e300s"], "--ttft '1e300s' is not allowed" },
    };

    [Theory]
    [MemberData(nameof(Options))]
    public void Should_ExitTwoWithOneLineNamingTheRange_When_AnOptionIsOutOfRange(string[] args, string expected)
    {
        // When
        CliRun run = CliRunner.Run(args);

        // Then
        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.Trim().Split('\n').Length.ShouldBe(1, run.Error);
        run.Error.ShouldStartWith("error: ");
        run.Error.ShouldContain(expected);
    }

    [Theory]
    [InlineData("start: 2026-01", "start: 9999-12", "field 'start' must be a month YYYY-MM (no day) from 1900-01 to 2200-12, got \"9999-12\"")]
    [InlineData("start: 2026-01", "start: 2026-01-15", "field 'start' must be a month YYYY-MM (no day)")]
    [InlineData("cash: 500e6", "cash: 1e308", "field 'cash' must be a number within ±1e18, got \"1e308\"")]
    [InlineData("{dist: normal, mean: 0.08, sd: 0.03}", "{dist: lognormal, median: 0.08, sigma: 1000}", "field 'revenue.api.monthlyGrowth.sigma' must be a sigma in [0, 5], got \"1000\"")]
    [InlineData("  - [revenue.api.monthlyGrowth, revenue.subscriptions.monthlyGrowth, 0.6]", "  - [revenue.api.monthlyGrowth, revenue.subscriptions.monthlyGrowth, 0.6]\n  - [revenue.subscriptions.monthlyGrowth, revenue.api.monthlyGrowth, -0.4]", "is already given on line")]
    [InlineData("months: 60", "months: 1200\n", "the projection overflows: preset")]
    public void Should_ExitTwoWithOneLocatedLine_When_AScenarioValueIsOutOfRange(string from, string to, string expected)
    {
        // Given
        string yaml = File.ReadAllText(RepoFiles.Example("example-ai-api.yaml")).Replace(from, to, StringComparison.Ordinal);
        if (from == "months: 60")
        {
            // Growth that compounds past any double over 100 years.
            yaml = yaml.Replace("{dist: normal, mean: 0.08, sd: 0.03}", "{dist: lognormal, median: 1e3, sigma: 5}", StringComparison.Ordinal);
        }

        string path = _dir.Write("scenario.yaml", yaml);

        // When
        CliRun run = CliRunner.Run("plan", path, "--paths", "50");

        // Then
        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.Trim().Split('\n').Length.ShouldBe(1, run.Error);
        run.Error.ShouldContain(expected);
    }

    [Fact]
    public void Should_ExitTwo_When_AScenarioHoldsTwoYamlDocuments()
    {
        // Given
        string path = _dir.Write("scenario.yaml", File.ReadAllText(RepoFiles.Example("example-ai-api.yaml")) + "---\nname: second\n");

        // When
        CliRun run = CliRunner.Run("plan", path, "--paths", "50");

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("a scenario file holds one YAML document, found 2 (remove the '---' separator)");
    }

    [Theory]
    [InlineData(20_000)]
    [InlineData(150_000)]
    public void Should_ExitTwoQuickly_When_AScenarioHasTensOfThousandsOfStreams(int streams)
    {
        // Given
        var yaml = new System.Text.StringBuilder("name: many\nstart: 2026-01\nmonths: 12\ncash: 1e6\nrevenue:\n");
        for (int i = 0; i < streams; i++)
        {
            yaml.Append("  - {name: s").Append(i).Append(", tokensPerMonth: 1e9, pricePerMillionTokens: 1}\n");
        }

        // (150,000 such lines stay under the 16 MiB input cap, so the list cap is what refuses them.)
        string path = _dir.Write("scenario.yaml", yaml.ToString());

        // When
        CliRun run = CliRunner.Run("plan", path, "--paths", "50");

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"field 'revenue' has {streams} entries; a scenario list holds at most 1000");
    }

    [Fact]
    public void Should_RunWithoutAnEigenDecomposition_When_AThousandUncorrelatedStreamsAreGiven()
    {
        // Given: the most streams allowed, no correlations (independent draws need no matrix)
        var yaml = new System.Text.StringBuilder("name: many\nstart: 2026-01\nmonths: 12\ncash: 1e6\nrevenue:\n");
        for (int i = 0; i < 1000; i++)
        {
            yaml.Append("  - {name: s").Append(i).Append(", kind: usage, tokensPerMonth: 1e9, monthlyGrowth: {dist: lognormal, median: 0.1, sigma: 0.3}, pricePerMillionTokens: 1}\n");
        }

        string path = _dir.Write("scenario.yaml", yaml.ToString());

        // When
        CliRun run = CliRunner.Run("plan", path, "--paths", "100", "--json");

        // Then
        run.ExitCode.ShouldBe(0, run.Error);
    }
}
