namespace Burnrate.Bench.Results;

/// <summary>The <c>bench compare</c> contract: two runs side by side.</summary>
/// <param name="A">Where the baseline was read from.</param>
/// <param name="B">Where the run compared with it was read from.</param>
/// <param name="Rows">One row per level and figure.</param>
public sealed record ComparisonReport(string A, string B, IReadOnlyList<ComparisonRow> Rows)
{
    /// <summary>Gets why the runs are not like for like (workload, model, API, streaming), or null.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }
}

/// <summary>One figure of one level in both runs (base units: seconds, requests and tokens per second, US dollars).</summary>
/// <param name="Level">"concurrency=N" or "rate=R".</param>
/// <param name="Metric">The figure, e.g. "ttftSeconds.p50".</param>
/// <param name="A">The baseline's value, or null when the level or figure is missing there.</param>
/// <param name="B">The other run's value, or null.</param>
public sealed record ComparisonRow(string Level, string Metric, double? A, double? B)
{
    /// <summary>Gets (B − A) / A, or null when either is missing or A is 0.</summary>
    public double? RelativeChange => A is { } a && B is { } b && a != 0 ? (b - a) / a : null;
}
