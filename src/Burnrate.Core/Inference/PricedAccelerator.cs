using Burnrate.Core.Hardware;
using Burnrate.Core.Quantities;

namespace Burnrate.Core.Inference;

/// <summary>An accelerator the search may use, with its price per device-hour and power draw.</summary>
/// <param name="Spec">The accelerator.</param>
/// <param name="Price">The price of one device-hour.</param>
/// <param name="Power">The power one device draws at full load.</param>
public sealed record PricedAccelerator(AcceleratorSpec Spec, UsdPerGpuHour Price, Watts Power);
