using Burnrate.Core.Models;
using Burnrate.Core.Quantities;

namespace Burnrate.Core.Training;

/// <summary>
/// Per-device training memory. Model states follow mixed-precision Adam as in Rajbhandari et al. 2020 (ZeRO, arXiv 1910.02054,
/// section 3.1): 2 bytes of 16-bit weights + 2 bytes of 16-bit gradients + K = 12 bytes of fp32 master weights, momentum and
/// variance per parameter, divided across data-parallel ranks by the ZeRO stage. Weights are split by TP·PP, and routed
/// expert weights also by EP. Activations follow Korthikanti et al. 2022 (arXiv 2205.05198), equations 1–2 and Table 2.
/// </summary>
public static class TrainingMemory
{
    /// <summary>Bytes of 16-bit weights per parameter.</summary>
    public const double WeightBytesPerParameter = 2;

    /// <summary>Bytes of 16-bit gradients per parameter.</summary>
    public const double GradientBytesPerParameter = 2;

    /// <summary>Bytes of fp32 master weights, Adam momentum and variance per parameter (ZeRO's K = 12).</summary>
    public const double OptimizerBytesPerParameter = 12;

    /// <summary>The model-state formula as printed.</summary>
    public const string StatesFormula = "per parameter 2 B weights + 2 B gradients + 12 B fp32 master/m/v (ZeRO's K=12); dense ÷ (tp·pp), routed experts ÷ (tp·pp·ep); ZeRO-1 shards optimizer states, ZeRO-2 also gradients, ZeRO-3/FSDP also weights, over dp (experts over dp÷ep)";

    /// <summary>The activation formula as printed.</summary>
    public const string ActivationFormula = "L · s·b·h·(c + 5·a·s/h) ÷ t bytes, c = 34 for a GPT layer, itemized per attention/FFN shape (sequence parallel; 1F1B keeps p micro-batches on stage 1 = L layers); selective: L·s·b·h·c ÷ t; full: L·s·b·h·2";

    /// <summary>The sources of the memory model.</summary>
    public const string Source = "Rajbhandari et al. 2020 (arXiv 1910.02054) §3.1 and §5; Korthikanti et al. 2022 (arXiv 2205.05198) eq. 1–2, §4.2.3, Table 2";

    /// <summary>Gets the memory one device needs for a run's layout, sharding, recomputation and micro-batch.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The breakdown.</returns>
    public static MemoryBreakdown PerDevice(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return PerDevice(run, run.Layout, run.Sharding, run.Recompute, run.MicroBatch);
    }

    /// <summary>Gets the memory one device needs under a given layout, sharding, recomputation and micro-batch.</summary>
    /// <param name="run">The run (model and sequence length are read from it).</param>
    /// <param name="layout">The parallel layout.</param>
    /// <param name="sharding">The state sharding.</param>
    /// <param name="recompute">The recomputation policy.</param>
    /// <param name="microBatch">The micro-batch in sequences.</param>
    /// <returns>The breakdown.</returns>
    public static MemoryBreakdown PerDevice(TrainingRun run, Parallelism layout, ShardingStrategy sharding, RecomputeMode recompute, int microBatch)
    {
        ArgumentNullException.ThrowIfNull(run);
        double experts = RoutedExpertParameters(run.Architecture);
        double dense = run.Parameters.Total - experts;
        double modelParallel = (double)layout.Tensor * layout.Pipeline;
        double denseHere = dense / modelParallel;
        double expertsHere = experts / (modelParallel * layout.Expert);
        double dp = Math.Max(1, layout.Data);
        double expertDp = Math.Max(1, (double)layout.Data / layout.Expert);

        int stage = sharding == ShardingStrategy.Fsdp ? 3 : (int)sharding;
        double Sharded(int fromStage, double bytesPerParameter) =>
            stage >= fromStage
                ? bytesPerParameter * ((denseHere / dp) + (expertsHere / expertDp))
                : bytesPerParameter * (denseHere + expertsHere);

        return new MemoryBreakdown(
            new Bytes(Sharded(3, WeightBytesPerParameter)),
            new Bytes(Sharded(2, GradientBytesPerParameter)),
            new Bytes(Sharded(1, OptimizerBytesPerParameter)),
            Activations(run.Architecture, run.SequenceLength, microBatch, layout.Tensor, recompute));
    }

    /// <summary>
    /// Gets the activation memory of the first pipeline stage (Korthikanti et al. 2022): per layer s·b·h·(c + 5·a·s/h) bytes
    /// with 16-bit activations, divided by t under tensor plus sequence parallelism; the 1F1B schedule keeps p micro-batches of
    /// L/p layers, so L layers in total whatever p. The coefficient c is 34 for a GPT layer (<see cref="LayerCoefficient"/>).
    /// Zero when no architecture is known.
    /// </summary>
    /// <param name="architecture">The architecture, or null.</param>
    /// <param name="sequenceLength">The sequence length, s.</param>
    /// <param name="microBatch">The micro-batch, b.</param>
    /// <param name="tensorParallel">The tensor-parallel degree, t.</param>
    /// <param name="recompute">The recomputation policy.</param>
    /// <returns>The activation memory per device.</returns>
    public static Bytes Activations(ModelArchitecture? architecture, int sequenceLength, int microBatch, int tensorParallel, RecomputeMode recompute)
    {
        if (architecture is null)
        {
            return Bytes.Zero;
        }

        double s = sequenceLength;
        double sbh = s * microBatch * architecture.HiddenSize;
        double a = architecture.AttentionHeads;
        double h = architecture.HiddenSize;
        double t = tensorParallel;
        double c = LayerCoefficient(architecture);
        double perLayer = recompute switch
        {
            RecomputeMode.None => sbh * (c + (5 * a * s / h)) / t,
            RecomputeMode.Selective => sbh * c / t,
            RecomputeMode.Full => sbh * 2,
            _ => throw new ArgumentOutOfRangeException(nameof(recompute), recompute, null),
        };
        return new Bytes(architecture.Layers * perLayer);
    }

