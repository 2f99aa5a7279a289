namespace Burnrate.Core.Inference;

/// <summary>Efficiency factors fitted to measurements, with what each rests on.</summary>
public sealed record CalibrationFit
{
    /// <summary>Gets the fitted factors (unfitted ones keep the starting value).</summary>
    public required EfficiencyFactors Efficiency { get; init; }

    /// <summary>Gets whether the compute efficiency was determined by the data (some measured step is compute-bound).</summary>
    public required bool ComputeFitted { get; init; }

    /// <summary>Gets whether the bandwidth efficiency was determined by the data (some measured step is memory-bound).</summary>
    public required bool BandwidthFitted { get; init; }

    /// <summary>Gets whether the communication efficiency was determined (only with tensor or expert parallelism).</summary>
    public required bool CommunicationFitted { get; init; }

    /// <summary>Gets whether the prefill ratio (<see cref="EfficiencyFactors.LongPrefillRatio"/>) was determined: only when some
    /// decode step is compute-bound, so decode fixes compute and TTFT the ratio (CPU serving), and fitting it improves the fit.</summary>
    public bool PrefillRatioFitted { get; init; }

    /// <summary>Gets whether the int8 weight-only read rate (<see cref="EfficiencyFactors.Int8WeightRead"/>) was fitted: only from
    /// int8 weight-only sets measured beside a set whose weights are read at the 16-bit rate.</summary>
    public bool Int8WeightReadFitted { get; init; }

    /// <summary>Gets whether the 4-bit (int4, fp4) weight-only read rate (<see cref="EfficiencyFactors.Int4WeightRead"/>) was fitted,
    /// under the same condition.</summary>
    public bool Int4WeightReadFitted { get; init; }

    /// <summary>Gets each level's measurement beside the fitted prediction.</summary>
    public required IReadOnlyList<CalibrationResidual> Residuals { get; init; }

    /// <summary>Gets the root-mean-square of ln(predicted ÷ measured) over every measured time.</summary>
    public required double RmsLogError { get; init; }
}
