using Burnrate.Cli.Rendering;
using Burnrate.Core.Quantities;
using Burnrate.Ledger;
using Burnrate.Ledger.Reporting;
using Spectre.Console;

namespace Burnrate.Cli.Commands;

/// <summary>The margin report as tables: the rows, the totals, the loss-makers and the assumptions.</summary>
internal static class LedgerReportText
{
    public static void Write(IAnsiConsole console, MarginReport report)
    {
        if (report.From is null)
        {
            Output.WriteWrapped(console, "The ledger holds no usage or revenue yet: run 'burnrate ledger import FILE --format litellm' first.");
            return;
        }

        Output.WriteWrapped(console, $"Gross margin by {string.Join(" and ", report.By)}, {report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd} (USD)");
        WideTable table = Rows(report.By, report.Rows);
        table.AddRow([.. report.By.Select((_, i) => i == 0 ? "total" : string.Empty), .. Figures(report.Totals)]);
        table.Write(console);
        if (report.Totals.UnpricedRequests > 0)
        {
            Output.WriteWrapped(console, $"{N(report.Totals.UnpricedRequests)} requests had no cost and no price: they count $0 (import with --prices to price them).");
        }

        if (report.LossMakers.Count > 0)
        {
            console.WriteLine("Top loss-makers:");
            Rows(report.By, report.LossMakers).Write(console);
        }

        console.WriteLine("Assumptions:");
        foreach (LedgerAssumption a in report.Assumptions)
        {
            Output.WriteWrapped(console, $"  {a.Name}: {a.Value} ({a.Source})");
        }
    }

    private static WideTable Rows(IReadOnlyList<string> by, IReadOnlyList<MarginRow> rows)
    {
        var table = new WideTable(null, [.. by, "requests", "input tokens", "output tokens", "cost", "revenue", "margin", "margin %"], keyColumns: by.Count)
        {
            RightAlignedFrom = by.Count,
            Border = TableBorder.Square,
        };
        foreach (MarginRow row in rows)
        {
            table.AddRow([.. by.Select(k => row.Key[k]), .. Figures(row.Figures)]);
        }

        return table;
    }

    private static string[] Figures(MarginFigures f) =>
    [
        N(f.Requests), N(f.InputTokens), N(f.OutputTokens), Usd(f.CostUsd), Usd(f.RevenueUsd), Usd(f.GrossMarginUsd),
        (f.GrossMarginPercent is { } margin ? NumberText.Format(margin, "0.00") : null) ?? "–",
    ];

    private static string N(long n) => NumberText.Grouped(n);

    private static string Usd(Money m) => NumberText.Format(m.ToCents().Usd, "#,##0.00");
}
