using System.Globalization;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Resolution;

/// <summary>
/// The one place a serving deployment is built from ids: resolves the model and accelerator in the catalog, fills the
/// sourced defaults (tp = gpus ÷ (pp × replicas), gpus = replicas × tp × pp when only replicas is given, bf16 weights and
/// KV, compute as stored), prices it with <see cref="PricePolicy"/> and
/// validates the layout. infer, optimize, bench predictions, calibrate, simulate and plan all call it.
/// </summary>
public static class DeploymentResolver
{
    /// <summary>The most devices a deployment may have (the range of <see cref="DeploymentRequest.Gpus"/>).</summary>
    public const int MaxDevices = 1_000_000;

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
        int gpus = Devices(request, pp);
        int tp = request.TensorParallel ?? Math.Max(1, gpus / (pp * (request.Replicas ?? 1)));
        if (request.Replicas is { } replicas && (long)replicas * tp * pp != gpus)
        {
            throw new InputException("replicas", replicas.ToString(CultureInfo.InvariantCulture), string.Create(
                CultureInfo.InvariantCulture, $"replicas × tp × pp = gpus: {gpus} devices ÷ (tp {tp} × pp {pp}) = {(double)gpus / (tp * pp):0.##} replicas"));
        }

        Precision weights = request.Weights is { } w ? Precisions.Parse("weights", w, ServingDefaults.WeightFormats) : Precision.Bf16;
        Precision kv = request.KvCache is { } k ? Precisions.Parse("kvCache", k, ServingDefaults.KvFormats) : Precision.Bf16;
        Precision compute = request.Compute is { } c ? Precisions.Parse("compute", c, ServingDefaults.ComputeFormats) : InferenceDeployment.DefaultCompute(gpu, weights);
        ResolvedPrice price = PricePolicy.Resolve(gpu, request.Price, request.PriceRequired);
        var deployment = new InferenceDeployment
        {
            Accelerator = gpu,
            Devices = gpus,
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
        string label = $"{model.Id} {gpus}×{gpu.Id} {weights.Id()}";
        if (deployment.Validate(model.Moe?.RoutedExperts ?? 0) is { } problem)
        {
            throw new InputException(label + ": " + problem);
        }

        return new ResolvedDeployment(label, model, deployment, price.Priced, price.Assumptions);
    }

    /// <summary>The devices asked for, or replicas × tp × pp when only the replicas are given (1 when neither is).</summary>
    private static int Devices(DeploymentRequest request, int pp)
    {
        if (request.Gpus is { } gpus)
        {
            return gpus;
        }

        long devices = (long)(request.Replicas ?? 1) * (request.TensorParallel ?? 1) * pp;
        return devices <= MaxDevices ? (int)devices : throw new InputException("replicas", (request.Replicas ?? 1).ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"replicas × tp × pp of at most {MaxDevices:N0} devices"));
    }
}
