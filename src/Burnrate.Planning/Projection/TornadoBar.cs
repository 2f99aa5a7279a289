namespace Burnrate.Planning.Projection;

/// <summary>One uncertain driver's swing of closing cash at the horizon: the driver at its P10 and at its P90, every other driver at the base preset.</summary>
/// <param name="Driver">The driver's path.</param>
/// <param name="LowInput">The driver's P10.</param>
/// <param name="HighInput">The driver's P90.</param>
/// <param name="LowCashUsd">Closing cash at the horizon with the driver at P10.</param>
/// <param name="HighCashUsd">Closing cash at the horizon with the driver at P90.</param>
public sealed record TornadoBar(string Driver, double LowInput, double HighInput, double LowCashUsd, double HighCashUsd)
{
    /// <summary>Gets the absolute swing in USD.</summary>
    public double Swing => Math.Abs(HighCashUsd - LowCashUsd);
}
