using System.CommandLine;
using Burnrate.Catalog;
using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;

namespace Burnrate.Cli.Commands;

/// <summary>
/// The cost-model deployment options that simulate serve, bench (prediction) and calibrate share: tensor parallelism,
/// weight and KV precision, and the efficiency factors or a calibration file (the latter from <see cref="ServingOptions"/>).
/// The model, accelerator and device count are each command's own options, since their names differ.
/// </summary>
internal sealed class DeploymentOptions
{
    private readonly ServingOptions _serving = new();

    public Option<int?> Tp { get; } = new("--tp") { Description = "Tensor-parallel degree of the cost model (default: all --gpus in one replica)" };

    public Option<string> Weights { get; } = new("--weights") { Description = "Weight precision of the cost model: bf16, fp16, fp8, int8, int4, fp4", DefaultValueFactory = _ => "bf16" };

    public Option<string> Kv { get; } = new("--kv") { Description = "KV cache precision of the cost model: bf16, fp16, fp8, int8", DefaultValueFactory = _ => "bf16" };

    /// <summary>Gets the option naming the calibration file (shared with infer).</summary>
    public Option<string?> Calibration => _serving.Calibration;

    public void AddTo(Command command, bool withEfficiency = true)
    {
        foreach (Option option in new Option[] { Tp, Weights, Kv })
        {
            command.Options.Add(option);
        }

        if (withEfficiency)
        {
            foreach (Option option in new Option[] { _serving.ComputeEfficiency, _serving.BandwidthEfficiency, _serving.CommunicationEfficiency, _serving.Calibration })
            {
                command.Options.Add(option);
            }
        }
    }

    /// <summary>Gets the efficiency factors: the calibration file, the three options, or the sourced defaults.</summary>
    public EfficiencyFactors Efficiency(ParseResult parse, List<Assumption> assumptions) => _serving.Efficiency(parse, assumptions);

    /// <summary>Builds the deployment (one replica of TP devices unless --tp is smaller than --gpus), validated.</summary>
    public (ModelArchitecture Model, InferenceDeployment Deployment) Build(ParseResult parse, BurnrateCatalog catalog, string modelId, string gpuId, int gpus, List<Assumption> assumptions)
    {
        ModelArchitecture model = catalog.Model(modelId);
        AcceleratorSpec gpu = catalog.Accelerator(gpuId);
        if (gpus < 1)
        {
            throw new UsageException($"--gpus must be at least 1, got {gpus}");
        }

        int tp = parse.GetValue(Tp) ?? gpus;
        if (tp < 1)
        {
            throw new UsageException($"--tp must be at least 1, got {tp}");
        }

        Precision weights = ServingOptions.ParsePrecision("--weights", parse.GetValue(Weights), ServingOptions.WeightFormats);
        Precision kv = ServingOptions.ParsePrecision("--kv", parse.GetValue(Kv), ServingOptions.KvFormats);
        var deployment = new InferenceDeployment
        {
            Accelerator = gpu,
            Devices = gpus,
            TensorParallel = tp,
            Weights = weights,
            KvCache = kv,
            Compute = ServingOptions.DefaultCompute(gpu, weights),
            PricePerDeviceHour = new UsdPerGpuHour(gpu.CloudPricePerHour?.Amount.Value ?? 0),
            DevicePower = gpu.Tdp ?? new Watts(0),
        };
        if (deployment.Validate(model.Moe?.RoutedExperts ?? 0) is { } problem)
        {
            throw new UsageException($"{model.Id} on {gpus}×{gpu.Id}: {problem} (--gpus, --tp)");
        }

        assumptions.Add(new Assumption("cost-model-deployment", $"{model.Id} on {gpus}×{gpu.Id}, tp {tp}, weights {weights.Id()}, kv {kv.Id()}", "user and defaults (--tp = --gpus, bf16)"));
        return (model, deployment);
    }
}
