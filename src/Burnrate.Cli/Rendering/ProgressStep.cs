using System.Globalization;
using Burnrate.Core.Inference;
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
}
