using System.Globalization;
using Burnrate.Planning;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Simulation;

namespace Burnrate.Reports.Planning;

/// <summary>The plan as rows (header first): the monthly statement of a preset, and the percentile bands. Shared by the CSV and Excel writers.</summary>
public static class PlanTables
{
    private static readonly string[] Levels = ["p5", "p10", "p50", "p90", "p95"];

    /// <summary>Gets a preset's monthly statement: one row per month, money in USD.</summary>
    /// <param name="outcome">The plan.</param>
    /// <param name="preset">The preset.</param>
    /// <returns>
    /// The header row, then one row per month (text month, then numbers; NaN where undefined, +∞ for unbounded runway), ending
    /// with cash_out: "cash-out" in the cash-out month, "after cash-out" in every month after it, empty before.
    /// </returns>
    public static IReadOnlyList<object[]> Statement(PlanOutcome outcome, PresetProjection preset)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(preset);
        MonthlyStatement s = preset.Statement;
        var header = new List<object> { "month" };
        header.AddRange(s.RevenueByStream.Keys.Select(k => "revenue_" + k + "_usd"));
        header.AddRange(["revenue_usd", "tokens_served", "cost_of_serving_usd", "training_usd", "staff_usd", "other_opex_usd", "capex_usd", "depreciation_usd",
            "operating_income_usd", "net_burn_usd", "financing_usd", "opening_cash_usd", "closing_cash_usd", "runway_months", "burn_multiple", "gross_margin", "cash_out"]);
        var rows = new List<object[]> { header.ToArray() };
        for (int m = 0; m < outcome.Scenario.Months; m++)
        {
            var row = new List<object> { outcome.Scenario.MonthLabel(m) };
            row.AddRange(s.RevenueByStream.Values.Select(v => (object)v[m]));
            row.AddRange([s.Revenue[m], s.TokensServed[m], s.CostOfServing[m], s.Training[m], s.Staff[m], s.OtherOpex[m], s.Capex[m], s.Depreciation[m],
                s.OperatingIncome[m], s.NetBurn[m], s.Financing[m], s.OpeningCash[m], s.ClosingCash[m], s.RunwayMonths[m], s.BurnMultiple[m], s.GrossMargin[m], CashOutMark(s.CashOutMonth, m)]);
            rows.Add(row.ToArray());
        }

        return rows;
    }

    private static string CashOutMark(int cashOutMonth, int month) =>
        cashOutMonth < 0 || month < cashOutMonth ? "" : month == cashOutMonth ? "cash-out" : "after cash-out";

    /// <summary>Gets the percentile bands: one row per month with P5..P95 of cash, revenue and net burn (USD).</summary>
    /// <param name="outcome">The plan.</param>
    /// <returns>The header row, then one row per month.</returns>
    public static IReadOnlyList<object[]> Bands(PlanOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        MonteCarloResult mc = outcome.MonteCarlo;
        var header = new List<object> { "month" };
        var series = new (string Name, PercentileBands Bands)[] { ("cash", mc.Cash), ("revenue", mc.Revenue), ("net_burn", mc.NetBurn) };
        foreach ((string name, _) in series)
        {
            header.AddRange(Levels.Select(p => $"{name}_{p}_usd"));
        }

        header.Add("cash_out_probability_by_month");
        var rows = new List<object[]> { header.ToArray() };
        for (int m = 0; m < outcome.Scenario.Months; m++)
        {
            var row = new List<object> { outcome.Scenario.MonthLabel(m) };
            foreach ((_, PercentileBands b) in series)
            {
                row.AddRange([b.P5[m], b.P10[m], b.P50[m], b.P90[m], b.P95[m]]);
            }

            row.Add(mc.CashOut.CumulativeByMonth[m]);
            rows.Add(row.ToArray());
        }

        return rows;
    }

    /// <summary>Formats a cell for CSV: invariant culture, round-trip numbers, empty for NaN, "inf" for unbounded.</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>The text.</returns>
    public static string Csv(object cell) => cell switch
    {
        double d when double.IsNaN(d) => "",
        double d when double.IsPositiveInfinity(d) => "inf",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s when s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };
}
