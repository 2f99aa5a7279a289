using Burnrate.Planning.Fleet;

namespace Burnrate.Reports.Fleet;

/// <summary>The fleet's tables as cells (numbers as doubles, in base units named in the headers), shared by the CSVs and the workbook.</summary>
public static class FleetTables
{
    /// <summary>Gets one row per option: cost, tokens served, utilization, idle share, marginal value.</summary>
    /// <param name="report">The fleet.</param>
    /// <returns>The table.</returns>
    public static FleetTable Options(FleetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new FleetTable(
            ["option", "kind", "serving", "costUsd", "servedTokens", "utilization", "idleShare", "marginalValueUsd"],
            [.. report.Options.Select(o => new object[] { o.Name, o.Kind, o.Serving ?? "", o.CostUsd, o.ServedTokens, o.Utilization, o.IdleShare, o.MarginalValueUsd ?? double.NaN })]);
    }

    /// <summary>Gets one row per month: cost, peak demand, tokens served, then each option's units (API: average tokens per second).</summary>
    /// <param name="report">The fleet.</param>
    /// <returns>The table.</returns>
    public static FleetTable Months(FleetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string[] header = ["month", "costUsd", "peakDemandTokensPerSecond", "servedTokens", .. report.Options.Select(o => o.Name + (o.Kind == "api" ? " tokensPerSecond" : " units"))];
        return new FleetTable(header, [.. report.Months.Select((m, i) => new object[] { m.Month, m.CostUsd, m.PeakDemandTokensPerSecond, m.ServedTokens }
            .Concat(report.Options.Select(o => (object)(o.Kind == "api" ? o.AverageUnitsByMonth[i] : o.UnitsByMonth[i]))).ToArray())]);
    }
}

/// <summary>A table of cells.</summary>
/// <param name="Header">Column names with units.</param>
/// <param name="Rows">Rows of strings and doubles.</param>
public sealed record FleetTable(IReadOnlyList<string> Header, IReadOnlyList<object[]> Rows);
