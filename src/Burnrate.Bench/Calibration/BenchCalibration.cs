using Burnrate.Bench.Metrics;
using Burnrate.Bench.Results;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;

namespace Burnrate.Bench.Calibration;

/// <summary>
/// Turns a bench summary into the measurements <see cref="EfficiencyFitter"/> fits (docs/calibrate.md): per concurrency level,
/// the mean request shape, the median inter-token latency as the decode step (TPOT would also count the prefills of other
/// requests that interrupt decoding, which the cost model's TPOT leaves out), and the median TTFT of the lowest-concurrency
/// level only as the prefill (at higher concurrency TTFT also holds queueing and batched prefills).
/// </summary>
internal static class BenchCalibration
{
    /// <summary>Gets the points, or throws <see cref="InvalidDataException"/> with a one-line reason when the run cannot be fitted.</summary>
    public static IReadOnlyList<CalibrationPoint> Points(BenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Stream)
        {
            throw new InvalidDataException("the run is non-streaming; calibrate needs TTFT and inter-token latencies from a streaming run (bench --stream true)");
        }

        List<LevelResult> levels = result.Levels.Where(l => l.Concurrency is not null && l.Completed > 0).OrderBy(l => l.Concurrency).ToList();
        if (levels.Count == 0)
        {
            throw new InvalidDataException("no concurrency level with completed requests (rate levels are not fitted: their batch size is not known)");
        }

        var points = new List<CalibrationPoint>();
        for (int i = 0; i < levels.Count; i++)
        {
            LevelResult l = levels[i];
            int input = (int)Math.Max(1, Math.Round((double)l.InputTokens / l.Completed));
            int output = (int)Math.Max(1, Math.Round((double)l.OutputTokens / l.Completed));
            Duration? ttft = i == 0 && l.TtftSeconds.P50 is > 0 and var t ? Duration.FromSeconds(t) : null;
            Duration? step = output > 1 && l.ItlSeconds.P50 is > 0 and var s ? Duration.FromSeconds(s) : null;
            points.Add(new CalibrationPoint(l.Concurrency!.Value, input, output, ttft, step));
        }

        return points.Any(p => p.Ttft is not null || p.DecodeStep is not null)
            ? points
            : throw new InvalidDataException("no level has a measured TTFT or inter-token latency");
    }
}
