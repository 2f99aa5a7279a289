namespace Burnrate.Cli.Tests.Snapshots;

/// <summary>Pins the tables and --json of <c>burnrate fleet</c> on the shipped example, whose two serving entries derive their
/// capacity from the cost model (<c>serving: from:</c>): the derivation lines pin the capacities per unit.</summary>
public sealed class FleetGoldenTests
{
    [Fact]
    public void Should_MatchGolden_When_Table() => Golden.Verify(GoldenRun.Run("fleet", GoldenRun.Example("fleet-hybrid.yaml")), "Fleet", "fleet-hybrid");

    [Fact]
    public void Should_MatchGolden_When_Json() => Golden.Verify(GoldenRun.Run("fleet", GoldenRun.Example("fleet-hybrid.yaml"), "--json"), "Fleet", "fleet-hybrid-json");

    [Fact]
    public void Should_MatchTheGoldenWorkbook_When_OutGiven()
    {
        // Given
        string output = Directory.CreateTempSubdirectory("burnrate-fleet-golden-").FullName;
        try
        {
            // When
            CliRunner.Run("fleet", GoldenRun.Example("fleet-hybrid.yaml"), "--out", output).ExitCode.ShouldBe(0);

            // Then: sheet names, frozen panes, widths, every cell's value, number format and formula
            using var book = new ClosedXML.Excel.XLWorkbook(Path.Combine(output, "fleet.xlsx"));
            Golden.Verify(WorkbookDump.Of(book), "Fleet", "fleet-xlsx");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
