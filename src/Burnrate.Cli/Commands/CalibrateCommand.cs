using System.CommandLine;
using System.Globalization;
using Burnrate.Bench;
using Burnrate.Bench.Calibration;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Quantities;
using Burnrate.Reports.Json;
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
    private readonly Argument<string[]> _result = new("result")
    {
        Description = "A bench summary.json (or the bench --out directory holding it); several, one per weight precision given by --weights (e.g. --weights bf16,int8), also fit the int8/int4 weight-only read rates",
        Arity = ArgumentArity.OneOrMore,
    };
    private readonly Option<string> _model = new("--model") { Description = "Catalog model id (or config.json) that was served", Required = true };
    private readonly Option<string> _gpu = new("--gpu") { Description = "Accelerator id it was served on (see 'burnrate catalog gpus')", Required = true };
    private readonly Option<int> _gpus = new("--gpus") { Description = "Devices it was served on", DefaultValueFactory = _ => 1 };
    private readonly Option<string> _out = new("--out") { Description = "Calibration file to write, e.g. calibration.json", Required = true };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON (base units) instead of tables" };
    private readonly Option<bool> _force = new("--force") { Description = "Write the calibration even when the fit is poor (rms log error > 1)" };

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
        Options.Add(_force);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        string[] paths = [.. parse.GetRequiredValue(_result).Select(p => Directory.Exists(p) ? Path.Combine(p, BenchResultFile.SummaryJson) : p)];
        string weightsText = parse.GetValue(_deployment.Weights) ?? "bf16";
        string[] weights = [.. weightsText.Split(',', StringSplitOptions.TrimEntries)];
        if (weights.Length != 1 && weights.Length != paths.Length)
        {
            throw new UsageException($"--weights '{weightsText}' names {weights.Length} precisions for {paths.Length} bench results; give one for all or one per result, in order (e.g. --weights bf16,int8)");
        }

        string outPath = parse.GetRequiredValue(_out);
        if (string.IsNullOrWhiteSpace(outPath) || Directory.Exists(outPath))
        {
            throw new UsageException($"--out '{outPath}' must be a file path, e.g. calibration.json");
        }

        var assumptions = new List<Assumption>();
        Catalog.BurnrateCatalog catalog = _globals.LoadCatalog(parse);
        var runs = new List<(BenchResult Result, string Path, ModelArchitecture Model, InferenceDeployment Deployment, string Weights)>();
        for (int i = 0; i < paths.Length; i++)
        {
            string w = weights[weights.Length == 1 ? 0 : i];
            BenchResult result = BenchResultFile.Load(paths[i]);
            (_, ModelArchitecture model, InferenceDeployment deployment, _, _) = _deployment.Resolve(parse, catalog, parse.GetRequiredValue(_model), parse.GetRequiredValue(_gpu), parse.GetValue(_gpus), i == 0 ? assumptions : [], w);
            runs.Add((result, paths[i], model, deployment, w));
        }

        string path = paths[0];
        CalibrationReport report = BenchCalibration.Calibrate(new CalibrationRequest
        {
            Result = runs[0].Result,
            ResultPath = path,
            Model = runs[0].Model,
            Deployment = runs[0].Deployment,
            DeploymentAssumptions = assumptions,
            OutPath = outPath,
            WeightsName = runs[0].Weights,
            KvName = parse.GetValue(_deployment.Kv) ?? "bf16",
            Force = parse.GetValue(_force),
            AdditionalRuns = [.. runs.Skip(1).Select(r => new CalibrationRun(r.Result, r.Path, r.Deployment, r.Weights))],
        });
        if (report.RmsLogError > BenchCalibration.PoorFitRmsLogError)
        {
            parse.InvocationConfiguration.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: poor fit written because of --force (rms log error {report.RmsLogError:0.##} > {BenchCalibration.PoorFitRmsLogError}); the deployment named is probably not the one measured"));
        }

        if (parse.GetValue(_json))
        {
            parse.InvocationConfiguration.Output.WriteLine(BurnrateJson.Serialize(report));
        }
        else
        {
            Render(parse, report, string.Join(", ", paths));
        }

        return ExitCodes.Success;
    }

    private static void Render(ParseResult parse, CalibrationReport report, string from)
    {
        IAnsiConsole console = Output.Console(parse);
        var factors = new Table().Border(TableBorder.Rounded).Title(Markup.Escape("efficiency fitted to " + from));
        factors.AddColumn("factor").AddColumn("value").AddColumn("source");
        factors.AddRow("compute", Fmt(report.ComputeEfficiency), !report.Fitted.Compute ? "kept" : report.Fitted.PrefillRatio ? "fitted (compute-bound decode step)" : "fitted (prefill, TTFT)");
        factors.AddRow("bandwidth", Fmt(report.BandwidthEfficiency), report.Fitted.Bandwidth ? "fitted (decode step, ITL p50)" : "kept");
        factors.AddRow("communication", Fmt(report.CommunicationEfficiency), report.Fitted.Communication ? "fitted" : "kept");
        factors.AddRow("prefill ratio", Fmt(report.LongPrefillRatio), report.Fitted.PrefillRatio ? "fitted (prefill, TTFT)" : "kept");
        factors.AddRow("int8 weight-only read", Fmt(report.Int8WeightRead), report.Fitted.Int8WeightRead ? "fitted (int8 runs vs 16-bit)" : "kept (default)");
        factors.AddRow("int4/fp4 weight-only read", Fmt(report.Int4WeightRead), report.Fitted.Int4WeightRead ? "fitted (4-bit runs vs 16-bit)" : "kept (default)");
        console.Write(factors);
        // The weights column appears only when several runs (precisions) were fitted together.
        bool several = report.Levels.Select(l => l.Weights).Distinct(StringComparer.Ordinal).Skip(1).Any();
        string[] columns = ["concurrency", "in/out tokens", "TTFT p50 ms", "predicted ms", "error", "decode step (ITL p50) ms", "predicted ms", "error"];
        var levels = new WideTable("residuals per level (predicted ÷ measured − 1)", several ? ["weights", .. columns] : columns);
        foreach (CalibrationLevel r in report.Levels)
        {
            string[] cells =
            [
                r.Concurrency.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{r.InputTokens}/{r.OutputTokens}"),
                Ms(r.MeasuredTtftSeconds),
                r.MeasuredTtftSeconds is null ? "-" : Ms(r.PredictedTtftSeconds),
                Pct(r.TtftRelativeError),
                Ms(r.MeasuredDecodeStepSeconds),
                r.MeasuredDecodeStepSeconds is null ? "-" : Ms(r.PredictedDecodeStepSeconds),
                Pct(r.DecodeStepRelativeError),
            ];
            levels.AddRow(several ? [r.Weights, .. cells] : cells);
        }

        levels.Write(console);
        console.WriteLine($"rms log error: {report.RmsLogError.ToString("0.####", CultureInfo.InvariantCulture)}");
        foreach (string note in report.Notes)
        {
            Output.WriteWrapped(console, "note: " + note);
        }

        AssumptionsTable.WriteLines(console, report.Assumptions);
        Output.WriteWritten(console, [report.CalibrationFile]);

        // The command stays one line, to copy as is.
        console.WriteLine("use it:");
        Output.WriteWhole(console, "  " + report.InferCommand);
    }

    private static string Fmt(double v) => NumberText.Plain(v);

    private static string Ms(double? seconds) => NumberText.Milliseconds(seconds, "0.###");

    private static string Pct(double? e) => e is { } v ? NumberText.Percent(v, "+0.0;-0.0;0.0") : "-";
}
