using System.CommandLine;
using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using Burnrate.Core.Training;

namespace Burnrate.Cli.Commands;

/// <summary>
/// <c>burnrate train MODEL --tokens T --gpu ID (--gpus N | --days D)</c>: compute, memory, time, energy, cost and emissions
/// of a pre-training run, or the device count that finishes it in D days.
/// </summary>
internal sealed class TrainCommand : Command
{
    // 0.40: Llama 3 405B pre-training reached 38–43% BF16 MFU on 8K–16K H100s (Dubey et al. 2024, arXiv 2407.21783, Table 4).
    public const double DefaultMfu = 0.40;

    // 0.4 kg CO2e/kWh: between the US grid average (~0.37, EIA 2023) and the world average (~0.46, IEA Electricity 2024).
    public const double DefaultGridKgCo2PerKWh = 0.4;

    // 8192: Llama 3's main pre-training sequence length (arXiv 2407.21783 §3.4.1), capped at the model's context.
    public const int DefaultMaxSequenceLength = 8192;

    private readonly GlobalOptions _globals;
    private readonly MoneyOptions _money = new();
    private readonly Argument<string> _model = new("model") { Description = "A catalog model id, a Hugging Face config.json path, or a bare parameter count such as 70B or 7e10" };
    private readonly Option<string> _tokens = new("--tokens") { Description = "Training tokens, e.g. 15.6T or 15.6e12", Required = true };
    private readonly Option<string> _gpu = new("--gpu") { Description = "Accelerator id from the catalog, e.g. h100-sxm", Required = true };
    private readonly Option<int?> _gpus = new("--gpus") { Description = "Number of accelerators (or give --days for the count needed)" };
    private readonly Option<double?> _days = new("--days") { Description = "Deadline in days: prints the accelerator count needed instead of taking --gpus" };
    private readonly Option<int?> _seqLen = new("--seq-len") { Description = "Training sequence length in tokens (default: min(model context, 8192))" };
    private readonly Option<string> _precision = new("--precision") { Description = "Matmul precision that sets the peak FLOP/s: bf16, fp16 or fp8", DefaultValueFactory = _ => "bf16" };
    private readonly Option<double?> _mfu = new("--mfu") { Description = "Model FLOPs utilization in (0, 1] (default 0.40, Llama 3 paper)" };
    private readonly Option<int> _tp = new("--tp") { Description = "Tensor-parallel degree", DefaultValueFactory = _ => 1 };
    private readonly Option<int> _pp = new("--pp") { Description = "Pipeline-parallel degree", DefaultValueFactory = _ => 1 };
    private readonly Option<int?> _dp = new("--dp") { Description = "Data-parallel degree (default: gpus ÷ (tp·pp)); must equal it when given" };
    private readonly Option<int> _ep = new("--ep") { Description = "Expert-parallel degree (MoE), carved out of data parallelism", DefaultValueFactory = _ => 1 };
    private readonly Option<int?> _zero = new("--zero") { Description = "ZeRO stage 0-3 (default 1: sharded optimizer states)" };
    private readonly Option<bool> _fsdp = new("--fsdp") { Description = "PyTorch FSDP full sharding (same memory as ZeRO-3)" };
    private readonly Option<string> _recompute = new("--recompute") { Description = "Activation recomputation: none, selective or full", DefaultValueFactory = _ => "selective" };
    private readonly Option<int> _microBatch = new("--micro-batch") { Description = "Sequences per device per micro-step", DefaultValueFactory = _ => 1 };
    private readonly Option<int?> _globalBatch = new("--global-batch") { Description = "Sequences per optimizer step (a multiple of micro-batch × dp)" };
    private readonly Option<string> _attention = new("--attention-flops") { Description = "Attention FLOPs: causal (half of PaLM's 12·L·H·Q·s) or full", DefaultValueFactory = _ => "causal" };
    private readonly Option<double> _grid = new("--grid-kg-co2-per-kwh") { Description = "Grid carbon intensity in kg CO2e per kWh", DefaultValueFactory = _ => DefaultGridKgCo2PerKWh };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON (base units) instead of tables" };

