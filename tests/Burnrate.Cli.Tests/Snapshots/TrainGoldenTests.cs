namespace Burnrate.Cli.Tests.Snapshots;

/// <summary>Pins the tables and --json of <c>burnrate train</c>.</summary>
public sealed class TrainGoldenTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "llama70b-1024", ["llama-3.1-70b", "--tokens", "15T", "--gpu", "h100-sxm", "--gpus", "1024", "--tp", "8", "--pp", "4"] },
        { "llama8b-days", ["llama-3.1-8b", "--tokens", "1T", "--gpu", "h100-sxm", "--days", "30"] },
        { "bare-count-owned", ["70B", "--tokens", "2T", "--gpu", "a100-80gb", "--gpus", "256", "--owned", "--purchase-usd", "15000", "--mfu", "0.35"] },
        { "owned-no-purchase-price", ["70B", "--tokens", "2T", "--gpu", "a100-80gb", "--gpus", "256", "--owned"] },
        { "mixtral-ep-zero3", ["mixtral-8x7b", "--tokens", "2T", "--gpu", "h100-sxm", "--gpus", "512", "--ep", "8", "--zero", "3"] },
        { "does-not-fit", ["llama-3.1-405b", "--tokens", "1T", "--gpu", "h100-sxm", "--gpus", "8", "--zero", "0", "--recompute", "none"] },
        { "fp8-price", ["llama-3.1-8b", "--tokens", "500B", "--gpu", "h100-sxm", "--gpus", "64", "--precision", "fp8", "--gpu-hour-usd", "2.5", "--seq-len", "4096"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_MatchGolden_When_Table(string name, string[] args) => Golden.Verify(GoldenRun.Run(["train", .. args]), "Train", name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_MatchGolden_When_Json(string name, string[] args) => Golden.Verify(GoldenRun.Run(["train", .. args, "--json"]), "Train", name + "-json");
}
