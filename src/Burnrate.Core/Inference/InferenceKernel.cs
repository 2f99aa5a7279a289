namespace Burnrate.Core.Inference;

/// <summary>
/// The allocation-free roofline model of serving (formulas and citations in docs/infer.md). Split in a request part
/// (prefill, memory per sequence: independent of concurrency) and a batch part so a search can reuse the first.
/// </summary>
internal static partial class InferenceKernel
{
    /// <summary>Bytes each layer reads and writes per token of activations: the hidden state in and out, bf16.</summary>
    private const double ActivationTouchesPerLayer = 2;

    /// <summary>All-reduces per layer under Megatron tensor parallelism: after attention and after the MLP (Shoeybi et al. 2019, arXiv 1909.08053).</summary>
    private const double AllReducesPerLayer = 2;

    /// <summary>Times the prefill of one request of <paramref name="inputTokens"/> tokens on one replica, alone.</summary>
    public static StepTime Prefill(in ServingSetup s, int inputTokens) => Mixed(s, inputTokens, 0, 0);

    /// <summary>Times one step of a replica that prefills <paramref name="promptTokens"/> tokens of one request together with one
    /// decode token of each of <paramref name="decodeSequences"/> running sequences at <paramref name="context"/> tokens (chunked
    /// prefill under continuous batching, Agrawal et al. 2024, Sarathi-Serve, arXiv 2403.02310). The weights are read once for
    /// both; the pass goes through the PP stages one after another. With no decode sequences it is a plain prefill.</summary>
    public static StepTime Mixed(in ServingSetup s, double promptTokens, double decodeSequences, double context)
    {
        ModelProfile m = s.Model;
        double n = promptTokens;
        double tokens = n + decodeSequences;
        // 2·N per token for the layers' matmuls, plus causal attention: Σ_{i=1..n} a·i = a·n(n+1)/2; decode tokens attend to their
        // context. The output head runs for the prompt's last token only: serving engines compute logits just where they sample.
        double prefillFlop = (2 * (m.ActiveComputeParams - m.HeadParams) * n) + (2 * m.HeadParams * PromptLogitRows(n)) + (m.AttentionFlopPerTokenPerContext * n * (n + 1) / 2);
        double decodeFlop = decodeSequences * ((2 * m.ActiveComputeParams) + (m.AttentionFlopPerTokenPerContext * context));
        double compute = ((prefillFlop / s.Efficiency.PrefillCompute(Math.Max(1, n))) + (decodeFlop / s.Efficiency.Compute)) / (s.Tp * s.PeakFlops);
        double weights = s.WeightBytesPerElement * (m.AlwaysReadParams + (m.MoeLayers * m.ExpertParams * m.ExpertsTouched(tokens))) / s.Tp;
        double kv = (n + (decodeSequences * context)) * s.KvBytesPerTokenPerDevice * s.Pp; // prompt KV written, running KV read
        double activations = tokens * m.Hidden * m.Layers * ActivationTouchesPerLayer * ServingSetup.ActivationBytes;
        double memory = (weights + kv + activations) / s.ByteRate;
        return Roofline(s, compute, memory, weights / s.ByteRate, Communication(s, tokens, m.Layers, m.MoeLayers));
    }

    /// <summary>Gets the rows of logits a prefill of <paramref name="promptTokens"/> tokens computes: one, for the prompt's last
    /// token, which samples the first output token (vLLM's logits processor prunes the hidden states to the sampled positions;
    /// TensorRT-LLM gathers context logits only with <c>gather_context_logits</c>; llama.cpp outputs the last token's logits
    /// unless a batch asks for more).</summary>
    internal static double PromptLogitRows(double promptTokens) => promptTokens > 0 ? 1 : 0;

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
        StepTime stage = Roofline(s, compute, memory, weights / s.ByteRate, comm);
        return new StepTime(s.Pp * stage.ComputeSeconds, s.Pp * stage.MemorySeconds, s.Pp * stage.CommunicationSeconds, s.Pp * stage.OverheadSeconds);
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
        f.TtftSeconds = Ttft(s, prefill, f.Decode, n, batch, context);
        f.TpotSeconds = tpot;
        f.E2eSeconds = f.TtftSeconds + ((o - 1) * tpot);

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

    /// <summary>TTFT under continuous batching: alone on its replica it is the prefill; with other sequences decoding, a new request
    /// waits on average half a running decode step, then is prefilled in one step together with their decode tokens.</summary>
    private static double Ttft(in ServingSetup s, in StepTime prefill, in StepTime decode, double n, double batch, double context) =>
        batch <= 1 ? prefill.Seconds : (0.5 * decode.Seconds) + Mixed(s, n, batch - 1, context).Seconds;

    /// <summary>max(compute, memory) with the weight-only read penalty (weights read at <see cref="ServingSetup.WeightRead"/> of the
    /// 16-bit rate) and the fixed step overhead booked as overhead, so compute and memory stay the pure roofline terms.</summary>
    private static StepTime Roofline(in ServingSetup s, double compute, double memory, double weightSeconds, double communication)
    {
        double penalty = weightSeconds * ((1 / s.WeightRead) - 1);
        double overhead = Math.Max(compute, memory + penalty) - Math.Max(compute, memory);
        return new StepTime(compute, memory, communication, overhead + s.StepOverheadSeconds);
    }
}
