using Burnrate.Core.Quantities;
using Burnrate.Planning.Reporting;
using Spectre.Console;

namespace Burnrate.Cli.Rendering;

/// <summary>Terminal tables for <c>burnrate plan</c>, rendered from the same <see cref="PlanReport"/> as its --json.</summary>
internal static class PlanText
{
    public static void Write(IAnsiConsole console, PlanReport report, IReadOnlyList<string> files, bool showAssumptions)
    {
        IReadOnlyList<string> months = report.Months;
        Output.WriteWrapped(console, $"{report.Scenario}: {months[0]}..{months[^1]} ({NumberText.Whole(months.Count)} months), {NumberText.Grouped(report.Paths)} paths, seed {report.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

        // Whether and when the cash runs out leads the summary: no later figure (cash at end, runway) may be read without it.
        foreach (string line in CashOutSummary(report))
        {
            Output.WriteWrapped(console, line);
        }

        var presets = Table("Presets (deterministic)", "preset", "cash-out month", "cash at end", "lowest cash", "revenue last month", "net burn last month", "runway at end", "triggers fired");
        foreach ((string name, PlanPreset p) in report.Presets)
        {
            int low = Array.IndexOf(p.Cash, p.Cash.Min());
            presets.AddRow(name, p.CashOutMonth ?? "never",
                p.CashOutMonth is not null ? $"{Usd(p.Cash[^1])} (after cash-out)" : Usd(p.Cash[^1]), $"{Usd(p.Cash[low])} ({months[low]})",
                Usd(p.Revenue[^1]), Usd(p.NetBurn[^1]), Runway(p.RunwayMonths[^1]),
                p.Firings.Count == 0 ? "none" : (string.Join(", ", p.Firings.Select(f => $"{f.Trigger} {f.Month}"))));
        }

        presets.Write(console);
        var bands = Table($"Monte Carlo bands ({NumberText.Grouped(report.Paths)} paths)", "month", "cash P5", "cash P10", "cash P50", "cash P90", "cash P95", "revenue P50", "net burn P50", "P(cash out by then)");
        foreach (int m in Enumerable.Range(0, months.Count).Where(m => m % 12 == 11 || m == 0 || m == months.Count - 1).Distinct())
        {
            bands.AddRow(months[m], Usd(report.Cash.P5[m]), Usd(report.Cash.P10[m]), Usd(report.Cash.P50[m]), Usd(report.Cash.P90[m]), Usd(report.Cash.P95[m]),
                Usd(report.Revenue.P50[m]), Usd(report.NetBurn.P50[m]), Pct(report.CashOutProbabilityByMonth[m]));
        }

        bands.Write(console);
        if (report.Triggers.Count > 0)
        {
            var triggers = Table("Triggers (Monte Carlo, first firing)", "trigger", "fires", "month P10", "month P50", "month P90");
            foreach (PlanTrigger t in report.Triggers)
            {
                triggers.AddRow(t.Name, Pct(t.FiredProbability), Month(t.Month.P10), Month(t.Month.P50), Month(t.Month.P90));
            }

            triggers.Write(console);
        }

        if (report.Tornado.Count > 0)
        {
            var tornado = Table($"Tornado: cash at {months[^1]} (driver at P10 / P90, others at base)", "driver", "P10 → cash", "P90 → cash", "swing");
            foreach (PlanTornadoBar b in report.Tornado)
            {
                tornado.AddRow(b.Driver, $"{Num(b.LowInput)} → {Usd(b.Low)}", $"{Num(b.HighInput)} → {Usd(b.High)}", Usd(Math.Abs(b.High - b.Low)));
            }

            tornado.Write(console);
        }

        AssumptionsTable.WriteOrCount(console, report.Assumptions, showAssumptions);
        Output.WriteWritten(console, files);
    }

    /// <summary>
    /// Gets the lines that open the plan: the cash-out month of each preset (a run-out preset is named first, with how
    /// far into the horizon it is and that later months assume spending goes on), then the Monte Carlo odds.
    /// </summary>
    internal static IReadOnlyList<string> CashOutSummary(PlanReport report)
    {
        IReadOnlyList<string> months = report.Months;
        var lines = new List<string>();
        KeyValuePair<string, PlanPreset>[] runOut = [.. report.Presets.Where(p => p.Value.CashOutMonth is not null)];
        if (runOut.Length == 0)
        {
            lines.Add($"Cash-out (presets): never; every preset's cash lasts through {months[^1]}");
        }
        else
        {
            // The base case when it runs out, else the first preset that does; every preset's month follows on the next line.
            KeyValuePair<string, PlanPreset> lead = runOut.Any(p => p.Key == "base") ? runOut.First(p => p.Key == "base") : runOut[0];
            string month = lead.Value.CashOutMonth!;
            bool everyPresetThen = runOut.Length == report.Presets.Count && runOut.All(p => p.Value.CashOutMonth == month);
            string where = everyPresetThen ? "every preset" : $"the {lead.Key} case";
            int index = IndexOf(months, month);
            lines.Add($"Cash runs out in {month} (month {NumberText.Whole(index + 1)} of {NumberText.Whole(months.Count)}) in {where}; the months after it assume spending goes on");
            lines.Add("Cash-out (presets): " + string.Join(", ", report.Presets.Select(p => $"{p.Key} {p.Value.CashOutMonth ?? "never"}")));
        }

        lines.Add($"Cash-out (Monte Carlo): {Pct(report.CashOutProbability)} of paths within the horizon; month P10 {Month(report.CashOutMonth.P10)}, P50 {Month(report.CashOutMonth.P50)}, P90 {Month(report.CashOutMonth.P90)}");
        foreach ((string label, double probability) in report.CashOutProbabilityBy)
        {
            lines.Add($"Cash-out by {label}: {Pct(probability)}");
        }

        return lines;
    }

    private static int IndexOf(IReadOnlyList<string> months, string month)
    {
        for (int i = 0; i < months.Count; i++)
        {
            if (months[i] == month)
            {
                return i;
            }
        }

        throw new ArgumentException($"month {month} is not in the horizon", nameof(month));
    }

    private static WideTable Table(string title, params string[] columns) => new(title, columns);

    private static string Usd(double usd) => new Usd(usd).ToString();

    private static string Num(double v) => NumberText.Significant(v, 4);

    private static string Pct(double p) => NumberText.Percent(p, "0.0");

    private static string Runway(double? months) => months is { } m ? NumberText.Format(m, "0.0") + " months" : "unbounded";

    private static string Month(string? month) => month ?? "—";
}
