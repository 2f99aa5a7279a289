using System.CommandLine;
using Burnrate.Catalog;
using Burnrate.Catalog.Resolution;
using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;

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

    /// <summary>Builds the deployment (one replica of TP devices unless --tp is smaller than --gpus) through the library's
    /// <see cref="DeploymentResolver"/>. These commands show no cost of their own, so a missing catalog price is allowed and
    /// named as an assumption (never a silent $0).</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="catalog">The catalog.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="gpuId">The accelerator id.</param>
    /// <param name="gpus">The device count.</param>
    /// <param name="assumptions">Where the deployment's assumption is added.</param>
    /// <param name="weights">The weight precision to use instead of --weights (calibrate: one per bench run), or null.</param>
    /// <returns>The deployment.</returns>
    public ResolvedDeployment Resolve(ParseResult parse, BurnrateCatalog catalog, string modelId, string gpuId, int gpus, List<Assumption> assumptions, string? weights = null)
    {
        ResolvedDeployment resolved = DeploymentResolver.Resolve(catalog, new DeploymentRequest
        {
            Model = modelId,
            Gpu = gpuId,
            Gpus = gpus,
            TensorParallel = parse.GetValue(Tp),
            Weights = weights ?? parse.GetValue(Weights),
            KvCache = parse.GetValue(Kv),
            PriceRequired = false,
        });
        InferenceDeployment d = resolved.Deployment;
        assumptions.Add(new Assumption("cost-model-deployment", $"{resolved.Model.Id} on {gpus}×{d.Accelerator.Id}, tp {d.TensorParallel}, weights {d.Weights.Id()}, kv {d.KvCache.Id()}", "user and defaults (--tp = --gpus, bf16)"));
        return resolved;
    }
}
