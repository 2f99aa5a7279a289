namespace Burnrate.Core.Inference;

/// <summary>
/// The allocation-free roofline model of serving (formulas and citations in docs/infer.md). Split in a request part
/// (prefill, memory per sequence: independent of concurrency) and a batch part so a search can reuse the first.
/// </summary>
internal static class InferenceKernel
{
    /// <summary>Bytes each layer reads and writes per token of activations: the hidden state in and out, bf16.</summary>
    private const double ActivationTouchesPerLayer = 2;

    /// <summary>All-reduces per layer under Megatron tensor parallelism: after attention and after the MLP (Shoeybi et al. 2019, arXiv 1909.08053).</summary>
    private const double AllReducesPerLayer = 2;

    /// <summary>Times the prefill of one request of <paramref name="inputTokens"/> tokens on one replica, alone.</summary>
    public static StepTime Prefill(in ServingSetup s, int inputTokens)
    {
        ModelProfile m = s.Model;
        double n = inputTokens;
        // 2·N per token for the matmuls, plus causal attention: Σ_{i=1..n} a·i = a·n(n+1)/2.
        double flop = (2 * m.ActiveComputeParams * n) + (m.AttentionFlopPerTokenPerContext * n * (n + 1) / 2);
        double compute = flop / (s.Tp * s.FlopRate); // stages run one after another for a single request
        double weights = s.WeightBytesPerElement * (m.AlwaysReadParams + (m.MoeLayers * m.ExpertParams * m.ExpertsTouched(n))) / s.Tp;
        double kvWrite = n * s.KvBytesPerTokenPerDevice * s.Pp;
        double activations = n * m.Hidden * m.Layers * ActivationTouchesPerLayer * ServingSetup.ActivationBytes;
        double memory = (weights + kvWrite + activations) / s.ByteRate;
        return new StepTime(compute, memory, Communication(s, n, m.Layers, m.MoeLayers));
    }

    /// <summary>Times one decode step for a replica with <paramref name="batch"/> sequences at <paramref name="context"/> tokens:
    /// the batch is split into PP micro-batches, so a token passes PP stages each at micro-batch batch ÷ PP.</summary>
    public static StepTime Decode(in ServingSetup s, double batch, double context)
    {
        ModelProfile m = s.Model;
        double b = batch / s.Pp;
        double flop = b * ((2 * m.ActiveComputeParams) + (m.AttentionFlopPerTokenPerContext * context)) / s.Pp;
        double compute = flop / (s.Tp * s.FlopRate);
        double weights = s.WeightBytesPerElement * (m.AlwaysReadParams + (m.MoeLayers * m.ExpertParams * m.ExpertsTouched(b))) / (s.Pp * s.Tp);
        double kv = b * context * s.KvBytesPerTokenPerDevice;
        double activations = b * m.Hidden * ((double)m.Layers / s.Pp) * ActivationTouchesPerLayer * ServingSetup.ActivationBytes;
        double memory = (weights + kv + activations) / s.ByteRate;
        double comm = Communication(s, b, (double)m.Layers / s.Pp, (double)m.MoeLayers / s.Pp);
        return new StepTime(s.Pp * compute, s.Pp * memory, s.Pp * comm);
    }

    /// <summary>Evaluates a workload at a concurrency, given its prefill (computed once per request shape).</summary>
    public static void Evaluate(in ServingSetup s, in StepTime prefill, int inputTokens, int outputTokens, int concurrency, out InferenceFigures f)
    {
        double n = inputTokens;
        double o = outputTokens;
        // Fewer requests than replicas leave replicas idle: they cost money but serve nothing.
        int activeReplicas = Math.Min(s.Replicas, concurrency);
        double batch = (double)concurrency / activeReplicas;
        double context = n + (o / 2); // average context over the decode of one request

        // Memory: weights + KV at the full context of every sequence + the reserve.
        double kvPerSequence = (n + o) * s.KvBytesPerTokenPerDevice;
        double room = s.UsableMemoryBytes - s.WeightBytesPerDevice;
        double perReplicaMax = room <= 0 ? 0 : Math.Floor(room / kvPerSequence);
        int sequencesPerReplica = (concurrency + s.Replicas - 1) / s.Replicas;
        f.MaxConcurrency = (int)Math.Min(int.MaxValue, perReplicaMax * s.Replicas);
        f.MemoryPerDeviceBytes = s.WeightBytesPerDevice + (sequencesPerReplica * kvPerSequence) + s.ReserveBytes;
        f.Fits = room > 0 && sequencesPerReplica <= perReplicaMax;

        f.Prefill = prefill;
        f.Decode = Decode(s, batch, context);
        double p = prefill.Seconds;
        double tpot = f.Decode.Seconds;
        f.TtftSeconds = p;
        f.TpotSeconds = tpot;
        f.E2eSeconds = p + ((o - 1) * tpot);

        // Closed loop per replica: each of the batch's requests costs one prefill, and the batch advances one token per decode step.
        double cycle = (batch * p) + (o * tpot);
        f.PrefillShare = batch * p / cycle;
        f.RequestsPerSecond = activeReplicas * batch / cycle;
        f.OutputTokensPerSecond = o * f.RequestsPerSecond;
        f.CostPerRequestUsd = s.CostPerSecond / f.RequestsPerSecond;
        f.CostPerMillionInputUsd = s.CostPerSecond * f.PrefillShare / (f.RequestsPerSecond * n) * 1e6;
        f.CostPerMillionOutputUsd = s.CostPerSecond * (1 - f.PrefillShare) / f.OutputTokensPerSecond * 1e6;
        f.EnergyJoulesPerOutputToken = s.DeploymentWatts / f.OutputTokensPerSecond;
    }

    /// <summary>Tensor-parallel all-reduces (ring: 2(tp−1)/tp of the message per device; 2 per layer, after attention and after
    /// the FFN) and, with EP, the dispatch and combine all-to-alls of each MoE layer, which replace that layer's FFN all-reduce.
    /// A token goes to the distinct devices holding its k experts, ep·(1 − (1 − 1/ep)^k) on average, (ep−1)/ep of them remote.
    /// Each collective also costs a fixed latency.</summary>
    private static double Communication(in ServingSetup s, double tokens, double layers, double moeLayers)
    {
        double bytes = 0;
        double collectives = 0;
        double message = tokens * s.Model.Hidden * ServingSetup.ActivationBytes;
        double allReduces = layers * AllReducesPerLayer;
        if (s.Ep > 1)
        {
            allReduces -= moeLayers;
            bytes += moeLayers * 2 * message * s.EpDevicesPerToken * (s.Ep - 1) / s.Ep;
            collectives += moeLayers * 2;
        }

        if (s.Tp > 1)
        {
            bytes += allReduces * 2.0 * (s.Tp - 1) / s.Tp * message;
            collectives += allReduces;
        }

        return bytes == 0 ? 0 : (bytes / s.LinkRate) + (collectives * s.CollectiveLatencySeconds);
    }
}
