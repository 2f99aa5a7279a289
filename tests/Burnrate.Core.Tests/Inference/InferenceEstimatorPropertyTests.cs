using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Burnrate.Core.Tests.Inference.InferenceFixtures;

namespace Burnrate.Core.Tests.Inference;

public sealed class InferenceEstimatorPropertyTests
{
    private static readonly (ModelArchitecture Model, InferenceDeployment Deployment)[] Setups =
    [
        (Llama8B, Deployment(H100, 1)),
        (Llama70B, Deployment(H100, 4)),
        (Llama70B, Deployment(H100, 8, tp: 4, pp: 2)),
        (Llama70B, Deployment(A100_80, 8, tp: 4)),
        (DeepSeekV3, Deployment(H100, 16, Precision.Fp8) with { Compute = Precision.Fp8 }),
        (DeepSeekV3, Deployment(H100, 16, Precision.Fp8) with { Compute = Precision.Fp8, ExpertParallel = 8 }),
    ];

    private static readonly Precision[] WeightFormats = [Precision.Fp32, Precision.Bf16, Precision.Fp16, Precision.Fp8, Precision.Int8, Precision.Int4];

    [Property(MaxTest = 300)]
    public Property Should_NeverRaiseCostPerToken_When_ConcurrencyGrowsWithinMemory(PositiveInt setup, PositiveInt c1, PositiveInt step, PositiveInt input, PositiveInt output)
    {
        var (model, d) = Setups[setup.Get % Setups.Length];
        var low = new InferenceWorkload(1 + (input.Get % 8000), 1 + (output.Get % 2000), 1 + (c1.Get % 256));
        InferenceWorkload high = low with { Concurrency = low.Concurrency + 1 + (step.Get % 256) };
        InferenceResult a = InferenceEstimator.Estimate(model, d, low, EfficiencyFactors.Default);
        InferenceResult b = InferenceEstimator.Estimate(model, d, high, EfficiencyFactors.Default);
        const double Slack = 1 + 1e-9;
        bool holds = b.CostPerMillionOutputTokens.Value <= a.CostPerMillionOutputTokens.Value * Slack
            && b.CostPerMillionInputTokens.Value <= a.CostPerMillionInputTokens.Value * Slack
            && b.CostPerRequest.Value <= a.CostPerRequest.Value * Slack;
        return (holds || !b.FitsInMemory).Label($"{model.Id} {low} → {high.Concurrency}");
    }

    [Property(MaxTest = 300)]
    public Property Should_NeverLowerTpot_When_ConcurrencyGrows(PositiveInt setup, PositiveInt c1, PositiveInt step, PositiveInt input, PositiveInt output)
    {
        var (model, d) = Setups[setup.Get % Setups.Length];
        var low = new InferenceWorkload(1 + (input.Get % 8000), 1 + (output.Get % 2000), 1 + (c1.Get % 1024));
        InferenceWorkload high = low with { Concurrency = low.Concurrency + 1 + (step.Get % 1024) };
        InferenceResult a = InferenceEstimator.Estimate(model, d, low, EfficiencyFactors.Default);
        InferenceResult b = InferenceEstimator.Estimate(model, d, high, EfficiencyFactors.Default);
        return (b.Tpot.Seconds >= a.Tpot.Seconds * (1 - 1e-12)).Label($"{model.Id} {low} → {high.Concurrency}");
    }

    [Property(MaxTest = 200)]
    public Property Should_NeverIncreaseWeightBytes_When_WeightBitsFall(PositiveInt setup, PositiveInt first, PositiveInt second)
    {
        var (model, d) = Setups[setup.Get % Setups.Length];
        Precision p = WeightFormats[first.Get % WeightFormats.Length];
        Precision q = WeightFormats[second.Get % WeightFormats.Length];
        (Precision wide, Precision narrow) = p.BytesPerElement() >= q.BytesPerElement() ? (p, q) : (q, p);
        InferenceResult w = InferenceEstimator.Estimate(model, d with { Weights = wide }, Chat, EfficiencyFactors.Default);
        InferenceResult n = InferenceEstimator.Estimate(model, d with { Weights = narrow }, Chat, EfficiencyFactors.Default);
        return (n.WeightBytesPerDevice.Value <= w.WeightBytesPerDevice.Value
            && n.DecodeParts.Memory.Seconds <= w.DecodeParts.Memory.Seconds).Label($"{model.Id} {wide} vs {narrow}");
    }

    private static InferenceWorkload Chat => new(2000, 500, 8);
}
