namespace Burnrate.Cli.Tests.BenchGolden;

/// <summary>
/// Golden files of the commands that read bench summaries (bench compare, calibrate): their input is a fixed file
/// (BenchGolden/Fixtures, two real runs against the simulator), so their output is compared byte for byte. Paths are given
/// relative to the test's working folder so that tables do not depend on where the repository lives.
/// </summary>
public sealed class BenchFileGoldenTests
{
    private const string A = "BenchGolden/Fixtures/bench-a.summary.json";
    private const string B = "BenchGolden/Fixtures/bench-b.summary.json";

    [Fact]
    public void Should_MatchTheGoldenJson_When_ComparingTwoRuns()
    {
        CliRun run = CliRunner.Run("bench", "compare", A, B, "--json");
        run.ExitCode.ShouldBe(0, run.Error);
        Golden.Verify(run.Output, "BenchCompare");
    }

    [Fact]
    public void Should_MatchTheGoldenTable_When_ComparingTwoRuns()
    {
        CliRun run = CliRunner.Run("bench", "compare", A, B);
        run.ExitCode.ShouldBe(0, run.Error);
        Golden.Verify(run.Output, "BenchCompare");
    }

    [Fact]
    public void Should_MatchTheGoldenJson_When_Calibrating()
    {
        string output = Calibrate("calibrate-golden-json.json", "--json");
        Golden.Verify(output, "Calibrate");
    }

    [Fact]
    public void Should_MatchTheGoldenTable_When_Calibrating()
    {
        string output = Calibrate("calibrate-golden-table.json");
        Golden.Verify(output, "Calibrate");
    }

    [Fact]
    public void Should_MatchTheGoldenText_When_SimulatorServes()
    {
        CliRun text = CliRunner.Run("simulate", "serve", "--max-seconds", "0.1s", "--ttft", "10ms", "--itl", "2ms", "--fault", "reset:0.01");
        CliRun json = CliRunner.Run("simulate", "serve", "--max-seconds", "0.1s", "--json");
        text.ExitCode.ShouldBe(0, text.Error);
        json.ExitCode.ShouldBe(0, json.Error);
        Golden.Verify(GoldenMask.Port(text.Output + json.Output), "Simulate");
    }

    private static string Calibrate(string outFile, params string[] extra)
    {
        try
        {
            CliRun run = CliRunner.Run(["calibrate", A, "--model", "llama-3.1-8b", "--gpu", "h100-sxm", "--gpus", "1", "--out", outFile, .. extra]);
            run.ExitCode.ShouldBe(0, run.Error);
            File.Exists(outFile).ShouldBeTrue();
            return run.Output;
        }
        finally
        {
            File.Delete(outFile);
        }
    }
}
