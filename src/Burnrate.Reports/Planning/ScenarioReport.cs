using System.Globalization;
using System.Text;
using Burnrate.Catalog.Files;
using Burnrate.Core.Economics;
using Burnrate.Planning;
using Burnrate.Planning.Derivation;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Simulation;
using static Burnrate.Reports.Planning.ReportHtml;

namespace Burnrate.Reports.Planning;

/// <summary>
/// <c>burnrate report</c>: one self-contained HTML file that tells the whole chain from the FLOP to the runway (headline odds, where the
/// cost of a token comes from, the fan chart, cash-out odds by month, presets, triggers, tornado, assumptions), with every chart inlined
/// as SVG and no script, font or request outside the file; beside it the plan's workbook, charts and CSVs.
/// </summary>
public static partial class ScenarioReport
{
    /// <summary>The report's file name.</summary>
    public const string FileName = "report.html";

    // The page's styles travel inside the assembly (Planning/report.css), inlined into every report.
    private static readonly Lazy<string> Styles = new(() =>
    {
        using Stream stream = typeof(ScenarioReport).Assembly.GetManifestResourceStream("Burnrate.Reports.Planning.report.css")
            ?? throw new InvalidOperationException("report.css is not embedded in Burnrate.Reports");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Writes the plan's files (<see cref="PlanFiles"/>: fan chart, tornado, CSVs, plan.xlsx) and <c>report.html</c> into a directory.</summary>
    /// <param name="input">The plan and its assumptions.</param>
    /// <param name="directory">The directory (created if missing).</param>
    /// <returns>The paths written, the report first.</returns>
    public static IReadOnlyList<string> Write(ScenarioReportInput input, string directory)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(directory);
        IReadOnlyList<string> files = PlanFiles.Write(input.Outcome, directory, input.Assumptions);
        string Svg(string name) => files.FirstOrDefault(f => Path.GetFileName(f) == name) is { } path ? File.ReadAllText(path) : "";
        string html = Render(input, Svg("fan-chart.svg"), Svg("tornado.svg"), [.. files.Select(Path.GetFileName).OfType<string>()]);
        string report = Path.Combine(directory, FileName);
        AtomicFile.WriteAllText(report, html);
        return [report, .. files];
    }

    /// <summary>Renders the report.</summary>
    /// <param name="input">The plan and its assumptions.</param>
    /// <param name="fanChartSvg">The fan chart as SVG (from <see cref="PlanCharts"/>), or empty.</param>
    /// <param name="tornadoSvg">The tornado as SVG, or empty.</param>
    /// <param name="files">The names of the files written beside the report (linked from it).</param>
    /// <returns>The HTML document.</returns>
    public static string Render(ScenarioReportInput input, string fanChartSvg, string tornadoSvg, IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(files);
        PlanOutcome outcome = input.Outcome;
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<title>").Append(E(outcome.Scenario.Name)).Append(" · Burnrate report</title>\n")
            .Append("<style>\n").Append(Styles.Value).Append("</style>\n</head>\n<body>\n<main>\n");
        Headline(html, input);
        CostChain(html, input);
        Cash(html, outcome, fanChartSvg);
        Presets(html, outcome);
        Triggers(html, outcome);
        Sensitivity(html, outcome, tornadoSvg);
        Appendix(html, input, files);
        html.Append("</main>\n<footer>Made by <code>burnrate report</code>. Money in USD; months as YYYY-MM; percentiles over ")
            .Append(Count(outcome.MonteCarlo.Paths)).Append(" Monte Carlo paths (seed ").Append(outcome.MonteCarlo.Seed.ToString(CultureInfo.InvariantCulture))
            .Append("): the same seed gives the same report.</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Headline(StringBuilder html, ScenarioReportInput input)
    {
        PlanOutcome outcome = input.Outcome;
        MonteCarloResult mc = outcome.MonteCarlo;
        int last = outcome.Scenario.Months - 1;
        string end = outcome.Scenario.MonthLabel(last);
        MonthlyStatement baseCase = Base(outcome).Statement;
        double odds = mc.CashOut.Probability;
        html.Append("<header class=\"hero\">\n<p class=\"kicker\">Burnrate report · ").Append(E(input.SourceName)).Append("</p>\n<h1>").Append(E(outcome.Scenario.Name)).Append("</h1>\n")
            .Append("<p class=\"lede\">").Append(E(Lede(outcome))).Append("</p>\n<div class=\"kpis\">\n");
        Kpi(html, Tone(odds), Percent(odds), $"chance of running out of cash by {end}");
        Kpi(html, mc.CashOut.P50 is null ? "good" : "bad", mc.CashOut.P50 is { } m ? outcome.Scenario.MonthLabel(m) : "beyond " + end, "median cash-out month");
        Kpi(html, mc.Cash.P50[last] < 0 ? "bad" : "", Usd(mc.Cash.P50[last]), $"median closing cash {end} (P10 {Usd(mc.Cash.P10[last])}, P90 {Usd(mc.Cash.P90[last])})");
        Kpi(html, "", double.IsFinite(baseCase.RunwayMonths[0]) ? Number(baseCase.RunwayMonths[0], "0.#") + " months" : "unbounded", $"runway in {outcome.Scenario.MonthLabel(0)} (base case)");
        if (mc.Triggers.OrderByDescending(t => t.Firing.Probability).FirstOrDefault() is { } trigger)
        {
            Kpi(html, trigger.Firing.Probability > 0.5 ? "warn" : "", Percent(trigger.Firing.Probability),
                $"of paths fire '{trigger.Name}'" + (trigger.Firing.P50 is { } t ? $", median {outcome.Scenario.MonthLabel(t)}" : ""));
        }

        html.Append("</div>\n</header>\n");
    }

    private static string Lede(PlanOutcome outcome)
    {
        MonteCarloResult mc = outcome.MonteCarlo;
        int last = outcome.Scenario.Months - 1;
        string end = outcome.Scenario.MonthLabel(last);
        MonthlyStatement b = Base(outcome).Statement;
        string baseEnd = b.CashOutMonth >= 0 ? $"the base case runs out of cash in {outcome.Scenario.MonthLabel(b.CashOutMonth)}" : $"the base case ends {end} with {Usd(b.ClosingCash[last])}";
        string odds = mc.CashOut.Probability == 0 ? "no simulated path runs out of cash" : $"{Percent(mc.CashOut.Probability)} of {Count(mc.Paths)} simulated paths run out of cash";
        return $"{outcome.Scenario.Months} months from {outcome.Scenario.MonthLabel(0)}: {baseEnd}, and {odds} by {end}.";
    }

    private static void CostChain(StringBuilder html, ScenarioReportInput input)
    {
        MonthlyStatement b = Base(input.Outcome).Statement;
        int last = input.Outcome.Scenario.Months - 1;
        html.Append("<section>\n<h2>From the FLOP to the token</h2>\n<p class=\"note\">Where the scenario's costs come from: each <code>from:</code> entry runs Burnrate's cost model; the command reproduces the figure.</p>\n<div class=\"cards\">\n");
        foreach (CostDerivation d in input.Derivations)
        {
            CostCard(html, d);
        }

        if (input.Derivations.Count == 0)
        {
            html.Append("<article class=\"card\"><h3>No derived costs</h3><p class=\"note\">This scenario states its costs directly; a <code>from:</code> entry would derive them from the cost model (docs/plan.md).</p></article>\n");
        }

        html.Append("<article class=\"card\"><h3>Unit economics, base case</h3><table>")
            .Append("<tr><th></th><th class=\"num\">").Append(E(input.Outcome.Scenario.MonthLabel(0))).Append("</th><th class=\"num\">").Append(E(input.Outcome.Scenario.MonthLabel(last))).Append("</th></tr>");
        Row(html, "tokens served", Tokens(b.TokensServed[0]), Tokens(b.TokensServed[last]));
        Row(html, "serving cost per 1M tokens", PerMillion(b.CostOfServing[0], b.TokensServed[0]), PerMillion(b.CostOfServing[last], b.TokensServed[last]));
        Row(html, "revenue per 1M tokens (all streams)", PerMillion(b.Revenue[0], b.TokensServed[0]), PerMillion(b.Revenue[last], b.TokensServed[last]));
        Row(html, "gross margin", Ratio(b.GrossMargin[0]), Ratio(b.GrossMargin[last]));
        html.Append("</table></article>\n</div>\n</section>\n");
    }

    private static void Cash(StringBuilder html, PlanOutcome outcome, string fanChartSvg)
    {
        html.Append("<section>\n<h2>How long the cash lasts</h2>\n<p class=\"note\">Closing cash, revenue and net burn by month: shaded bands hold 90% and 80% of the simulated paths, the line is the median, the dashed lines are the presets.</p>\n")
            .Append("<figure class=\"chart\" id=\"fan-chart\">").Append(InlineSvg(fanChartSvg, "Fan chart of closing cash, revenue and net burn", "fan-")).Append("</figure>\n")
            .Append("<h3>Chance of having run out of cash, by month</h3>\n<figure class=\"chart small\" id=\"cash-out-chart\">")
            .Append(ReportSvg.CumulativeProbability(outcome.MonteCarlo.CashOut.CumulativeByMonth, outcome.Scenario.MonthLabel, "Cumulative probability of running out of cash"))
            .Append("</figure>\n</section>\n");
    }

    private static void Presets(StringBuilder html, PlanOutcome outcome)
    {
        int last = outcome.Scenario.Months - 1;
        html.Append("<section>\n<h2>Best, base and worst</h2>\n<table class=\"wide\"><thead><tr><th>preset</th><th class=\"num\">closing cash ")
            .Append(E(outcome.Scenario.MonthLabel(last))).Append("</th><th class=\"num\">lowest cash</th><th>cash-out</th><th class=\"num\">revenue ")
            .Append(E(outcome.Scenario.MonthLabel(last))).Append("</th><th class=\"num\">gross margin</th><th>triggers fired</th></tr></thead><tbody>\n");
        foreach (PresetProjection p in outcome.Presets)
        {
            MonthlyStatement s = p.Statement;
            html.Append("<tr class=\"preset-").Append(E(p.Name)).Append("\"><td>").Append(E(p.Name)).Append("</td><td class=\"num\">").Append(Usd(s.ClosingCash[last]))
                .Append("</td><td class=\"num\">").Append(Usd(s.ClosingCash.Min())).Append("</td><td>")
                .Append(s.CashOutMonth >= 0 ? E(outcome.Scenario.MonthLabel(s.CashOutMonth)) : "none").Append("</td><td class=\"num\">").Append(Usd(s.Revenue[last]))
                .Append("</td><td class=\"num\">").Append(Ratio(s.GrossMargin[last])).Append("</td><td>")
                .Append(s.Firings.Count == 0 ? "none" : E(string.Join(", ", s.Firings.Select(f => $"{f.Trigger} {outcome.Scenario.MonthLabel(f.Month)}")))).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n</section>\n");
    }

    private static void Triggers(StringBuilder html, PlanOutcome outcome)
    {
        IReadOnlyList<TriggerOutcome> triggers = outcome.MonteCarlo.Triggers;
        html.Append("<section>\n<h2>Triggers: when to act</h2>\n");
        if (triggers.Count == 0)
        {
            html.Append("<p class=\"note\">This scenario has no triggers (e.g. raise when runway falls below 12 months).</p>\n</section>\n");
            return;
        }

        html.Append("<table class=\"wide\"><thead><tr><th>trigger</th><th>fires in</th><th>P10</th><th>median</th><th>P90</th></tr></thead><tbody>\n");
        foreach (TriggerOutcome t in triggers)
        {
            string M(int? m) => m is { } v ? E(outcome.Scenario.MonthLabel(v)) : "—";
            html.Append("<tr><td>").Append(E(t.Name)).Append("</td><td><span class=\"bar\"><span style=\"width:")
                .Append(Number(100 * t.Firing.Probability, "0.#")).Append("%\"></span></span> ").Append(Percent(t.Firing.Probability)).Append(" of paths</td><td>")
                .Append(M(t.Firing.P10)).Append("</td><td>").Append(M(t.Firing.P50)).Append("</td><td>").Append(M(t.Firing.P90)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n</section>\n");
    }

    private static void Sensitivity(StringBuilder html, PlanOutcome outcome, string tornadoSvg)
    {
        html.Append("<section>\n<h2>What moves the outcome</h2>\n");
        if (outcome.Tornado.Count == 0)
        {
            html.Append("<p class=\"note\">No uncertain drivers: every input is a constant, so there is nothing to swing.</p>\n</section>\n");
            return;
        }

        html.Append("<p class=\"note\">Closing cash at the horizon with one driver at its P10 or P90 and every other at its median, widest swing first.</p>\n")
            .Append("<figure class=\"chart\" id=\"tornado-chart\">").Append(InlineSvg(tornadoSvg, "Tornado of closing cash", "tornado-")).Append("</figure>\n")
            .Append("<table class=\"wide\"><thead><tr><th>driver</th><th class=\"num\">at P10</th><th class=\"num\">cash</th><th class=\"num\">at P90</th><th class=\"num\">cash</th><th class=\"num\">swing</th></tr></thead><tbody>\n");
        foreach (TornadoBar bar in outcome.Tornado)
        {
            html.Append("<tr><td>").Append(E(bar.Driver)).Append("</td><td class=\"num\">").Append(Number(bar.LowInput, "G4")).Append("</td><td class=\"num\">").Append(Usd(bar.LowCashUsd))
                .Append("</td><td class=\"num\">").Append(Number(bar.HighInput, "G4")).Append("</td><td class=\"num\">").Append(Usd(bar.HighCashUsd))
                .Append("</td><td class=\"num\">").Append(Usd(bar.Swing)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n</section>\n");
    }

    private static void Appendix(StringBuilder html, ScenarioReportInput input, IReadOnlyList<string> files)
    {
        html.Append("<section>\n<h2>Assumptions</h2>\n<table class=\"wide\"><thead><tr><th>name</th><th>value</th><th>source</th></tr></thead><tbody>\n");
        foreach (Assumption a in input.Assumptions)
        {
            html.Append("<tr><td>").Append(E(a.Name)).Append("</td><td>").Append(E(a.Value)).Append("</td><td>").Append(E(a.Source)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
        if (files.Count > 0)
        {
            html.Append("<h3>Files beside this report</h3>\n<ul class=\"files\">");
            foreach (string file in files)
            {
                html.Append("<li><a href=\"").Append(E(Uri.EscapeDataString(file))).Append("\">").Append(E(file)).Append("</a></li>");
            }

            html.Append("</ul>\n");
        }

        html.Append("<details><summary>The scenario, as given</summary><pre><code>").Append(E(input.ScenarioYaml)).Append("</code></pre></details>\n</section>\n");
    }

    private static PresetProjection Base(PlanOutcome outcome) => outcome.Presets.FirstOrDefault(p => p.Name == "base") ?? outcome.Presets[0];

    private static string Title(string name) => name switch
    {
        "costs.inference.from" => "Serving cost per token",
        "costs.training.from" => "Training run",
        _ => name,
    };

    private static void Kpi(StringBuilder html, string tone, string value, string label) =>
        html.Append("<div class=\"kpi ").Append(tone).Append("\"><b>").Append(E(value)).Append("</b><span>").Append(E(label)).Append("</span></div>\n");

    private static void Row(StringBuilder html, string label, string a, string b) =>
        html.Append("<tr><td>").Append(E(label)).Append("</td><td class=\"num\">").Append(E(a)).Append("</td><td class=\"num\">").Append(E(b)).Append("</td></tr>");

    private static string Tone(double odds) => odds >= 0.4 ? "bad" : odds >= 0.1 ? "warn" : "good";

    private static string PerMillion(double usd, double tokens) => tokens > 0 ? "$" + Number(usd / tokens * 1e6, "0.000") : "—";

    private static string Ratio(double value) => double.IsFinite(value) ? Percent(value) : "—";
}
