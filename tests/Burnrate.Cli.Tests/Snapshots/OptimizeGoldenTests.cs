namespace Burnrate.Cli.Tests.Snapshots;

/// <summary>Pins the tables and --json of <c>burnrate optimize</c> (search time and rate masked).</summary>
public sealed class OptimizeGoldenTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "llama8b-h100", ["llama-3.1-8b", "--gpus-allowed", "h100-sxm", "--max-devices", "2"] },
        { "two-models", ["llama-3.1-8b", "llama-3.1-70b", "--gpus-allowed", "h100-sxm,a100-80gb", "--max-devices", "4", "--top", "3"] },
        { "replicas", ["llama-3.1-8b", "--gpus-allowed", "h100-sxm", "--max-devices", "8", "--replicas", "3,4", "--top", "3"] },
        { "no-feasible", ["llama-3.1-70b", "--gpus-allowed", "h100-sxm", "--slo-tpot", "1us"] },
        { "budget-owned", ["mistral-7b", "--gpus-allowed", "l40s,h100-pcie", "--budget-usd-per-hour", "5", "--weights", "fp8,int4", "--concurrency", "8,32,128"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_MatchGolden_When_Table(string name, string[] args) =>
        Golden.Verify(GoldenRun.WithoutTimings(GoldenRun.Run(["optimize", .. args])), "Optimize", name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_MatchGolden_When_Json(string name, string[] args) =>
        Golden.Verify(GoldenRun.WithoutTimings(GoldenRun.Run(["optimize", .. args, "--json"])), "Optimize", name + "-json");
}