    public TrainCommand(GlobalOptions globals)
        : base("train", "Training compute, memory, time, energy, cost and emissions for a dense or MoE model")
    {
        _globals = globals;
        Arguments.Add(_model);
        foreach (Option option in new Option[] { _tokens, _gpu, _gpus, _days, _seqLen, _precision, _mfu, _tp, _pp, _dp, _ep, _zero, _fsdp, _recompute, _microBatch, _globalBatch, _attention, _grid, _json })
        {
            Options.Add(option);
        }

        _money.AddTo(this);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        BurnrateCatalog catalog = _globals.LoadCatalog(parse);
        var assumptions = new List<Assumption>();
        string modelText = parse.GetRequiredValue(_model);
        (ModelArchitecture? architecture, ParameterCount parameters, string modelName) = ResolveModel(catalog, modelText);
        AcceleratorSpec gpu = catalog.Accelerator(parse.GetRequiredValue(_gpu));

        double tokens = ParseCount("--tokens", parse.GetRequiredValue(_tokens), "15.6T or 15.6e12");
        if (!(tokens > 0))
        {
            throw new UsageException($"--tokens must be positive, got {Fmt(tokens)}");
        }

        Precision precision = ParsePrecision(parse.GetValue(_precision) ?? "bf16", gpu);
        double mfu = parse.GetValue(_mfu) ?? DefaultMfu;
        if (!(mfu > 0 && mfu <= 1))
        {
            throw new UsageException($"--mfu must be in (0, 1], got {Fmt(mfu)} (model FLOPs utilization; large runs reach 0.3–0.5)");
        }

        assumptions.Add(new Assumption("mfu", Fmt(mfu), parse.GetValue(_mfu) is null ? "default: Llama 3 405B reached 38–43% BF16 MFU on 8K–16K H100s (Dubey et al. 2024, arXiv 2407.21783, Table 4)" : "user"));

        int seqLen = SequenceLength(parse, architecture, assumptions);
        ShardingStrategy sharding = Sharding(parse, assumptions);
        RecomputeMode recompute = Recompute(parse, assumptions);
        bool causal = Attention(parse);
        Watts power = _money.Power(parse, gpu, assumptions);
        UsdPerGpuHour price = _money.PricePerDeviceHour(parse, gpu, power, assumptions);
        double pue = _money.PueValue(parse, assumptions);
        double grid = parse.GetValue(_grid);
        if (!(grid >= 0) || !double.IsFinite(grid))
        {
            throw new UsageException($"--grid-kg-co2-per-kwh must be a number ≥ 0, got {Fmt(grid)}");
        }

        assumptions.Add(new Assumption("grid-kg-co2-per-kwh", Fmt(grid), IsDefault(parse, _grid) ? "default: between the US grid average (~0.37, EIA 2023) and the world average (~0.46, IEA Electricity 2024)" : "user"));

        int tp = parse.GetValue(_tp), pp = parse.GetValue(_pp), ep = parse.GetValue(_ep);
        int? gpus = parse.GetValue(_gpus);
        double? days = parse.GetValue(_days);
        if (gpus is null == days is null)
        {
            throw new UsageException(gpus is null ? "give --gpus N (accelerator count) or --days D (deadline; prints the count needed)" : "give either --gpus or --days, not both");
        }

        var run = new TrainingRun
        {
            Parameters = parameters,
            Architecture = architecture,
            Tokens = new Tokens(tokens),
            SequenceLength = seqLen,
            Accelerator = gpu,
            Devices = gpus ?? Math.Max(1, tp * pp * ep),
            Precision = precision,
            Mfu = new Fraction(mfu),
            TensorParallel = tp,
            PipelineParallel = pp,
            ExpertParallel = ep,
            Sharding = sharding,
            Recompute = recompute,
            MicroBatch = parse.GetValue(_microBatch),
            GlobalBatch = parse.GetValue(_globalBatch),
            CausalAttention = causal,
            DevicePower = power,
            Pue = pue,
            PricePerDeviceHour = price,
            Grid = new CarbonIntensity(grid),
        };
        Check(run with { GlobalBatch = days is null ? run.GlobalBatch : null });

        if (days is { } d)
        {
            if (!(d > 0) || !double.IsFinite(d))
            {
                throw new UsageException($"--days must be a positive number, got {Fmt(d)}");
            }

            if (parse.GetValue(_dp) is not null)
            {
                throw new UsageException("--dp is derived from the device count when --days is given; drop --dp");
            }

            run = run with { Devices = TrainingEstimator.DevicesForDeadline(run, Duration.FromDays(d)) };
            assumptions.Add(new Assumption("gpus", run.Devices.ToString(CultureInfo.InvariantCulture), FormattableString.Invariant($"derived: fewest devices finishing in {Fmt(d)} days, a multiple of tp·pp·ep = {run.Layout.ModelParallelUnit}")));
            Check(run);
        }
        else if (parse.GetValue(_dp) is { } dp && (long)dp * tp * pp != run.Devices)
        {
            throw new UsageException($"--dp {dp} × --tp {tp} × --pp {pp} = {(long)dp * tp * pp} does not equal --gpus {run.Devices}");
        }

        bool defaultLayout = IsDefault(parse, _tp) && IsDefault(parse, _pp) && IsDefault(parse, _ep);
        assumptions.Add(new Assumption("parallelism", run.Layout.ToString(), defaultLayout ? "default: tp = pp = ep = 1, dp = gpus ÷ (tp·pp)" : "user; dp = gpus ÷ (tp·pp)"));
        assumptions.Add(new Assumption("micro-batch", run.MicroBatch.ToString(CultureInfo.InvariantCulture) + " sequences", IsDefault(parse, _microBatch) ? "default: 1 sequence per device per micro-step (least activation memory)" : "user"));
        assumptions.Add(new Assumption("precision", precision.Id(), IsDefault(parse, _precision) ? "default: bf16 matmuls; states as in bytes-per-parameter" : "user; states as in bytes-per-parameter"));
        TrainingEstimate estimate = TrainingEstimator.Estimate(run);
        var all = assumptions.Concat(estimate.Assumptions).ToList();
        if (parse.GetValue(_json))
        {
            Output.WriteJson(parse, TrainingJson.From(estimate, modelName, days, all));
        }
        else
        {
            TrainingTables.Write(Output.Console(parse), estimate, modelName, days, all);
        }

        return ExitCodes.Success;
    }

