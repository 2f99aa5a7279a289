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

    [Fact]
    public void Should_MatchGolden_When_CsvFilesWritten()
    {
        // pareto.csv and cheapest.csv carry the same replicas column as the tables (devices ÷ (tp × pp)).
        string dir = Directory.CreateTempSubdirectory("burnrate-optimize-csv-").FullName;
        try
        {
            CliRun run = CliRunner.Run("optimize", "llama-3.1-8b", "--gpus-allowed", "h100-sxm", "--max-devices", "8", "--replicas", "3,4", "--top", "3", "--out", dir);
            run.ExitCode.ShouldBe(0, run.Error);
            Golden.Verify(
                "--- pareto.csv\n" + File.ReadAllText(Path.Combine(dir, "pareto.csv")) + "--- cheapest.csv\n" + File.ReadAllText(Path.Combine(dir, "cheapest.csv")),
                "Optimize",
                "replicas-csv");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_MatchGolden_When_Json(string name, string[] args) =>
        Golden.Verify(GoldenRun.WithoutTimings(GoldenRun.Run(["optimize", .. args, "--json"])), "Optimize", name + "-json");
}
