using System.Globalization;
using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;

namespace Burnrate.Core.Inference;

/// <summary>Estimates serving latency, throughput, memory, cost and energy from first principles (roofline; docs/infer.md).</summary>
public static class InferenceEstimator
{
    /// <summary>Estimates one deployment serving one workload. A deployment that does not fit is reported with its shortfall, not thrown.</summary>
    /// <param name="model">The architecture.</param>
    /// <param name="deployment">The deployment; must pass <see cref="InferenceDeployment.Validate"/>.</param>
    /// <param name="workload">The workload; must pass <see cref="InferenceWorkload.Validate"/>.</param>
    /// <param name="efficiency">The efficiency factors.</param>
    /// <returns>The figures and their assumptions.</returns>
    /// <exception cref="ArgumentException">The deployment or workload is invalid.</exception>
    public static InferenceResult Estimate(ModelArchitecture model, InferenceDeployment deployment, InferenceWorkload workload, EfficiencyFactors efficiency)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(efficiency);
        if (deployment.Validate(model.Moe?.RoutedExperts ?? 0) is { } bad)
        {
            throw new ArgumentException(bad, nameof(deployment));
        }

        if (workload.Validate() is { } badWorkload)
        {
            throw new ArgumentException(badWorkload, nameof(workload));
        }

        var profile = new ModelProfile(model);
        var setup = new ServingSetup(profile, deployment, efficiency);
        StepTime prefill = InferenceKernel.Prefill(setup, workload.InputTokens);
        InferenceKernel.Evaluate(setup, prefill, workload.InputTokens, workload.OutputTokens, workload.Concurrency, out InferenceFigures f);
        List<Assumption> assumptions = Assumptions(model, deployment, workload, profile);
        assumptions.AddRange(EfficiencyAssumptions(deployment, workload, efficiency));

