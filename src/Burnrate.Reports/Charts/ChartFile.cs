namespace Burnrate.Reports.Charts;

/// <summary>Saves ScottPlot charts without leaving a half-written file: render to a temp file beside the target, then move.</summary>
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
        string temp = path + ".tmp" + Environment.ProcessId;
        plot.SavePng(temp, width, height);
        File.Move(temp, path, overwrite: true);
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
        string temp = path + ".tmp" + Environment.ProcessId;
        plot.SaveSvg(temp, width, height);
        File.Move(temp, path, overwrite: true);
    }
}
