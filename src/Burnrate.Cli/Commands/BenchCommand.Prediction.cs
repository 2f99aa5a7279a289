using System.CommandLine;
using System.Globalization;
using Burnrate.Bench;
using Burnrate.Bench.Metrics;
using Burnrate.Catalog.Resolution;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using Spectre.Console;

namespace Burnrate.Cli.Commands;

/// <summary>bench --model-id: the infer cost model's prediction beside each measured concurrency level (docs/calibrate.md).</summary>
internal sealed partial class BenchCommand
{
    private readonly Option<string?> _modelId = new("--model-id") { Description = "Catalog model (or config.json) served: show the cost model's prediction beside each concurrency level (needs --gpu)" };
    private readonly DeploymentOptions _deployment = new();
    private readonly Option<int> _maxResponseBytes = new("--max-response-bytes") { Description = "Most bytes read from one response; a longer one fails as too_large", DefaultValueFactory = _ => BenchRequest.DefaultMaxResponseBytes };
    private readonly Option<bool> _noStream = new("--no-stream") { Description = "Same as --stream false: non-streaming requests (TTFT = E2E, no TPOT)" };
    private readonly Option<bool> _noIgnoreEos = new("--no-ignore-eos") { Description = "Same as --ignore-eos false, for endpoints that reject ignore_eos/min_tokens" };
    private readonly Option<bool> _noIncludeUsage = new("--no-include-usage") { Description = "Same as --include-usage false" };
    private readonly Option<bool> _overwrite = new("--overwrite") { Description = "Replace earlier results in a non-empty --out folder (refused otherwise)" };

    /// <summary>The model, deployment and efficiency to predict with, or null without --model-id. Checked before any load is sent.</summary>
    private BenchPredictionSetup? PredictionSetup(ParseResult parse)
    {
        if (parse.GetValue(_modelId) is not { } modelId)
        {
            return null;
        }

        string gpu = parse.GetValue(_gpu) ?? throw new UsageException("--model-id needs --gpu ID (and --gpus N) to predict with the cost model");
        var assumptions = new List<Assumption>();
        (_, ModelArchitecture model, InferenceDeployment deployment, _, _) = _deployment.Resolve(parse, _globals.LoadCatalog(parse), modelId, gpu, parse.GetValue(_gpus), assumptions);
        EfficiencyFactors efficiency = _deployment.Efficiency(parse, assumptions);
        string source = string.Create(CultureInfo.InvariantCulture, $"burnrate infer {model.Id} on {deployment.Devices}×{deployment.Accelerator.Id} tp {deployment.TensorParallel}, efficiency compute {efficiency.Compute:0.###}, bandwidth {efficiency.Bandwidth:0.###}, communication {efficiency.Communication:0.###}");
        return new BenchPredictionSetup(model, deployment, efficiency, source, assumptions);
    }

    /// <summary>The deployment's price per hour: --deployment-usd-per-hour, else --gpus × the device-hour price of the
    /// library's <see cref="PricePolicy"/> (--gpu-hour-usd, else the catalog's on-demand price; none is an error).</summary>
    private double? DeploymentPrice(ParseResult parse, List<Assumption> assumptions)
    {
        if (parse.GetValue(_deploymentUsd) is { } usd)
        {
            assumptions.Add(new Assumption("deployment-usd-per-hour", "$" + NumberText.Plain(usd) + "/h", "user"));
            return usd;
        }

        if (parse.GetValue(_gpu) is not { } gpuId)
        {
            return null;
        }

        AcceleratorSpec gpu = _globals.LoadCatalog(parse).Accelerator(gpuId);
        int gpus = parse.GetValue(_gpus);
        if (gpus < 1)
        {
            throw new UsageException($"--gpus must be at least 1, got {gpus}");
        }

        (UsdPerGpuHour perDevice, Assumption source) = PricePolicy.DeviceHour(gpu, parse.GetValue(_gpuHourUsd));
        assumptions.Add(source);
        assumptions.Add(new Assumption("deployment-usd-per-hour", "$" + NumberText.Plain(perDevice.Value * gpus) + "/h", $"{gpus} × {gpu.Id}"));
        return perDevice.Value * gpus;
    }

    private static void RenderPredictions(IAnsiConsole console, IReadOnlyList<LevelResult> levels)
    {
        if (!levels.Any(l => l.Prediction is not null))
        {
            return;
        }

        // Nine columns: split into column groups (the level repeated) rather than folded to fit the width.
        var table = new WideTable("measured vs cost model (infer) per level",
            ["level", "TTFT p50 ms", "predicted", "TPOT p50 ms", "predicted", "out tok/s", "predicted", "$/1M out", "predicted"]);

        foreach (LevelResult l in levels)
        {
            if (l.Prediction is not { } p)
            {
                continue;
            }

            table.AddRow(
                Burnrate.Bench.Results.BenchComparison.Key(l),
                Ms(l.TtftSeconds.P50),
                Ms(p.TtftSeconds) + Delta(l.TtftSeconds.P50, p.TtftSeconds),
                Ms(l.TpotSeconds.P50),
                Ms(p.TpotSeconds) + Delta(l.TpotSeconds.P50, p.TpotSeconds),
                l.OutputTokensPerSecond.ToString("0.#", CultureInfo.InvariantCulture),
                p.OutputTokensPerSecond.ToString("0.#", CultureInfo.InvariantCulture) + Delta(l.OutputTokensPerSecond, p.OutputTokensPerSecond),
                l.CostPerMillionOutputTokensUsd is { } c ? "$" + c.ToString("0.###", CultureInfo.InvariantCulture) : "-",
                p.CostPerMillionOutputTokensUsd is { } pc ? "$" + pc.ToString("0.###", CultureInfo.InvariantCulture) : "-");
        }

        table.Write(console);
    }

    private static string Delta(double? measured, double predicted) =>
        measured is > 0 and var m ? " (" + ((predicted / m) - 1).ToString("+0%;-0%;0%", CultureInfo.InvariantCulture) + ")" : "";
}
