using Burnrate.Bench.Metrics;
using Burnrate.Ledger;
using Burnrate.Ledger.Reporting;
using Burnrate.Planning.Fleet;
using Burnrate.Reports.Fleet;
using Burnrate.Reports.Ledger;
using Burnrate.Planning;
using Burnrate.Planning.Scenario;
using Burnrate.Reports.Bench;
using Burnrate.Reports.Inference;
using Burnrate.Reports.Planning;
using ScottPlot;

namespace Burnrate.Reports.Tests.Charts;

public sealed class ChartGoldenTests
{
    // Millions of dollars, a funding round, a raise trigger and a worst preset that runs out of cash.
    private const string Scenario = """
        name: charted
        start: 2026-01
        months: 24
        cash: 12.9e6
        revenue:
          - {name: api, kind: usage, tokensPerMonth: 1e9, pricePerMillionTokens: 200, monthlyGrowth: {dist: normal, mean: 0.06, sd: 0.03}}
        costs: {other: {monthlyUsd: 1.1e6}}
        funding:
          - {name: seed-extension, month: 2026-09, amountUsd: 3e6, probability: 0.6}
        triggers:
          - {name: bridge, when: {runwayMonthsBelow: 4}, action: {raiseUsd: 2e6, closeMonths: 2}}
        presets:
          best: {revenue.api.monthlyGrowth: 0.12}
          worst: {revenue.api.monthlyGrowth: 0.0, funding.seed-extension.probability: 0}
        """;

    private static PlanOutcome Outcome() => PlanOutcome.Compute(ScenarioReader.Read(Scenario, "charted.yaml"), 300, 11);

    private static void NoExponents(string text) => text.ShouldNotMatch(@"\d[eE][+-]?\d");

    [Fact]
    public void Should_MatchTheGoldenText_When_FanChartBuilt()
    {
        // Given
        IReadOnlyList<Plot> panels = PlanCharts.BuildFanChart(Outcome());

        // When
        string text = string.Join("--\n", panels.Select(p => ChartDump.Of(p, PlanCharts.Width, PlanCharts.PanelHeight)));

        // Then: money ticks like $12.9M, months on x, preset/band/event entries in the legend
        NoExponents(text);
        text.ShouldContain("cash out (preset)");
        text.ShouldContain("funding received");
        Golden.Verify(text, "Charts");
    }

    [Fact]
    public void Should_MatchTheGoldenText_When_TornadoBuilt()
    {
        PlanOutcome outcome = Outcome();
        string text = ChartDump.Of(PlanCharts.BuildTornado(outcome), PlanCharts.Width, PlanCharts.TornadoHeight(outcome));

        NoExponents(text);
        text.ShouldContain("base $");
        Golden.Verify(text, "Charts");
    }

    [Fact]
    public void Should_DrawConcurrencyOnALog2AxisWithSloLines_When_BenchLatencyCharted()
    {
        // Given: five doubling concurrency levels whose TPOT p50 and p99 coincide
        LevelResult[] levels = [.. new[] { 1, 2, 4, 8, 16 }.Select(c => new LevelResult
        {
            Concurrency = c,
            TtftSeconds = new LatencySummary { P50 = 0.05 * c, P99 = 0.08 * c },
            TpotSeconds = new LatencySummary { P50 = 0.02, P99 = 0.02 },
            ItlSeconds = new LatencySummary { P50 = 0.02 },
            OutputTokensPerSecond = 50 * c,
            GoodputOutputTokensPerSecond = 50 * c,
        })];

        // When
        Plot plot = BenchCharts.BuildLatency(levels, new SloSettings(0.5, 0.05, null));
        string text = ChartDump.Of(plot, 1000, 440) + "--\n" + ChartDump.Of(BenchCharts.BuildThroughput(levels), 1000, 440);

        // Then: ticks 1 2 4 8 16 evenly spaced, the SLOs named with their values, coinciding series each in the legend
        text.ShouldContain("1 | 2 | 4 | 8 | 16");
        text.ShouldContain("TTFT SLO 500 ms");
        text.ShouldContain("TPOT SLO 50 ms");
        var scatters = plot.GetPlottables<ScottPlot.Plottables.Scatter>().ToList();
        scatters.Select(s => (s.MarkerShape, s.LinePattern.ToString())).Distinct().Count().ShouldBe(scatters.Count);
        Golden.Verify(text, "Charts");
    }

    [Fact]
    public void Should_LabelThePriceAxisInDollars_When_ParetoBuilt()
    {
        CurvePoint[] points = [new(20, 0.35, "a"), new(35, 0.9, "b"), new(60, 4.2, "c")];

        string text = ChartDump.Of(InferenceCharts.BuildPareto("Pareto", points), 1000, 600);

        NoExponents(text);
        Golden.Verify(text, "Charts");
    }

