using Burnrate.Core.Economics;
using Burnrate.Core.Quantities;

namespace Burnrate.Catalog.Resolution;

/// <summary>The sourced defaults for pricing owned hardware (total cost of ownership per device-hour).</summary>
public static class OwnedHardwareDefaults
{
    /// <summary>Gets the straight-line depreciation life: 4 years, the common accelerator-server life (SemiAnalysis and
    /// hyperscaler 10-K disclosures of 4–6 year server lives).</summary>
    public static Sourced<double> AmortizationYears { get; } = new(4, new Assumption("amortization-years", "4", "default: typical accelerator server life"));

    /// <summary>Gets the system cost multiplier: 1, the chip only.</summary>
    public static Sourced<double> SystemCostMultiplier { get; } = new(1, new Assumption("system-cost-multiplier", "1", "default: chip only"));

    /// <summary>Gets the electricity price: $0.08/kWh, the US industrial average (EIA Electric Power Monthly 2024).</summary>
    public static Sourced<double> ElectricityUsdPerKWh { get; } = new(0.08, new Assumption("electricity-usd-per-kwh", "$" + NumberText.Plain(0.08), "default: US industrial average, EIA 2024"));

    /// <summary>Gets the facility PUE: 1.3, typical modern colocation (Uptime Institute Global Data Center Survey 2024 reports
    /// ~1.56 on average and 1.1–1.3 for new AI builds).</summary>
    public static Sourced<double> Pue { get; } = new(1.3, new Assumption("pue", "1.3", "default: modern colocation, Uptime Institute 2024"));
}
