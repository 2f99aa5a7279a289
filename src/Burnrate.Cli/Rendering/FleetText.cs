using Burnrate.Core.Quantities;
using Burnrate.Planning.Fleet;
using Spectre.Console;

namespace Burnrate.Cli.Rendering;

/// <summary>Terminal tables for <c>burnrate fleet</c>: plain lines word-wrapped, tables split into column groups (never folded) to fit the width.</summary>
internal static class FleetText
{
    public static void Write(IAnsiConsole console, FleetReport r, IReadOnlyList<string> files)
    {
        Output.WriteWrapped(console, $"{r.Name}: {r.Start}, {r.HorizonMonths} months — {r.Status}{(r.Status == "feasible" ? $" (gap {Fixed(r.GapPercent, "0.###")}%)" : "")}");
        if (r.Reason is { } reason)
        {
            Output.WriteWrapped(console, "reason: " + reason);
        }

        if (r.Status is "optimal" or "feasible")
        {
            Output.WriteWrapped(console, $"total {SiFormat.Dollars(r.TotalCostUsd)} for {SiFormat.Count(r.ServedTokens)} tokens: {Fixed(r.CostPerMillionTokensUsd, "0.000")} USD per 1M tokens all-in");
            Options(console, r);
            Months(console, r);
        }

        if (r.Scenarios.Count > 0)
        {
            var scenarios = Table("Cheapest fleet per demand scenario", "scenario", "growth/month", "probability", "status", "cost");
            foreach (FleetScenarioReport s in r.Scenarios)
            {
                scenarios.AddRow(s.Name, Pct(s.MonthlyGrowth), Pct(s.Probability), s.Status, Usd(s.CostUsd));
            }

            scenarios.Write(console);
        }

        if (r.Contracts.Count > 0)
        {
            var contracts = Table("Contracts across the scenarios (best commitment)", "contract", "commit", "expected", "worst", "regret", "max regret", "saving");
            foreach (FleetContractReport c in r.Contracts)
            {
                string commit = double.IsNaN(c.BestCommitment) ? c.Status : c.CommitmentUnit == "units" ? $"{c.BestCommitment:0} units" : Usd(c.BestCommitment) + "/mo";
                contracts.AddRow(c.Name, commit, Usd(c.ExpectedCostUsd), Usd(c.WorstCostUsd), Usd(c.RegretUsd), Usd(c.MaxRegretUsd), Usd(c.ExpectedSavingUsd));
            }

            contracts.Write(console);
        }

        FleetModelSize m = r.Model;
        Output.WriteWrapped(console, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"model: {m.Slots:N0} slots (of {m.HourlySlots:N0} hours), {m.Variables:N0} variables ({m.IntegerVariables:N0} integer), {m.Constraints:N0} constraints, {m.Backend}"));
        AssumptionsTable.Write(console, r.Assumptions);
        Output.WriteWritten(console, files);
    }

    private static void Options(IAnsiConsole console, FleetReport r)
    {
        var options = Table("Mix by option", "option", "kind", "cost", "share", "units first → last", "util.", "+1 unit saves");
        foreach (FleetOptionReport o in r.Options)
        {
            string units = o.Kind == "api" ? $"{SiFormat.Count(o.AverageUnitsByMonth[0])} → {SiFormat.Count(o.AverageUnitsByMonth[^1])} tok/s avg"
                : o.Kind is "on-demand" or "spot" ? $"{Fixed(o.UnitsByMonth[0], "0")} → {Fixed(o.UnitsByMonth[^1], "0")} peak"
                : $"{Fixed(o.UnitsByMonth[0], "0")} → {Fixed(o.UnitsByMonth[^1], "0")}";
            options.AddRow(o.Name, o.Kind, Usd(o.CostUsd), Pct(r.TotalCostUsd > 0 ? o.CostUsd / r.TotalCostUsd : 0), units, Pct(o.Utilization),
                o.MarginalValueUsd is { } v ? Usd(v) : "-");
        }

        options.Write(console);
    }

    private static void Months(IAnsiConsole console, FleetReport r)
    {
        var months = Table("By month (first, then every 6th, and the last)", ["month", "peak demand", "cost", "USD/1M tok", .. r.Options.Select(o => o.Name)]);
        for (int i = 0; i < r.Months.Count; i++)
        {
            if (i % 6 != 0 && i != r.Months.Count - 1)
            {
                continue;
            }

            FleetMonthReport m = r.Months[i];
            string[] units = [.. r.Options.Select(o => o.Kind == "api" ? SiFormat.Count(o.AverageUnitsByMonth[i]) : Fixed(o.UnitsByMonth[i], "0"))];
            months.AddRow([m.Month, SiFormat.Count(m.PeakDemandTokensPerSecond) + " tok/s", Usd(m.CostUsd), Fixed(m.ServedTokens > 0 ? m.CostUsd / m.ServedTokens * 1e6 : 0, "0.000"), .. units]);
        }

        months.Write(console);
        Output.WriteWrapped(console, "units: held (owned, reserved, contract), most in any hour (on-demand, spot), average tokens/s (api)");
    }

    // Cells are plain text (WideTable escapes them); the first column names the row and repeats in every column group.
    private static WideTable Table(string title, params string[] columns) => new(title, columns, keyColumns: 1);

    private static string Usd(double usd) => double.IsNaN(usd) ? "-" : SiFormat.Dollars(usd);

    private static string Pct(double p) => NumberText.Percent(p);

    private static string Fixed(double v, string format) => NumberText.Format(v, format);
}
