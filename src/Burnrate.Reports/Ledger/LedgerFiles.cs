using System.Globalization;
using Burnrate.Catalog.Files;
using Burnrate.Ledger;
using Burnrate.Ledger.Reporting;
using Burnrate.Reports.Inference;

namespace Burnrate.Reports.Ledger;

/// <summary>
/// Writes a margin report's files into a folder, all or nothing (<see cref="AtomicFolder"/>): margin.csv (the report's rows
/// and totals), ledger.xlsx (the report, loss-makers, margin by customer, cost by model and month, assumptions),
/// margin-by-customer.png/.svg and cost-by-model.png/.svg.
/// </summary>
public static class LedgerFiles
{
    private static readonly string[] Owned = ["margin.csv", "ledger.xlsx", "margin-by-customer.png", "margin-by-customer.svg", "cost-by-model.png", "cost-by-model.svg"];

    /// <summary>Writes the files.</summary>
    /// <param name="report">The report asked for (any --by).</param>
    /// <param name="byCustomer">The same days by customer (the margin chart).</param>
    /// <param name="byModelMonth">The same days by model and month (the cost chart).</param>
    /// <param name="directory">The folder (created when missing; files of other commands in it are kept).</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(MarginReport report, MarginReport byCustomer, MarginReport byModelMonth, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(byCustomer);
        ArgumentNullException.ThrowIfNull(byModelMonth);
        return AtomicFolder.Write(directory, temp =>
        {
            var written = new List<string>();
            string csv = Path.Combine(temp, "margin.csv");
            CsvTable.Write(csv, Header(report.By), Rows(report).Select(r => (IReadOnlyList<string>)r.Cells));
            written.Add(csv);
            string book = Path.Combine(temp, "ledger.xlsx");
            LedgerWorkbook.Save(report, byCustomer, byModelMonth, book);
            written.Add(book);
            written.AddRange(LedgerCharts.MarginByCustomer(byCustomer, Path.Combine(temp, "margin-by-customer.png")));
            written.AddRange(LedgerCharts.CostByModel(byModelMonth, Path.Combine(temp, "cost-by-model.png")));
            return written;
        }, name => Array.IndexOf(Owned, name) >= 0);
    }

    /// <summary>Gets the table's header: the keys, then the figures with their units.</summary>
    internal static IReadOnlyList<string> Header(IReadOnlyList<string> by) =>
        [.. by, "requests", "inputTokens", "outputTokens", "costUsd", "revenueUsd", "grossMarginUsd", "grossMarginPercent", "unpricedRequests"];

    /// <summary>Gets the report's rows and a totals row as text cells (USD to the cent, invariant culture).</summary>
    internal static IEnumerable<(string[] Cells, MarginFigures Figures)> Rows(MarginReport report)
    {
        foreach (MarginRow row in report.Rows)
        {
            yield return ([.. report.By.Select(k => row.Key[k]), .. Figures(row.Figures)], row.Figures);
        }

        yield return ([.. report.By.Select((_, i) => i == 0 ? "total" : string.Empty), .. Figures(report.Totals)], report.Totals);
    }

    private static string[] Figures(MarginFigures f) =>
    [
        N(f.Requests), N(f.InputTokens), N(f.OutputTokens), Usd(f.CostUsd), Usd(f.RevenueUsd), Usd(f.GrossMarginUsd),
        f.GrossMarginPercent?.ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty, N(f.UnpricedRequests),
    ];

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Usd(Money m) => m.ToCents().Usd.ToString("0.00", CultureInfo.InvariantCulture);
}
