using System.CommandLine;
using Burnrate.Catalog;
using Burnrate.Catalog.Resolution;
using Burnrate.Core.Economics;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using Burnrate.Core.Validation;

namespace Burnrate.Cli.Commands;

/// <summary>
/// <c>burnrate infer MODEL --gpu ID --gpus N</c>: serving latency, throughput, memory fit, cost per token and energy per token
/// from the roofline model (docs/infer.md), with a concurrency sweep and side-by-side comparisons.
/// </summary>
internal sealed partial class InferCommand : Command
{
    public const int DefaultConcurrency = ServingDefaults.Concurrency;

    private readonly GlobalOptions _globals;
    private readonly MoneyOptions _money = new();
    private readonly ServingOptions _serving = new();
    private readonly Argument<string> _model = new("model") { Description = "A catalog model id or a path to a Hugging Face config.json" };
    private readonly Option<string> _gpu = new("--gpu") { Description = "Accelerator id (see 'burnrate catalog gpus')", Required = true };
    private readonly Option<int> _gpus = new("--gpus") { Description = "Number of devices", DefaultValueFactory = _ => 1 };
    private readonly Option<int?> _tp = new("--tp") { Description = "Tensor-parallel degree (default: gpus / pp)" };
    private readonly Option<int?> _pp = new("--pp") { Description = "Pipeline-parallel degree (default 1)" };
    private readonly Option<int?> _ep = new("--ep") { Description = "Expert-parallel degree for MoE models (default 1)" };
    private readonly Option<string> _weights = new("--weights") { Description = "Weight precision: bf16, fp16, fp8, int8, int4, fp4", DefaultValueFactory = _ => "bf16" };
    private readonly Option<string> _kv = new("--kv") { Description = "KV cache precision: bf16, fp16, fp8, int8", DefaultValueFactory = _ => "bf16" };
    private readonly Option<string?> _compute = new("--compute") { Description = "Matmul precision (default: fp8/16-bit weights as stored, else bf16 weight-only)" };
    private readonly Option<int> _concurrency = new("--concurrency") { Description = "Requests decoding together (continuous batching), whole deployment", DefaultValueFactory = _ => DefaultConcurrency };
    private readonly Option<string?> _sweep = new("--sweep-concurrency") { Description = "Comma-separated concurrencies to sweep, e.g. 1,8,32,128" };
    private readonly Option<string[]> _compare = new("--compare") { Description = "MODEL:GPU:WEIGHTS[:GPUS] to show beside the first configuration (repeatable)", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string?> _out = new("--out") { Description = "Directory for CSV and PNG files" };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON (base units) instead of tables" };

    public InferCommand(GlobalOptions globals)
        : base("infer", "Serving cost per token, TTFT, TPOT, throughput and memory fit of a model on accelerators")
    {
        _globals = globals;
        Arguments.Add(_model);
        foreach (Option option in new Option[] { _gpu, _gpus, _tp, _pp, _ep, _weights, _kv, _compute, _concurrency })
        {
            Options.Add(option);
        }

        _serving.AddTo(this);
        _money.AddTo(this);
        foreach (Option option in new Option[] { _sweep, _compare, _out, _json })
        {
            Options.Add(option);
        }

        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        BurnrateCatalog catalog = _globals.LoadCatalog(parse);
        var assumptions = new List<Assumption>();
        (int input, int output) = _serving.RequestShape(parse, assumptions);
        int concurrency = parse.GetValue(_concurrency);
        InputException.ThrowIfAny(new FieldChecks().Whole("concurrency", concurrency, 1, 1_000_000));
        assumptions.Add(new Assumption("concurrency", NumberText.Grouped(concurrency), ServingOptions.Source(parse, _concurrency, "default: a moderate continuous batch")));
        EfficiencyFactors efficiency = _serving.Efficiency(parse, assumptions);
        var workload = new InferenceWorkload(input, output, concurrency);
        List<int> sweep = ParseSweep(parse.GetValue(_sweep));
        string[] compare = parse.GetValue(_compare) ?? [];
        string? outDir = parse.GetValue(_out);
        if (outDir is not null && sweep.Count == 0 && compare.Length == 0)
        {
            throw new UsageException("--out writes the --sweep-concurrency or --compare tables; give one of them");
        }

        ServingCase first = Case(parse, catalog, parse.GetRequiredValue(_model), parse.GetRequiredValue(_gpu), parse.GetRequiredValue(_weights), null, assumptions);
        InferenceResult result = InferenceEstimator.Estimate(first.Model, first.Deployment, workload, efficiency);
        assumptions.AddRange(result.Assumptions);

        var sweepResults = sweep.Select(c => (Concurrency: c, Result: InferenceEstimator.Estimate(first.Model, first.Deployment, workload with { Concurrency = c }, efficiency))).ToList();
        var compared = new List<(ServingCase Case, InferenceResult Result)> { (first, result) };
        foreach (string spec in compare)
        {
            ServingCase other = CompareCase(parse, catalog, spec);
            compared.Add((other, InferenceEstimator.Estimate(other.Model, other.Deployment, workload, efficiency)));
        }

        if (outDir is not null)
        {
            WriteFiles(outDir, first, workload, sweepResults, compared);
        }

        if (parse.GetValue(_json))
        {
            WriteJson(parse, first, workload, result, assumptions, sweepResults, compared);
        }
        else
        {
            Render(parse, first, workload, result, assumptions, sweepResults, compared, outDir);
        }

        return ExitCodes.Success;
    }

    /// <summary>A model on a deployment, with the label shown in tables.</summary>
    private sealed record ServingCase(string Label, string ModelId, ModelArchitecture Model, InferenceDeployment Deployment);

    private ServingCase CompareCase(ParseResult parse, BurnrateCatalog catalog, string spec)
    {
        string[] parts = spec.Split(':');
        if (parts.Length is < 3 or > 4 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new UsageException($"--compare '{spec}' must be MODEL:GPU:WEIGHTS or MODEL:GPU:WEIGHTS:GPUS, e.g. llama-3.1-8b:h100-sxm:fp8");
        }

        int? gpus = null;
        if (parts.Length == 4)
        {
            gpus = int.TryParse(parts[3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n >= 1
                ? n
                : throw new UsageException($"--compare '{spec}': GPUS '{parts[3]}' must be a whole number ≥ 1");
        }

        return Case(parse, catalog, parts[0], parts[1], parts[2], gpus, []);
    }

    private ServingCase Case(ParseResult parse, BurnrateCatalog catalog, string modelId, string gpuId, string weightsText, int? gpusOverride, List<Assumption> assumptions)
    {
        var request = new DeploymentRequest
        {
            Model = modelId,
            Gpu = gpuId,
            Gpus = gpusOverride ?? parse.GetValue(_gpus),
            TensorParallel = gpusOverride is null ? parse.GetValue(_tp) : null,
            PipelineParallel = parse.GetValue(_pp),
            ExpertParallel = parse.GetValue(_ep),
            Weights = weightsText,
            KvCache = parse.GetValue(_kv),
            Compute = parse.GetValue(_compute),
            Price = _money.Request(parse),
        };
        ResolvedDeployment resolved = DeploymentResolver.Resolve(catalog, _serving.Apply(parse, request));
        assumptions.AddRange(resolved.Assumptions);
        return new ServingCase(resolved.Label, resolved.Model.Id, resolved.Model, resolved.Deployment);
    }

    private static List<int> ParseSweep(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var values = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int c) || c < 1)
            {
                throw new UsageException($"--sweep-concurrency '{part}' is not a whole number ≥ 1 (expected e.g. 1,8,32,128)");
            }

            values.Add(c);
        }

        return values.Distinct().Order().ToList();
    }
}