        return new InferenceResult
        {
            Ttft = Duration.FromSeconds(f.TtftSeconds),
            Tpot = Duration.FromSeconds(f.TpotSeconds),
            E2e = Duration.FromSeconds(f.E2eSeconds),
            OutputTokensPerSecond = f.OutputTokensPerSecond,
            RequestsPerSecond = f.RequestsPerSecond,
            MaxConcurrency = f.MaxConcurrency,
            KvCacheBytesPerToken = new Bytes(setup.KvBytesPerToken),
            WeightBytesPerDevice = new Bytes(setup.WeightBytesPerDevice),
            MemoryPerDevice = new Bytes(f.MemoryPerDeviceBytes),
            FitsInMemory = f.Fits,
            MemoryShortfallPerDevice = new Bytes(f.Fits ? 0 : Math.Max(0, f.MemoryPerDeviceBytes - setup.MemoryBytes)),
            DecodeBound = f.Decode.Bound,
            PrefillBound = f.Prefill.Bound,
            DecodeParts = Parts(f.Decode),
            PrefillParts = Parts(f.Prefill),
            DecodeOverhead = Duration.FromSeconds(f.Decode.OverheadSeconds),
            PrefillOverhead = Duration.FromSeconds(f.Prefill.OverheadSeconds),
            PrefillShare = f.PrefillShare,
            CostPerHour = new Usd(setup.CostPerSecond * 3600),
            CostPerMillionInputTokens = new UsdPerMillionTokens(f.CostPerMillionInputUsd),
            CostPerMillionOutputTokens = new UsdPerMillionTokens(f.CostPerMillionOutputUsd),
            CostPerRequest = new Usd(f.CostPerRequestUsd),
            EnergyPerOutputToken = new Joules(f.EnergyJoulesPerOutputToken),
            Layout = (setup.Replicas, (double)workload.Concurrency / Math.Min(setup.Replicas, workload.Concurrency)),
            Assumptions = assumptions,
        };
    }

    /// <summary>Splits the decode step behind TPOT and the prefill of one prompt alone into attention projections, attention
    /// scores, MLP/experts, output head, communication and overhead, each with its binding resource (docs/infer.md "Breakdown").
    /// The FLOP and byte terms are the kernel's own, so each step's parts sum to the step time <see cref="Estimate"/> uses.</summary>
    /// <param name="model">The architecture.</param>
    /// <param name="deployment">The deployment; must pass <see cref="InferenceDeployment.Validate"/>.</param>
    /// <param name="workload">The workload; must pass <see cref="InferenceWorkload.Validate"/>.</param>
    /// <param name="efficiency">The efficiency factors.</param>
    /// <returns>The decode step, then the prefill.</returns>
    /// <exception cref="ArgumentException">The deployment or workload is invalid.</exception>
    public static IReadOnlyList<StepBreakdown> Breakdown(ModelArchitecture model, InferenceDeployment deployment, InferenceWorkload workload, EfficiencyFactors efficiency)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(efficiency);
        if (deployment.Validate(model.Moe?.RoutedExperts ?? 0) is { } bad)
        {
            throw new ArgumentException(bad, nameof(deployment));
        }

        if (workload.Validate() is { } badWorkload)
        {
            throw new ArgumentException(badWorkload, nameof(workload));
        }

        var setup = new ServingSetup(new ModelProfile(model), deployment, efficiency);
        double batch = (double)workload.Concurrency / Math.Min(setup.Replicas, workload.Concurrency);
        double context = workload.InputTokens + (workload.OutputTokens / 2.0);
        StepTime decode = InferenceKernel.Decode(setup, batch, context);
        StepTime prefill = InferenceKernel.Prefill(setup, workload.InputTokens);
        return
        [
            InferenceKernel.Breakdown("decode", decode, InferenceKernel.DecodeParts(setup, batch, context)),
            InferenceKernel.Breakdown("prefill", prefill, InferenceKernel.PrefillParts(setup, workload.InputTokens)),
        ];
    }

    private static IEnumerable<Assumption> EfficiencyAssumptions(InferenceDeployment d, InferenceWorkload w, EfficiencyFactors e)
    {
        yield return new("prefill-compute-efficiency", Percent(e.PrefillCompute(w.InputTokens)), string.Create(CultureInfo.InvariantCulture, $"compute × {e.LongPrefillRatio:0.##} × T ÷ (T + {e.PrefillHalfTokens:0}) at T = {Int(w.InputTokens)} prompt tokens per step (long prompts: Pope et al. 2022, 76% prefill MFU)"));
        double read = e.WeightRead(d.Weights, d.Compute);
        if (read < 1)
        {
            // The default cites its benchmark; a calibrated or given rate is not that benchmark's figure.
            double defaultRead = EfficiencyFactors.Default.WeightRead(d.Weights, d.Compute);
            string source = read == defaultRead
                ? "gpt-fast README; llama.cpp PR #4766"
                : string.Create(CultureInfo.InvariantCulture, $"the efficiency factors given (a calibration file or an override), not the default {Percent(defaultRead)}");
            yield return new("weight-only-read", Percent(read), $"{d.Weights.Id()} weights dequantized in a {d.Compute.Id()} kernel are read at this share of the 16-bit rate ({source})");
        }

        if (d.WeightGroupSize > 0)
        {
            yield return new("quantization-group", Int(d.WeightGroupSize), string.Create(CultureInfo.InvariantCulture, $"{d.Weights.BytesPerElement(d.WeightGroupSize):0.####} B per weight with scales (and int4 zero points) per group"));
        }

        if (d.StepOverhead.Seconds > 0)
        {
            yield return new("step-overhead", d.StepOverhead.ToString(), "user: fixed time added to every forward step");
        }
    }

    private static (Duration, Duration, Duration) Parts(StepTime t) =>
        (Duration.FromSeconds(t.ComputeSeconds), Duration.FromSeconds(t.MemorySeconds), Duration.FromSeconds(t.CommunicationSeconds));

    private static List<Assumption> Assumptions(ModelArchitecture model, InferenceDeployment d, InferenceWorkload w, in ModelProfile profile)
    {
        var list = new List<Assumption>
        {
            new("compute-precision", d.Compute.Id(), $"peak {d.Accelerator.PeakFlops[d.Compute]} dense ({d.Accelerator.Provenance.Source})"),
            new("memory-reserve", Percent(d.MemoryReserve), d.MemoryReserve == InferenceDeployment.DefaultMemoryReserve ? "default: vLLM gpu_memory_utilization 0.9" : "user"),
            new("interconnect-per-direction", (d.Accelerator.InterconnectBandwidth * 0.5).ToString(), "half the catalog's bidirectional aggregate: a ring all-reduce sends one way per link step"),
            new("collective-latency", d.CollectiveLatency + " + " + d.CollectiveHopLatency + " per hop", d.CollectiveLatency == InferenceDeployment.DefaultCollectiveLatency && d.CollectiveHopLatency == InferenceDeployment.DefaultCollectiveHopLatency ? "default: base + 2(n−1) hops per all-reduce over n devices (NCCL ring model); 26 µs at 8 devices, NCCL's estimate for small all-reduces on 8 H100s; 2 all-reduces per layer under TP" : "user"),
            new("activation-precision", "bf16", "activations and all-reduce messages stay 16-bit whatever the weight precision"),
            new("queueing", "chunked prefill", "TTFT = prefill alone at batch 1; with others decoding, half a decode step of waiting + one step prefilling the prompt beside their decode tokens (Sarathi-Serve, arXiv 2403.02310); no waiting queue"),
            new("decode-context", Int(w.InputTokens + (w.OutputTokens / 2)) + " tokens", "average over a request's decode: input + output ÷ 2"),
            new("batching", Int(w.Concurrency) + " sequences over " + Int(d.Replicas) + " replica(s)", "continuous batching; requests spread evenly (replicas beyond the concurrency idle, still paid); throughput counts prefill interruptions, TPOT does not"),
            new("power-utilization", Percent(d.PowerUtilization), d.PowerUtilization == 1 ? "default: devices at TDP (an upper bound on energy)" : "user"),
        };
        if (model.Mla is not null)
        {
            list.Add(new("kv-layout", "MLA latent", "compressed KV latent + RoPE key per layer, replicated across TP ranks (DeepSeek-V2 §2.1.2)"));
        }
        else if (d.TensorParallel > model.KvHeads)
        {
            list.Add(new("kv-layout", "replicated", $"tp {d.TensorParallel} > {model.KvHeads} KV heads: each KV head is stored on tp ÷ kvHeads ranks"));
        }

        if (model.Moe is { } moe)
        {
            list.Add(new("moe-routing", $"{moe.ExpertsPerToken} of {moe.RoutedExperts} experts", "uniform independent routing: a batch of B tokens touches E·(1 − (1 − k/E)^B) experts per layer"));
        }

        if (w.InputTokens + w.OutputTokens > profile.MaxContext)
        {
            list.Add(new("context-window", Int(profile.MaxContext), "warning: input + output exceeds the model's context window"));
        }

        return list;
    }

    private static string Percent(double v) => (v * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);
}
