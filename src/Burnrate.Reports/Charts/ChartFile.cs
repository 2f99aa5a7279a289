using Burnrate.Catalog.Files;

namespace Burnrate.Reports.Charts;

/// <summary>Saves ScottPlot charts without leaving a half-written file (<see cref="AtomicFile"/>).</summary>
public static class ChartFile
{
    /// <summary>Saves <paramref name="plot"/> as a PNG at <paramref name="path"/>.</summary>
    /// <param name="plot">The chart.</param>
    /// <param name="path">The target file.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static void SavePng(ScottPlot.Plot plot, string path, int width = 1000, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.Write(path, temp => plot.SavePng(temp, width, height));
    }

    /// <summary>Saves <paramref name="plot"/> as a PNG at <paramref name="pngPath"/> and as an SVG beside it (same name, .svg).</summary>
    /// <param name="plot">The chart.</param>
    /// <param name="pngPath">The PNG file; the SVG takes its name with the extension changed.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <returns>The two paths written, PNG first.</returns>
    public static IReadOnlyList<string> SavePngAndSvg(ScottPlot.Plot plot, string pngPath, int width = 1000, int height = 600)
    {
        string svgPath = Path.ChangeExtension(pngPath, ".svg");
        SavePng(plot, pngPath, width, height);
        SaveSvg(plot, svgPath, width, height);
        return [pngPath, svgPath];
    }

    /// <summary>Saves <paramref name="plot"/> as an SVG at <paramref name="path"/>.</summary>
    /// <param name="plot">The chart.</param>
    /// <param name="path">The target file.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static void SaveSvg(ScottPlot.Plot plot, string path, int width = 1000, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.Write(path, temp => plot.SaveSvg(temp, width, height));
    }
}
