using Burnrate.Core.Economics;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;

namespace Burnrate.Catalog.Resolution;

/// <summary>A deployment resolved from a <see cref="DeploymentRequest"/>: the model, the priced deployment and the assumptions behind it.</summary>
/// <param name="Label">How tables name it: "MODEL GPUS×GPU WEIGHTS".</param>
/// <param name="Model">The model architecture.</param>
/// <param name="Deployment">The validated deployment.</param>
/// <param name="Priced">Whether it has a price (false only when the request said a price is optional and none was found).</param>
/// <param name="Assumptions">The power, price and PUE assumptions, in that order.</param>
public sealed record ResolvedDeployment(string Label, ModelArchitecture Model, InferenceDeployment Deployment, bool Priced, IReadOnlyList<Assumption> Assumptions);
