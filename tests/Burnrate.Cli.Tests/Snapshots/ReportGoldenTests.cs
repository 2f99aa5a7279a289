namespace Burnrate.Cli.Tests.Snapshots;

/// <summary>Pins what <c>burnrate report</c> prints on the console (the summary and the --json list of files); the report's
/// content is pinned by the Reports tests.</summary>
public sealed class ReportGoldenTests : IDisposable
{
    private readonly TempFolder _dir = new("burnrate-golden-report-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Should_MatchGolden_When_Summary() =>
        Golden.Verify(Run("summary"), "Report", "api-startup");

    [Fact]
    public void Should_MatchGolden_When_Json() =>
        Golden.Verify(Run("json", "--json"), "Report", "api-startup-json");

    private string Run(string folder, params string[] extra)
    {
        string output = _dir.File(folder);
        string text = GoldenRun.Run(["report", GoldenRun.Example("api-startup.yaml"), "--paths", "500", "--seed", "3", "--out", output, .. extra]);
        return text.Replace(output, "<out>", StringComparison.Ordinal);
    }
}
