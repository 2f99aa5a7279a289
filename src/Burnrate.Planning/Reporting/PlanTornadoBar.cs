namespace Burnrate.Planning.Reporting;

/// <summary>One driver's swing of the cash at the horizon, from its low to its high input.</summary>
/// <param name="Driver">The driver.</param>
/// <param name="Low">Cash at the horizon with the low input, in USD.</param>
/// <param name="High">Cash at the horizon with the high input, in USD.</param>
/// <param name="LowInput">The low input.</param>
/// <param name="HighInput">The high input.</param>
public sealed record PlanTornadoBar(string Driver, double Low, double High, double LowInput, double HighInput);
