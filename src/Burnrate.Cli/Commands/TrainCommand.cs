using System.CommandLine;
using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Catalog.Resolution;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using Burnrate.Core.Training;
using Burnrate.Core.Validation;

namespace Burnrate.Cli.Commands;

/// <summary>
/// <c>burnrate train MODEL --tokens T --gpu ID (--gpus N | --days D)</c>: compute, memory, time, energy, cost and emissions
/// of a pre-training run, or the device count that finishes it in D days.
/// </summary>
internal sealed class TrainCommand : Command
{
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
    private readonly Option<double?> _grid = new("--grid-kg-co2-per-kwh") { Description = $"Grid carbon intensity in kg CO2e per kWh (default {TrainingDefaults.GridKgCo2PerKWh.Value})" };
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
        double? givenMfu = parse.GetValue(_mfu);
        double? givenGrid = parse.GetValue(_grid);
        PriceRequest money = _money.Request(parse);
        InputException.ThrowIfAny(new FieldChecks()
            .Fraction("mfu", givenMfu)
            .Range("gridKgCo2PerKWh", givenGrid, 0, 10, unit: "kg CO2e per kWh")
            .Positive("days", parse.GetValue(_days), 36_500, "days")
            .Whole("gpus", parse.GetValue(_gpus), 1, 10_000_000)
            .AddRange(money.Validate()));
        double mfu = givenMfu ?? TrainingDefaults.Mfu.Value;
        assumptions.Add(givenMfu is null ? TrainingDefaults.Mfu.Assumption : TrainingDefaults.Mfu.User(Fmt(mfu)));

        int seqLen = SequenceLength(parse, architecture, assumptions);
        ShardingStrategy sharding = Sharding(parse, assumptions);
        RecomputeMode recompute = Recompute(parse, assumptions);
        bool causal = Attention(parse);
        ResolvedPrice price = PricePolicy.Resolve(gpu, money);
        assumptions.AddRange(price.Assumptions);
        double grid = givenGrid ?? TrainingDefaults.GridKgCo2PerKWh.Value;
        assumptions.Add(givenGrid is null ? TrainingDefaults.GridKgCo2PerKWh.Assumption : TrainingDefaults.GridKgCo2PerKWh.User(Fmt(grid)));

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
            DevicePower = price.DevicePower,
            Pue = price.Pue,
            PricePerDeviceHour = price.PricePerDeviceHour,
            Grid = new CarbonIntensity(grid),
        };
        Check(run with { GlobalBatch = days is null ? run.GlobalBatch : null });

        if (days is { } d)
        {
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

        Sourced<int> seq = TrainingDefaults.SequenceLength(architecture);
        assumptions.Add(seq.Assumption);
        return seq.Value;
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
        assumptions.Add(zero is null && !fsdp ? TrainingDefaults.Sharding.Assumption : TrainingDefaults.Sharding.User(value));
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
        assumptions.Add(IsDefault(parse, _recompute) ? TrainingDefaults.Recompute.Assumption : TrainingDefaults.Recompute.User(mode.ToString().ToLowerInvariant()));
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

    private static string Fmt(double v) => NumberText.Plain(v);
}
