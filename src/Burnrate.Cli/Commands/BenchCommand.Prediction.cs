using System.CommandLine;
using System.Globalization;
using Burnrate.Bench.Metrics;
using Burnrate.Core.Economics;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using Spectre.Console;

namespace Burnrate.Cli.Commands;

/// <summary>bench --model-id: the infer cost model's prediction beside each measured concurrency level (docs/calibrate.md).</summary>
internal sealed partial class BenchCommand
{
    private readonly Option<string?> _modelId = new("--model-id") { Description = "Catalog model (or config.json) served: show the cost model's prediction beside each concurrency level (needs --gpu)" };
    private readonly DeploymentOptions _deployment = new();

    /// <summary>The model, deployment and efficiency to predict with, or null without --model-id. Checked before any load is sent.</summary>
    private (ModelArchitecture Model, InferenceDeployment Deployment, EfficiencyFactors Efficiency, string Source)? PredictionSetup(ParseResult parse, List<Assumption> assumptions)
    {
        if (parse.GetValue(_modelId) is not { } modelId)
        {
            return null;
        }

        string gpu = parse.GetValue(_gpu) ?? throw new UsageException("--model-id needs --gpu ID (and --gpus N) to predict with the cost model");
        (ModelArchitecture model, InferenceDeployment deployment) = _deployment.Build(parse, _globals.LoadCatalog(parse), modelId, gpu, parse.GetValue(_gpus), assumptions);
        EfficiencyFactors efficiency = _deployment.Efficiency(parse, assumptions);
        string source = string.Create(CultureInfo.InvariantCulture, $"burnrate infer {model.Id} on {deployment.Devices}×{deployment.Accelerator.Id} tp {deployment.TensorParallel}, efficiency compute {efficiency.Compute:0.###}, bandwidth {efficiency.Bandwidth:0.###}, communication {efficiency.Communication:0.###}");
        assumptions.Add(new Assumption("prediction", source, "cost model (docs/infer.md): TTFT = prefill alone, TPOT = one decode step at the level's concurrency, mean request shape of the level"));
        return (model, deployment, efficiency, source);
    }

    private static void RenderPredictions(IAnsiConsole console, IReadOnlyList<LevelResult> levels)
    {
        if (!levels.Any(l => l.Prediction is not null))
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("measured vs cost model (infer) per level");
        foreach (string column in new[] { "level", "TTFT p50 ms", "predicted", "TPOT p50 ms", "predicted", "out tok/s", "predicted", "$/1M out", "predicted" })
        {
            table.AddColumn(column);
        }

        foreach (LevelResult l in levels)
        {
            if (l.Prediction is not { } p)
            {
                continue;
            }

            table.AddRow(
                Bench.Results.BenchComparison.Key(l),
                Ms(l.TtftSeconds.P50),
                Ms(p.TtftSeconds) + Delta(l.TtftSeconds.P50, p.TtftSeconds),
                Ms(l.TpotSeconds.P50),
                Ms(p.TpotSeconds) + Delta(l.TpotSeconds.P50, p.TpotSeconds),
                l.OutputTokensPerSecond.ToString("0.#", CultureInfo.InvariantCulture),
                p.OutputTokensPerSecond.ToString("0.#", CultureInfo.InvariantCulture) + Delta(l.OutputTokensPerSecond, p.OutputTokensPerSecond),
                l.CostPerMillionOutputTokensUsd is { } c ? "$" + c.ToString("0.###", CultureInfo.InvariantCulture) : "-",
                p.CostPerMillionOutputTokensUsd is { } pc ? "$" + pc.ToString("0.###", CultureInfo.InvariantCulture) : "-");
        }

        console.Write(table);
    }

    private static string Delta(double? measured, double predicted) =>
        measured is > 0 and var m ? " (" + ((predicted / m) - 1).ToString("+0%;-0%;0%", CultureInfo.InvariantCulture) + ")" : "";
}
