using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using Burnrate.Planning.Fleet;

namespace Burnrate.Planning.Derivation;

/// <summary>
/// Answers a fleet file's <c>serving: from:</c> with the cost model: one unit is one replica (all <c>gpus</c> in tensor parallel), and
/// its capacity is the highest throughput (input + output tokens per second) over concurrencies 1..4096 whose TTFT and TPOT meet the
/// SLO and whose KV cache fits — what <c>burnrate infer</c> reports per concurrency, with the same efficiency factors.
/// </summary>
public sealed class ServingCapacityDeriver : IServingCapacity
{
    private const int MaxConcurrency = 4096;

    private readonly BurnrateCatalog _catalog;
    private readonly EfficiencyFactors _efficiency;
    private readonly string _efficiencySource;

    /// <summary>Initializes a new instance of the <see cref="ServingCapacityDeriver"/> class.</summary>
    /// <param name="catalog">Resolves model and accelerator ids.</param>
    /// <param name="efficiency">Efficiency factors (defaults or a calibration).</param>
    /// <param name="efficiencySource">Where the factors come from, for the derivation note.</param>
    public ServingCapacityDeriver(BurnrateCatalog catalog, EfficiencyFactors efficiency, string efficiencySource)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _efficiency = efficiency;
        _efficiencySource = efficiencySource;
    }

    /// <inheritdoc />
    public ServingEntry Resolve(ServingSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ModelArchitecture model = _catalog.Model(source.Model);
        AcceleratorSpec gpu = _catalog.Accelerator(source.Gpu);
        Precision weights = Precision.Bf16;
        if (source.Weights is { } w && !PrecisionExtensions.TryParse(w, out weights))
        {
            throw new CatalogException($"weights '{w}' is not a precision; allowed: {string.Join(", ", PrecisionExtensions.AllIds)}");
        }

        var deployment = new InferenceDeployment
        {
            Accelerator = gpu,
            Devices = source.Gpus,
            TensorParallel = source.Gpus,
            Weights = weights,
            Compute = InferenceDeployment.DefaultCompute(gpu, weights),
            PricePerDeviceHour = new UsdPerGpuHour(1), // price does not affect throughput; the options price the unit
            DevicePower = gpu.Tdp ?? new Watts(0.0001),
        };
        if (deployment.Validate(model.Moe?.RoutedExperts ?? 0) is { } bad)
        {
            throw new CatalogException(bad);
        }

        double best = 0;
        int bestConcurrency = 0;
        for (int c = 1; c <= MaxConcurrency; c++)
        {
            InferenceResult r = InferenceEstimator.Estimate(model, deployment, new InferenceWorkload(source.InputTokens, source.OutputTokens, c), _efficiency);
            if (!r.FitsInMemory)
            {
                break;
            }

            double tokens = r.RequestsPerSecond * (source.InputTokens + source.OutputTokens);
            if (r.Ttft.Seconds <= source.SloTtftSeconds && r.Tpot.Seconds <= source.SloTpotSeconds && tokens > best)
            {
                (best, bestConcurrency) = (tokens, c);
            }
        }

        if (best <= 0)
        {
            throw new CatalogException(string.Create(CultureInfo.InvariantCulture,
                $"{model.Id} on {source.Gpus}×{gpu.Id} at {weights.Id()} meets TTFT ≤ {source.SloTtftSeconds}s and TPOT ≤ {source.SloTpotSeconds}s at no concurrency (or does not fit); loosen the SLO or add gpus"));
        }

        return new ServingEntry(source.Name, best, string.Create(CultureInfo.InvariantCulture,
            $"burnrate infer {model.Id} --gpu {gpu.Id} --gpus {source.Gpus} --weights {weights.Id()} --input {source.InputTokens} --output {source.OutputTokens}: highest (input + output) tokens/s meeting TTFT ≤ {source.SloTtftSeconds}s, TPOT ≤ {source.SloTpotSeconds}s at concurrency {bestConcurrency}; {_efficiencySource}"));
    }
}
