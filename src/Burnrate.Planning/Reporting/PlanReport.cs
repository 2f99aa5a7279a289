using System.Globalization;
using Burnrate.Core.Economics;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Simulation;

namespace Burnrate.Planning.Reporting;

/// <summary>
/// The answer of <c>burnrate plan</c> and <c>POST /api/plan</c> (the plan JSON contract): money in USD, months as
/// "YYYY-MM", null where undefined. Built from a <see cref="PlanOutcome"/> by <see cref="From"/>, never recomputed.
/// </summary>
public sealed record PlanReport
{
    /// <summary>The default number of Monte Carlo paths.</summary>
    public const int DefaultPaths = 10_000;

    /// <summary>The default seed.</summary>
    public const ulong DefaultSeed = 42;

    /// <summary>Gets the scenario's name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Gets the Monte Carlo paths.</summary>
    public required int Paths { get; init; }

    /// <summary>Gets the seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Gets the months of the horizon (YYYY-MM).</summary>
    public required IReadOnlyList<string> Months { get; init; }

    /// <summary>Gets the currency of every amount: "USD".</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>Gets the closing cash bands.</summary>
    public required PlanBands Cash { get; init; }

    /// <summary>Gets the revenue bands.</summary>
    public required PlanBands Revenue { get; init; }

    /// <summary>Gets the net burn bands.</summary>
    public required PlanBands NetBurn { get; init; }

    /// <summary>Gets the share of paths that run out of cash within the horizon.</summary>
    public required double CashOutProbability { get; init; }

    /// <summary>Gets when paths run out of cash.</summary>
    public required PlanEventMonths CashOutMonth { get; init; }

    /// <summary>Gets the share of paths out of cash by each month asked about (YYYY-MM).</summary>
    public required IReadOnlyDictionary<string, double> CashOutProbabilityBy { get; init; }

    /// <summary>Gets the share of paths out of cash by the end of each month of the horizon (cumulative, one per month).</summary>
    public required double[] CashOutProbabilityByMonth { get; init; }

    /// <summary>Gets the deterministic presets by name (best, base, worst).</summary>
    public required IReadOnlyDictionary<string, PlanPreset> Presets { get; init; }

    /// <summary>Gets the raise triggers across paths.</summary>
    public required IReadOnlyList<PlanTrigger> Triggers { get; init; }

    /// <summary>Gets the tornado: each driver's swing of the cash at the horizon, widest first.</summary>
    public required IReadOnlyList<PlanTornadoBar> Tornado { get; init; }

    /// <summary>Gets the assumptions, each with its value and source, in display order.</summary>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <summary>Gets the plan's stated assumptions: the run's paths and seed and the model's conventions.</summary>
    /// <param name="paths">The Monte Carlo paths.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The assumptions, in display order.</returns>
    public static IReadOnlyList<Assumption> RunAssumptions(int paths, ulong seed) =>
    [
        new("paths", paths.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"--paths (default {DefaultPaths:N0})")),
        new("seed", seed.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"--seed (default {DefaultSeed})")),
        new("base preset", "each distribution at its median; presets override drivers by path", "docs/plan.md"),
        new("funding in presets", "a round counts when probability ≥ 0.5; Monte Carlo draws it per path", "docs/plan.md"),
        new("growth timing", "growth and churn apply from the second month; price/cost change as (1 + c)^(month/12)", "docs/plan.md"),
        new("runway", "closing cash ÷ mean net burn of months m−2..m; unbounded when that burn ≤ 0", "docs/metrics.md, planning figures"),
        new("opex cut", "cutOpexPercent applies to staff and other opex from the month after the trigger", "docs/plan.md"),
        new("percentiles", "type 7 (linear between order statistics) over paths, month by month; exact, with paths regenerated from the seed rather than stored", "Hyndman and Fan (1996); docs/plan.md"),
    ];

    /// <summary>Reports a plan.</summary>
    /// <param name="outcome">The plan.</param>
    /// <param name="byMonths">Months asked about (label, index into the horizon).</param>
    /// <param name="assumptions">The stated assumptions.</param>
    /// <returns>The report.</returns>
    public static PlanReport From(PlanOutcome outcome, IReadOnlyList<(string Label, int Index)> byMonths, IReadOnlyList<Assumption> assumptions)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(byMonths);
        MonteCarloResult mc = outcome.MonteCarlo;
        var by = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach ((string label, int index) in byMonths)
        {
            by[label] = mc.CashOut.CumulativeByMonth[index];
        }

        var presets = new Dictionary<string, PlanPreset>(StringComparer.Ordinal);
        foreach (PresetProjection p in outcome.Presets)
        {
            presets[p.Name] = Preset(outcome, p.Statement);
        }

        return new PlanReport
        {
            Scenario = outcome.Scenario.Name,
            Paths = mc.Paths,
            Seed = mc.Seed,
            Months = [.. Enumerable.Range(0, outcome.Scenario.Months).Select(outcome.Scenario.MonthLabel)],
            Cash = Bands(mc.Cash),
            Revenue = Bands(mc.Revenue),
            NetBurn = Bands(mc.NetBurn),
            CashOutProbability = mc.CashOut.Probability,
            CashOutMonth = Quantiles(outcome, mc.CashOut),
            CashOutProbabilityBy = by,
            CashOutProbabilityByMonth = [.. mc.CashOut.CumulativeByMonth],
            Presets = presets,
            Triggers = [.. mc.Triggers.Select(t => new PlanTrigger(t.Name, t.Firing.Probability, Quantiles(outcome, t.Firing)))],
            Tornado = [.. outcome.Tornado.Select(t => new PlanTornadoBar(t.Driver, t.LowCashUsd, t.HighCashUsd, t.LowInput, t.HighInput))],
            Assumptions = assumptions,
        };
    }

    private static PlanBands Bands(PercentileBands b) => new(b.P5, b.P10, b.P50, b.P90, b.P95);

    private static PlanEventMonths Quantiles(PlanOutcome outcome, EventMonths e) => new(Label(outcome, e.P10), Label(outcome, e.P50), Label(outcome, e.P90));

    private static string? Label(PlanOutcome outcome, int? month) => month is { } m ? outcome.Scenario.MonthLabel(m) : null;

    private static PlanPreset Preset(PlanOutcome outcome, MonthlyStatement s) => new()
    {
        Cash = s.ClosingCash,
        Revenue = s.Revenue,
        NetBurn = s.NetBurn,
        RunwayMonths = Finite(s.RunwayMonths),
        CostOfServing = s.CostOfServing,
        Training = s.Training,
        Staff = s.Staff,
        OtherOpex = s.OtherOpex,
        Capex = s.Capex,
        Depreciation = s.Depreciation,
        Financing = s.Financing,
        OperatingIncome = s.OperatingIncome,
        GrossMargin = Finite(s.GrossMargin),
        BurnMultiple = Finite(s.BurnMultiple),
        CashOutMonth = Label(outcome, s.CashOutMonth >= 0 ? s.CashOutMonth : null),
        Firings = [.. s.Firings.Select(f => new PlanFiring(f.Trigger, outcome.Scenario.MonthLabel(f.Month)))],
    };

    private static double?[] Finite(double[] values) => [.. values.Select(v => double.IsFinite(v) ? v : (double?)null)];
}
