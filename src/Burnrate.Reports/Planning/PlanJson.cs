using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Burnrate.Core.Economics;
using Burnrate.Planning;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Simulation;

namespace Burnrate.Reports.Planning;

/// <summary>
/// The JSON shape of <c>burnrate plan --json</c> and <c>POST /api/plan</c> (issue 6 contract): money in USD, months as "YYYY-MM", null
/// where undefined. Shared by both surfaces until the typed PlanReport replaces it.
/// </summary>
public static class PlanJson
{
    /// <summary>The default number of Monte Carlo paths.</summary>
    public const int DefaultPaths = 10_000;

    /// <summary>The default seed.</summary>
    public const ulong DefaultSeed = 42;

    /// <summary>Gets the serializer options (the CLI's --json options: camelCase, indented, nulls left out, relaxed encoder).</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Gets the plan's stated assumptions: the run's paths and seed and the model's conventions.</summary>
    /// <param name="paths">The Monte Carlo paths.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The assumptions, in display order.</returns>
    public static IReadOnlyList<Assumption> Assumptions(int paths, ulong seed) =>
    [
        new("paths", paths.ToString(CultureInfo.InvariantCulture), $"--paths (default {DefaultPaths:N0})"),
        new("seed", seed.ToString(CultureInfo.InvariantCulture), $"--seed (default {DefaultSeed})"),
        new("base preset", "each distribution at its median; presets override drivers by path", "docs/plan.md"),
        new("funding in presets", "a round counts when probability ≥ 0.5; Monte Carlo draws it per path", "docs/plan.md"),
        new("growth timing", "growth and churn apply from the second month; price/cost change as (1 + c)^(month/12)", "docs/plan.md"),
        new("runway", "closing cash ÷ mean net burn of months m−2..m; unbounded when that burn ≤ 0", "METRICS.md planning figures"),
        new("opex cut", "cutOpexPercent applies to staff and other opex from the month after the trigger", "docs/plan.md"),
        new("percentiles", "type 7 (linear between order statistics) over paths, month by month; exact, with paths regenerated from the seed rather than stored", "Hyndman and Fan (1996); docs/plan.md"),
    ];

    /// <summary>Builds the JSON object of a plan.</summary>
    /// <param name="outcome">The plan.</param>
    /// <param name="byMonths">Months asked about (label, index).</param>
    /// <param name="assumptions">The stated assumptions.</param>
    /// <returns>An object to serialize with <see cref="Options"/>.</returns>
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
