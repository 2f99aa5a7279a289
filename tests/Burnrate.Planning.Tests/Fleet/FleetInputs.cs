using Burnrate.Planning.Fleet;

namespace Burnrate.Planning.Tests.Fleet;

/// <summary>Small fleet problems for tests. February 2027 has 28 days: exactly four of each weekday, 672 hours.</summary>
internal static class FleetInputs
{
    public static readonly DateOnly February2027 = new(2027, 2, 1);

    /// <summary>Exact solves (gap 0) so hand-derived optima are reproduced to the cent.</summary>
    public static readonly SolverSettings Exact = new(SolverBackend.Scip, 0, 60);

    public static double[] Daily(Func<int, double> byHour) => [.. Enumerable.Range(0, 168).Select(w => byHour(w % 24))];

    public static double[] Flat(double tokensPerSecond) => [.. Enumerable.Repeat(tokensPerSecond, 168)];

    public static FleetInput Input(double[] week, params FleetOption[] options) => new()
    {
        Name = "test",
        Start = February2027,
        Months = 1,
        WeekTokensPerSecond = week,
        MonthlyGrowth = 0,
        Servings = [new ServingEntry("gpu", 100, "given")],
        Options = options,
    };

    public static FleetOption OnDemand(double usdPerHour, int? max = null) => new() { Name = "on-demand", Kind = OptionKind.OnDemand, Serving = 0, UsdPerUnitHour = usdPerHour, MaxUnits = max };

    public static FleetOption Spot(double usdPerHour, double share, int? max) => new() { Name = "spot", Kind = OptionKind.Spot, Serving = 0, UsdPerUnitHour = usdPerHour, EffectiveShare = share, MaxUnits = max };

    public static FleetOption Owned(double usdPerMonth, int lead = 0, int? max = null) => new() { Name = "owned", Kind = OptionKind.Owned, Serving = 0, OwnedUsdPerMonth = usdPerMonth, LeadTimeMonths = lead, MaxUnits = max };

    public static FleetOption Reserved(double usdPerHour, int term) => new() { Name = "reserved", Kind = OptionKind.Reserved, Serving = 0, UsdPerUnitHour = usdPerHour, TermMonths = term };

    public static FleetOption Api(double usdPerMillion) => new() { Name = "api", Kind = OptionKind.Api, UsdPerMillionTokens = usdPerMillion };

    public static FleetOptionReport Row(FleetReport report, string name) => report.Options.Single(o => o.Name == name);
}
