using Burnrate.Core.Economics;
using Burnrate.Planning;
using Burnrate.Planning.Derivation;

namespace Burnrate.Reports.Planning;

/// <summary>What <c>burnrate report</c> renders: a computed plan, the run's assumptions and the scenario's own text.</summary>
/// <param name="Outcome">The plan (presets, Monte Carlo, tornado).</param>
/// <param name="Assumptions">Every assumption of the run (paths, seed, conventions, derivations, the scenario's own).</param>
/// <param name="Derivations">The cost-model derivations behind the scenario's <c>from:</c> entries, each with the infer or train report it came from.</param>
/// <param name="ScenarioYaml">The scenario file as given (shown verbatim at the end).</param>
/// <param name="SourceName">Where the scenario came from (a file name or "&lt;stdin&gt;").</param>
public sealed record ScenarioReportInput(
    PlanOutcome Outcome, IReadOnlyList<Assumption> Assumptions, IReadOnlyList<CostDerivation> Derivations, string ScenarioYaml, string SourceName);
