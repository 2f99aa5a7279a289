using Burnrate.Core.Quantities;

namespace Burnrate.Core.Inference;

/// <summary>A measured level beside what the fitted factors predict for it.</summary>
/// <param name="Point">The measurement.</param>
/// <param name="PredictedTtft">The predicted prefill time (the cost model's TTFT).</param>
/// <param name="PredictedDecodeStep">The predicted decode step time (the cost model's TPOT).</param>
public readonly record struct CalibrationResidual(CalibrationPoint Point, Duration PredictedTtft, Duration PredictedDecodeStep)
{
    /// <summary>Gets the weight precision of the set the level was measured in (bf16 unless set).</summary>
    public Hardware.Precision Weights { get; init; } = Hardware.Precision.Bf16;

    /// <summary>Gets the relative TTFT error, predicted ÷ measured − 1, or null when TTFT was not measured.</summary>
    public double? TtftError => Point.Ttft is { } m ? (PredictedTtft.Seconds / m.Seconds) - 1 : null;

    /// <summary>Gets the relative decode-step error, predicted ÷ measured − 1, or null when it was not measured.</summary>
    public double? DecodeStepError => Point.DecodeStep is { } m ? (PredictedDecodeStep.Seconds / m.Seconds) - 1 : null;
}
