using Burnrate.Core.Economics;
using Burnrate.Core.Quantities;
using Burnrate.Planning;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Simulation;
using Spectre.Console;

namespace Burnrate.Cli.Rendering;

/// <summary>Terminal tables for <c>burnrate plan</c>.</summary>
internal static class PlanText
{
    public static void Write(IAnsiConsole console, PlanOutcome outcome, IReadOnlyList<(string Label, int Index)> byMonths, IReadOnlyList<Assumption> assumptions, IReadOnlyList<string> files)
    {
        var s = outcome.Scenario;
        MonteCarloResult mc = outcome.MonteCarlo;
        console.WriteLine($"{s.Name}: {s.MonthLabel(0)}..{s.MonthLabel(s.Months - 1)} ({s.Months} months), {mc.Paths:N0} paths, seed {mc.Seed}");

        // Whether and when the cash runs out leads the summary: no later figure (cash at end, runway) may be read without it.
        foreach (string line in CashOutSummary(outcome, byMonths))
        {
            console.WriteLine(line);
        }

        var presets = Table("Presets (deterministic)", "preset", "cash-out month", "cash at end", "lowest cash", "revenue last month", "net burn last month", "runway at end", "triggers fired");
        foreach (PresetProjection p in outcome.Presets)
        {
            MonthlyStatement st = p.Statement;
            int low = Array.IndexOf(st.ClosingCash, st.ClosingCash.Min());
            presets.AddRow(p.Name, st.CashOutMonth >= 0 ? s.MonthLabel(st.CashOutMonth) : "never",
                st.CashOutMonth >= 0 ? $"{Usd(st.ClosingCash[^1])} (after cash-out)" : Usd(st.ClosingCash[^1]), $"{Usd(st.ClosingCash[low])} ({s.MonthLabel(low)})",
                Usd(st.Revenue[^1]), Usd(st.NetBurn[^1]), Runway(st.RunwayMonths[^1]),
                st.Firings.Count == 0 ? "none" : Markup.Escape(string.Join(", ", st.Firings.Select(f => $"{f.Trigger} {s.MonthLabel(f.Month)}"))));
        }

        console.Write(presets);
        var bands = Table($"Monte Carlo bands ({mc.Paths:N0} paths)", "month", "cash P5", "cash P10", "cash P50", "cash P90", "cash P95", "revenue P50", "net burn P50", "P(cash out by then)");
        foreach (int m in Enumerable.Range(0, s.Months).Where(m => m % 12 == 11 || m == 0 || m == s.Months - 1).Distinct())
        {
            bands.AddRow(s.MonthLabel(m), Usd(mc.Cash.P5[m]), Usd(mc.Cash.P10[m]), Usd(mc.Cash.P50[m]), Usd(mc.Cash.P90[m]), Usd(mc.Cash.P95[m]),
                Usd(mc.Revenue.P50[m]), Usd(mc.NetBurn.P50[m]), Pct(mc.CashOut.CumulativeByMonth[m]));
        }

        console.Write(bands);
        if (mc.Triggers.Count > 0)
        {
            var triggers = Table("Triggers (Monte Carlo, first firing)", "trigger", "fires", "month P10", "month P50", "month P90");
            foreach (TriggerOutcome t in mc.Triggers)
            {
                triggers.AddRow(Markup.Escape(t.Name), Pct(t.Firing.Probability), Month(outcome, t.Firing.P10), Month(outcome, t.Firing.P50), Month(outcome, t.Firing.P90));
            }

            console.Write(triggers);
        }

        if (outcome.Tornado.Count > 0)
        {
            var tornado = Table($"Tornado: cash at {s.MonthLabel(s.Months - 1)} (driver at P10 / P90, others at base)", "driver", "P10 → cash", "P90 → cash", "swing");
            foreach (TornadoBar b in outcome.Tornado)
            {
                tornado.AddRow(Markup.Escape(b.Driver), $"{Num(b.LowInput)} → {Usd(b.LowCashUsd)}", $"{Num(b.HighInput)} → {Usd(b.HighCashUsd)}", Usd(b.Swing));
            }

            console.Write(tornado);
        }

        AssumptionsTable.Write(console, assumptions);
        foreach (string file in files)
        {
            console.WriteLine("wrote " + file);
        }
    }

    /// <summary>
    /// Gets the lines that open the plan: the cash-out month of each preset (a run-out preset is named first, with how
    /// far into the horizon it is and that later months assume spending goes on), then the Monte Carlo odds.
    /// </summary>
    internal static IReadOnlyList<string> CashOutSummary(PlanOutcome outcome, IReadOnlyList<(string Label, int Index)> byMonths)
    {
        var s = outcome.Scenario;
        MonteCarloResult mc = outcome.MonteCarlo;
        var lines = new List<string>();
        PresetProjection[] runOut = [.. outcome.Presets.Where(p => p.Statement.CashOutMonth >= 0)];
        if (runOut.Length == 0)
        {
            lines.Add($"Cash-out (presets): never; every preset's cash lasts through {s.MonthLabel(s.Months - 1)}");
        }
        else
        {
            // The base case when it runs out, else the first preset that does; every preset's month follows on the next line.
            PresetProjection lead = runOut.FirstOrDefault(p => p.Name == "base") ?? runOut[0];
            int m = lead.Statement.CashOutMonth;
            bool everyPresetThen = runOut.Length == outcome.Presets.Count && runOut.All(p => p.Statement.CashOutMonth == m);
            string where = everyPresetThen ? "every preset" : $"the {lead.Name} case";
            lines.Add($"Cash runs out in {s.MonthLabel(m)} (month {m + 1} of {s.Months}) in {where}; the months after it assume spending goes on");

            lines.Add("Cash-out (presets): " + string.Join(", ", outcome.Presets.Select(p => $"{p.Name} {(p.Statement.CashOutMonth >= 0 ? s.MonthLabel(p.Statement.CashOutMonth) : "never")}")));
        }

        lines.Add($"Cash-out (Monte Carlo): {Pct(mc.CashOut.Probability)} of paths within the horizon; month P10 {Month(outcome, mc.CashOut.P10)}, P50 {Month(outcome, mc.CashOut.P50)}, P90 {Month(outcome, mc.CashOut.P90)}");
        foreach ((string label, int index) in byMonths)
        {
            lines.Add($"Cash-out by {label}: {Pct(mc.CashOut.CumulativeByMonth[index])}");
        }

        return lines;
    }

    private static Table Table(string title, params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        foreach (string c in columns)
        {
            table.AddColumn(Markup.Escape(c));
        }

        return table;
    }

    private static string Usd(double usd) => Markup.Escape(new Usd(usd).ToString());

    private static string Num(double v) => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);

    private static string Pct(double p) => (p * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static string Runway(double months) => double.IsPositiveInfinity(months) ? "unbounded" : months.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " months";

    private static string Month(PlanOutcome outcome, int? m) => m is { } i ? outcome.Scenario.MonthLabel(i) : "—";
}
