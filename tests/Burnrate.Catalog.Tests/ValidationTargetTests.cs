using Burnrate.Core.Inference;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Tests;

/// <summary>The cost model against the published validation set (docs/validate.md): a change that makes a group worse fails here.</summary>
public sealed class ValidationTargetTests
{
    private static readonly ValidationReport Report = Validator.Run(ValidationSet.Embedded(BurnrateCatalog.Embedded), EfficiencyFactors.Default);

    [Theory]
    [InlineData("decode-batch1", 10.0)]
    [InlineData("throughput", 20.0)]
    [InlineData("ttft", 20.0)]
    public void Should_KeepTheMedianErrorUnderTheTarget_When_RunningAGroup(string group, double targetPercent)
    {
        ValidationGroup g = Report.Groups.Single(g => g.Name == group);
        g.MedianAbsErrorPercent.ShouldBeLessThanOrEqualTo(targetPercent, $"{group}: median |error| over {g.Count} cases; worst {g.WorstId} {g.WorstErrorPercent:+0.0;-0.0}%");
    }

    [Fact]
    public void Should_KeepTrainingNoWorseThanMeasured_When_RunningTheTrainingGroup()
    {
        // The target is 10%; with interruptions, recompute-aware default MFU, every case's attention FLOPs and the
        // tensor-parallel all-reduces of each layout the model reaches 10.2% (was 13.2%; docs/validate.md "Figures": Llama 3.1
        // 8B/70B and StarCoder burned far more GPU-hours than their FLOPs need, A100 runs reached more). This ceiling keeps it
        // from getting worse.
        ValidationGroup g = Report.Groups.Single(g => g.Name == "training");
        g.MedianAbsErrorPercent.ShouldBeLessThanOrEqualTo(10.25, $"training: median |error| over {g.Count} cases; worst {g.WorstId}");
    }

    [Fact]
    public void Should_ReachGptFastInt8WithinTenPercent_When_PredictingLlama2At7BInt8()
    {
        // reference: pytorch-labs/gpt-fast README, Llama-2-7B int8 weight-only, batch 1, A100-80GB: 155.58 tokens/s.
        ValidationOutcome o = Report.Outcomes.Single(o => o.Case.Id == "gptfast-llama2-7b-int8");
        o.Case.Measured.ShouldBe(155.58);
        Math.Abs(o.ErrorPercent).ShouldBeLessThanOrEqualTo(10);
    }
}
