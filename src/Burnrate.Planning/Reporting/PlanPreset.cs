namespace Burnrate.Planning.Reporting;

/// <summary>One deterministic preset's monthly statement, in USD per month (null where a ratio is undefined).</summary>
public sealed record PlanPreset
{
    /// <summary>Gets the closing cash per month.</summary>
    public required double[] Cash { get; init; }

    /// <summary>Gets the revenue per month.</summary>
    public required double[] Revenue { get; init; }

    /// <summary>Gets the net burn per month.</summary>
    public required double[] NetBurn { get; init; }

    /// <summary>Gets the runway in months at each month's end, or null where unbounded.</summary>
    public required double?[] RunwayMonths { get; init; }

    /// <summary>Gets the cost of serving per month.</summary>
    public required double[] CostOfServing { get; init; }

    /// <summary>Gets the training spend per month.</summary>
    public required double[] Training { get; init; }

    /// <summary>Gets the staff cost per month.</summary>
    public required double[] Staff { get; init; }

    /// <summary>Gets the other operating expenses per month.</summary>
    public required double[] OtherOpex { get; init; }

    /// <summary>Gets the capital expenditure per month.</summary>
    public required double[] Capex { get; init; }

    /// <summary>Gets the depreciation per month.</summary>
    public required double[] Depreciation { get; init; }

    /// <summary>Gets the financing inflows per month.</summary>
    public required double[] Financing { get; init; }

    /// <summary>Gets the operating income per month.</summary>
    public required double[] OperatingIncome { get; init; }

    /// <summary>Gets the gross margin per month, or null where revenue is zero.</summary>
    public required double?[] GrossMargin { get; init; }

    /// <summary>Gets the burn multiple per month, or null where undefined.</summary>
    public required double?[] BurnMultiple { get; init; }

    /// <summary>Gets the month the cash runs out (YYYY-MM), or null when it does not within the horizon.</summary>
    public string? CashOutMonth { get; init; }

    /// <summary>Gets the triggers that fired, in order.</summary>
    public required IReadOnlyList<PlanFiring> Firings { get; init; }
}
