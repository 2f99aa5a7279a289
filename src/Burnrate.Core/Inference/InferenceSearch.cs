using Burnrate.Core.Hardware;

namespace Burnrate.Core.Inference;

/// <summary>
/// Exhaustive search for the cheapest serving configuration that meets TTFT and TPOT targets. Per-model and per-setup constants
/// are computed once; the inner loop over concurrency is the allocation-free kernel, so millions of configurations a second are evaluated.
/// </summary>
public static class InferenceSearch
{
    /// <summary>Runs the search.</summary>
    /// <param name="space">What to enumerate.</param>
    /// <returns>Counts, the cheapest configurations and the Pareto frontier.</returns>
    /// <exception cref="ArgumentException">The space has no models, accelerators, or a bad request shape.</exception>
    public static SearchResult Run(SearchSpace space) => Run(space, null);

    /// <summary>Runs the search and reports how far it is after each hardware setup.</summary>
    /// <param name="space">What to enumerate.</param>
    /// <param name="progress">Told the setups searched and their total; null for none.</param>
    /// <param name="cancellationToken">Stops the search between parallel layouts (the web API cancels when the client goes away).</param>
    /// <returns>Counts, the cheapest configurations and the Pareto frontier.</returns>
    /// <exception cref="ArgumentException">The space has no models, accelerators, or a bad request shape.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static SearchResult Run(SearchSpace space, IProgress<SearchProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        Validation.InputException.ThrowIfAny(space.Validate());

        var state = new SearchState(space.Keep);
        double ttftLimit = space.Slo.Ttft.Seconds;
        double tpotLimit = space.Slo.Tpot.Seconds;
        double budget = space.BudgetPerHour?.Value ?? double.PositiveInfinity;
        int[] concurrencies = [.. space.Concurrencies];
        int[]? replicas = space.Replicas is { } r ? [.. r.Distinct().Order()] : null;
        long setups = (long)space.Models.Count * space.Accelerators.Count * space.DeviceCounts.Count, done = 0;

