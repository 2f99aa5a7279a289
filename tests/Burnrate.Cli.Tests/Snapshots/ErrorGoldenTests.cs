namespace Burnrate.Cli.Tests.Snapshots;

/// <summary>Pins what a user sees for bad input: exit code 2 and one line per problem on stderr, never a stack trace.</summary>
public sealed class ErrorGoldenTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "optimize-bare-slo", ["optimize", "llama-3.1-8b", "--slo-ttft", "500"] },
        { "train-mfu", ["train", "llama-3.1-8b", "--tokens", "1T", "--gpu", "h100-sxm", "--gpus", "8", "--mfu", "1.5"] },
        { "train-nan-grid", ["train", "llama-3.1-8b", "--tokens", "1T", "--gpu", "h100-sxm", "--gpus", "8", "--grid-kg-co2-per-kwh", "NaN"] },
        { "infer-reserve", ["infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--memory-reserve", "1"] },
        { "infer-gpus", ["infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--gpus", "0"] },
        { "infer-replicas", ["infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--gpus", "8", "--replicas", "3"] },
        { "infer-unknown-gpu", ["infer", "llama-3.1-8b", "--gpu", "h100-sxn"] },
        { "infer-bare-latency", ["infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--collective-latency", "5"] },
        { "infer-infinite-price", ["infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--gpu-hour-usd", "Infinity"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_MatchGolden_When_InputIsBad(string name, string[] args) => Golden.Verify(GoldenRun.Run(args), "Errors", name);

    /// <summary>A scenario and a fleet file with a bad field each: one located line (file:line:column, field, value, allowed).</summary>
    public static TheoryData<string, string[]> FileCases => new()
    {
        { "plan-bad-start", ["plan", "bad-start.yaml"] },
        { "plan-from-weights", ["plan", "bad-from-weights.yaml"] },
        { "plan-from-unknown-gpu", ["plan", "bad-from-gpu.yaml"] },
        { "fleet-from-weights", ["fleet", "bad-fleet-weights.yaml"] },
    };

    [Theory]
    [MemberData(nameof(FileCases))]
    public void Should_MatchGolden_When_AFileIsBad(string name, string[] args)
    {
        string folder = Scenarios();
        Golden.Verify(GoldenRun.Run([args[0], Path.Combine(folder, args[1])]).Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal), "Errors", name);
    }

    private static string Scenarios([System.Runtime.CompilerServices.CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Scenarios");
}
