using System.CommandLine;
using System.Globalization;
using Burnrate.Bench.Calibration;
using Burnrate.Bench.Results;
using Burnrate.Catalog;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Economics;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using Spectre.Console;

namespace Burnrate.Cli.Commands;

/// <summary>
/// <c>burnrate calibrate RESULT.json --model M --gpu G --gpus N --out calibration.json</c>: fits the cost model's efficiency
/// factors to a bench summary and writes the calibration file that infer and optimize read with --calibration (docs/calibrate.md).
/// </summary>
internal sealed class CalibrateCommand : Command
{
    private readonly GlobalOptions _globals;
    private readonly DeploymentOptions _deployment = new();
    private readonly Argument<string> _result = new("result") { Description = "A bench summary.json (or the bench --out directory holding it)" };
    private readonly Option<string> _model = new("--model") { Description = "Catalog model id (or config.json) that was served", Required = true };
    private readonly Option<string> _gpu = new("--gpu") { Description = "Accelerator id it was served on (see 'burnrate catalog gpus')", Required = true };
    private readonly Option<int> _gpus = new("--gpus") { Description = "Devices it was served on", DefaultValueFactory = _ => 1 };
    private readonly Option<string> _out = new("--out") { Description = "Calibration file to write, e.g. calibration.json", Required = true };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON (base units) instead of tables" };

