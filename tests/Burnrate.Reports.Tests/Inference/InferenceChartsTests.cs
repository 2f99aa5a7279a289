using Burnrate.Reports.Inference;

namespace Burnrate.Reports.Tests.Inference;

public sealed class InferenceChartsTests
{
    [Fact]
    public void Should_WritePngs_When_SweepAndParetoSaved()
    {
        // Given
        using var temp = new TempFolder();
        string dir = temp.Path;
        CurvePoint[] sweep = [new(130, 7.5, "c=1"), new(825, 8.2, "c=8"), new(1935, 10.4, "c=32")];
        CurvePoint[] pareto = [.. Enumerable.Range(1, 40).Select(i => new CurvePoint(i, 10.0 / i, "config " + i))];

        // When
        InferenceCharts.SaveSweep(Path.Combine(dir, "sweep.png"), "sweep", sweep);
        InferenceCharts.SavePareto(Path.Combine(dir, "pareto.png"), "pareto", pareto);

        // Then
        foreach (string file in new[] { "sweep.png", "pareto.png" })
        {
            File.ReadAllBytes(Path.Combine(dir, file)).Take(4).ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
        }

        File.ReadAllText(Path.Combine(dir, "sweep.svg")).ShouldContain("<svg");
        File.ReadAllText(Path.Combine(dir, "pareto.svg")).ShouldContain("<svg");
        Directory.GetFiles(dir).Length.ShouldBe(4); // a PNG and an SVG each, no temp files left
    }

    [Fact]
    public void Should_QuoteCells_When_TheyHoldCommasOrQuotes()
    {
        using var temp = new TempFolder();
        string path = temp.File("t.csv");

        CsvTable.Write(path, ["a", "b"], [["1,5", "say \"hi\""], ["2", "plain"]]);

        File.ReadAllText(path).ShouldBe("a,b\n\"1,5\",\"say \"\"hi\"\"\"\n2,plain\n");
    }
}
