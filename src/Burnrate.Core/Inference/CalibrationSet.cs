namespace Burnrate.Core.Inference;

/// <summary>The levels measured on one deployment (one bench run): the fitter shares compute, bandwidth and communication
/// efficiency across sets, and reads a weight-only precision's read rate from how its sets differ from 16-bit ones.</summary>
/// <param name="Deployment">The deployment measured; sets differ in weight precision (and so in compute precision), not in hardware.</param>
/// <param name="Points">The levels measured on it.</param>
public sealed record CalibrationSet(InferenceDeployment Deployment, IReadOnlyList<CalibrationPoint> Points);
