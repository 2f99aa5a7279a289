using System.Globalization;
using Burnrate.Core.Economics;

namespace Burnrate.Planning.Fleet;

/// <summary>Turns the expected-demand solve into the typed <see cref="FleetReport"/> and the chart series.</summary>
internal static class FleetReportBuilder
{
    public static FleetOutcome Build(FleetInput input, SlotGrid grid, FleetOptimizer.Solved main, IReadOnlyList<FleetScenarioReport> scenarios,
        IReadOnlyList<FleetContractReport> contracts, SolverSettings settings, Func<int, double?> marginal)
    {
        ScenarioResult? r = main.Result;
        var rows = new List<FleetOptionReport>();
        for (int o = 0; r is not null && o < input.Options.Count; o++)
        {
            FleetOption option = input.Options[o];
            double served = r.ServedByMonth[o].Sum();
            double utilization = r.CapacityTokens[o] > 0 ? served / r.CapacityTokens[o] : 0;
            rows.Add(new FleetOptionReport(option.Name, Kind(option.Kind), option.HasUnits ? input.Servings[option.Serving].Name : null, r.CostByMonth[o].Sum(),
                r.UnitsByMonth[o], r.AverageUnitsByMonth[o], utilization, 1 - utilization, served, marginal(o)));
        }

        string[] labels = [.. Enumerable.Range(0, input.Months).Select(input.MonthLabel)];
        double total = r?.TotalCost ?? 0, servedAll = r?.Served ?? 0;
        var report = new FleetReport
        {
            Name = input.Name,
            Status = main.Status,
            GapPercent = main.GapPercent,
            Reason = main.Reason,
            TotalCostUsd = total,
            CostPerMillionTokensUsd = servedAll > 0 ? total / servedAll * 1e6 : 0,
            ServedTokens = servedAll,
            Start = labels[0],
            HorizonMonths = input.Months,
            Options = rows,
            Months = r is null ? [] : [.. labels.Select((l, m) => new FleetMonthReport(l, r.CostByMonth.Sum(c => c[m]), r.PeakDemandByMonth[m], r.ServedByMonth.Sum(s => s[m])))],
            Scenarios = scenarios,
            Contracts = contracts,
            Model = new FleetModelSize(grid.Count, (int)grid.MonthHours.Sum(), main.Model.Lp.VariableCount, main.Model.Lp.IntegerCount, main.Model.Lp.ConstraintCount,
                main.Model.Lp.NonZeroCount, main.Solution?.Backend ?? (settings.Backend == SolverBackend.CpSat ? "cp-sat" : "scip")),
            Assumptions = Assumptions(input, settings),
        };
        return new FleetOutcome(report, Chart(input, labels, rows, r));
    }

    public static string Kind(OptionKind kind) => kind switch
    {
        OptionKind.Owned => "owned",
        OptionKind.Reserved => "reserved",
        OptionKind.OnDemand => "on-demand",
        OptionKind.Spot => "spot",
        _ => "api",
    };

    private static FleetChartData Chart(FleetInput input, string[] labels, List<FleetOptionReport> rows, ScenarioResult? r)
    {
        if (r is null)
        {
            return new FleetChartData([], labels[^1], [], [], labels, [], []);
        }

        IReadOnlyList<double>[] monthly = [.. rows.Select((row, o) => (IReadOnlyList<double>)[.. r.AverageUnitsByMonth[o].Select(u =>
            input.Options[o].HasUnits ? u * input.Servings[input.Options[o].Serving].CapacityTokensPerSecond * input.Options[o].EffectiveShare : u)])];
        return new FleetChartData([.. rows.Select(x => x.Name)], labels[^1], r.LastWeekDemand, [.. r.LastWeekCapacity.Take(rows.Count)], labels, r.PeakDemandByMonth, monthly);
    }

    private static List<Assumption> Assumptions(FleetInput input, SolverSettings settings)
    {
        var list = new List<Assumption>
        {
            new("headroom", Invariant($"{input.Headroom:0.###}: accelerator units cover served tokens × {1 + input.Headroom:0.###}; API tokens need none"), "headroom in the fleet file (default 0)"),
            new("slots", "hourly; a month's hours are its calendar hours; hours with equal demand in a month are one slot (exact)", "docs/fleet.md"),
            new("growth", Invariant($"{input.MonthlyGrowth:0.####} a month, stepwise: month m's demand = first week × (1 + g)^m"), input.DemandSource is null ? "demand.monthlyGrowth" : "demand.plan"),
            new("horizon end", "owned depreciation and reserved terms are charged only for months inside the horizon", "docs/fleet.md"),
            new("utilization", "served ÷ capacity; serve order API, owned, reserved, contract, spot, on-demand", "docs/fleet.md"),
            new("marginal value", "saving from one more unit of a binding maxUnits, by re-solving; null when the cap does not bind", "docs/fleet.md"),
            new("solver", Invariant($"{(settings.Backend == SolverBackend.CpSat ? "CP-SAT" : "SCIP")} (OR-Tools 9.15), gap {settings.RelativeGap * 100:0.####}%, time limit {settings.TimeLimitSeconds} s per solve"), "--solver, --gap-percent, --time-limit-seconds"),
        };
        if (input.DemandSource is { } demand)
        {
            list.Add(new Assumption("demand", Invariant($"{input.WeekTokensPerSecond.Average():0.##} tokens/s on average in the first week, from a plan's token driver"), demand));
        }

        list.AddRange(input.Servings.Select(s => new Assumption("serving " + s.Name, Invariant($"{s.CapacityTokensPerSecond:0.##} tokens/s per unit"), s.Derivation)));
        return list;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
