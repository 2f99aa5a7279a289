using Burnrate.Core.Economics;

namespace Burnrate.Bench.Calibration;

/// <summary>The <c>calibrate</c> contract: the efficiency factors fitted to a bench run, the residual per level, and what to do with them.</summary>
public sealed record CalibrationReport
{
    /// <summary>Gets the kind of the calibration file written ("burnrate-calibration").</summary>
    public string Kind { get; init; } = Burnrate.Catalog.CalibrationFile.Kind;

    /// <summary>Gets the fitted (or kept) compute efficiency.</summary>
    public double ComputeEfficiency { get; init; }

    /// <summary>Gets the fitted (or kept) bandwidth efficiency.</summary>
    public double BandwidthEfficiency { get; init; }

    /// <summary>Gets the fitted (or kept) communication efficiency.</summary>
    public double CommunicationEfficiency { get; init; }

    /// <summary>Gets the fitted (or kept) prefill ratio: long-prompt prefill FLOP/s ÷ decode FLOP/s (docs/calibrate.md).</summary>
    public double LongPrefillRatio { get; init; } = Burnrate.Core.Inference.EfficiencyFactors.DefaultLongPrefillRatio;

    /// <summary>Gets the fitted (or kept) int8 weight-only read rate relative to 16-bit weights.</summary>
    public double Int8WeightRead { get; init; } = Core.Inference.EfficiencyFactors.DefaultInt8WeightRead;

    /// <summary>Gets the fitted (or kept) int4/fp4 weight-only read rate relative to 16-bit weights.</summary>
    public double Int4WeightRead { get; init; } = Core.Inference.EfficiencyFactors.DefaultInt4WeightRead;

    /// <summary>Gets which factors the data determined.</summary>
    public required CalibrationFitted Fitted { get; init; }

    /// <summary>Gets the root mean square of ln(predicted ÷ measured) over every measurement.</summary>
    public double RmsLogError { get; init; }

    /// <summary>Gets the measurement and prediction of each concurrency level.</summary>
    public IReadOnlyList<CalibrationLevel> Levels { get; init; } = [];

    /// <summary>Gets the calibration file written.</summary>
    public string CalibrationFile { get; init; } = "";

    /// <summary>Gets an infer command that uses the calibration at the highest measured concurrency.</summary>
    public string InferCommand { get; init; } = "";

    /// <summary>Gets what the fit could not determine, in words.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Gets every setting of the fit with its source.</summary>
    public IReadOnlyList<Assumption> Assumptions { get; init; } = [];
}

/// <summary>Which efficiency factors the measurements determined (the others keep their starting values).</summary>
/// <param name="Compute">Whether compute efficiency was fitted.</param>
/// <param name="Bandwidth">Whether bandwidth efficiency was fitted.</param>
/// <param name="Communication">Whether communication efficiency was fitted.</param>
/// <param name="PrefillRatio">Whether the prefill ratio was fitted (some decode step compute-bound, as on a CPU).</param>
/// <param name="Int8WeightRead">Whether the int8 weight-only read rate was fitted (int8 runs beside a 16-bit run).</param>
/// <param name="Int4WeightRead">Whether the int4/fp4 weight-only read rate was fitted (4-bit runs beside a 16-bit run).</param>
public sealed record CalibrationFitted(bool Compute, bool Bandwidth, bool Communication, bool PrefillRatio = false, bool Int8WeightRead = false, bool Int4WeightRead = false);

/// <summary>One concurrency level's measurement beside the calibrated prediction (seconds; errors as predicted ÷ measured − 1).</summary>
public sealed record CalibrationLevel
{
    /// <summary>Gets the weight precision of the run the level belongs to.</summary>
    public string Weights { get; init; } = "bf16";

    /// <summary>Gets the level's concurrency.</summary>
    public int Concurrency { get; init; }

    /// <summary>Gets the mean prompt tokens per request.</summary>
    public int InputTokens { get; init; }

    /// <summary>Gets the mean output tokens per request.</summary>
    public int OutputTokens { get; init; }

    /// <summary>Gets the measured TTFT p50, when the level's TTFT was fitted.</summary>
    public double? MeasuredTtftSeconds { get; init; }

    /// <summary>Gets the predicted TTFT.</summary>
    public double PredictedTtftSeconds { get; init; }

    /// <summary>Gets the TTFT relative error, when measured.</summary>
    public double? TtftRelativeError { get; init; }

    /// <summary>Gets the measured decode step (ITL p50), when measured.</summary>
    public double? MeasuredDecodeStepSeconds { get; init; }

    /// <summary>Gets the predicted decode step.</summary>
    public double PredictedDecodeStepSeconds { get; init; }

    /// <summary>Gets the decode step relative error, when measured.</summary>
    public double? DecodeStepRelativeError { get; init; }
}
