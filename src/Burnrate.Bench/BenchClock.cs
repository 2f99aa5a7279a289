using System.Diagnostics;

namespace Burnrate.Bench;

/// <summary>The monotonic high-resolution clock every bench timestamp uses (<see cref="Stopwatch.GetTimestamp"/>).</summary>
internal static class BenchClock
{
    private static readonly double SecondsPerTick = 1.0 / Stopwatch.Frequency;

    public static long Now => Stopwatch.GetTimestamp();

    public static double Seconds(long ticks) => ticks * SecondsPerTick;

    public static long Ticks(double seconds) => (long)(seconds * Stopwatch.Frequency);

    /// <summary>Waits until the clock reaches <paramref name="target"/> (at or just after it; see <see cref="PreciseTimer"/>).</summary>
    public static Task DelayUntilAsync(long target, CancellationToken cancellationToken) => PreciseTimer.WaitUntilAsync(target, cancellationToken);
}