        for (int mi = 0; mi < space.Models.Count; mi++)
        {
            var model = new ModelProfile(space.Models[mi]);
            for (int ai = 0; ai < space.Accelerators.Count; ai++)
            {
                PricedAccelerator a = space.Accelerators[ai];
                var money = new ServingSetup.Money(space.MemoryReserve, a.Price.Value, a.Power.Value * space.PowerUtilization * space.Pue);
                foreach (int devices in space.DeviceCounts)
                {
                    for (int tp = 1; tp <= devices; tp *= 2)
                    {
                        for (int pp = 1; tp * pp <= devices; pp *= 2)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            if (devices % (tp * pp) != 0 || (replicas is not null && Array.BinarySearch(replicas, devices / (tp * pp)) < 0))
                            {
                                continue;
                            }

                            // MoE models also try experts spread over the whole replica (EP = TP × PP) where the experts divide evenly.
                            int replicaDevices = tp * pp;
                            bool tryEp = model.RoutedExperts > 0 && replicaDevices > 1 && model.RoutedExperts % replicaDevices == 0;
                            var key = new SearchCandidate(mi, ai, devices, tp, pp, 1, default, default, default, 0, 0, 0, 0, 0);
                            SearchLayout(space, model, a, money, key, concurrencies, ttftLimit, tpotLimit, budget, ref state);
                            if (tryEp)
                            {
                                SearchLayout(space, model, a, money, key with { Ep = replicaDevices }, concurrencies, ttftLimit, tpotLimit, budget, ref state);
                            }
                        }
                    }

                    progress?.Report(new SearchProgress(++done, setups));
                }
            }
        }

        return state.ToResult();
    }

    /// <summary>Rebuilds the full deployment of a candidate, for a complete <see cref="InferenceEstimator.Estimate"/>.</summary>
    /// <param name="space">The space searched.</param>
    /// <param name="candidate">A candidate it returned.</param>
    /// <returns>The deployment.</returns>
    public static InferenceDeployment Deployment(SearchSpace space, SearchCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(space);
        PricedAccelerator a = space.Accelerators[candidate.Accelerator];
        return new InferenceDeployment
        {
            Accelerator = a.Spec, Devices = candidate.Devices, TensorParallel = candidate.Tp, PipelineParallel = candidate.Pp, ExpertParallel = candidate.Ep,
            Weights = candidate.Weights, KvCache = candidate.KvCache, Compute = candidate.Compute, MemoryReserve = space.MemoryReserve,
            PricePerDeviceHour = a.Price, DevicePower = a.Power, PowerUtilization = space.PowerUtilization, Pue = space.Pue,
            CollectiveLatency = space.CollectiveLatency, CollectiveHopLatency = space.CollectiveHopLatency,
        };
    }

    private static void SearchLayout(
        SearchSpace space, in ModelProfile model, PricedAccelerator a, ServingSetup.Money money, SearchCandidate key, int[] concurrencies,
        double ttftLimit, double tpotLimit, double budget, ref SearchState state)
    {
        var layout = new ServingSetup.Layout(key.Devices, key.Tp, key.Pp, key.Ep, space.CollectiveLatency.Seconds) { HopLatencySeconds = space.CollectiveHopLatency.Seconds };
        foreach (Precision weights in space.Weights)
        {
            Precision compute = InferenceDeployment.DefaultCompute(a.Spec, weights);
            if (!a.Spec.Supports(compute))
            {
                continue; // no 16-bit matmul peak published for this chip
            }

            double peak = a.Spec.PeakFlops[compute].Value;
            foreach (Precision kv in space.KvCaches)
            {
                var setup = new ServingSetup(
                    model, layout, peak, a.Spec.MemoryBandwidth.Value, a.Spec.InterconnectBandwidth.Value, a.Spec.Memory.Value,
                    new ServingSetup.Formats(weights.BytesPerElement(), kv.BytesPerElement(), space.Efficiency.WeightRead(weights, compute)), space.Efficiency, money);
                SearchCandidate setupKey = key with { Weights = weights, KvCache = kv, Compute = compute, CostPerHourUsd = setup.CostPerSecond * 3600 };
                SearchSetup(setup, setupKey, space.InputTokens, space.OutputTokens, concurrencies, ttftLimit, tpotLimit, budget, ref state);
            }
        }
    }

    private static void SearchSetup(
        in ServingSetup setup, SearchCandidate key, int input, int output, int[] concurrencies, double ttftLimit, double tpotLimit, double budget, ref SearchState state)
    {
        StepTime prefill = InferenceKernel.Prefill(setup, input);
        bool overBudget = setup.CostPerSecond * 3600 > budget;
        SearchCandidate best = default;
        bool any = false;
        foreach (int c in concurrencies)
        {
            InferenceKernel.Evaluate(setup, prefill, input, output, c, out InferenceFigures f);
            state.Evaluated++;
            bool ok = true;
            if (!f.Fits)
            {
                state.FailedMemory++;
                ok = false;
            }

            if (f.TtftSeconds > ttftLimit)
            {
                state.FailedTtft++;
                ok = false;
            }

            if (f.TpotSeconds > tpotLimit)
            {
                state.FailedTpot++;
                ok = false;
            }

            if (overBudget)
            {
                state.FailedBudget++;
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            state.Feasible++;
            SearchCandidate candidate = key with { Concurrency = c, TtftSeconds = f.TtftSeconds, TpotSeconds = f.TpotSeconds, CostPerRequestUsd = f.CostPerRequestUsd };
            state.OfferPareto(candidate);
            if (!any || candidate.CostPerRequestUsd < best.CostPerRequestUsd)
            {
                best = candidate;
                any = true;
            }
        }

        if (any)
        {
            state.OfferCheapest(best);
        }
    }
}
