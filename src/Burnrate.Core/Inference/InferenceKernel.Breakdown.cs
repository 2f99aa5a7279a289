namespace Burnrate.Core.Inference;

/// <summary>The step breakdown of the serving kernel (docs/infer.md "Breakdown"): the same FLOP and byte terms as
/// <see cref="Decode"/> and <see cref="Prefill"/>, split by the part of the model that spends them.</summary>
internal static partial class InferenceKernel
{
    /// <summary>The parts a step's FLOPs and bytes are split into, in report order.</summary>
    public static readonly string[] PartNames = ["attention projections", "attention scores", "mlp/experts", "output head"];

    /// <summary>Splits one decode step (as <see cref="Decode"/> times it) into per-part compute and memory seconds; PP × one stage.</summary>
    public static (double Compute, double Memory)[] DecodeParts(in ServingSetup s, double batch, double context)
    {
        ModelProfile m = s.Model;
        double b = batch / s.Pp;
        double flopToSeconds = b / s.Pp / (s.Tp * s.FlopRate) * s.Pp;
        double weightToSeconds = s.WeightBytesPerElement / (s.Pp * s.Tp) / s.ByteRate * s.Pp;
        double activationSeconds = b * m.Hidden * ((double)m.Layers / s.Pp) * ActivationTouchesPerLayer * ServingSetup.ActivationBytes / s.ByteRate * s.Pp;
        double ffnWeights = m.AlwaysReadParams - m.ProjectionParams - m.HeadParams + (m.MoeLayers * m.ExpertParams * m.ExpertsTouched(b));
        return
        [
            (2 * m.ProjectionParams * flopToSeconds, (m.ProjectionParams * weightToSeconds) + (activationSeconds / 2)),
            (m.AttentionFlopPerTokenPerContext * context * flopToSeconds, b * context * s.KvBytesPerTokenPerDevice / s.ByteRate * s.Pp),
            (2 * (m.ActiveComputeParams - m.ProjectionParams - m.HeadParams) * flopToSeconds, (ffnWeights * weightToSeconds) + (activationSeconds / 2)),
            (2 * m.HeadParams * flopToSeconds, m.HeadParams * weightToSeconds),
        ];
    }

    /// <summary>Splits the prefill of one prompt of <paramref name="inputTokens"/> tokens, alone (as <see cref="Prefill"/> times it).</summary>
    public static (double Compute, double Memory)[] PrefillParts(in ServingSetup s, int inputTokens)
    {
        ModelProfile m = s.Model;
        double n = inputTokens;
        double flopToSeconds = 1 / s.Efficiency.PrefillCompute(Math.Max(1, n)) / (s.Tp * s.PeakFlops);
        double weightToSeconds = s.WeightBytesPerElement / s.Tp / s.ByteRate;
        double activationSeconds = n * m.Hidden * m.Layers * ActivationTouchesPerLayer * ServingSetup.ActivationBytes / s.ByteRate;
        double ffnWeights = m.AlwaysReadParams - m.ProjectionParams - m.HeadParams + (m.MoeLayers * m.ExpertParams * m.ExpertsTouched(n));
        return
        [
            (2 * m.ProjectionParams * n * flopToSeconds, (m.ProjectionParams * weightToSeconds) + (activationSeconds / 2)),
            (m.AttentionFlopPerTokenPerContext * n * (n + 1) / 2 * flopToSeconds, n * s.KvBytesPerTokenPerDevice * s.Pp / s.ByteRate),
            (2 * (m.ActiveComputeParams - m.ProjectionParams - m.HeadParams) * n * flopToSeconds, (ffnWeights * weightToSeconds) + (activationSeconds / 2)),
            (2 * m.HeadParams * PromptLogitRows(n) * flopToSeconds, m.HeadParams * weightToSeconds),
        ];
    }

    /// <summary>Reports a step and its parts: each part takes its time on the resource that binds the whole step, so the parts,
    /// communication and overhead sum to the step time.</summary>
    public static StepBreakdown Breakdown(string step, in StepTime time, (double Compute, double Memory)[] parts)
    {
        bool computeBound = time.ComputeSeconds > time.MemorySeconds;
        var list = new List<StepPart>(parts.Length + 2);
        for (int i = 0; i < parts.Length; i++)
        {
            (double compute, double memory) = parts[i];
            list.Add(new StepPart(PartNames[i], computeBound ? compute : memory, compute, memory, compute > memory ? "compute" : "memory"));
        }

        list.Add(new StepPart("communication", time.CommunicationSeconds, null, null, "communication"));
        list.Add(new StepPart("overhead", time.OverheadSeconds, null, null, "overhead"));
        return new StepBreakdown(step, time.Seconds, InferEstimate.BoundName(time.Bound), list);
    }
}
