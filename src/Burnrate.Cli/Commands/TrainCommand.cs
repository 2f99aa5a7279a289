using System.CommandLine;
using Burnrate.Catalog;
using Burnrate.Catalog.Resolution;
using Burnrate.Catalog.Services;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Training;

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
    private readonly Option<double?> _mfu = new("--mfu") { Description = "Model FLOPs utilization in [0.001, 1] (default 0.40, Llama 3 paper)" };
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
    private readonly Option<double?> _interruptions = new("--interruptions-per-device-hour") { Description = "Job interruptions per device-hour of running (default ≈2.44e-5, Llama 3 paper); 0 turns them off" };
    private readonly Option<double?> _tpCommOverlap = new("--tp-comm-overlap") { Description = "Share of the tensor-parallel all-reduces hidden behind compute, 0–1 (default 0, Megatron-LM's default); moves the default MFU only" };
    private readonly Option<double?> _minutesLost = new("--minutes-lost-per-interruption") { Description = "Minutes one interruption costs the whole job: restart plus work since the last checkpoint (default ≈16.7, Llama 3 paper)" };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON (base units) instead of tables" };
    private readonly Option<bool> _assumptions = Output.AssumptionsOption();

    public TrainCommand(GlobalOptions globals)
        : base("train", "Training compute, memory, time, energy, cost and emissions for a dense or MoE model")
    {
        _globals = globals;
        Arguments.Add(_model);
        foreach (Option option in new Option[] { _tokens, _gpu, _gpus, _days, _seqLen, _precision, _mfu, _tp, _pp, _dp, _ep, _zero, _fsdp, _recompute, _microBatch, _globalBatch, _attention, _grid, _interruptions, _minutesLost, _tpCommOverlap, _json, _assumptions })
        {
            Options.Add(option);
        }

        _money.AddTo(this);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        BurnrateCatalog catalog = _globals.LoadCatalog(parse);
        string tokens = parse.GetRequiredValue(_tokens);
        var request = new TrainRequest
        {
            Model = parse.GetRequiredValue(_model),
            Tokens = QuantityText.TryParse(tokens, [], out double count) && double.IsFinite(count)
                ? count
                : throw new UsageException($"--tokens: '{tokens}' is not a count; use e.g. 15.6T or 15.6e12"),
            Gpu = parse.GetRequiredValue(_gpu),
            Gpus = parse.GetValue(_gpus),
            Days = parse.GetValue(_days),
            SequenceLength = parse.GetValue(_seqLen),
            Precision = parse.GivenText(_precision),
            Mfu = parse.GetValue(_mfu),
            TensorParallel = parse.Given(_tp),
            PipelineParallel = parse.Given(_pp),
            DataParallel = parse.GetValue(_dp),
            ExpertParallel = parse.Given(_ep),
            Zero = parse.GetValue(_zero),
            Fsdp = parse.GetValue(_fsdp),
            Recompute = parse.GivenText(_recompute),
            MicroBatch = parse.Given(_microBatch),
            GlobalBatch = parse.GetValue(_globalBatch),
            AttentionFlops = parse.GivenText(_attention),
            GridKgCo2PerKWh = parse.GetValue(_grid),
            InterruptionsPerDeviceHour = parse.GetValue(_interruptions),
            MinutesLostPerInterruption = parse.GetValue(_minutesLost),
            TpCommOverlap = parse.GetValue(_tpCommOverlap),
            Price = _money.Request(parse),
        };
        TrainReport report = TrainService.Run(catalog, request);
        if (parse.GetValue(_json))
        {
            Output.WriteReport(parse, report);
        }
        else
        {
            TrainingTables.Write(Output.Console(parse), report, parse.GetValue(_assumptions));
        }

        return ExitCodes.Success;
    }
}
