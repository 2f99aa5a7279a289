using Burnrate.Core.Economics;
using Burnrate.Planning;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Simulation;

namespace Burnrate.Cli.Rendering;

/// <summary>The JSON shape of <c>burnrate plan --json</c> (issue 6 contract): money in USD, months as "YYYY-MM", null where undefined.</summary>
internal static class PlanJson
{
    public static object Build(PlanOutcome outcome, IReadOnlyList<(string Label, int Index)> byMonths, IReadOnlyList<Assumption> assumptions)
    {
        MonteCarloResult mc = outcome.MonteCarlo;
        return new
        {
            Scenario = outcome.Scenario.Name,
            mc.Paths,
            mc.Seed,
            Months = Enumerable.Range(0, outcome.Scenario.Months).Select(outcome.Scenario.MonthLabel).ToArray(),
            Currency = "USD",
            Cash = Bands(mc.Cash),
            Revenue = Bands(mc.Revenue),
            NetBurn = Bands(mc.NetBurn),
            CashOutProbability = mc.CashOut.Probability,
            CashOutMonth = Quantiles(outcome, mc.CashOut),
            CashOutProbabilityBy = byMonths.ToDictionary(b => b.Label, b => mc.CashOut.CumulativeByMonth[b.Index]),
            Presets = outcome.Presets.ToDictionary(p => p.Name, p => Preset(outcome, p.Statement)),
            Triggers = mc.Triggers.Select(t => new { t.Name, FiredProbability = t.Firing.Probability, Month = Quantiles(outcome, t.Firing) }).ToArray(),
            Tornado = outcome.Tornado.Select(t => new { t.Driver, Low = t.LowCashUsd, High = t.HighCashUsd, t.LowInput, t.HighInput }).ToArray(),
            Assumptions = assumptions,
        };
    }

    private static Dictionary<string, double[]> Bands(PercentileBands b) => new(StringComparer.Ordinal)
    {
        ["p5"] = b.P5,
        ["p10"] = b.P10,
        ["p50"] = b.P50,
        ["p90"] = b.P90,
        ["p95"] = b.P95,
    };

    private static Dictionary<string, string?> Quantiles(PlanOutcome outcome, EventMonths e) => new(StringComparer.Ordinal)
    {
        ["p10"] = Label(outcome, e.P10),
        ["p50"] = Label(outcome, e.P50),
        ["p90"] = Label(outcome, e.P90),
    };

    private static string? Label(PlanOutcome outcome, int? month) => month is { } m ? outcome.Scenario.MonthLabel(m) : null;

    private static object Preset(PlanOutcome outcome, MonthlyStatement s) => new
    {
        Cash = s.ClosingCash,
        s.Revenue,
        s.NetBurn,
        RunwayMonths = Finite(s.RunwayMonths),
        s.CostOfServing,
        s.Training,
        s.Staff,
        s.OtherOpex,
        s.Capex,
        s.Depreciation,
        s.Financing,
        s.OperatingIncome,
        GrossMargin = Finite(s.GrossMargin),
        BurnMultiple = Finite(s.BurnMultiple),
        CashOutMonth = Label(outcome, s.CashOutMonth >= 0 ? s.CashOutMonth : null),
        Firings = s.Firings.Select(f => new { f.Trigger, Month = outcome.Scenario.MonthLabel(f.Month) }).ToArray(),
    };

    private static double?[] Finite(double[] values) => values.Select(v => double.IsFinite(v) ? v : (double?)null).ToArray();
}
