using System.Globalization;
using Burnrate.Catalog.Resolution;
using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using Burnrate.Core.Training;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Services;

/// <summary>
/// The train use case, shared by <c>burnrate train</c> and <c>POST /api/train</c>: validates a <see cref="TrainRequest"/>,
/// resolves the model, accelerator, price and sourced defaults (<see cref="TrainingDefaults"/>, <see cref="PricePolicy"/>),
/// derives the device count from a deadline when asked, runs <see cref="TrainingEstimator"/> and reports the estimate.
/// </summary>
public static class TrainService
{
    /// <summary>Runs the request.</summary>
    /// <param name="catalog">The catalog that resolves ids and prices.</param>
    /// <param name="request">The request.</param>
    /// <returns>The report.</returns>
    /// <exception cref="InputException">A field is out of range, a price is missing, or the layout is invalid.</exception>
    /// <exception cref="CatalogException">An id is unknown, or a config.json cannot be read.</exception>
    public static TrainReport Run(BurnrateCatalog catalog, TrainRequest request)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(request);
        InputException.ThrowIfAny(request.Validate());
        (ModelArchitecture? architecture, ParameterCount parameters, string modelName) = ResolveModel(catalog, request.Model);
        AcceleratorSpec gpu = catalog.Accelerator(request.Gpu);
        Precision precision = ResolvePrecision(request.Precision, gpu);

        var assumptions = new List<Assumption>();
        int mfuAt = assumptions.Count;
        double mfu = request.Mfu ?? TrainingDefaults.Mfu.Value;
        int seqLen = SequenceLength(request.SequenceLength, architecture, assumptions);
        ShardingStrategy sharding = Sharding(request, assumptions);
        RecomputeMode recompute = Recompute(request.Recompute, assumptions);
        bool causal = request.AttentionFlops is null || request.AttentionFlops.Trim().Equals("causal", StringComparison.OrdinalIgnoreCase);
        ResolvedPrice price = PricePolicy.Resolve(gpu, request.Price);
        assumptions.AddRange(price.Assumptions);
        double grid = request.GridKgCo2PerKWh ?? TrainingDefaults.GridKgCo2PerKWh.Value;
        assumptions.Add(request.GridKgCo2PerKWh is null ? TrainingDefaults.GridKgCo2PerKWh.Assumption : TrainingDefaults.GridKgCo2PerKWh.User(NumberText.Plain(grid)));
        double interruptions = request.InterruptionsPerDeviceHour ?? TrainingDefaults.InterruptionsPerDeviceHour.Value;
        assumptions.Add(request.InterruptionsPerDeviceHour is null ? TrainingDefaults.InterruptionsPerDeviceHour.Assumption : TrainingDefaults.InterruptionsPerDeviceHour.User(NumberText.Plain(interruptions)));
        double minutesLost = request.MinutesLostPerInterruption ?? TrainingDefaults.MinutesLostPerInterruption.Value;
        assumptions.Add(request.TpCommOverlap is { } overlap
            ? new Assumption("tp-comm-overlap", NumberText.Plain(overlap), "user")
            : new Assumption("tp-comm-overlap", NumberText.Plain(TrainingCommunication.DefaultTensorParallelOverlap), "default: Megatron-LM runs tensor-parallel all-reduces on the critical path unless --tp-comm-overlap (TransformerEngine userbuffers) is on; the default MFU's source does not report it"));
        assumptions.Add(request.MinutesLostPerInterruption is null ? TrainingDefaults.MinutesLostPerInterruption.Assumption : TrainingDefaults.MinutesLostPerInterruption.User(NumberText.Plain(minutesLost) + " min"));

        int tp = request.TensorParallel ?? 1, pp = request.PipelineParallel ?? 1, ep = request.ExpertParallel ?? 1;
        var run = new TrainingRun
        {
            Parameters = parameters,
            Architecture = architecture,
            Tokens = new Tokens(request.Tokens),
            SequenceLength = seqLen,
            Accelerator = gpu,
            Devices = request.Gpus ?? Math.Max(1, tp * pp * ep),
            Precision = precision,
            Mfu = new Fraction(mfu),
            TensorParallel = tp,
            PipelineParallel = pp,
            ExpertParallel = ep,
            Sharding = sharding,
            Recompute = recompute,
            MicroBatch = request.MicroBatch ?? 1,
            GlobalBatch = request.GlobalBatch,
            CausalAttention = causal,
            DevicePower = price.DevicePower,
            Pue = price.Pue,
            PricePerDeviceHour = price.PricePerDeviceHour,
            Grid = new CarbonIntensity(grid),
            InterruptionsPerDeviceHour = interruptions,
            LostPerInterruption = Duration.FromHours(minutesLost / 60),
            TensorParallelOverlap = request.TpCommOverlap ?? TrainingCommunication.DefaultTensorParallelOverlap,
        };
        if (request.Mfu is null && run.Validate() is null)
        {
            run = run with { Mfu = TrainingEstimator.DefaultMfuFor(run) };
        }

        assumptions.Insert(mfuAt, MfuAssumption(request.Mfu, run));
        Check(run with { GlobalBatch = request.Days is null ? run.GlobalBatch : null });

