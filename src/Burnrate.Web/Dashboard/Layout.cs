using System.Text;
using System.Text.Encodings.Web;

namespace Burnrate.Web.Dashboard;

/// <summary>The page frame every dashboard page shares: navigation, the stylesheet, the chart library and the page's own script.</summary>
internal static class Layout
{
    private static readonly (string Path, string Label)[] Nav = [("/cost", "Cost model"), ("/plan", "Plan"), ("/fleet", "Fleet"), ("/ledger", "Ledger"), ("/bench", "Bench")];

    /// <summary>HTML-encodes text for element content and attribute values.</summary>
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>Renders a whole page.</summary>
    /// <param name="title">The page title.</param>
    /// <param name="path">The page's path (its navigation link is marked current).</param>
    /// <param name="body">The page's main content (already encoded).</param>
    /// <param name="script">The page's script under /assets.</param>
    /// <returns>The HTML.</returns>
    public static string Page(string title, string path, string body, string script)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append(" · Burnrate</title>\n")
            .Append("<link rel=\"icon\" href=\"data:,\">\n")
            .Append("<link rel=\"stylesheet\" href=\"/assets/app.css\">\n")
            .Append("<script src=\"/assets/lib/chartjs/chart.umd.min.js\" defer></script>\n")
            .Append("<script src=\"/assets/app.js\" defer></script>\n")
            .Append("<script src=\"/assets/").Append(E(script)).Append("\" defer></script>\n")
            .Append("</head>\n<body>\n<header><strong>burnrate</strong><nav>");
        foreach ((string p, string label) in Nav)
        {
            html.Append("<a href=\"").Append(p).Append('"').Append(p == path ? " aria-current=\"page\"" : "").Append('>').Append(E(label)).Append("</a>");
        }

        html.Append("</nav></header>\n<main>\n<h1>").Append(E(title)).Append("</h1>\n").Append(body)
            .Append("\n<p id=\"status\" role=\"status\"></p>\n</main>\n")
            .Append("<footer>Figures in base units (USD, seconds, tokens); the same JSON as the CLI's <code>--json</code>. API: <a href=\"/openapi/v1.json\">OpenAPI</a>.</footer>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>A labelled input with an error slot beside it.</summary>
    public static string Field(string name, string label, string input) =>
        $"<div class=\"field\"><label for=\"{name}\">{E(label)}</label>{input}<span class=\"error\" id=\"{name}-error\" aria-live=\"polite\"></span></div>";

    /// <summary>A number input.</summary>
    public static string Number(string name, string label, double value, string attributes = "") =>
        Field(name, label, $"<input type=\"number\" id=\"{name}\" name=\"{name}\" value=\"{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}\" {attributes}>");

    /// <summary>A select with the given options.</summary>
    public static string Select(string name, string label, IEnumerable<string> options, string selected) =>
        Field(name, label, $"<select id=\"{name}\" name=\"{name}\">" +
            string.Concat(options.Select(o => $"<option{(o == selected ? " selected" : "")}>{E(o)}</option>")) + "</select>");
}
