namespace Burnrate.Core.Quantities;

/// <summary>An amount of floating-point work, stored in FLOP (floating-point operations).</summary>
/// <param name="Value">The number of operations.</param>
public readonly record struct Flop(double Value) : IComparable<Flop>
{
    /// <summary>Gets zero FLOP.</summary>
    public static Flop Zero => default;

    /// <summary>Creates an amount from petaFLOP (1e15 FLOP).</summary>
    /// <param name="peta">The amount in PFLOP.</param>
    /// <returns>The amount.</returns>
    public static Flop FromPeta(double peta) => new(peta * 1e15);

    /// <summary>Adds two amounts.</summary>
    public static Flop operator +(Flop a, Flop b) => new(a.Value + b.Value);

    /// <summary>Subtracts two amounts.</summary>
    public static Flop operator -(Flop a, Flop b) => new(a.Value - b.Value);

    /// <summary>Scales an amount.</summary>
    public static Flop operator *(double k, Flop a) => new(k * a.Value);

    /// <summary>Scales an amount.</summary>
    public static Flop operator *(Flop a, double k) => new(k * a.Value);

    /// <summary>Divides an amount into equal parts.</summary>
    public static Flop operator /(Flop a, double k) => new(a.Value / k);

    /// <summary>The dimensionless ratio of two amounts.</summary>
    public static double operator /(Flop a, Flop b) => a.Value / b.Value;

    /// <summary>Time to do the work at a rate: FLOP ÷ FLOP/s = s.</summary>
    public static Duration operator /(Flop work, FlopPerSecond rate) => Duration.FromSeconds(work.Value / rate.Value);

    /// <summary>The rate that does the work in the time: FLOP ÷ s = FLOP/s.</summary>
    public static FlopPerSecond operator /(Flop work, Duration time) => new(work.Value / time.Seconds);

    /// <summary>Compares amounts.</summary>
    public static bool operator <(Flop a, Flop b) => a.Value < b.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator >(Flop a, Flop b) => a.Value > b.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator <=(Flop a, Flop b) => a.Value <= b.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator >=(Flop a, Flop b) => a.Value >= b.Value;

    /// <inheritdoc />
    public int CompareTo(Flop other) => Value.CompareTo(other.Value);

    /// <summary>Formats with an SI prefix, e.g. "314 ZFLOP".</summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() => SiFormat.Format(Value, "FLOP");
}
