using System.Globalization;
using Burnrate.Core.Inference;
using Burnrate.Ledger.Import;
using Burnrate.Planning.Simulation;

namespace Burnrate.Cli.Rendering;

/// <summary>Where long work is, as a <see cref="ProgressLine"/> shows it.</summary>
/// <param name="Name">The step (e.g. <c>pass 2</c>, a file name), or empty; a new name starts a new rate.</param>
/// <param name="Done">How many units are done in this step.</param>
/// <param name="Total">How many units the step has, or null when unknown (no percentage or time left is shown).</param>
/// <param name="Unit">What is counted, plural (e.g. <c>paths</c>, <c>rows</c>, <c>setups</c>).</param>
internal readonly record struct ProgressStep(string Name, long Done, long? Total, string Unit)
{
    /// <summary>Gets the step of a Monte Carlo run (plan, report): the pass and its paths.</summary>
    public static ProgressStep Of(MonteCarloProgress p) => new("pass " + p.Pass.ToString(CultureInfo.InvariantCulture), p.PathsDone, p.Paths, "paths");

    /// <summary>Gets the step of a serving-configuration search (optimize): hardware setups searched.</summary>
    public static ProgressStep Of(SearchProgress p) => new("searched", p.SetupsDone, p.Setups, "setups");

    /// <summary>Gets the step of a ledger import: the file and its rows; the file's rows are estimated from the bytes read
    /// (rows so far × file size ÷ bytes read), so the percentage is the share of the file read and the rate is rows/s.</summary>
    public static ProgressStep Of(ImportProgress p) => new(
        Path.GetFileName(p.Path), p.Rows, p.BytesRead > 0 && p.TotalBytes > 0 ? Math.Max(p.Rows, (long)((double)p.Rows * p.TotalBytes / p.BytesRead)) : null, "rows");
}
