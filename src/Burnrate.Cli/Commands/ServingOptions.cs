using System.CommandLine;
using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;

namespace Burnrate.Cli.Commands;

/// <summary>Options infer and optimize share: request shape, efficiency factors (or a calibration file), memory reserve, power utilization.</summary>
internal sealed class ServingOptions
{
    public const int DefaultInput = 2000;
    public const int DefaultOutput = 500;

    public Option<int> Input { get; } = new("--input") { Description = "Prompt tokens per request", DefaultValueFactory = _ => DefaultInput };

    public Option<int> Output { get; } = new("--output") { Description = "Generated tokens per request", DefaultValueFactory = _ => DefaultOutput };

    public Option<double?> ComputeEfficiency { get; } = new("--compute-efficiency") { Description = $"Achieved / peak FLOP/s, (0,1] (default {EfficiencyFactors.DefaultCompute})" };

    public Option<double?> BandwidthEfficiency { get; } = new("--bandwidth-efficiency") { Description = $"Achieved / peak memory bandwidth, (0,1] (default {EfficiencyFactors.DefaultBandwidth})" };

    public Option<double?> CommunicationEfficiency { get; } = new("--communication-efficiency") { Description = $"Achieved / peak one-way interconnect bandwidth, (0,1] (default {EfficiencyFactors.DefaultCommunication})" };

    public Option<string?> Calibration { get; } = new("--calibration") { Description = "Efficiency factors from a burnrate-calibration JSON file (written by 'burnrate calibrate')" };

    public Option<double> MemoryReserve { get; } = new("--memory-reserve") { Description = "Share of device memory held back for activations and workspace", DefaultValueFactory = _ => InferenceDeployment.DefaultMemoryReserve };

    public Option<double> PowerUtilization { get; } = new("--power-utilization") { Description = "Share of TDP drawn while serving, (0,1] (energy per token)", DefaultValueFactory = _ => 1.0 };

