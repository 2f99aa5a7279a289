namespace Burnrate.Core.Quantities;

/// <summary>A span of time, stored in seconds as <see cref="double"/>; convert to <see cref="TimeSpan"/> only at the edges.</summary>
/// <param name="Seconds">The duration in seconds.</param>
public readonly record struct Duration(double Seconds) : IComparable<Duration>
{
    /// <summary>Gets a zero duration.</summary>
    public static Duration Zero => default;

    /// <summary>Creates a duration from seconds.</summary>
    /// <param name="seconds">The duration in seconds.</param>
    /// <returns>The duration.</returns>
    public static Duration FromSeconds(double seconds) => new(seconds);

    /// <summary>Creates a duration from milliseconds.</summary>
    /// <param name="milliseconds">The duration in ms.</param>
    /// <returns>The duration.</returns>
    public static Duration FromMilliseconds(double milliseconds) => new(milliseconds / 1e3);

    /// <summary>Creates a duration from hours.</summary>
    /// <param name="hours">The duration in hours.</param>
    /// <returns>The duration.</returns>
    public static Duration FromHours(double hours) => new(hours * 3600);

    /// <summary>Creates a duration from days of 24 hours.</summary>
    /// <param name="days">The duration in days.</param>
    /// <returns>The duration.</returns>
    public static Duration FromDays(double days) => new(days * 86400);

    /// <summary>Gets the duration in milliseconds.</summary>
    public double Milliseconds => Seconds * 1e3;

    /// <summary>Gets the duration in hours.</summary>
    public double Hours => Seconds / 3600;

    /// <summary>Gets the duration in days of 24 hours.</summary>
    public double Days => Seconds / 86400;

    /// <summary>Adds two durations.</summary>
    public static Duration operator +(Duration a, Duration b) => new(a.Seconds + b.Seconds);

    /// <summary>Subtracts two durations.</summary>
    public static Duration operator -(Duration a, Duration b) => new(a.Seconds - b.Seconds);

    /// <summary>Scales a duration.</summary>
    public static Duration operator *(double k, Duration a) => new(k * a.Seconds);

    /// <summary>Scales a duration.</summary>
    public static Duration operator *(Duration a, double k) => new(k * a.Seconds);

    /// <summary>Divides a duration into equal parts.</summary>
    public static Duration operator /(Duration a, double k) => new(a.Seconds / k);

    /// <summary>The dimensionless ratio of two durations.</summary>
    public static double operator /(Duration a, Duration b) => a.Seconds / b.Seconds;

    /// <summary>Compares durations.</summary>
    public static bool operator <(Duration a, Duration b) => a.Seconds < b.Seconds;

    /// <summary>Compares durations.</summary>
    public static bool operator >(Duration a, Duration b) => a.Seconds > b.Seconds;

    /// <summary>Compares durations.</summary>
    public static bool operator <=(Duration a, Duration b) => a.Seconds <= b.Seconds;

    /// <summary>Compares durations.</summary>
    public static bool operator >=(Duration a, Duration b) => a.Seconds >= b.Seconds;

    /// <summary>Returns the longer of two durations.</summary>
    /// <param name="a">The first duration.</param>
    /// <param name="b">The second duration.</param>
    /// <returns>The longer one.</returns>
    public static Duration Max(Duration a, Duration b) => a.Seconds >= b.Seconds ? a : b;

    /// <inheritdoc />
    public int CompareTo(Duration other) => Seconds.CompareTo(other.Seconds);

    /// <summary>Formats in the most readable unit: "12.3 ms", "4.5 s", "12.5 min", "3.2 h", "41.7 days".</summary>
    /// <returns>The formatted duration.</returns>
    public override string ToString()
    {
        double abs = Math.Abs(Seconds);
        return abs switch
        {
            < 60 => SiFormat.Format(Seconds, "s"),
            < 3600 => SiFormat.Plain(Seconds / 60) + " min",
            < 86400 * 2 => SiFormat.Plain(Hours) + " h",
            _ => SiFormat.Plain(Days) + " days",
        };
    }
}