    /// <summary>
    /// Gets the per-layer activation bytes per s·b·h outside the attention scores, following the itemization of Korthikanti
    /// et al. 2022 §4.1 (16-bit tensors, 1-byte dropout masks): attention 2 (QKV input) + 2·H·d_qk/h (Q) + 2·H_kv·d_qk/h (K)
    /// + 2·H_kv·d_v/h (V) + 2·H·d_v/h (output-projection input) + 1 (dropout mask); MLP 2 (input) + per-FFN intermediates
    /// (plain: 4·f/h for the GeLU input and output; gated: 8·f/h for gate, up, activation and product; MoE: that for each
    /// of the k routed plus shared experts) + 1 (dropout mask); two layer norms 4. A GPT layer (MHA, plain FFN f = 4h)
    /// gives 11 + 19 + 4 = 34, the paper's figure.
    /// </summary>
    /// <param name="architecture">The architecture.</param>
    /// <returns>The coefficient c in s·b·h·c bytes.</returns>
    public static double LayerCoefficient(ModelArchitecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        double h = architecture.HiddenSize;
        double heads = architecture.AttentionHeads;
        (double qk, double v, double kvHeads) = architecture.Mla is { } mla
            ? (mla.NopeHeadDim + mla.RopeHeadDim, mla.VHeadDim, heads)
            : (architecture.HeadDim, (double)architecture.HeadDim, (double)architecture.KvHeads);
        double attention = 2 + (2 * heads * qk / h) + (2 * kvHeads * qk / h) + (2 * kvHeads * v / h) + (2 * heads * v / h) + 1;
        double perFfnWidth = architecture.FfnKind == FfnKind.Gated ? 8 : 4;
        double ffnWidth = architecture.Moe is { } moe
            ? (moe.ExpertsPerToken + moe.SharedExperts) * (double)moe.ExpertFfnSize
            : architecture.FfnSize;
        double mlp = 2 + (perFfnWidth * ffnWidth / h) + 1;
        return attention + mlp + 4;
    }

    /// <summary>Gets the parameters in routed experts (what expert parallelism divides); 0 for a dense model.</summary>
    /// <param name="architecture">The architecture, or null.</param>
    /// <returns>The routed-expert parameter count.</returns>
    public static double RoutedExpertParameters(ModelArchitecture? architecture)
    {
        if (architecture?.Moe is not { } moe)
        {
            return 0;
        }

        double h = architecture.HiddenSize;
        double f = moe.ExpertFfnSize;
        double expert = architecture.FfnKind == FfnKind.Gated
            ? (3 * h * f) + (architecture.LinearBias ? (2 * f) + h : 0)
            : (2 * h * f) + (architecture.LinearBias ? f + h : 0);
        return (double)(architecture.Layers - moe.DenseLayers) * moe.RoutedExperts * expert;
    }

    /// <summary>
    /// Finds the layout the device count allows that needs the least memory per device: every TP·PP·EP that divides the
    /// count (TP dividing the heads, PP at most the layers, EP dividing the routed experts), with ZeRO-3, full recomputation
    /// and a micro-batch of one sequence.
    /// </summary>
    /// <param name="run">The run.</param>
    /// <returns>The least-memory layout.</returns>
    public static LayoutMemory LeastMemoryLayout(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        ModelArchitecture? arch = run.Architecture;
        LayoutMemory? best = null;
        int n = run.Devices;
        foreach (int tp in Divisors(n).Where(tp => arch is null || arch.AttentionHeads % tp == 0))
        {
            foreach (int pp in Divisors(n / tp).Where(pp => arch is null || pp <= arch.Layers))
            {
                int dp = n / tp / pp;
                IEnumerable<int> eps = arch?.Moe is { } moe ? Divisors(dp).Where(ep => moe.RoutedExperts % ep == 0) : [1];
                foreach (int ep in eps)
                {
                    var layout = new Parallelism(tp, pp, dp, ep);
                    MemoryBreakdown memory = PerDevice(run, layout, ShardingStrategy.Zero3, RecomputeMode.Full, 1);
                    if (best is null || memory.Total < best.Total)
                    {
                        best = new LayoutMemory(layout, ShardingStrategy.Zero3, RecomputeMode.Full, 1, memory);
                    }
                }
            }
        }

        return best ?? new LayoutMemory(new Parallelism(1, 1, n, 1), ShardingStrategy.Zero3, RecomputeMode.Full, 1,
            PerDevice(run, new Parallelism(1, 1, n, 1), ShardingStrategy.Zero3, RecomputeMode.Full, 1));
    }

    private static IEnumerable<int> Divisors(int n)
    {
        for (int d = 1; d <= n; d++)
        {
            if (n % d == 0)
            {
                yield return d;
            }
        }
    }
}
