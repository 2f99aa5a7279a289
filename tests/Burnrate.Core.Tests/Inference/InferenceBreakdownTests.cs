using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Burnrate.Core.Tests.Inference.InferenceFixtures;

namespace Burnrate.Core.Tests.Inference;

public sealed class InferenceBreakdownTests
{
    private static readonly (ModelArchitecture Model, InferenceDeployment Deployment)[] Setups =
    [
        (Llama8B, Deployment(H100, 1)),
        (Llama8B, Deployment(H100, 1, Precision.Int4)),
        (Llama2_7B, Deployment(A100_80, 2)),
        (Llama70B, Deployment(H100, 8, tp: 4, pp: 2)),
        (Llama70B, Deployment(A100_80, 8, tp: 4)),
        (DeepSeekV3, Deployment(H100, 16, Precision.Fp8) with { Compute = Precision.Fp8 }),
        (DeepSeekV3, Deployment(H100, 16, Precision.Fp8) with { Compute = Precision.Fp8, ExpertParallel = 8, StepOverhead = Burnrate.Core.Quantities.Duration.FromMilliseconds(0.5) }),
    ];

    [Property(MaxTest = 300)]
    public Property Should_SumToTheEstimatorsStepTimes_When_SplitByPart(PositiveInt setup, PositiveInt input, PositiveInt output, PositiveInt concurrency)
    {
        // Given
        var (model, d) = Setups[setup.Get % Setups.Length];
        var w = new InferenceWorkload(1 + (input.Get % 8000), 1 + (output.Get % 2000), 1 + (concurrency.Get % 512));

        // When
        InferenceResult result = InferenceEstimator.Estimate(model, d, w, EfficiencyFactors.Default);
        InferenceResult alone = InferenceEstimator.Estimate(model, d, w with { Concurrency = 1 }, EfficiencyFactors.Default);
        IReadOnlyList<StepBreakdown> steps = InferenceEstimator.Breakdown(model, d, w, EfficiencyFactors.Default);

        // Then: decode is TPOT and prefill is the prompt alone (TTFT at concurrency 1); parts sum to the step, and the parts'
        // own compute and memory times sum to the roofline's compute and memory terms
        StepBreakdown decode = steps[0];
        StepBreakdown prefill = steps[1];
        bool holds = decode.Step == "decode" && prefill.Step == "prefill"
            && Near(decode.Seconds, result.Tpot.Seconds) && Near(prefill.Seconds, alone.Ttft.Seconds)
            && Near(decode.Parts.Sum(p => p.Seconds), decode.Seconds) && Near(prefill.Parts.Sum(p => p.Seconds), prefill.Seconds)
            && Near(decode.Parts.Sum(p => p.ComputeSeconds ?? 0), result.DecodeParts.Compute.Seconds)
            && Near(decode.Parts.Sum(p => p.MemorySeconds ?? 0), result.DecodeParts.Memory.Seconds)
            && Near(prefill.Parts.Sum(p => p.ComputeSeconds ?? 0), result.PrefillParts.Compute.Seconds)
            && Near(prefill.Parts.Sum(p => p.MemorySeconds ?? 0), result.PrefillParts.Memory.Seconds)
            && decode.Bound == InferEstimate.BoundName(result.DecodeBound)
            && steps.All(s => s.Parts.All(p => p.Seconds >= 0));
        return holds.Label($"{model.Id} {d.Devices}×{d.Accelerator.Id} {d.Weights} {w}");
    }

    [Fact]
    public void Should_BeBoundByTheMlpWeightRead_When_DecodingOneSequence()
    {
        // Given: Llama-3.1-8B, bf16, one H100, one sequence at a short context
        IReadOnlyList<StepBreakdown> steps = InferenceEstimator.Breakdown(Llama8B, Deployment(H100, 1), new InferenceWorkload(128, 128, 1), EfficiencyFactors.Default);

        // When
        StepBreakdown decode = steps[0];
        StepPart mlp = decode.Parts.Single(p => p.Name == "mlp/experts");

        // Then: every part is memory-bound and the MLP holds 3·4096·14336·32 of the ~7.5B weights read: 75% of the step
        decode.Bound.ShouldBe("memory");
        decode.Parts.Where(p => p.ComputeSeconds is not null).ShouldAllBe(p => p.Bound == "memory");
        (mlp.Seconds / decode.Seconds).ShouldBe(5.64e9 / 7.50e9, 0.01);
        decode.Parts.Single(p => p.Name == "communication").Seconds.ShouldBe(0);
    }

    [Fact]
    public void Should_BeComputeBoundInEveryMatmul_When_PrefillingALongPrompt()
    {
        // Given: an 8,192-token prompt on one H100
        StepBreakdown prefill = InferenceEstimator.Breakdown(Llama8B, Deployment(H100, 1), new InferenceWorkload(8192, 1, 1), EfficiencyFactors.Default)[1];

        // Then: the step and each layer part are compute-bound; the output head computes only the last token's logits, one row
        // against the whole head, so it alone is memory-bound. The attention scores, a·n(n+1)/2 = 4·32·32·128·8192·8193/2 FLOPs,
        // are a(n + 1) ÷ 4N = 15% of the 2·N·n of the layers' matmuls at n = 8,192 (N ≈ 7.50B − the 0.53B head)
        prefill.Bound.ShouldBe("compute");
        prefill.Parts.Where(p => p.ComputeSeconds is not null && p.Name != "output head").ShouldAllBe(p => p.Bound == "compute");
        prefill.Parts.Single(p => p.Name == "output head").Bound.ShouldBe("memory");
        double scores = prefill.Parts.Single(p => p.Name == "attention scores").Seconds;
        double matmuls = prefill.Parts.Where(p => p.Name is "attention projections" or "mlp/experts").Sum(p => p.Seconds);
        (scores / matmuls).ShouldBe(4.0 * 32 * 32 * 128 * 8193 / 2 / (2 * (7.50e9 - (128_256.0 * 4096))), 0.01);
    }

    private static bool Near(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(b), 1e-12);
}
