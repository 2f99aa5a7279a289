using Burnrate.Bench.Load;
using Burnrate.Bench.Metrics;
using Burnrate.Core.Economics;

namespace Burnrate.Bench;

/// <summary>A whole bench run (the summary.json contract): what was driven, the levels measured, the goodput search and every assumption.</summary>
public sealed record BenchResult
{
    /// <summary>The value of <see cref="Kind"/> in every bench summary.</summary>
    public const string KindName = "burnrate-bench";

    /// <summary>The schema version this library writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Gets the kind of file, always <see cref="KindName"/>.</summary>
    public string Kind { get; init; } = KindName;

    /// <summary>Gets the schema version.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Gets the base URL driven.</summary>
    public string Url { get; init; } = "";

    /// <summary>Gets the model name sent.</summary>
    public string Model { get; init; } = "";

    /// <summary>Gets "chat" or "completions".</summary>
    public string Api { get; init; } = "chat";

    /// <summary>Gets whether responses were streamed.</summary>
    public bool Stream { get; init; } = true;

    /// <summary>Gets the workload in words (lengths and seed, or the dataset).</summary>
    public string Workload { get; init; } = "";

    /// <summary>Gets when the run started, ISO 8601 UTC.</summary>
    public string StartedAtUtc { get; init; } = "";

    /// <summary>Gets what the deployment costs per hour in US dollars, when known.</summary>
    public double? DeploymentUsdPerHour { get; init; }

    /// <summary>Gets the SLOs of goodput, when any was set.</summary>
    public SloSettings? Slo { get; init; }

    /// <summary>Gets the measured levels, in order.</summary>
    public IReadOnlyList<LevelResult> Levels { get; init; } = [];

    /// <summary>Gets the goodput search, when one ran.</summary>
    public MaxGoodputResult? MaxGoodput { get; init; }

    /// <summary>Gets every setting of the run with its source.</summary>
    public IReadOnlyList<Assumption> Assumptions { get; init; } = [];

    /// <summary>Gets whether the run was cut short (Ctrl-C, SIGTERM or the run's time bound); the levels hold what was measured.</summary>
    public bool Interrupted { get; init; }

    /// <summary>Gets what a reader should know first (a likely wrong URL, a search beyond its range), or null.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }
}
