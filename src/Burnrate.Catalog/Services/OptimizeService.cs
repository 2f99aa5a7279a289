using System.Diagnostics;
using Burnrate.Catalog.Resolution;
using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Services;

/// <summary>
/// The optimize use case, shared by <c>burnrate optimize</c> and <c>POST /api/optimize</c>: validates an
/// <see cref="OptimizeRequest"/>, prices the accelerators with <see cref="PricePolicy"/>, runs <see cref="InferenceSearch"/>
/// (once over every model, and once per model when there are several, for the cheapest configuration per model) and
/// reports the kept configurations as the estimator states them.
/// </summary>
public static class OptimizeService
{
    /// <summary>Gets the weight precisions tried by default.</summary>
    public static IReadOnlyList<string> DefaultWeights { get; } = ["bf16", "fp8", "int8", "int4"];

    /// <summary>Gets the KV-cache precisions tried by default.</summary>
    public static IReadOnlyList<string> DefaultKvCaches { get; } = ["bf16", "fp8"];

    /// <summary>The default number of configurations reported.</summary>
    public const int DefaultTop = 5;

    /// <summary>The default largest deployment in devices.</summary>
    public const int DefaultMaxDevices = 8;

    /// <summary>Runs the request.</summary>
    /// <param name="catalog">The catalog that resolves ids and prices.</param>
    /// <param name="request">The request.</param>
    /// <param name="progress">Told how far the search is (setups searched of all); null for none.</param>
    /// <param name="cancellationToken">Stops the search between parallel layouts (the web API cancels when the client goes away).</param>
    /// <returns>The report.</returns>
    /// <exception cref="InputException">A field is out of range, or no accelerator has a price.</exception>
    /// <exception cref="CatalogException">An id is unknown, or a config.json or calibration file cannot be read.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static OptimizeReport Run(BurnrateCatalog catalog, OptimizeRequest request, IProgress<SearchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(request);
        InputException.ThrowIfAny(request.Validate());
        var assumptions = new List<Assumption>();
        List<ModelArchitecture> models = [.. request.Models.Select(catalog.Model)];
        int input = request.InputTokens ?? ServingDefaults.InputTokens;
        int output = request.OutputTokens ?? ServingDefaults.OutputTokens;
        assumptions.Add(new Assumption("input", NumberText.Grouped(input) + " tokens", request.InputTokens is null ? "default" : "user"));
        assumptions.Add(new Assumption("output", NumberText.Grouped(output) + " tokens", request.OutputTokens is null ? "default" : "user"));
        (EfficiencyFactors efficiency, IReadOnlyList<Assumption> named) = EfficiencyResolver.Resolve(
            request.ComputeEfficiency, request.BandwidthEfficiency, request.CommunicationEfficiency, request.CalibrationFile);
        assumptions.AddRange(named);
        var slo = new ServiceLevelObjective(request.SloTtft ?? OptimizeRequest.DefaultSloTtft, request.SloTpot ?? OptimizeRequest.DefaultSloTpot);
        assumptions.Add(new Assumption("slo-ttft", slo.Ttft.ToString(), request.SloTtft is null ? "default" : "user"));
        assumptions.Add(new Assumption("slo-tpot", slo.Tpot.ToString(), request.SloTpot is null ? "default" : "user"));
        int maxDevices = request.MaxDevices ?? DefaultMaxDevices;
        (double pue, Assumption pueAssumption) = PricePolicy.Pue(request.Price);
        assumptions.Add(pueAssumption);
        List<PricedAccelerator> accelerators = Accelerators(catalog, request, assumptions);
        var space = new SearchSpace
        {
            Models = models,
            Accelerators = accelerators,
            DeviceCounts = DeviceCounts(maxDevices, request.Replicas),
            Replicas = request.Replicas is { } replicas ? [.. replicas.Distinct().Order()] : null,
            Weights = [.. (request.Weights ?? DefaultWeights).Select(t => Precisions.Parse("weights", t, ServingDefaults.WeightFormats)).Distinct()],
            KvCaches = [.. (request.KvCache ?? DefaultKvCaches).Select(t => Precisions.Parse("kvCache", t, ServingDefaults.KvFormats)).Distinct()],
            Concurrencies = request.Concurrency is { } list ? [.. list.Distinct().Order()] : SearchSpace.DefaultConcurrencies,
            InputTokens = input,
            OutputTokens = output,
            Slo = slo,
            BudgetPerHour = request.BudgetUsdPerHour is { } usd ? new Usd(usd) : null,
            Efficiency = efficiency,
            MemoryReserve = request.MemoryReserve ?? ServingDefaults.MemoryReserve,
            PowerUtilization = request.PowerUtilization ?? ServingDefaults.PowerUtilization,
            Pue = pue,
            CollectiveLatency = request.CollectiveLatency ?? ServingDefaults.CollectiveLatency,
            Keep = request.Top ?? DefaultTop,
        };
        string replicaText = space.Replicas is { } r ? $"replicas {string.Join("/", r)} of every power-of-two tp × pp" : "every power-of-two tp × pp split (rest as replicas)";
        assumptions.Add(new Assumption("search", $"devices {string.Join("/", space.DeviceCounts)}; {replicaText}; MoE models also ep = tp × pp", (request.MaxDevices is null ? "default: " : "user: ") + "--max-devices " + maxDevices.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        assumptions.Add(new Assumption("objective", "cost per request", "all-in (prefill + decode) at the stated input/output; one row per hardware setup at its cheapest feasible concurrency"));

        var clock = Stopwatch.StartNew();
        SearchResult result = InferenceSearch.Run(space, progress, cancellationToken);
        clock.Stop();

        if (result.Cheapest.Count > 0)
        {
            // The physics assumptions of the model, as the best configuration states them.
            InferenceResult full = OptimizeConfiguration.From(space, result.Cheapest[0]).Result;
            assumptions.AddRange(full.Assumptions.Where(a => a.Name is not ("batching" or "compute-precision") && assumptions.TrueForAll(x => x.Name != a.Name)));
        }

        OptimizeReport report = OptimizeReport.From(space, result, Duration.FromSeconds(clock.Elapsed.TotalSeconds), assumptions);
        return models.Count > 1 ? report with { BestByModel = BestByModel(space, result, cancellationToken) } : report;
    }

    /// <summary>Gets the device counts to search: the powers of two up to <paramref name="maxDevices"/>, or with replica counts
    /// every replicas × 2^k up to it (a replica of TP × PP devices, both powers of two).</summary>
    private static List<int> DeviceCounts(int maxDevices, IReadOnlyList<int>? replicas)
    {
        IEnumerable<int> units = Enumerable.Range(0, 31).Select(i => 1 << i).TakeWhile(d => d <= maxDevices);
        return replicas is null
            ? [.. units]
            : [.. replicas.SelectMany(r => units.Select(u => (long)r * u)).Where(d => d <= maxDevices).Select(d => (int)d).Distinct().Order()];
    }

    /// <summary>Gets each model's cheapest feasible configuration: from the overall list when the model is in it, else from
    /// a search of that model alone over the same space (the same limits, so the same answer the overall search would keep).</summary>
    private static Dictionary<string, OptimizeConfiguration?> BestByModel(SearchSpace space, SearchResult result, CancellationToken cancellationToken)
    {
        var best = new Dictionary<string, OptimizeConfiguration?>(StringComparer.Ordinal);
        for (int m = 0; m < space.Models.Count; m++)
        {
            string id = space.Models[m].Id;
            if (best.ContainsKey(id))
            {
                continue;
            }

            int index = m;
            if (result.Cheapest.Where(c => c.Model == index).Select(c => (SearchCandidate?)c).FirstOrDefault() is { } kept)
            {
                best[id] = OptimizeConfiguration.From(space, kept).Configuration;
                continue;
            }

            SearchSpace alone = space with { Models = [space.Models[m]], Keep = 1 };
            SearchResult own = InferenceSearch.Run(alone, null, cancellationToken);
            best[id] = own.Cheapest.Count > 0 ? OptimizeConfiguration.From(alone, own.Cheapest[0]).Configuration : null;
        }

        return best;
    }

    private static List<PricedAccelerator> Accelerators(BurnrateCatalog catalog, OptimizeRequest request, List<Assumption> assumptions)
    {
        bool explicitList = request.GpusAllowed is { Count: > 0 };
        IEnumerable<AcceleratorSpec> specs = explicitList ? request.GpusAllowed.Select(catalog.Accelerator) : catalog.Accelerators;
        var priced = new List<PricedAccelerator>();
        var skipped = new List<string>();
        foreach (AcceleratorSpec gpu in specs.DistinctBy(a => a.Id))
        {
            try
            {
                ResolvedPrice price = PricePolicy.Resolve(gpu, request.Price);
                priced.Add(new PricedAccelerator(gpu, price.PricePerDeviceHour, price.DevicePower));
                assumptions.AddRange(price.Assumptions.Where(a => a.Name != "pue").Select(a => a with { Name = a.Name + " (" + gpu.Id + ")" }));
            }
            catch (InputException e) when (!explicitList)
            {
                skipped.Add(gpu.Id + ": " + string.Join("; ", e.Errors.Select(x => x.Allowed)));
            }
        }

        if (skipped.Count > 0)
        {
            assumptions.Add(new Assumption("skipped-accelerators", string.Join("; ", skipped), "no price or TDP in the catalog; name them in --gpus-allowed with --gpu-hour-usd/--device-watts"));
        }

        return priced.Count > 0 ? priced : throw new InputException("gpusAllowed", "", "accelerator ids with a price: no catalog accelerator has one (give --gpu-hour-usd too)");
    }
}