    private static void Check(TrainingRun run)
    {
        if (run.Validate() is { } problem)
        {
            throw new UsageException(problem);
        }
    }

    private static (ModelArchitecture? Architecture, ParameterCount Parameters, string Name) ResolveModel(BurnrateCatalog catalog, string text)
    {
        if (!File.Exists(text) && QuantityText.TryParse(text, [], out double count))
        {
            if (!(count >= 1) || !double.IsFinite(count))
            {
                throw new UsageException($"MODEL as a parameter count must be positive, got '{text}'");
            }

            return (null, TrainingRun.ForParameterCount(count), SiFormat.Count(count) + " parameters (no architecture)");
        }

        ModelArchitecture model = catalog.Model(text);
        return (model, TrainingRun.ForArchitecture(model), model.Id);
    }

    private static double ParseCount(string option, string text, string example)
    {
        if (!QuantityText.TryParse(text, [], out double value) || !double.IsFinite(value))
        {
            throw new UsageException($"{option}: '{text}' is not a count; use e.g. {example}");
        }

        return value;
    }

    private static Precision ParsePrecision(string text, AcceleratorSpec gpu)
    {
        if (!PrecisionExtensions.TryParse(text, out Precision precision) || precision is not (Precision.Bf16 or Precision.Fp16 or Precision.Fp8))
        {
            throw new UsageException($"--precision '{text}' is not a training precision; use bf16, fp16 or fp8");
        }

        if (!gpu.Supports(precision))
        {
            throw new UsageException($"--precision {precision.Id()}: {gpu.Id} has no dense {precision.Id()} peak; it supports {string.Join(", ", gpu.PeakFlops.Keys.Order().Select(p => p.Id()))}");
        }

        return precision;
    }

    private int SequenceLength(ParseResult parse, ModelArchitecture? architecture, List<Assumption> assumptions)
    {
        if (parse.GetValue(_seqLen) is { } given)
        {
            if (given <= 0)
            {
                throw new UsageException($"--seq-len must be a positive integer, got {given}");
            }

            assumptions.Add(new Assumption("seq-len", given.ToString(CultureInfo.InvariantCulture), "user"));
            return given;
        }

        int seq = Math.Min(architecture?.MaxContext ?? DefaultMaxSequenceLength, DefaultMaxSequenceLength);
        assumptions.Add(new Assumption("seq-len", seq.ToString(CultureInfo.InvariantCulture), "default: min(model context, 8192); 8192 is Llama 3's pre-training length (arXiv 2407.21783 §3.4.1)"));
        return seq;
    }

    private ShardingStrategy Sharding(ParseResult parse, List<Assumption> assumptions)
    {
        int? zero = parse.GetValue(_zero);
        bool fsdp = parse.GetValue(_fsdp);
        if (zero is not null && fsdp)
        {
            throw new UsageException("give either --zero or --fsdp, not both");
        }

        if (zero is { } z && z is < 0 or > 3)
        {
            throw new UsageException($"--zero must be 0, 1, 2 or 3, got {z}");
        }

        ShardingStrategy sharding = fsdp ? ShardingStrategy.Fsdp : (ShardingStrategy)(zero ?? 1);
        string value = fsdp ? "FSDP (full shard)" : "ZeRO-" + (zero ?? 1).ToString(CultureInfo.InvariantCulture);
        assumptions.Add(new Assumption("zero", value, zero is null && !fsdp ? "default: ZeRO-1, sharded optimizer states (Megatron-LM distributed optimizer); Rajbhandari et al. 2020, arXiv 1910.02054" : "user"));
        return sharding;
    }

    private RecomputeMode Recompute(ParseResult parse, List<Assumption> assumptions)
    {
        string text = parse.GetValue(_recompute) ?? "selective";
        RecomputeMode mode = text.ToUpperInvariant() switch
        {
            "NONE" => RecomputeMode.None,
            "SELECTIVE" => RecomputeMode.Selective,
            "FULL" => RecomputeMode.Full,
            _ => throw new UsageException($"--recompute '{text}' is not known; use none, selective or full"),
        };
        assumptions.Add(new Assumption("recompute", mode.ToString().ToLowerInvariant(), IsDefault(parse, _recompute) ? "default: selective, Korthikanti et al. 2022 (arXiv 2205.05198)" : "user"));
        return mode;
    }

    private bool Attention(ParseResult parse)
    {
        string text = parse.GetValue(_attention) ?? "causal";
        return text.ToUpperInvariant() switch
        {
            "CAUSAL" => true,
            "FULL" => false,
            _ => throw new UsageException($"--attention-flops '{text}' is not known; use causal or full"),
        };
    }

    private static bool IsDefault(ParseResult parse, Option option) => parse.GetResult(option) is null or { Implicit: true };

    private static string Fmt(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
