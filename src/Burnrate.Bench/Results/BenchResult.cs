using Burnrate.Bench.Load;
using Burnrate.Bench.Metrics;
using Burnrate.Core.Economics;

namespace Burnrate.Bench.Results;

/// <summary>A whole bench run: what was driven, the levels measured, the goodput search and every assumption.</summary>
internal sealed record BenchResult
{
    public string Kind { get; init; } = "burnrate-bench";

    public int SchemaVersion { get; init; } = 1;

    public string Url { get; init; } = "";

    public string Model { get; init; } = "";

    public string Api { get; init; } = "chat";

    public bool Stream { get; init; } = true;

    public string Workload { get; init; } = "";

    public string StartedAtUtc { get; init; } = "";

    public double? DeploymentUsdPerHour { get; init; }

    public SloSettings? Slo { get; init; }

    public IReadOnlyList<LevelResult> Levels { get; init; } = [];

    public MaxGoodputResult? MaxGoodput { get; init; }

    public IReadOnlyList<Assumption> Assumptions { get; init; } = [];

    /// <summary>Gets whether the run was cut short (Ctrl-C or --max-seconds); the levels hold what was measured.</summary>
    public bool Interrupted { get; init; }
}
