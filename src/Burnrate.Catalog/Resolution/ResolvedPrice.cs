using Burnrate.Core.Economics;
using Burnrate.Core.Quantities;

namespace Burnrate.Catalog.Resolution;

/// <summary>The price of one device-hour, the device's power and the facility PUE, with the assumptions that say where each came from.</summary>
/// <param name="PricePerDeviceHour">The price of one device-hour (zero only when <paramref name="Priced"/> is false).</param>
/// <param name="Priced">Whether a price was found; false only when the caller said a price is optional.</param>
/// <param name="DevicePower">The power draw of one device.</param>
/// <param name="Pue">The facility's power usage effectiveness.</param>
/// <param name="Assumptions">device-watts, the price assumptions, then pue.</param>
public sealed record ResolvedPrice(UsdPerGpuHour PricePerDeviceHour, bool Priced, Watts DevicePower, double Pue, IReadOnlyList<Assumption> Assumptions);
