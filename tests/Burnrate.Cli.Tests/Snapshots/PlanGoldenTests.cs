namespace Burnrate.Cli.Tests.Snapshots;

/// <summary>Pins the tables and --json of <c>burnrate plan</c> on every example scenario.</summary>
public sealed class PlanGoldenTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "example-ai-api", ["example-ai-api.yaml", "--paths", "1000", "--seed", "5", "--by", "2027-12"] },
        { "api-startup", ["api-startup.yaml", "--paths", "1000", "--seed", "7"] },
        { "frontier-lab", ["frontier-lab.yaml", "--paths", "500", "--seed", "11"] },
    };

    /// <summary>A scenario whose cash runs out in 2026-07 and which a later round refills: the cash-out leads the output.</summary>
    [Fact]
    public void Should_MatchGolden_When_CashRunsOutBeforeARefill() =>
        Golden.Verify(GoldenRun.Run(["plan", Scenario("runs-out.yaml"), "--paths", "1000", "--seed", "3", "--by", "2026-09"]), "Plan", "runs-out");

    /// <summary>--out: the same tables, then one line per file written (the folder shown as &lt;out&gt;).</summary>
    [Fact]
    public void Should_MatchGolden_When_WritingAnOutFolder()
    {
        using TempFolder dir = new("burnrate-golden-plan-");
        string output = dir.File("out");
        Golden.Verify(Scrub(GoldenRun.Run(["plan", GoldenRun.Example("api-startup.yaml"), "--paths", "1000", "--seed", "7", "--out", output])).Replace(output, "<out>", StringComparison.Ordinal), "Plan", "api-startup-out");
    }

    private static string Scenario(string name, [System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Scenarios", name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_MatchGolden_When_Table(string name, string[] args) =>
        Golden.Verify(Scrub(GoldenRun.Run(["plan", GoldenRun.Example(args[0]), .. args[1..]])), "Plan", name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_MatchGolden_When_Json(string name, string[] args) =>
        Golden.Verify(Scrub(GoldenRun.Run(["plan", GoldenRun.Example(args[0]), .. args[1..], "--json"])), "Plan", name + "-json");

    private static string Scrub(string text) => text.Replace(GoldenRun.Example(""), "examples/", StringComparison.Ordinal);
}
