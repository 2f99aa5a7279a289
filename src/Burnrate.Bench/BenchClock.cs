using System.Diagnostics;

namespace Burnrate.Bench;

/// <summary>The monotonic high-resolution clock every bench timestamp uses (<see cref="Stopwatch.GetTimestamp"/>).</summary>
internal static class BenchClock
{
    private static readonly double SecondsPerTick = 1.0 / Stopwatch.Frequency;

    public static long Now => Stopwatch.GetTimestamp();

    public static double Seconds(long ticks) => ticks * SecondsPerTick;

    public static long Ticks(double seconds) => (long)(seconds * Stopwatch.Frequency);

    /// <summary>Waits until the clock reaches <paramref name="target"/>; timer resolution is about 1 ms, so the wait ends at or just after it.</summary>
    public static async Task DelayUntilAsync(long target, CancellationToken cancellationToken)
    {
        long remaining = target - Stopwatch.GetTimestamp();
        if (remaining > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(remaining * SecondsPerTick), cancellationToken).ConfigureAwait(false);
        }
    }
}
