using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Catalog.Resolution;
using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using Burnrate.Core.Training;
using Burnrate.Planning.Fleet;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Derivation;

/// <summary>
/// Answers a scenario's <c>from:</c> with Burnrate's own cost model: <c>costs.inference.from</c> runs the infer estimator
/// (blended cost per 1M tokens served), <c>costs.training[].from</c> runs the train estimator (GPU-hours × price).
/// Each derivation is recorded so the plan output can show where its numbers came from.
/// </summary>
public sealed class CostModelDeriver : ICostDeriver
{
    private readonly BurnrateCatalog _catalog;
    private readonly List<Assumption> _derivations = [];

    /// <summary>Initializes a new instance of the <see cref="CostModelDeriver"/> class.</summary>
    /// <param name="catalog">The catalog that resolves model and accelerator ids.</param>
    public CostModelDeriver(BurnrateCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
    }

    /// <summary>Gets one named assumption per derived figure, with the inputs that produced it.</summary>
    public IReadOnlyList<Assumption> Derivations => _derivations;

    /// <inheritdoc />
    public UsdPerMillionTokens DeriveInferenceCostPerMillionTokens(InferenceCostSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        // The same resolver as `burnrate infer`: one replica of tp = gpus, bf16 unless given, the one price policy.
        ResolvedDeployment resolved = DeploymentResolver.Resolve(_catalog, new DeploymentRequest
        {
            Model = source.Model,
            Gpu = source.Gpu,
            Gpus = source.Gpus,
            Weights = source.Weights,
            Price = new PriceRequest { GpuHourUsd = source.GpuHourUsd },
        });
        ModelArchitecture model = resolved.Model;
        InferenceDeployment deployment = resolved.Deployment;
        AcceleratorSpec gpu = deployment.Accelerator;
        Precision weights = deployment.Weights;
        var workload = new InferenceWorkload((int)source.InputTokens, (int)source.OutputTokens, source.Concurrency);
        if (workload.Validate() is { } badWorkload)
        {
            throw new CatalogException(badWorkload);
        }

        InferenceResult result = InferenceEstimator.Estimate(model, deployment, workload, EfficiencyFactors.Default);
        if (!result.FitsInMemory)
        {
            throw new CatalogException($"{model.Id} does not fit on {source.Gpus}×{gpu.Id} at {weights.Id()} with concurrency {source.Concurrency}: short by {result.MemoryShortfallPerDevice} per device");
        }

        // Blended: what one request costs spread over every token it moves (input and output), as a plan counts tokens served.
        double blended = result.CostPerRequest.Value / (source.InputTokens + source.OutputTokens) * 1e6;
        _derivations.Add(new Assumption(
            "costs.inference.from",
            Invariant($"${blended:0.####}/1M tokens"),
            Invariant($"burnrate infer {model.Id} --gpu {gpu.Id} --gpus {source.Gpus} --weights {weights.Id()} --input {source.InputTokens} --output {source.OutputTokens} --concurrency {source.Concurrency}: cost per request ÷ (input + output) tokens at {deployment.PricePerDeviceHour}, default efficiencies")));
        return new UsdPerMillionTokens(blended);
    }

    /// <inheritdoc />
    public Usd DeriveTrainingCostUsd(TrainingCostSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ModelArchitecture model = _catalog.Model(source.Model);
        AcceleratorSpec gpu = _catalog.Accelerator(source.Gpu);
        double mfu = source.Mfu ?? TrainingDefaults.Mfu.Value;
        ResolvedPrice price = PricePolicy.Resolve(gpu, new PriceRequest { GpuHourUsd = source.GpuHourUsd });
        var run = new TrainingRun
        {
            Parameters = TrainingRun.ForArchitecture(model),
            Architecture = model,
            Tokens = new Tokens(source.Tokens),
            SequenceLength = TrainingDefaults.SequenceLength(model).Value,
            Accelerator = gpu,
            Devices = source.Gpus,
            Mfu = new Fraction(mfu),
            DevicePower = price.DevicePower,
            PricePerDeviceHour = price.PricePerDeviceHour,
            Grid = new CarbonIntensity(0),
        };
        if (run.Validate() is { } bad)
        {
            throw new CatalogException(bad);
        }

        TrainingEstimate estimate = TrainingEstimator.Estimate(run);
        _derivations.Add(new Assumption(
            "costs.training.from",
            estimate.Cost.ToString(),
            Invariant($"burnrate train {model.Id} --tokens {source.Tokens:0.###e0} --gpu {gpu.Id} --gpus {source.Gpus} --mfu {mfu}: {estimate.GpuHours} × {run.PricePerDeviceHour} over {estimate.WallClock}")));
        return estimate.Cost;
    }

    /// <inheritdoc />
    public IReadOnlyList<double> DeriveFleetCostPerMillionTokens(FleetCostSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        FleetInput input = FleetReader.ReadFile(source.Path, new ServingCapacityDeriver(_catalog, EfficiencyFactors.Default, "default efficiency factors"));
        FleetReport report = FleetOptimizer.Run(input, new SolverSettings()).Report;
        if (report.Status is not ("optimal" or "feasible"))
        {
            throw new CatalogException($"fleet '{source.Path}' is {report.Status}: {report.Reason}");
        }

        var byMonth = report.Months.ToDictionary(m => m.Month, StringComparer.Ordinal);
        var series = new double[source.Months];
        for (int m = 0; m < source.Months; m++)
        {
            string label = source.Start.AddMonths(m).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            series[m] = byMonth.TryGetValue(label, out FleetMonthReport? month)
                ? (month.ServedTokens > 0 ? month.CostUsd / month.ServedTokens * 1e6 : 0)
                : throw new CatalogException($"fleet '{source.Path}' covers {report.Start} for {report.HorizonMonths} months; the plan needs {label} too (lengthen the fleet's horizon)");
        }

        _derivations.Add(new Assumption(
            "costs.inference.from",
            Invariant($"${series[0]:0.####}..${series[^1]:0.####}/1M tokens by month"),
            Invariant($"burnrate fleet {source.Path}: each month's cheapest-fleet cost ÷ the tokens it serves ({report.Status}, total {report.TotalCostUsd:0} USD); the plan multiplies by its own tokens")));
        return series;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