        if (request.Days is { } days)
        {
            run = run with { Devices = TrainingEstimator.DevicesForDeadline(run, Duration.FromDays(days)) };
            assumptions.Add(new Assumption("gpus", run.Devices.ToString(CultureInfo.InvariantCulture), FormattableString.Invariant($"derived: fewest devices finishing in {NumberText.Plain(days)} days, a multiple of tp·pp·ep = {run.Layout.ModelParallelUnit}")));
            Check(run);
        }
        else if (request.DataParallel is { } dp && (long)dp * tp * pp != run.Devices)
        {
            throw new InputException("dataParallel", dp.ToString(CultureInfo.InvariantCulture), FormattableString.Invariant($"gpus ÷ (tp·pp) = {run.Devices / (tp * pp)} (dp × tp × pp must equal gpus {run.Devices})"));
        }

        bool defaultLayout = request.TensorParallel is null && request.PipelineParallel is null && request.ExpertParallel is null;
        assumptions.Add(new Assumption("parallelism", run.Layout.ToString(), defaultLayout ? "default: tp = pp = ep = 1, dp = gpus ÷ (tp·pp)" : "user; dp = gpus ÷ (tp·pp)"));
        assumptions.Add(new Assumption("micro-batch", run.MicroBatch.ToString(CultureInfo.InvariantCulture) + " sequences", request.MicroBatch is null ? "default: 1 sequence per device per micro-step (least activation memory)" : "user"));
        assumptions.Add(new Assumption("precision", precision.Id(), request.Precision is null ? "default: bf16 matmuls; states as in bytes-per-parameter" : "user; states as in bytes-per-parameter"));
        TrainingEstimate estimate = TrainingEstimator.Estimate(run);
        return TrainReport.From(estimate, modelName, request.Days, [.. assumptions, .. estimate.Assumptions]);
    }

    private static Assumption MfuAssumption(double? given, TrainingRun run) =>
        given is { } mfu ? TrainingDefaults.Mfu.User(NumberText.Plain(mfu))
        : TrainingDefaults.Mfu.Assumption with
        {
            Value = NumberText.Format(run.Mfu.Value, "0.###"),
            Source = TrainingDefaults.Mfu.Assumption.Source
                + FormattableString.Invariant($"; {TrainingEstimator.DefaultMfu:0.##} at its source's layout, {TrainingCommunication.ComputeMfu:0.###} with that layout's tensor-parallel all-reduces taken out, then this run's charged (tp-communication)")
                + (run.Recompute == TrainingEstimator.DefaultMfuRecompute ? "" : FormattableString.Invariant($"; stated at selective recompute, × hardware FLOPs at selective ÷ at {TrainReport.RecomputeName(run.Recompute)} (same hardware utilization; Korthikanti et al. 2022, arXiv 2205.05198)")),
        };

    private static void Check(TrainingRun run)
    {
        if (run.Validate() is { } problem)
        {
            throw new InputException(problem);
        }
    }

    private static (ModelArchitecture? Architecture, ParameterCount Parameters, string Name) ResolveModel(BurnrateCatalog catalog, string text)
    {
        if (!File.Exists(text) && QuantityText.TryParse(text, [], out double count))
        {
            if (!(count >= 1) || !double.IsFinite(count))
            {
                throw new InputException("model", text, "a positive parameter count such as 70B or 7e10, a catalog model id or a config.json path");
            }

            return (null, TrainingRun.ForParameterCount(count), SiFormat.Count(count) + " parameters (no architecture)");
        }

        ModelArchitecture model = catalog.Model(text);
        return (model, TrainingRun.ForArchitecture(model), model.Id);
    }

    private static Precision ResolvePrecision(string? text, AcceleratorSpec gpu)
    {
        if (text is null)
        {
            return Precision.Bf16;
        }

        if (!PrecisionExtensions.TryParse(text, out Precision precision) || precision is not (Precision.Bf16 or Precision.Fp16 or Precision.Fp8))
        {
            throw new InputException("precision", text, "bf16, fp16 or fp8 (a training precision)");
        }

        return gpu.Supports(precision)
            ? precision
            : throw new InputException("precision", precision.Id(), $"a precision {gpu.Id} has a dense peak for: {string.Join(", ", gpu.PeakFlops.Keys.Order().Select(p => p.Id()))}");
    }

    private static int SequenceLength(int? given, ModelArchitecture? architecture, List<Assumption> assumptions)
    {
        if (given is { } length)
        {
            assumptions.Add(new Assumption("seq-len", length.ToString(CultureInfo.InvariantCulture), "user"));
            return length;
        }

        Sourced<int> seq = TrainingDefaults.SequenceLength(architecture);
        assumptions.Add(seq.Assumption);
        return seq.Value;
    }

    private static ShardingStrategy Sharding(TrainRequest request, List<Assumption> assumptions)
    {
        ShardingStrategy sharding = request.Fsdp ? ShardingStrategy.Fsdp : (ShardingStrategy)(request.Zero ?? 1);
        string value = request.Fsdp ? "FSDP (full shard)" : "ZeRO-" + (request.Zero ?? 1).ToString(CultureInfo.InvariantCulture);
        assumptions.Add(request.Zero is null && !request.Fsdp ? TrainingDefaults.Sharding.Assumption : TrainingDefaults.Sharding.User(value));
        return sharding;
    }

    private static RecomputeMode Recompute(string? text, List<Assumption> assumptions)
    {
        RecomputeMode mode = (text?.Trim().ToUpperInvariant() ?? "SELECTIVE") switch
        {
            "NONE" => RecomputeMode.None,
            "FULL" => RecomputeMode.Full,
            _ => RecomputeMode.Selective,
        };
        assumptions.Add(text is null ? TrainingDefaults.Recompute.Assumption : TrainingDefaults.Recompute.User(TrainReport.RecomputeName(mode)));
        return mode;
    }
}
