using Burnrate.Reports.Charts;

namespace Burnrate.Reports.Tests.Charts;

public sealed class ChartFileTests
{
    [Fact]
    public void Should_WriteValidPng_When_ChartSaved()
    {
        // Given
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 3, 1, 2 });
        using var temp = new TempFolder();
        string path = temp.File("chart.png");

        // When
        ChartFile.SavePng(plot, path, 400, 300);

        // Then: PNG signature, and no temp file left behind
        byte[] bytes = File.ReadAllBytes(path);
        bytes.Take(4).ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
        Directory.GetFiles(Path.GetDirectoryName(path)!).ShouldHaveSingleItem();
    }
}
