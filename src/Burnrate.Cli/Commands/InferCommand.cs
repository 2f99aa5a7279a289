using System.CommandLine;
using Burnrate.Catalog;
using Burnrate.Catalog.Resolution;
using Burnrate.Catalog.Services;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Inference;

namespace Burnrate.Cli.Commands;

/// <summary>
/// <c>burnrate infer MODEL --gpu ID --gpus N</c>: serving latency, throughput, memory fit, cost per token and energy per token
/// from the roofline model (docs/infer.md), with a concurrency sweep and side-by-side comparisons.
/// </summary>
internal sealed class InferCommand : Command
{
    public const int DefaultConcurrency = ServingDefaults.Concurrency;

    private readonly GlobalOptions _globals;
    private readonly MoneyOptions _money = new();
    private readonly ServingOptions _serving = new();
    private readonly Argument<string> _model = new("model") { Description = "A catalog model id or a path to a Hugging Face config.json" };
    private readonly Option<string> _gpu = new("--gpu") { Description = "Accelerator id (see 'burnrate catalog gpus')", Required = true };
    private readonly Option<int> _gpus = new("--gpus") { Description = "Number of devices (default 1, or replicas × tp × pp)", DefaultValueFactory = _ => 1 };
    private readonly Option<int?> _replicas = new("--replicas") { Description = "Data-parallel replicas of tp × pp devices each; throughput and cost scale with them (default: gpus / (tp × pp))" };
    private readonly Option<int?> _tp = new("--tp") { Description = "Tensor-parallel degree (default: gpus / (pp × replicas))" };
    private readonly Option<int?> _pp = new("--pp") { Description = "Pipeline-parallel degree (default 1)" };
    private readonly Option<int?> _ep = new("--ep") { Description = "Expert-parallel degree for MoE models (default 1)" };
    private readonly Option<string> _weights = new("--weights") { Description = "Weight precision: bf16, fp16, fp8, int8, int4, fp4", DefaultValueFactory = _ => "bf16" };
    private readonly Option<string> _kv = new("--kv") { Description = "KV cache precision: bf16, fp16, fp8, int8", DefaultValueFactory = _ => "bf16" };
    private readonly Option<string?> _compute = new("--compute") { Description = "Matmul precision (default: fp8/16-bit weights as stored, else bf16 weight-only)" };
    private readonly Option<int> _concurrency = new("--concurrency") { Description = "Requests decoding together (continuous batching), whole deployment", DefaultValueFactory = _ => DefaultConcurrency };
    private readonly Option<string?> _sweep = new("--sweep-concurrency") { Description = "Comma-separated concurrencies to sweep, e.g. 1,8,32,128" };
    private readonly Option<string[]> _compare = new("--compare") { Description = "MODEL:GPU:WEIGHTS[:GPUS] to show beside the first configuration (repeatable)", AllowMultipleArgumentsPerToken = true };
    private readonly Option<bool> _breakdown = new("--breakdown") { Description = "Split the decode step and the prefill into attention projections, attention scores, MLP/experts, output head, communication and overhead, with each part's binding resource" };
    private readonly Option<string?> _out = new("--out") { Description = "Directory for CSV and PNG files" };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON (base units) instead of tables" };
    private readonly Option<bool> _assumptions = Output.AssumptionsOption();

    public InferCommand(GlobalOptions globals)
        : base("infer", "Serving cost per token, TTFT, TPOT, throughput and memory fit of a model on accelerators")
    {
        _globals = globals;
        Arguments.Add(_model);
        foreach (Option option in new Option[] { _gpu, _gpus, _replicas, _tp, _pp, _ep, _weights, _kv, _compute, _concurrency })
        {
            Options.Add(option);
        }

        _serving.AddTo(this);
        _money.AddTo(this);
        foreach (Option option in new Option[] { _sweep, _compare, _breakdown, _out, _json, _assumptions })
        {
            Options.Add(option);
        }

        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        BurnrateCatalog catalog = _globals.LoadCatalog(parse);
        List<int> sweep = ParseSweep(parse.GetValue(_sweep));
        List<InferCompareTarget> compare = [.. (parse.GetValue(_compare) ?? []).Select(CompareTarget)];
        string? outDir = parse.GetValue(_out);
        if (outDir is not null && sweep.Count == 0 && compare.Count == 0)
        {
            throw new UsageException("--out writes the --sweep-concurrency or --compare tables; give one of them");
        }

        var request = new InferRequest
        {
            Deployment = _serving.Apply(parse, new DeploymentRequest
            {
                Model = parse.GetRequiredValue(_model),
                Gpu = parse.GetRequiredValue(_gpu),
                Gpus = parse.Given(_gpus),
                Replicas = parse.GetValue(_replicas),
                TensorParallel = parse.GetValue(_tp),
                PipelineParallel = parse.GetValue(_pp),
                ExpertParallel = parse.GetValue(_ep),
                Weights = parse.GetValue(_weights),
                KvCache = parse.GetValue(_kv),
                Compute = parse.GetValue(_compute),
                Price = _money.Request(parse),
            }),
            InputTokens = parse.Given(_serving.Input),
            OutputTokens = parse.Given(_serving.Output),
            Concurrency = parse.Given(_concurrency),
            ComputeEfficiency = parse.GetValue(_serving.ComputeEfficiency),
            BandwidthEfficiency = parse.GetValue(_serving.BandwidthEfficiency),
            CommunicationEfficiency = parse.GetValue(_serving.CommunicationEfficiency),
            CalibrationFile = parse.GetValue(_serving.Calibration),
            SweepConcurrency = sweep,
            Compare = compare,
            Breakdown = parse.GetValue(_breakdown),
        };
        InferReport report = InferService.Run(catalog, request);
        IReadOnlyList<string> files = outDir is not null ? InferFiles.Write(outDir, report) : [];

        if (parse.GetValue(_json))
        {
            InferText.WriteInfeasible(parse.InvocationConfiguration.Error, report);
            Output.WriteReport(parse, report);
        }
        else
        {
            InferText.Write(parse.InvocationConfiguration.Output, Output.Console(parse), report, files, parse.GetValue(_assumptions));
        }

        return ExitCodes.Success;
    }

    private static InferCompareTarget CompareTarget(string spec)
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

        return new InferCompareTarget(parts[0], parts[1], parts[2], gpus);
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