    public CalibrateCommand(GlobalOptions globals)
        : base("calibrate", "Fit the cost model's compute, bandwidth and communication efficiency to a bench result")
    {
        _globals = globals;
        Arguments.Add(_result);
        foreach (Option option in new Option[] { _model, _gpu, _gpus })
        {
            Options.Add(option);
        }

        _deployment.AddTo(this, withEfficiency: false);
        Options.Add(_out);
        Options.Add(_json);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        string path = parse.GetRequiredValue(_result);
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, BenchFiles.SummaryJson);
        }

        BenchResult result = BenchCompareCommand.Load(path);
        IReadOnlyList<CalibrationPoint> points;
        try
        {
            points = BenchCalibration.Points(result);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"'{path}': {e.Message}");
        }

        string outPath = parse.GetRequiredValue(_out);
        if (string.IsNullOrWhiteSpace(outPath) || Directory.Exists(outPath))
        {
            throw new UsageException($"--out '{outPath}' must be a file path, e.g. calibration.json");
        }

        var assumptions = new List<Assumption>();
        int gpus = parse.GetValue(_gpus);
        (ModelArchitecture model, InferenceDeployment deployment) = _deployment.Build(parse, _globals.LoadCatalog(parse), parse.GetRequiredValue(_model), parse.GetRequiredValue(_gpu), gpus, assumptions);
        CalibrationFit fit = EfficiencyFitter.Fit(model, deployment, points, EfficiencyFactors.Default);
        assumptions.Add(new Assumption("prefill-measurement", $"TTFT p50 at concurrency {points[0].Concurrency.ToString(CultureInfo.InvariantCulture)}", "the lowest concurrency level only: higher levels also queue behind other prompts"));
        assumptions.Add(new Assumption("decode-measurement", "ITL p50 of every concurrency level", "the uninterrupted decode step; TPOT also counts prefills of other requests, which infer's TPOT leaves out"));
        assumptions.Add(new Assumption("fit", "least squares of ln(predicted ÷ measured), grid then pattern search over (0.001, 1]", "docs/calibrate.md"));
        assumptions.Add(new Assumption("starting-efficiency", $"compute {Fmt(EfficiencyFactors.DefaultCompute)}, bandwidth {Fmt(EfficiencyFactors.DefaultBandwidth)}, communication {Fmt(EfficiencyFactors.DefaultCommunication)}", "infer's sourced defaults, kept for factors the data do not determine"));
        var file = new CalibrationFile(fit.Efficiency, Path.GetFullPath(path), model.Id, deployment.Accelerator.Id, deployment.Devices, DateOnly.FromDateTime(DateTime.UtcNow));
        try
        {
            file.Write(outPath);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UsageException($"--out '{outPath}': cannot write there ({e.Message})");
        }
        CalibrationPoint reference = points.OrderByDescending(p => p.Concurrency).First();
        string infer = string.Create(CultureInfo.InvariantCulture, $"burnrate infer {model.Id} --gpu {deployment.Accelerator.Id} --gpus {deployment.Devices} --tp {deployment.TensorParallel} --weights {parse.GetValue(_deployment.Weights)} --kv {parse.GetValue(_deployment.Kv)} --input {reference.InputTokens} --output {reference.OutputTokens} --concurrency {reference.Concurrency} --calibration {outPath}");
        var notes = Notes(fit, deployment);
        if (parse.GetValue(_json))
        {
            Output.WriteJson(parse, Json(fit, outPath, infer, notes, assumptions));
        }
        else
        {
            Render(parse, fit, path, outPath, infer, notes, assumptions);
        }

        return ExitCodes.Success;
    }

    private static List<string> Notes(CalibrationFit fit, InferenceDeployment deployment)
    {
        var notes = new List<string>();
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

        return notes;
    }

    private static object Json(CalibrationFit fit, string outPath, string infer, List<string> notes, List<Assumption> assumptions) => new
    {
        kind = CalibrationFile.Kind,
        computeEfficiency = fit.Efficiency.Compute,
        bandwidthEfficiency = fit.Efficiency.Bandwidth,
        communicationEfficiency = fit.Efficiency.Communication,
        fitted = new { compute = fit.ComputeFitted, bandwidth = fit.BandwidthFitted, communication = fit.CommunicationFitted },
        rmsLogError = fit.RmsLogError,
        levels = fit.Residuals.Select(r => new
        {
            concurrency = r.Point.Concurrency,
            inputTokens = r.Point.InputTokens,
            outputTokens = r.Point.OutputTokens,
            measuredTtftSeconds = r.Point.Ttft?.Seconds,
            predictedTtftSeconds = r.PredictedTtft.Seconds,
            ttftRelativeError = r.TtftError,
            measuredDecodeStepSeconds = r.Point.DecodeStep?.Seconds,
            predictedDecodeStepSeconds = r.PredictedDecodeStep.Seconds,
            decodeStepRelativeError = r.DecodeStepError,
        }),
        calibrationFile = outPath,
        inferCommand = infer,
        notes,
        assumptions = assumptions.Select(a => new { name = a.Name, value = a.Value, source = a.Source }),
    };

    private static void Render(ParseResult parse, CalibrationFit fit, string from, string outPath, string infer, List<string> notes, List<Assumption> assumptions)
    {
        IAnsiConsole console = Output.Console(parse);
        var factors = new Table().Border(TableBorder.Rounded).Title(Markup.Escape("efficiency fitted to " + from));
        factors.AddColumn("factor").AddColumn("value").AddColumn("source");
        factors.AddRow("compute", Fmt(fit.Efficiency.Compute), fit.ComputeFitted ? "fitted (prefill, TTFT)" : "kept");
        factors.AddRow("bandwidth", Fmt(fit.Efficiency.Bandwidth), fit.BandwidthFitted ? "fitted (decode step, ITL p50)" : "kept");
        factors.AddRow("communication", Fmt(fit.Efficiency.Communication), fit.CommunicationFitted ? "fitted" : "kept");
        console.Write(factors);
        var levels = new Table().Border(TableBorder.Rounded).Title("residuals per level (predicted ÷ measured − 1)");
        foreach (string column in new[] { "concurrency", "in/out tokens", "TTFT p50 ms", "predicted ms", "error", "decode step (ITL p50) ms", "predicted ms", "error" })
        {
            levels.AddColumn(column);
        }

        foreach (CalibrationResidual r in fit.Residuals)
        {
            levels.AddRow(
                r.Point.Concurrency.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{r.Point.InputTokens}/{r.Point.OutputTokens}"),
                Ms(r.Point.Ttft?.Seconds),
                r.Point.Ttft is null ? "-" : Ms(r.PredictedTtft.Seconds),
                Pct(r.TtftError),
                Ms(r.Point.DecodeStep?.Seconds),
                r.Point.DecodeStep is null ? "-" : Ms(r.PredictedDecodeStep.Seconds),
                Pct(r.DecodeStepError));
        }

        console.Write(levels);
        console.WriteLine($"rms log error: {fit.RmsLogError.ToString("0.####", CultureInfo.InvariantCulture)}");
        foreach (string note in notes)
        {
            console.WriteLine("note: " + note);
        }

        console.WriteLine("assumptions:");
        foreach (Assumption a in assumptions)
        {
            console.WriteLine($"  {a.Name} = {a.Value} ({a.Source})");
        }

        console.WriteLine("written: " + outPath);
        console.WriteLine("use it: " + infer);
    }

    private static string Fmt(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Ms(double? seconds) => seconds is { } s ? (s * 1000).ToString("0.###", CultureInfo.InvariantCulture) : "-";

    private static string Pct(double? e) => e is { } v ? (v * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "-";
}
