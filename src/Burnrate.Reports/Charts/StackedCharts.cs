using Burnrate.Catalog.Files;
using ScottPlot;
using SkiaSharp;

namespace Burnrate.Reports.Charts;

/// <summary>Several charts stacked vertically in one image, saved as a PNG and as an SVG beside it.</summary>
public static class StackedCharts
{
    /// <summary>Renders <paramref name="plots"/> one under another and saves the PNG and the SVG (temp file, then move).</summary>
    /// <param name="plots">The charts, top first.</param>
    /// <param name="pngPath">The PNG file; the SVG takes its name with the extension changed.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="panelHeight">Height of each chart in pixels.</param>
    /// <returns>The two paths written, PNG first.</returns>
    public static IReadOnlyList<string> SavePngAndSvg(IReadOnlyList<Plot> plots, string pngPath, int width, int panelHeight)
    {
        ArgumentNullException.ThrowIfNull(plots);
        ArgumentNullException.ThrowIfNull(pngPath);
        int height = panelHeight * plots.Count;
        string svgPath = Path.ChangeExtension(pngPath, ".svg");
        AtomicFile.Write(pngPath, (Stream stream) =>
        {
            using SKSurface surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
            Render(surface.Canvas, plots, width, panelHeight);
            using SKImage image = surface.Snapshot();
            using SKData png = image.Encode(SKEncodedImageFormat.Png, 100);
            png.SaveTo(stream);
        });
        AtomicFile.Write(svgPath, (Stream stream) =>
        {
            using SKCanvas canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream);
            Render(canvas, plots, width, panelHeight);
        });
        return [pngPath, svgPath];
    }

    private static void Render(SKCanvas canvas, IReadOnlyList<Plot> plots, int width, int panelHeight)
    {
        // Each chart renders into its own band: translated there and clipped to it, since a render clears the clip area.
        for (int i = 0; i < plots.Count; i++)
        {
            canvas.Save();
            canvas.Translate(0, i * panelHeight);
            canvas.ClipRect(new SKRect(0, 0, width, panelHeight));
            plots[i].Render(canvas, new PixelRect(0, width, panelHeight, 0));
            canvas.Restore();
        }
    }
}