    public Option<string> CollectiveLatency { get; } = new("--collective-latency") { Description = "Fixed time of one all-reduce/all-to-all, e.g. 10us, 0.02ms", DefaultValueFactory = _ => "10us" };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Input, Output, ComputeEfficiency, BandwidthEfficiency, CommunicationEfficiency, Calibration, MemoryReserve, PowerUtilization, CollectiveLatency })
        {
            command.Options.Add(option);
        }
    }

    public (int Input, int Output) RequestShape(ParseResult parse, List<Assumption> assumptions)
    {
        int input = parse.GetValue(Input);
        int output = parse.GetValue(Output);
        if (input < 1)
        {
            throw new UsageException($"--input must be at least 1 token, got {input}");
        }

        if (output < 1)
        {
            throw new UsageException($"--output must be at least 1 token, got {output}");
        }

        assumptions.Add(new Assumption("input", Int(input) + " tokens", Source(parse, Input, "default")));
        assumptions.Add(new Assumption("output", Int(output) + " tokens", Source(parse, Output, "default")));
        return (input, output);
    }

    public EfficiencyFactors Efficiency(ParseResult parse, List<Assumption> assumptions)
    {
        double? compute = parse.GetValue(ComputeEfficiency);
        double? bandwidth = parse.GetValue(BandwidthEfficiency);
        double? communication = parse.GetValue(CommunicationEfficiency);
        if (parse.GetValue(Calibration) is { } file)
        {
            if (compute is not null || bandwidth is not null || communication is not null)
            {
                throw new UsageException("--calibration cannot be combined with --compute-efficiency, --bandwidth-efficiency or --communication-efficiency");
            }

            CalibrationFile calibration = CalibrationFile.Read(file);
            string from = $"calibration {file}" + (calibration.FittedFrom is { } f ? $", fitted from {f}" : "")
                + (calibration.Gpu is { } g ? $" on {calibration.Gpus ?? 1}×{g}" : "")
                + (calibration.AsOf is { } d ? $" ({d:yyyy-MM-dd})" : "");
            AddEfficiency(assumptions, calibration.Efficiency, from, from, from);
            return calibration.Efficiency;
        }

        var factors = new EfficiencyFactors(
            Check("--compute-efficiency", compute ?? EfficiencyFactors.DefaultCompute),
            Check("--bandwidth-efficiency", bandwidth ?? EfficiencyFactors.DefaultBandwidth),
            Check("--communication-efficiency", communication ?? EfficiencyFactors.DefaultCommunication));
        AddEfficiency(
            assumptions,
            factors,
            compute is null ? "default: large-batch inference MFU 40–76% (Pope et al. 2022, arXiv 2211.05102); conservative middle" : "user",
            bandwidth is null ? "default: gpt-fast Llama-2-7B A100 batch 1 reaches ~69% of peak HBM bandwidth (pytorch-labs/gpt-fast README)" : "user",
            communication is null ? "default: NCCL all-reduce bus bandwidth ~70–80% of NVLink peak (NVIDIA nccl-tests)" : "user");
        return factors;
    }

    public (double Reserve, double Utilization) MemoryAndPower(ParseResult parse, List<Assumption> assumptions)
    {
        double reserve = parse.GetValue(MemoryReserve);
        if (!(reserve >= 0 && reserve < 1))
        {
            throw new UsageException($"--memory-reserve must be in [0, 1), got {Fmt(reserve)}");
        }

        double utilization = parse.GetValue(PowerUtilization);
        if (!EfficiencyFactors.IsValid(utilization))
        {
            throw new UsageException($"--power-utilization must be in (0, 1], got {Fmt(utilization)}");
        }

        return (reserve, utilization);
    }

    public Duration Latency(ParseResult parse)
    {
        return Catalog.DurationText.ParseNonNegative("--collective-latency", parse.GetRequiredValue(CollectiveLatency));
    }

    /// <summary>Parses a precision option against the ids it allows.</summary>
    public static Precision ParsePrecision(string option, string? text, IReadOnlyList<Precision> allowed)
    {
        if (text is not null && PrecisionExtensions.TryParse(text, out Precision p) && allowed.Contains(p))
        {
            return p;
        }

        throw new UsageException($"{option} '{text}' is not one of {string.Join(", ", allowed.Select(a => a.Id()))}");
    }

    public static Precision DefaultCompute(AcceleratorSpec gpu, Precision weights) => InferenceDeployment.DefaultCompute(gpu, weights);

    public static readonly Precision[] WeightFormats = [Precision.Bf16, Precision.Fp16, Precision.Fp8, Precision.Int8, Precision.Int4, Precision.Fp4];

    public static readonly Precision[] KvFormats = [Precision.Bf16, Precision.Fp16, Precision.Fp8, Precision.Int8];

    public static readonly Precision[] ComputeFormats = [Precision.Bf16, Precision.Fp16, Precision.Fp8, Precision.Int8, Precision.Fp4];

    private static void AddEfficiency(List<Assumption> assumptions, EfficiencyFactors f, string compute, string bandwidth, string communication)
    {
        assumptions.Add(new Assumption("compute-efficiency", Fmt(f.Compute), compute));
        assumptions.Add(new Assumption("bandwidth-efficiency", Fmt(f.Bandwidth), bandwidth));
        assumptions.Add(new Assumption("communication-efficiency", Fmt(f.Communication), communication));
    }

    private static double Check(string name, double value) => EfficiencyFactors.IsValid(value)
        ? value
        : throw new UsageException($"{name} must be in (0, 1], got {Fmt(value)}");

    public static string Source(ParseResult parse, Option option, string whenDefault) => parse.GetResult(option) is null or { Implicit: true } ? whenDefault : "user";

    public static string Fmt(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Int(int v) => v.ToString("#,0", CultureInfo.InvariantCulture);
}
