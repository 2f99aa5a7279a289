namespace Burnrate.Bench;

/// <summary>Where a running bench is: the phase and level, and requests finished of those the level will send.</summary>
/// <param name="Phase">"prompts" (building the workload), "warmup", "level" or "search".</param>
/// <param name="Level">The level, e.g. "concurrency=8" or "rate=4"; empty while building prompts.</param>
/// <param name="Done">Requests finished in the level (completed or failed).</param>
/// <param name="Failed">Requests failed in the level.</param>
/// <param name="Total">Requests the level sends, when bounded by a count; null when bounded by time only.</param>
/// <param name="ElapsedSeconds">Seconds since the level started.</param>
/// <param name="LevelSeconds">The level's duration bound in seconds, when given.</param>
public sealed record BenchProgress(string Phase, string Level, int Done, int Failed, int? Total, double ElapsedSeconds, double? LevelSeconds)
{
    /// <summary>Gets finished requests per second so far in the level.</summary>
    public double RatePerSecond => ElapsedSeconds > 0 ? Done / ElapsedSeconds : 0;

    /// <summary>Gets the estimated seconds left in the level, or null when not known yet.</summary>
    public double? EtaSeconds => Total is { } t && Done > 0 && RatePerSecond > 0
        ? Math.Max(0, (t - Done) / RatePerSecond)
        : LevelSeconds is { } s ? Math.Max(0, s - ElapsedSeconds) : null;
}
