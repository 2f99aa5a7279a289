using System.Globalization;
using Burnrate.Bench.Metrics;
using Burnrate.Catalog;
using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Burnrate.Core.Validation;

namespace Burnrate.Bench.Calibration;

/// <summary>
/// Turns a bench summary into the measurements <see cref="EfficiencyFitter"/> fits (docs/calibrate.md): per concurrency level,
/// the mean request shape, the median inter-token latency as the decode step (TPOT would also count the prefills of other
/// requests that interrupt decoding, which the cost model's TPOT leaves out), and the median TTFT of the lowest-concurrency
/// level only as the prefill (at higher concurrency TTFT also holds queueing and batched prefills).
/// </summary>
public static class BenchCalibration
{
    /// <summary>
    /// The rms of ln(predicted ÷ measured) above which a fit is poor: predictions typically off by a factor of e ≈ 2.7
    /// even at the best factors, which means the deployment named (model, accelerator, devices, precision) cannot be the
    /// one that was measured. For scale: the published validation set's median errors are about 10% (ln ≈ 0.1).
    /// </summary>
    public const double PoorFitRmsLogError = 1.0;

    /// <summary>Fits the efficiency factors to <see cref="CalibrationRequest.Result"/>, writes the calibration file and reports the fit.</summary>
    /// <param name="request">The result and deployment.</param>
    /// <returns>The report.</returns>
    /// <exception cref="InputException">The run cannot be fitted (non-streaming, no concurrency level, nothing measured).</exception>
    public static CalibrationReport Calibrate(CalibrationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<CalibrationPoint> points = PointsOf(request.Result, request.ResultPath);
        InferenceDeployment deployment = request.Deployment;
        var sets = new List<CalibrationSet> { new(deployment, points) };
        sets.AddRange(request.AdditionalRuns.Select(r => new CalibrationSet(r.Deployment, PointsOf(r.Result, r.ResultPath))));
        CalibrationFit fit = EfficiencyFitter.Fit(request.Model, sets, EfficiencyFactors.Default);
        var assumptions = new List<Assumption>(request.DeploymentAssumptions)
        {
            new("prefill-measurement", $"TTFT p50 at concurrency {points[0].Concurrency.ToString(CultureInfo.InvariantCulture)}", "the lowest concurrency level only: higher levels also queue behind other prompts"),
            new("decode-measurement", "ITL p50 of every concurrency level", "the uninterrupted decode step; TPOT also counts prefills of other requests, which infer's TPOT leaves out"),
            new("fit", "least squares of ln(predicted ÷ measured), grid then pattern search over (0.001, 1]", "docs/calibrate.md"),
            new("starting-efficiency", $"compute {Fmt(EfficiencyFactors.DefaultCompute)}, bandwidth {Fmt(EfficiencyFactors.DefaultBandwidth)}, communication {Fmt(EfficiencyFactors.DefaultCommunication)}", "infer's sourced defaults, kept for factors the data do not determine"),
            new("weight-only-read", $"int8 {Fmt(fit.Efficiency.Int8WeightRead)} ({(fit.Int8WeightReadFitted ? "fitted" : "default, kept")}), int4/fp4 {Fmt(fit.Efficiency.Int4WeightRead)} ({(fit.Int4WeightReadFitted ? "fitted" : "default, kept")}) of the 16-bit weight-read rate", "fitted only from weight-only runs beside a 16-bit run of the same deployment (docs/calibrate.md); defaults: gpt-fast README"),
        };
        if (fit.RmsLogError > PoorFitRmsLogError && !request.Force)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"'{request.ResultPath}': the cost model cannot match this measurement for {request.Model.Id} on {deployment.Devices}×{deployment.Accelerator.Id} (rms log error {fit.RmsLogError:0.##} > {PoorFitRmsLogError}: predictions off by ×{Math.Exp(fit.RmsLogError):0.#} at the best factors); check --model, --gpu, --gpus and --weights; nothing written (--force writes it anyway)"));
        }

        string from = string.Join("; ", new[] { request.ResultPath }.Concat(request.AdditionalRuns.Select(r => r.ResultPath)).Select(Path.GetFullPath));
        var file = new CalibrationFile(fit.Efficiency, from, request.Model.Id, deployment.Accelerator.Id, deployment.Devices, DateOnly.FromDateTime(DateTime.UtcNow))
        {
            WeightReadFitted = fit.Int8WeightReadFitted || fit.Int4WeightReadFitted,
        };
        try
        {
            file.Write(request.OutPath);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputException($"--out '{request.OutPath}': cannot write there ({e.Message})");
        }

        CalibrationPoint reference = points.OrderByDescending(p => p.Concurrency).First();
        return new CalibrationReport
        {
            ComputeEfficiency = fit.Efficiency.Compute,
            BandwidthEfficiency = fit.Efficiency.Bandwidth,
            CommunicationEfficiency = fit.Efficiency.Communication,
            LongPrefillRatio = fit.Efficiency.LongPrefillRatio,
            Int8WeightRead = fit.Efficiency.Int8WeightRead,
            Int4WeightRead = fit.Efficiency.Int4WeightRead,
            Fitted = new CalibrationFitted(fit.ComputeFitted, fit.BandwidthFitted, fit.CommunicationFitted, fit.PrefillRatioFitted, fit.Int8WeightReadFitted, fit.Int4WeightReadFitted),
            RmsLogError = fit.RmsLogError,
            Levels = [.. fit.Residuals.Select(r => new CalibrationLevel
            {
                Weights = r.Weights.Id(),
                Concurrency = r.Point.Concurrency,
                InputTokens = r.Point.InputTokens,
                OutputTokens = r.Point.OutputTokens,
                MeasuredTtftSeconds = r.Point.Ttft?.Seconds,
                PredictedTtftSeconds = r.PredictedTtft.Seconds,
                TtftRelativeError = r.TtftError,
                MeasuredDecodeStepSeconds = r.Point.DecodeStep?.Seconds,
                PredictedDecodeStepSeconds = r.PredictedDecodeStep.Seconds,
                DecodeStepRelativeError = r.DecodeStepError,
            })],
            CalibrationFile = request.OutPath,
            InferCommand = string.Create(CultureInfo.InvariantCulture, $"burnrate infer {request.Model.Id} --gpu {deployment.Accelerator.Id} --gpus {deployment.Devices} --tp {deployment.TensorParallel} --weights {request.WeightsName} --kv {request.KvName} --input {reference.InputTokens} --output {reference.OutputTokens} --concurrency {reference.Concurrency} --calibration {request.OutPath}"),
            Notes = Notes(fit, sets, request.Force),
            Assumptions = assumptions,
        };
    }

    private static List<string> Notes(CalibrationFit fit, List<CalibrationSet> sets, bool forced)
    {
        InferenceDeployment deployment = sets[0].Deployment;
        var notes = new List<string>();
        if (fit.RmsLogError > PoorFitRmsLogError && forced)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"POOR FIT written because of --force: rms log error {fit.RmsLogError:0.##} > {PoorFitRmsLogError}; the deployment named is probably not the one measured"));
        }

        if (fit.PrefillRatioFitted)
        {
            notes.Add($"prefill ratio fitted ({Fmt(fit.Efficiency.LongPrefillRatio)}, default {Fmt(EfficiencyFactors.DefaultLongPrefillRatio)}): decode steps are compute-bound, so they set compute and TTFT sets how much faster prefill runs (a CPU's tiled GEMM against its GEMV decode)");
        }

        if (!fit.ComputeFitted)
        {
            notes.Add($"compute efficiency not determined: no measured step is compute-bound (try a longer --input-tokens); kept {Fmt(fit.Efficiency.Compute)}");
        }

        if (!fit.BandwidthFitted)
        {
            notes.Add($"bandwidth efficiency not determined: no measured step is memory-bound; kept {Fmt(fit.Efficiency.Bandwidth)}");
        }

        if (deployment.TensorParallel == 1 && deployment.ExpertParallel == 1)
        {
            notes.Add($"communication efficiency kept at the default {Fmt(fit.Efficiency.Communication)}: tp 1 has no collectives to measure it by");
        }
        else if (!fit.CommunicationFitted)
        {
            notes.Add($"communication efficiency not determined by the data; kept {Fmt(fit.Efficiency.Communication)}");
        }

        // A weight-only run alone cannot tell its read rate from the bandwidth: the fitted bandwidth absorbs it for that deployment.
        foreach (Core.Hardware.Precision weights in sets.Where(s => s.Deployment.Weights != s.Deployment.Compute).Select(s => s.Deployment.Weights).Distinct())
        {
            bool int8 = weights == Core.Hardware.Precision.Int8;
            bool fitted = int8 ? fit.Int8WeightReadFitted : fit.Int4WeightReadFitted;
            if (!fitted && (int8 || weights is Core.Hardware.Precision.Int4 or Core.Hardware.Precision.Fp4))
            {
                notes.Add($"{weights.Id()} weight-only read rate kept at the default {Fmt(int8 ? fit.Efficiency.Int8WeightRead : fit.Efficiency.Int4WeightRead)} of the 16-bit rate: every run here reads its weights at one precision, so the rate cannot be told from bandwidth (the fitted bandwidth holds it for this deployment); add a 16-bit bench run of the same deployment to fit it");
            }
        }

        return notes;
    }

    private static string Fmt(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static IReadOnlyList<CalibrationPoint> PointsOf(BenchResult result, string path)
    {
        try
        {
            return Points(result);
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"'{path}': {e.Message}");
        }
    }

    /// <summary>Gets the points, or throws <see cref="InvalidDataException"/> with a one-line reason when the run cannot be fitted.</summary>
    /// <param name="result">The bench result.</param>
    /// <returns>One point per concurrency level with completed requests.</returns>
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
