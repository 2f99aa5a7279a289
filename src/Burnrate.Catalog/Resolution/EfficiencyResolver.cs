using Burnrate.Core.Economics;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Resolution;

/// <summary>Resolves the efficiency factors: a calibration file, the user's factors, or the sourced defaults, each named as an assumption.</summary>
public static class EfficiencyResolver
{
    /// <summary>Resolves the factors.</summary>
    /// <param name="compute">Achieved ÷ peak FLOP/s in [0.001, 1], or null for the default.</param>
    /// <param name="bandwidth">Achieved ÷ peak memory bandwidth in [0.001, 1], or null for the default.</param>
    /// <param name="communication">Achieved ÷ peak interconnect bandwidth in [0.001, 1], or null for the default.</param>
    /// <param name="calibrationFile">A burnrate-calibration JSON file (excludes the three factors), or null.</param>
    /// <returns>The factors and their three assumptions.</returns>
    /// <exception cref="InputException">A factor is outside [0.001, 1], or a calibration file is combined with factors.</exception>
    public static (EfficiencyFactors Factors, IReadOnlyList<Assumption> Assumptions) Resolve(double? compute, double? bandwidth, double? communication, string? calibrationFile)
    {
        InputException.ThrowIfAny(new FieldChecks()
            .Efficiency("computeEfficiency", compute)
            .Efficiency("bandwidthEfficiency", bandwidth)
            .Efficiency("communicationEfficiency", communication));
        if (calibrationFile is not null)
        {
            if (compute is not null || bandwidth is not null || communication is not null)
            {
                throw new InputException("calibration", calibrationFile, "either a calibration file or efficiency factors, not both");
            }

            CalibrationFile calibration = CalibrationFile.Read(calibrationFile);
            string from = $"calibration {calibrationFile}" + (calibration.FittedFrom is { } f ? $", fitted from {f}" : "")
                + (calibration.Gpu is { } g ? $" on {calibration.Gpus ?? 1}×{g}" : "")
                + (calibration.AsOf is { } d ? $" ({NumberText.Date(d)})" : "");
            return (calibration.Efficiency, ServingDefaults.EfficiencyAssumptions(calibration.Efficiency, from, from, from));
        }

        var factors = new EfficiencyFactors(
            compute ?? EfficiencyFactors.DefaultCompute,
            bandwidth ?? EfficiencyFactors.DefaultBandwidth,
            communication ?? EfficiencyFactors.DefaultCommunication);
        return (factors, ServingDefaults.EfficiencyAssumptions(
            factors,
            compute is null ? ServingDefaults.ComputeEfficiencySource : "user",
            bandwidth is null ? ServingDefaults.BandwidthEfficiencySource : "user",
            communication is null ? ServingDefaults.CommunicationEfficiencySource : "user"));
    }
}
