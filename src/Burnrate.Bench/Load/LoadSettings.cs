using Burnrate.Bench.Metrics;

namespace Burnrate.Bench.Load;

/// <summary>What load to offer: concurrency levels and/or rate levels, how many requests or how long each, warm-up, SLOs.</summary>
internal sealed record LoadSettings
{
    /// <summary>Default requests per level when neither a count nor a duration is given.</summary>
    public const int DefaultRequests = 100;

    /// <summary>Default SLO attainment a rate must reach in the goodput search: 90%, as DistServe (Zhong et al., OSDI 2024) defines goodput.</summary>
    public const double DefaultGoodputAttainment = 0.9;

    public IReadOnlyList<int> Concurrency { get; init; } = [];

    public IReadOnlyList<double> Rates { get; init; } = [];

    /// <summary>Gets whether rate levels have Poisson (exponential inter-arrival) rather than constant spacing.</summary>
    public bool Poisson { get; init; } = true;

    public int? Requests { get; init; }

    public double? DurationSeconds { get; init; }

    public int Warmup { get; init; }

    /// <summary>Gets the time over which fixed-concurrency workers start, evenly spaced (0 = all at once).</summary>
    public double RampUpSeconds { get; init; }

    public bool MaxGoodput { get; init; }

    public double SearchLowRate { get; init; } = 0.5;

    public double SearchHighRate { get; init; } = 64;

    public int SearchSteps { get; init; } = 5;

    public double GoodputAttainment { get; init; } = DefaultGoodputAttainment;

    public int Seed { get; init; } = 1;

    public SloSettings Slo { get; init; } = SloSettings.None;

    public double? DeploymentUsdPerHour { get; init; }

    /// <summary>Gets the request count bound per level: the given count, or <see cref="DefaultRequests"/> when no duration bounds it either.</summary>
    public int? RequestBound => Requests ?? (DurationSeconds is null ? DefaultRequests : null);
}
