using System.Globalization;
using Burnrate.Core.Economics;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Actuals;

/// <summary>
/// Resolves a scenario's references to measured history: <c>{actual: ledger.X.lastMonth}</c> (a constant from the last
/// actual month) and <c>{fit: ledger.X.monthlyGrowth}</c> (a log-normal growth fitted to the history, see
/// <see cref="GrowthFit"/>). Every value used is recorded as an assumption shown with the plan.
/// </summary>
internal sealed class ActualsResolver
{
    private readonly ActualsHistory _history;
    private readonly List<Assumption> _notes = [];

    public ActualsResolver(ActualsHistory history)
    {
        _history = history;
        _notes.Add(new Assumption("actuals", $"{history.Months.Count} month(s) {Label(history.Months[0].Month)}..{Label(Last.Month)}; the plan starts the month after", history.Source));
    }

    /// <summary>Gets the series names a reference may use, e.g. ledger.tokens, ledger.revenue.subscription.</summary>
    public static IReadOnlyList<string> Series { get; } =
        ["tokens", "revenue", "revenue.subscription", "revenue.usage", "revenue.credit", "revenue.refund", "cost", "cost.perMillionTokens", "revenue.perMillionTokens"];

    /// <summary>Gets the first month after the history.</summary>
    public DateOnly NextMonth => Last.Month.AddMonths(1);

    /// <summary>Gets the assumptions made so far.</summary>
    public IReadOnlyList<Assumption> Notes => _notes;

    private ActualsMonth Last => _history.Months[^1];

    /// <summary>Gets the last actual month's value of <c>ledger.SERIES.lastMonth</c>, or an error message.</summary>
    public double? Actual(string reference, string path, out string? error)
    {
        if (!TrySeries(reference, "lastMonth", out string series, out error))
        {
            return null;
        }

        double value = Value(series, Last);
        _notes.Add(new Assumption(path, $"{value.ToString("G6", CultureInfo.InvariantCulture)} ({reference}, {Label(Last.Month)})", _history.Source));
        return value;
    }

    /// <summary>Gets the fitted growth distribution of <c>ledger.SERIES.monthlyGrowth</c>, or an error message.</summary>
    public Distribution? Fit(string reference, string path, out string? error)
    {
        if (!TrySeries(reference, "monthlyGrowth", out string series, out error))
        {
            return null;
        }

        GrowthFit? fit = GrowthFit.Fit([.. _history.Months.Select(m => Value(series, m))], out string? reason);
        if (fit is null)
        {
            error = $"{reference}: {reason}";
            return null;
        }

        _notes.Add(new Assumption(path, string.Create(CultureInfo.InvariantCulture,
            $"lognormal growth fitted to {reference}: 1 + g = exp(μ + σz), μ = {fit.Mu:0.0000}, σ = {fit.Sigma:0.0000} (median {fit.MedianGrowth:P1} a month) from {fit.Returns} log-returns; Kolmogorov–Smirnov D = {fit.KsDistance:0.000}{(fit.Returns < 12 ? " (under 12 returns: weak evidence)" : string.Empty)}"),
            _history.Source));
        return fit.ToDistribution();
    }

    private static bool TrySeries(string reference, string suffix, out string series, out string? error)
    {
        series = string.Empty;
        error = null;
        const string Prefix = "ledger.";
        string tail = "." + suffix;
        if (reference.StartsWith(Prefix, StringComparison.Ordinal) && reference.EndsWith(tail, StringComparison.Ordinal)
            && Series.Contains(reference[Prefix.Length..^tail.Length], StringComparer.Ordinal))
        {
            series = reference[Prefix.Length..^tail.Length];
            return true;
        }

        error = $"\"{reference}\" is not one of {string.Join(", ", Series.Select(s => $"ledger.{s}.{suffix}"))}";
        return false;
    }

    private static double Value(string series, ActualsMonth m) => series switch
    {
        "tokens" => m.Tokens,
        "revenue" => m.RevenueUsd,
        "cost" => m.CostUsd,
        "cost.perMillionTokens" => m.Tokens > 0 ? m.CostUsd / m.Tokens * 1e6 : 0,
        "revenue.perMillionTokens" => m.Tokens > 0 ? m.RevenueUsd / m.Tokens * 1e6 : 0,
        _ => m.RevenueUsdByKind.TryGetValue(series["revenue.".Length..], out double v) ? v : 0,
    };

    private static string Label(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
