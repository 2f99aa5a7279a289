using Burnrate.Core.Quantities;

namespace Burnrate.Core.Hardware;

/// <summary>A dated, sourced price.</summary>
/// <param name="Amount">The price in USD (per device, or per device-hour where the property says so).</param>
/// <param name="Provenance">Where the price comes from and when.</param>
public sealed record PricePoint(Usd Amount, Provenance Provenance);
