using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace Burnrate.Reports.Planning;

/// <summary>Encoding and number formats of the HTML report (invariant culture; money as $12.9M, $340k, $12.50).</summary>
internal static partial class ReportHtml
{
    /// <summary>HTML-encodes text.</summary>
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>Formats dollars compactly: $12.90M, $340.5k, $12.50, with a minus sign before the dollar.</summary>
    public static string Usd(double usd)
    {
        if (!double.IsFinite(usd))
        {
            return "—";
        }

        string sign = usd < 0 ? "−" : "";
        double a = Math.Abs(usd);
        return sign + (a >= 1e9 ? "$" + Number(a / 1e9, "0.00") + "B" : a >= 1e6 ? "$" + Number(a / 1e6, "0.00") + "M" : a >= 1e3 ? "$" + Number(a / 1e3, "0.0") + "k" : "$" + Number(a, "0.00"));
    }

    /// <summary>Formats a fraction as a percentage with one decimal.</summary>
    public static string Percent(double fraction) => Number(100 * fraction, "0.#") + "%";

    /// <summary>Formats a number with an invariant format.</summary>
    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Formats a count with thousands separators.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Formats a token count: 40.0B, 300.0M.</summary>
    public static string Tokens(double tokens) =>
        tokens >= 1e12 ? Number(tokens / 1e12, "0.0") + "T" : tokens >= 1e9 ? Number(tokens / 1e9, "0.0") + "B" : tokens >= 1e6 ? Number(tokens / 1e6, "0.0") + "M" : Number(tokens, "N0");

    /// <summary>Makes an SVG document (from the chart renderer) an inline element that scales to its container: no XML declaration, a viewBox.</summary>
    /// <param name="svg">The SVG document, or empty.</param>
    /// <param name="label">The accessible name.</param>
    /// <param name="idPrefix">Prefixed to every id in the SVG (and its references), so two charts in one page keep their own clip paths.</param>
    /// <returns>The element, or a note when there is no chart.</returns>
    public static string InlineSvg(string svg, string label, string idPrefix)
    {
        if (string.IsNullOrWhiteSpace(svg))
        {
            return "<p class=\"note\">(no chart)</p>";
        }

        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        string body = start < 0 ? svg : svg[start..];
        // The renderer numbers ids from a process-wide counter: renumber them per chart so the page is the same on every run.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match id in IdDefinition().Matches(body))
        {
            ids.TryAdd(id.Groups["id"].Value, idPrefix + (ids.Count + 1).ToString(CultureInfo.InvariantCulture));
        }

        body = IdReference().Replace(body, m => ids.TryGetValue(m.Groups["id"].Value, out string? renamed) ? m.Groups["open"].Value + renamed + m.Groups["close"].Value : m.Value);
        Match root = SvgRoot().Match(body);
        if (!root.Success)
        {
            return body;
        }

        string attributes = root.Groups["attrs"].Value;
        string width = Attribute(attributes, "width"), height = Attribute(attributes, "height");
        string rest = WidthOrHeight().Replace(attributes, "");
        string viewBox = attributes.Contains("viewBox", StringComparison.Ordinal) || width.Length == 0 ? "" : $" viewBox=\"0 0 {width} {height}\"";
        return "<svg" + rest + viewBox + $" role=\"img\" aria-label=\"{E(label)}\" preserveAspectRatio=\"xMidYMid meet\">" + body[(root.Index + root.Length)..];
    }

    private static string Attribute(string attributes, string name)
    {
        Match m = Regex.Match(attributes, "\\s" + name + "=\"(?<v>[0-9.]+)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return m.Success ? m.Groups["v"].Value : "";
    }

    [GeneratedRegex("^<svg(?<attrs>[^>]*)>", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SvgRoot();

    [GeneratedRegex("\\sid=\"(?<id>[^\"]+)\"", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IdDefinition();

    [GeneratedRegex("(?<open>\\sid=\"|url\\(#|href=\"#)(?<id>[^\")]+)(?<close>[\")])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IdReference();

    [GeneratedRegex("\\s(width|height)=\"[^\"]*\"", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex WidthOrHeight();
}
