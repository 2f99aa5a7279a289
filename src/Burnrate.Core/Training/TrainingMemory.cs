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
    public const string ActivationFormula = "L · s·b·h·(34 + 5·a·s/h) ÷ t bytes (sequence parallel; 1F1B keeps p micro-batches on stage 1 = L layers); selective: L·s·b·h·34 ÷ t; full: L·s·b·h·2";

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
    /// Gets the activation memory of the first pipeline stage (Korthikanti et al. 2022): per layer s·b·h·(34 + 5·a·s/h) bytes
    /// with 16-bit activations, divided by t under tensor plus sequence parallelism; the 1F1B schedule keeps p micro-batches of
    /// L/p layers, so L layers in total whatever p. Zero when no architecture is known.
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
        double perLayer = recompute switch
        {
            RecomputeMode.None => sbh * (34 + (5 * a * s / h)) / t,
            RecomputeMode.Selective => sbh * 34 / t,
            RecomputeMode.Full => sbh * 2,
            _ => throw new ArgumentOutOfRangeException(nameof(recompute), recompute, null),
        };
        return new Bytes(architecture.Layers * perLayer);
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
