using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Resolution;

/// <summary>
/// The one place a serving deployment is built from ids: resolves the model and accelerator in the catalog, fills the
/// sourced defaults (tp = gpus ÷ pp, bf16 weights and KV, compute as stored), prices it with <see cref="PricePolicy"/> and
/// validates the layout. infer, optimize, bench predictions, calibrate, simulate and plan all call it.
/// </summary>
public static class DeploymentResolver
{
    /// <summary>Resolves <paramref name="request"/> against <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The catalog that resolves ids.</param>
    /// <param name="request">The request.</param>
    /// <returns>The model, the deployment and its assumptions.</returns>
    /// <exception cref="InputException">A field is out of range, a price or power is missing, or the layout is invalid.</exception>
    /// <exception cref="CatalogException">An id is unknown.</exception>
    public static ResolvedDeployment Resolve(BurnrateCatalog catalog, DeploymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(request);
        InputException.ThrowIfAny(request.Validate());
        ModelArchitecture model = catalog.Model(request.Model);
        AcceleratorSpec gpu = catalog.Accelerator(request.Gpu);
        int pp = request.PipelineParallel ?? 1;
        int tp = request.TensorParallel ?? Math.Max(1, request.Gpus / pp);
        Precision weights = request.Weights is { } w ? Precisions.Parse("weights", w, ServingDefaults.WeightFormats) : Precision.Bf16;
        Precision kv = request.KvCache is { } k ? Precisions.Parse("kvCache", k, ServingDefaults.KvFormats) : Precision.Bf16;
        Precision compute = request.Compute is { } c ? Precisions.Parse("compute", c, ServingDefaults.ComputeFormats) : InferenceDeployment.DefaultCompute(gpu, weights);
        ResolvedPrice price = PricePolicy.Resolve(gpu, request.Price, request.PriceRequired);
        var deployment = new InferenceDeployment
        {
            Accelerator = gpu,
            Devices = request.Gpus,
            TensorParallel = tp,
            PipelineParallel = pp,
            ExpertParallel = request.ExpertParallel ?? 1,
            Weights = weights,
            KvCache = kv,
            Compute = compute,
            MemoryReserve = request.MemoryReserve ?? ServingDefaults.MemoryReserve,
            PowerUtilization = request.PowerUtilization ?? ServingDefaults.PowerUtilization,
            PricePerDeviceHour = price.PricePerDeviceHour,
            DevicePower = price.DevicePower,
            Pue = price.Pue,
            CollectiveLatency = request.CollectiveLatency ?? ServingDefaults.CollectiveLatency,
        };
        string label = $"{model.Id} {request.Gpus}×{gpu.Id} {weights.Id()}";
        if (deployment.Validate(model.Moe?.RoutedExperts ?? 0) is { } problem)
        {
            throw new InputException(label + ": " + problem);
        }

        return new ResolvedDeployment(label, model, deployment, price.Priced, price.Assumptions);
    }
}