    [Fact]
    public void Should_MatchTheGoldenText_When_InferenceSweepBuilt()
    {
        // Given: throughput rising past a million tokens/s as TPOT grows with the batch
        CurvePoint[] points = [new(4_000, 12, "c=1"), new(60_000, 18, "c=16"), new(420_000, 31, "c=128"), new(1_250_000, 64, "c=512")];

        string text = ChartDump.Of(InferenceCharts.BuildSweep("llama-3.1-8b on 8× h100-sxm", points), 1000, 600);

        NoExponents(text);
        Golden.Verify(text, "Charts");
    }

    [Fact]
    public void Should_MatchTheGoldenText_When_LedgerChartsBuilt()
    {
        // Given: three customers (one losing money) and two models over two months
        MarginReport byCustomer = Report(["customer"], [(["acme"], 3.99m, 50m), (["initech"], 29.04m, 25m), (["globex"], 1.14m, 72m)]);
        MarginReport byModelMonth = Report(["model", "month"],
            [(["gpt-4o", "2026-01"], 12.5m, 0m), (["gpt-4o", "2026-02"], 18.25m, 0m), (["llama-3.1-8b", "2026-01"], 0.4m, 0m), (["llama-3.1-8b", "2026-02"], 1.1m, 0m)]);

        // When
        (Plot margin, int height) = LedgerCharts.BuildMarginByCustomer(byCustomer);
        string text = ChartDump.Of(margin, 1000, height) + "--\n" + ChartDump.Of(LedgerCharts.BuildCostByModel(byModelMonth), 1000, 600);

        // Then: worst margin on top, money ticks in dollars, the period in the titles
        NoExponents(text);
        text.ShouldContain("2026-01-01 to 2026-02-28");
        Golden.Verify(text, "Charts");
    }

    [Fact]
    public void Should_MatchTheGoldenText_When_FleetChartsBuilt()
    {
        // Given: two options covering a demand that peaks at noon, over a week and three months
        double[] demand = [.. Enumerable.Range(0, 168).Select(h => 40_000 + (30_000 * Math.Sin(Math.PI * (h % 24) / 24)))];
        var chart = new FleetChartData(
            ["owned-h100", "api"], "2027-03", demand,
            [[.. demand.Select(_ => 45_000.0)], [.. demand.Select(d => Math.Max(0, d - 45_000))]],
            ["2027-01", "2027-02", "2027-03"], [66_000, 68_000, 70_000], [[45_000, 45_000, 45_000], [3_000, 3_500, 4_100]]);

        // When
        string text = ChartDump.Of(FleetCharts.Week(chart), 1000, 600) + "--\n" + ChartDump.Of(FleetCharts.Horizon(chart), 1000, 600);

        // Then: days of the week and month labels on x, tokens per second without exponents
        NoExponents(text);
        text.ShouldContain("Mon");
        Golden.Verify(text, "Charts");
    }

    private static MarginReport Report(string[] by, (string[] Key, decimal Cost, decimal Revenue)[] rows)
    {
        List<MarginRow> margin = [.. rows.Select(r => MarginRow.Of(
            by.Zip(r.Key).ToDictionary(k => k.First, k => k.Second),
            MarginFigures.From(10, 1_000_000, 50_000, new Money(r.Cost), new Money(r.Revenue), 0)))];
        MarginFigures totals = MarginFigures.From(10 * rows.Length, 1_000_000L * rows.Length, 50_000L * rows.Length,
            new Money(rows.Sum(r => r.Cost)), new Money(rows.Sum(r => r.Revenue)), 0);
        return new MarginReport(by, new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 28), margin, totals, [], []);
    }

    [Fact]
    public void Should_KeepTheLegendOutsideTheDataArea_When_AnyChartBuilt()
    {
        Plot plot = PlanCharts.BuildTornado(Outcome());

        plot.Legend.IsVisible.ShouldBeFalse(); // not drawn over the data…
        plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().Single().Edge.ShouldBe(Edge.Right); // …but in a panel beside it
    }

    [Fact]
    public void Should_WriteAnSvgBesideEveryPng_When_PlanFilesWritten()
    {
        using var folder = new TempFolder();

        IReadOnlyList<string> files = PlanFiles.Write(Outcome(), folder.Path);

        foreach (string png in files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
        {
            files.ShouldContain(Path.ChangeExtension(png, ".svg"));
            File.ReadAllText(Path.ChangeExtension(png, ".svg")).ShouldContain("<svg");
        }

        files.Count(f => f.EndsWith(".svg", StringComparison.Ordinal)).ShouldBe(2);
    }
}
