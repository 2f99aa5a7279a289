using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Catalog.Resolution;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Burnrate.Core.Validation;
using Burnrate.Planning.Fleet;

namespace Burnrate.Planning.Derivation;

/// <summary>
/// Answers a fleet file's <c>serving: from:</c> with the cost model: one unit is one replica (all <c>gpus</c> in tensor parallel), and
/// its capacity is the highest throughput (input + output tokens per second) over concurrencies 1..4096 whose TTFT and TPOT meet the
/// SLO and whose KV cache fits — what <c>burnrate infer</c> reports per concurrency, with the same efficiency factors. The deployment
/// comes from <see cref="DeploymentResolver"/>, the one rule <c>burnrate infer</c> and a plan's <c>costs.inference.from</c> use
/// (defaults, allowed precisions, layout checks); the fleet's options price the unit, so no device-hour price is required here.
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
    /// <exception cref="InputException">A field is out of range (weights not a serving precision, gpus), the layout is invalid, or no
    /// concurrency meets the SLO; the fleet reader locates it at the <c>from:</c> mapping.</exception>
    /// <exception cref="CatalogException">The model or accelerator id is unknown (the message suggests the nearest ids).</exception>
    public ServingEntry Resolve(ServingSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ResolvedDeployment resolved = DeploymentResolver.Resolve(_catalog, new DeploymentRequest
        {
            Model = source.Model,
            Gpu = source.Gpu,
            Gpus = source.Gpus,
            Weights = source.Weights,
            PriceRequired = false, // the capacity does not depend on the price; the fleet's options price the unit
        });
        InferenceDeployment deployment = resolved.Deployment;
        string model = resolved.Model.Id, gpu = deployment.Accelerator.Id, weights = deployment.Weights.Id();

        double best = 0;
        int bestConcurrency = 0;
        for (int c = 1; c <= MaxConcurrency; c++)
        {
            InferenceResult r = InferenceEstimator.Estimate(resolved.Model, deployment, new InferenceWorkload(source.InputTokens, source.OutputTokens, c), _efficiency);
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
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{model} on {deployment.Devices}×{gpu} at {weights} meets TTFT ≤ {Duration.FromSeconds(source.SloTtftSeconds)} and TPOT ≤ {Duration.FromSeconds(source.SloTpotSeconds)} at no concurrency (or does not fit); loosen the SLO or add gpus"));
        }

        return new ServingEntry(source.Name, best, string.Create(CultureInfo.InvariantCulture,
            $"burnrate infer {model} --gpu {gpu} --gpus {deployment.Devices} --weights {weights} --input {source.InputTokens} --output {source.OutputTokens}: highest (input + output) tokens/s meeting TTFT ≤ {Duration.FromSeconds(source.SloTtftSeconds)}, TPOT ≤ {Duration.FromSeconds(source.SloTpotSeconds)} at concurrency {bestConcurrency}; {_efficiencySource}"));
    }
}
