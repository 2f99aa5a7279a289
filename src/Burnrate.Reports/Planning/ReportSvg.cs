using System.Globalization;
using System.Text;
using static Burnrate.Reports.Planning.ReportHtml;

namespace Burnrate.Reports.Planning;

/// <summary>Small hand-drawn SVG charts for the report (a step curve of a cumulative probability by month), sized by a viewBox.</summary>
internal static class ReportSvg
{
    private const double Width = 900, Height = 260, Left = 48, Right = 12, Top = 12, Bottom = 34;

    /// <summary>Draws the cumulative probability by month as a filled step curve, 0–100% on the vertical axis.</summary>
    /// <param name="cumulative">The probability that the event has happened by the end of each month, 0..1.</param>
    /// <param name="monthLabel">The label of a month index (YYYY-MM).</param>
    /// <param name="label">The accessible name.</param>
    /// <returns>An inline SVG element.</returns>
    public static string CumulativeProbability(IReadOnlyList<double> cumulative, Func<int, string> monthLabel, string label)
    {
        ArgumentNullException.ThrowIfNull(cumulative);
        ArgumentNullException.ThrowIfNull(monthLabel);
        int n = Math.Max(1, cumulative.Count);
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(double month) => Left + (plotW * month / n);
        double Y(double p) => Top + (plotH * (1 - Math.Clamp(p, 0, 1)));
        string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(F(Width)).Append(' ').Append(F(Height))
            .Append("\" role=\"img\" aria-label=\"").Append(E(label)).Append("\" class=\"steps\">");
        foreach (double p in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            svg.Append("<line class=\"grid\" x1=\"").Append(F(Left)).Append("\" x2=\"").Append(F(Width - Right)).Append("\" y1=\"").Append(F(Y(p))).Append("\" y2=\"").Append(F(Y(p)))
                .Append("\"/><text class=\"tick\" x=\"").Append(F(Left - 6)).Append("\" y=\"").Append(F(Y(p) + 4)).Append("\" text-anchor=\"end\">").Append(Percent(p)).Append("</text>");
        }

        int every = Math.Max(1, (int)Math.Ceiling(n / 9.0));
        for (int m = 0; m < n; m += every)
        {
            svg.Append("<text class=\"tick\" x=\"").Append(F(X(m + 0.5))).Append("\" y=\"").Append(F(Height - 12)).Append("\" text-anchor=\"middle\">").Append(E(monthLabel(m))).Append("</text>");
        }

        var line = new StringBuilder().Append('M').Append(F(X(0))).Append(',').Append(F(Y(0)));
        for (int m = 0; m < cumulative.Count; m++)
        {
            line.Append(" L").Append(F(X(m))).Append(',').Append(F(Y(cumulative[m]))).Append(" L").Append(F(X(m + 1))).Append(',').Append(F(Y(cumulative[m])));
        }

        string path = line.ToString();
        svg.Append("<path class=\"area\" d=\"").Append(path).Append(" L").Append(F(X(n))).Append(',').Append(F(Y(0))).Append(" Z\"/>")
            .Append("<path class=\"line\" d=\"").Append(path).Append("\"/>");
        if (cumulative.Count > 0)
        {
            double end = cumulative[^1];
            svg.Append("<text class=\"value\" x=\"").Append(F(X(n) - 4)).Append("\" y=\"").Append(F(Math.Max(Top + 12, Y(end) - 6))).Append("\" text-anchor=\"end\">")
                .Append(Percent(end)).Append(" by ").Append(E(monthLabel(cumulative.Count - 1))).Append("</text>");
        }

        return svg.Append("</svg>").ToString();
    }
}
