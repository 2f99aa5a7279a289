namespace Burnrate.Cli.Tests;

/// <summary>
/// One duration parser everywhere: a bare number ("500": seconds or milliseconds?) is refused with exit 2 and one line naming
/// the option, in every command that takes a duration, before anything is sent or served.
/// </summary>
public sealed class BareDurationTests
{
    private static readonly string[] Bench = ["bench", "--url", "http://127.0.0.1:9/v1", "--model", "m", "--requests", "1"];
    private static readonly string[] Simulate = ["simulate", "serve", "--max-seconds", "1s"];

    public static TheoryData<string[], string> Cases => new()
    {
        { ["optimize", "llama-3.1-8b", "--slo-ttft", "500"], "--slo-ttft" },
        { ["optimize", "llama-3.1-8b", "--slo-tpot", "50"], "--slo-tpot" },
        { ["infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--collective-latency", "5"], "--collective-latency" },
        { [.. Bench, "--slo-ttft", "500"], "--slo-ttft" },
        { [.. Bench, "--slo-tpot", "50"], "--slo-tpot" },
        { [.. Bench, "--slo-e2e", "10"], "--slo-e2e" },
        { [.. Bench, "--duration", "60"], "--duration" },
        { [.. Bench, "--ramp-up", "2"], "--ramp-up" },
        { [.. Bench, "--timeout", "600"], "--timeout" },
        { [.. Bench, "--stall-timeout", "30"], "--stall-timeout" },
        { [.. Bench, "--max-seconds", "300"], "--max-seconds" },
        { [.. Simulate, "--ttft", "200"], "--ttft" },
        { [.. Simulate, "--itl", "20"], "--itl" },
        { [.. Simulate, "--mode", "batching", "--prefill-base", "5"], "--prefill-base" },
        { [.. Simulate, "--mode", "batching", "--prefill-per-token", "50"], "--prefill-per-token" },
        { [.. Simulate, "--mode", "batching", "--decode-base", "10"], "--decode-base" },
        { [.. Simulate, "--mode", "batching", "--decode-per-sequence", "100"], "--decode-per-sequence" },
        { [.. Simulate, "--mode", "batching", "--decode-per-context-token", "0.1"], "--decode-per-context-token" },
        { ["simulate", "serve", "--max-seconds", "5"], "--max-seconds" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_ExitWith2NamingTheOption_When_ADurationHasNoUnit(string[] args, string option)
    {
        // When
        (int code, string output, string error) = CliRunner.Run(args);

        // Then
        code.ShouldBe(2, error);
        error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain(option + " '");
        error.ShouldContain("with a unit");
        error.ShouldNotContain("   at ");
        output.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("sloTtft: 500", "sloTtft")]
    [InlineData("sloTpot: 50", "sloTpot")]
    public void Should_ExitWith2NamingTheField_When_AFleetFilesSloHasNoUnit(string slo, string field)
    {
        // Given: a fleet file whose serving.from SLO is a bare number
        using TempFolder dir = new();
        string from = "{model: llama-3.1-8b, gpu: h100-sxm, input: 1000, output: 200, sloTtft: 1s, sloTpot: 40ms}".Replace(field + ": " + (field == "sloTtft" ? "1s" : "40ms"), slo, StringComparison.Ordinal);
        string path = dir.Write("fleet.yaml", $$"""
            name: bare
            horizon: {start: 2027-02, months: 1}
            demand: {tokensPerSecond: 5000}
            serving:
              - name: h100
                from: {{from}}
            options: [{name: od, kind: on-demand, usdPerUnitHour: 4}]
            """);

        // When
        (int code, string output, string error) = CliRunner.Run("fleet", path);

        // Then
        code.ShouldBe(2, error);
        error.Trim().Split('\n').ShouldHaveSingleItem().ShouldStartWith($"error: {path}:6:");
        error.ShouldContain($"field '{field}' must be a duration such as 2s or 50ms, got \"{slo.Split(' ')[1]}\"");
        output.ShouldBeEmpty();
    }
}
