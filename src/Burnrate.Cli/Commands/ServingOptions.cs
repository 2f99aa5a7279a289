using System.CommandLine;
using Burnrate.Catalog;
using Burnrate.Catalog.Resolution;
using Burnrate.Core.Economics;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;

namespace Burnrate.Cli.Commands;

/// <summary>Options infer and optimize share: request shape, efficiency factors (or a calibration file), memory reserve,
/// power utilization, collective latency. Defaults, their sources and validation live in <see cref="ServingDefaults"/>,
/// <see cref="EfficiencyResolver"/> and <see cref="DeploymentRequest"/>; an option left out maps to null.</summary>
internal sealed class ServingOptions
{
    public Option<int> Input { get; } = new("--input") { Description = "Prompt tokens per request", DefaultValueFactory = _ => ServingDefaults.InputTokens };

    public Option<int> Output { get; } = new("--output") { Description = "Generated tokens per request", DefaultValueFactory = _ => ServingDefaults.OutputTokens };

    public Option<double?> ComputeEfficiency { get; } = new("--compute-efficiency") { Description = $"Achieved / peak FLOP/s, [0.001, 1] (default {EfficiencyFactors.DefaultCompute})" };

    public Option<double?> BandwidthEfficiency { get; } = new("--bandwidth-efficiency") { Description = $"Achieved / peak memory bandwidth, [0.001, 1] (default {EfficiencyFactors.DefaultBandwidth})" };

    public Option<double?> CommunicationEfficiency { get; } = new("--communication-efficiency") { Description = $"Achieved / peak one-way interconnect bandwidth, [0.001, 1] (default {EfficiencyFactors.DefaultCommunication})" };

    public Option<string?> Calibration { get; } = new("--calibration") { Description = "Efficiency factors from a burnrate-calibration JSON file (written by 'burnrate calibrate')" };

    public Option<double?> MemoryReserve { get; } = new("--memory-reserve") { Description = $"Share of device memory held back for activations and workspace, [0, 1) (default {ServingDefaults.MemoryReserve})" };

    public Option<double?> PowerUtilization { get; } = new("--power-utilization") { Description = $"Share of TDP drawn while serving, (0,1] (energy per token; default {ServingDefaults.PowerUtilization})" };

    public Option<string?> CollectiveLatency { get; } = new("--collective-latency") { Description = "Fixed time of one all-reduce/all-to-all, e.g. 10us, 0.02ms (default 10us)" };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Input, Output, ComputeEfficiency, BandwidthEfficiency, CommunicationEfficiency, Calibration, MemoryReserve, PowerUtilization, CollectiveLatency })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Gets the efficiency factors (calibration file, the three options, or the sourced defaults) and records them.</summary>
    public EfficiencyFactors Efficiency(ParseResult parse, List<Assumption> assumptions)
    {
        (EfficiencyFactors factors, IReadOnlyList<Assumption> named) = EfficiencyResolver.Resolve(
            parse.GetValue(ComputeEfficiency), parse.GetValue(BandwidthEfficiency), parse.GetValue(CommunicationEfficiency), parse.GetValue(Calibration));
        assumptions.AddRange(named);
        return factors;
    }

    /// <summary>Copies the serving overrides into a deployment request.</summary>
    public DeploymentRequest Apply(ParseResult parse, DeploymentRequest request) => request with
    {
        MemoryReserve = parse.GetValue(MemoryReserve),
        PowerUtilization = parse.GetValue(PowerUtilization),
        CollectiveLatency = Latency(parse),
    };

    /// <summary>Gets the --collective-latency override, or null for the default.</summary>
    public Duration? Latency(ParseResult parse) =>
        parse.GetValue(CollectiveLatency) is { } text ? DurationText.ParseNonNegative("collectiveLatency", text) : null;
}
