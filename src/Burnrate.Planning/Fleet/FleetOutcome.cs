namespace Burnrate.Planning.Fleet;

/// <summary>What <see cref="FleetOptimizer"/> returns: the report, and the series the charts draw.</summary>
/// <param name="Report">The typed report (tables and JSON).</param>
/// <param name="Chart">Capacity by option over the last month's week and over the horizon.</param>
public sealed record FleetOutcome(FleetReport Report, FleetChartData Chart);

/// <summary>Series for the stacked-area charts (tokens per second).</summary>
/// <param name="Rows">Row names (options, then a units contract).</param>
/// <param name="WeekMonth">The month whose week is drawn (the last; YYYY-MM).</param>
/// <param name="WeekDemand">Demand in each hour of that week.</param>
/// <param name="WeekCapacity">Capacity of each row in each hour of that week ([row][hour]).</param>
/// <param name="MonthLabels">YYYY-MM for each month.</param>
/// <param name="MonthPeakDemand">Peak demand per month.</param>
/// <param name="MonthCapacity">Average capacity of each row per month ([row][month]).</param>
public sealed record FleetChartData(IReadOnlyList<string> Rows, string WeekMonth, IReadOnlyList<double> WeekDemand, IReadOnlyList<IReadOnlyList<double>> WeekCapacity,
    IReadOnlyList<string> MonthLabels, IReadOnlyList<double> MonthPeakDemand, IReadOnlyList<IReadOnlyList<double>> MonthCapacity);
