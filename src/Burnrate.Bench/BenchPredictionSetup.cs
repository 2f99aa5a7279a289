using Burnrate.Core.Inference;
using Burnrate.Core.Models;

namespace Burnrate.Bench;

/// <summary>The cost model a bench run's concurrency levels are predicted with (docs/calibrate.md).</summary>
/// <param name="Model">The model served.</param>
/// <param name="Deployment">The deployment it is served on.</param>
/// <param name="Efficiency">The efficiency factors of the prediction.</param>
/// <param name="Description">What the prediction used, shown beside it.</param>
/// <param name="Assumptions">How the deployment was resolved (defaults and their sources), listed in the result.</param>
public sealed record BenchPredictionSetup(ModelArchitecture Model, InferenceDeployment Deployment, EfficiencyFactors Efficiency, string Description, IReadOnlyList<Burnrate.Core.Economics.Assumption> Assumptions);
