using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Catalog.Resolution;
using Burnrate.Catalog.Services;
using Burnrate.Core.Economics;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Burnrate.Core.Training;
using Burnrate.Core.Validation;
using Burnrate.Planning.Fleet;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Derivation;

/// <summary>
/// Answers a scenario's <c>from:</c> with Burnrate's own cost model: <c>costs.inference.from</c> runs the infer estimator
/// (blended cost per 1M tokens served), <c>costs.training[].from</c> runs the train estimator (GPU-hours × price).
/// Each derivation is recorded so the plan output can show where its numbers came from. Bad or infeasible input is Core's
/// <see cref="InputException"/> (unlocated: the scenario reader locates it at the <c>from:</c> entry); an unknown id is the
/// catalog's <see cref="CatalogException"/> with its nearest ids.
/// </summary>
public sealed class CostModelDeriver : ICostDeriver
{
    private readonly BurnrateCatalog _catalog;
    private readonly List<CostDerivation> _derivations = [];

    /// <summary>Initializes a new instance of the <see cref="CostModelDeriver"/> class.</summary>
    /// <param name="catalog">The catalog that resolves model and accelerator ids.</param>
    public CostModelDeriver(BurnrateCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
    }

    /// <summary>Gets one named assumption per derived figure, with the inputs that produced it.</summary>
    public IReadOnlyList<Assumption> Derivations => [.. _derivations.Select(d => d.Summary)];

    /// <summary>Gets every derivation with the typed answer of the use case behind it (the infer or train report), in the order made.</summary>
    public IReadOnlyList<CostDerivation> Details => _derivations;

    /// <inheritdoc />
    public UsdPerMillionTokens DeriveInferenceCostPerMillionTokens(InferenceCostSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var workload = new InferenceWorkload((int)source.InputTokens, (int)source.OutputTokens, source.Concurrency);
        if (workload.Validate() is { } badWorkload)
        {
            throw new InputException(badWorkload);
        }

        // The infer use case of `burnrate infer` (the same resolver: one replica of tp = gpus, bf16 unless given, the one price
        // policy; default efficiencies), so the report shows the whole answer the figure comes from.
        InferReport report = InferService.Run(_catalog, new InferRequest
        {
            Deployment = new DeploymentRequest
            {
                Model = source.Model,
                Gpu = source.Gpu,
                Gpus = source.Gpus,
                Weights = source.Weights,
                Price = new PriceRequest { GpuHourUsd = source.GpuHourUsd },
            },
            InputTokens = workload.InputTokens,
            OutputTokens = workload.OutputTokens,
            Concurrency = workload.Concurrency,
        });
        if (!report.FitsInMemory || report.CostPerRequestUsd is not { } costPerRequest || report.CostPerHourUsd is not { } costPerHour)
        {
            throw new InputException($"{report.Model} does not fit on {source.Gpus}×{report.Gpu} at {report.Weights} with concurrency {source.Concurrency}: short by {new Bytes(report.MemoryShortfallPerGpuBytes)} per device");
        }

        // Blended: what one request costs spread over every token it moves (input and output), as a plan counts tokens served.
        double blended = costPerRequest / (source.InputTokens + source.OutputTokens) * 1e6;
        var pricePerGpuHour = new UsdPerGpuHour(costPerHour / report.Gpus);
        _derivations.Add(new CostDerivation(new Assumption(
            "costs.inference.from",
            Invariant($"${blended:0.####}/1M tokens"),
            Invariant($"burnrate infer {report.Model} --gpu {report.Gpu} --gpus {source.Gpus} --weights {report.Weights} --input {source.InputTokens} --output {source.OutputTokens} --concurrency {source.Concurrency}{PriceOption(source.GpuHourUsd)}: cost per request ÷ (input + output) tokens at {pricePerGpuHour}, default efficiencies")))
        {
            Infer = report,
        });
        return new UsdPerMillionTokens(blended);
    }

    /// <inheritdoc />
    public Usd DeriveTrainingCostUsd(TrainingCostSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        // The train use case of `burnrate train` with its sourced defaults (sequence length, bf16, ZeRO-1, selective recompute).
        double mfu = source.Mfu ?? TrainingDefaults.Mfu.Value;
        TrainReport report = TrainService.Run(_catalog, new TrainRequest
        {
            Model = source.Model,
            Tokens = source.Tokens,
            Gpu = source.Gpu,
            Gpus = source.Gpus,
            Mfu = source.Mfu,
            Price = new PriceRequest { GpuHourUsd = source.GpuHourUsd },
        });
        var cost = new Usd(report.CostUsd);
        _derivations.Add(new CostDerivation(new Assumption(
            "costs.training.from",
            cost.ToString(),
            Invariant($"burnrate train {report.Model} --tokens {source.Tokens:0.###e0} --gpu {report.Gpu} --gpus {source.Gpus} --mfu {mfu}{PriceOption(source.GpuHourUsd)}: {new GpuHours(report.GpuHours)} × {new UsdPerGpuHour(report.PricePerGpuHourUsd)} over {Duration.FromSeconds(report.WallClockSeconds)}")))
        {
            Train = report,
        });
        return cost;
    }

    /// <inheritdoc />
    public IReadOnlyList<double> DeriveFleetCostPerMillionTokens(FleetCostSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        FleetInput input = FleetReader.ReadFile(source.Path, new ServingCapacityDeriver(_catalog, EfficiencyFactors.Default, "default efficiency factors"));
        FleetReport report = FleetOptimizer.Run(input, new SolverSettings()).Report;
        if (report.Status is not ("optimal" or "feasible"))
        {
            throw new InputException($"fleet '{source.Path}' is {report.Status}: {report.Reason}");
        }

        var byMonth = report.Months.ToDictionary(m => m.Month, StringComparer.Ordinal);
        var series = new double[source.Months];
        for (int m = 0; m < source.Months; m++)
        {
            string label = source.Start.AddMonths(m).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            series[m] = byMonth.TryGetValue(label, out FleetMonthReport? month)
                ? (month.ServedTokens > 0 ? month.CostUsd / month.ServedTokens * 1e6 : 0)
                : throw new InputException($"fleet '{source.Path}' covers {report.Start} for {report.HorizonMonths} months; the plan needs {label} too (lengthen the fleet's horizon)");
        }

        _derivations.Add(new CostDerivation(new Assumption(
            "costs.inference.from",
            Invariant($"${series[0]:0.####}..${series[^1]:0.####}/1M tokens by month"),
            Invariant($"burnrate fleet {source.Path}: each month's cheapest-fleet cost ÷ the tokens it serves ({report.Status}, total {report.TotalCostUsd:0} USD); the plan multiplies by its own tokens"))));
        return series;
    }

    // The derivation's command must reproduce its figure, so a price given in the scenario is part of it.
    private static string PriceOption(double? gpuHourUsd) => gpuHourUsd is { } usd ? " --gpu-hour-usd " + NumberText.Plain(usd) : "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
