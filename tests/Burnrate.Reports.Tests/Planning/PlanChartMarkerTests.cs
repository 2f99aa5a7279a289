using System.Globalization;
using System.Text.RegularExpressions;
using Burnrate.Planning;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Scenario;
using Burnrate.Reports.Charts;
using Burnrate.Reports.Planning;
using ScottPlot;
using SkiaSharp;

namespace Burnrate.Reports.Tests.Planning;

/// <summary>
/// Issue 12: the fan chart's cash panel marks funding received, trigger firings and cash-out, at their month and cash, in the
/// PNG and in the SVG beside it. The markers are found in the files themselves: the SVG's marker shapes by their colour, the
/// PNG's pixels at each expected point.
/// </summary>
public sealed partial class PlanChartMarkerTests : IDisposable
{
    // $12.9M, $1.1M of opex a month: a $3M round in 2026-09 (certain in best and base, never in worst), a bridge raise when the
    // runway falls below 4 months (closing 2 months later), and a worst preset with no growth that runs out.
    private const string Scenario = """
        name: marked
        start: 2026-01
        months: 24
        cash: 12.9e6
        revenue:
          - {name: api, kind: usage, tokensPerMonth: 1e9, pricePerMillionTokens: 200, monthlyGrowth: {dist: normal, mean: 0.06, sd: 0.03}}
        costs: {other: {monthlyUsd: 1.1e6}}
        funding:
          - {name: seed-extension, month: 2026-09, amountUsd: 3e6, probability: 1}
        triggers:
          - {name: bridge, when: {runwayMonthsBelow: 4}, action: {raiseUsd: 2e6, closeMonths: 2}}
        presets:
          best: {revenue.api.monthlyGrowth: 0.12}
          worst: {revenue.api.monthlyGrowth: 0.0, funding.seed-extension.probability: 0}
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private enum Kind
    {
        Funding,
        Trigger,
        CashOut,
    }

    [Fact]
    public void Should_MarkFundingTriggersAndCashOutAtTheirMonth_When_FanChartSavedAsPngAndSvg()
    {
        // Given
        PlanOutcome outcome = PlanOutcome.Compute(ScenarioReader.Read(Scenario, "marked.yaml"), 200, 3);
        MonthlyStatement base_ = outcome.Presets.Single(p => p.Name == "base").Statement;
        MonthlyStatement worst = outcome.Presets.Single(p => p.Name == "worst").Statement;
        base_.Financing[8].ShouldBe(3e6); // the round lands in 2026-09 …
        worst.CashOutMonth.ShouldBeGreaterThan(0); // … and the worst preset runs out (the chart must say where)
        worst.Firings.ShouldNotBeEmpty();

        // When
        IReadOnlyList<Plot> panels = PlanCharts.BuildFanChart(outcome);
        string png = Path.Combine(_folder.Path, "fan-chart.png");
        StackedCharts.SavePngAndSvg(panels, png, PlanCharts.Width, PlanCharts.PanelHeight);

        // Then: every expected point has its marker and no marker is anywhere else, in the SVG; the PNG shows each colour there
        Plot cash = panels[0];
        Dictionary<Kind, List<Pixel>> expected = Expected(outcome, cash);
        expected[Kind.Funding].ShouldContain(p => Near(p, cash.GetPixel(new Coordinates(8, base_.ClosingCash[8]))));
        expected[Kind.CashOut].ShouldContain(p => Near(p, cash.GetPixel(new Coordinates(worst.CashOutMonth, worst.ClosingCash[worst.CashOutMonth]))));
        string svg = File.ReadAllText(Path.ChangeExtension(png, ".svg"));
        PixelRect data = cash.LastRender.DataRect;
        using SKBitmap bitmap = SKBitmap.Decode(png);
        foreach ((Kind kind, List<Pixel> points) in expected)
        {
            List<Pixel> drawn = [.. SvgMarkers(svg, kind).Where(p => p.X >= data.Left && p.X <= data.Right && p.Y >= data.Top && p.Y <= data.Bottom)];
            points.ShouldNotBeEmpty(kind.ToString());
            foreach (Pixel p in points)
            {
                drawn.ShouldContain(d => Near(d, p), $"{kind} marker at ({p.X:0}, {p.Y:0}) missing from the SVG");
                ShowsColour(bitmap, p, Colour(kind)).ShouldBeTrue($"{kind} marker at ({p.X:0}, {p.Y:0}) missing from the PNG");
            }

            foreach (Pixel d in drawn)
            {
                points.ShouldContain(p => Near(d, p), $"a {kind} marker at ({d.X:0}, {d.Y:0}) marks no event");
            }
        }

        svg.ShouldContain("funding received");
        svg.ShouldContain("trigger fired");
        svg.ShouldContain("cash out (preset)");
    }

    /// <summary>Where each event of each preset is on the cash panel, from the engine's statements.</summary>
    private static Dictionary<Kind, List<Pixel>> Expected(PlanOutcome outcome, Plot cash)
    {
        var expected = new Dictionary<Kind, List<Pixel>> { [Kind.Funding] = [], [Kind.Trigger] = [], [Kind.CashOut] = [] };
        foreach (MonthlyStatement s in outcome.Presets.Select(p => p.Statement))
        {
            for (int m = 0; m < outcome.Scenario.Months; m++)
            {
                if (s.Financing[m] > 0)
                {
                    expected[Kind.Funding].Add(cash.GetPixel(new Coordinates(m, s.ClosingCash[m])));
                }
            }

            expected[Kind.Trigger].AddRange(s.Firings.Select(f => cash.GetPixel(new Coordinates(f.Month, s.ClosingCash[f.Month]))));
            if (s.CashOutMonth >= 0)
            {
                expected[Kind.CashOut].Add(cash.GetPixel(new Coordinates(s.CashOutMonth, s.ClosingCash[s.CashOutMonth])));
            }
        }

        return expected;
    }

    // Months are about 40 px apart on a 1,200 px chart: 3 px pins the month (a triangle's box centre sits ~1.5 px off its point).
    private static bool Near(Pixel a, Pixel b) => Math.Abs(a.X - b.X) <= 3 && Math.Abs(a.Y - b.Y) <= 3;

    private static SKColor Colour(Kind kind) => kind switch
    {
        Kind.Funding => new SKColor(0x00, 0x64, 0x00), // ScottPlot Colors.DarkGreen
        Kind.Trigger => new SKColor(0xFF, 0x8C, 0x00), // DarkOrange
        _ => new SKColor(0xFF, 0x00, 0x00), // Red
    };

    /// <summary>The centres of the SVG's marker shapes of one kind: filled triangles and diamonds by fill, the cash-out cross by its red stroke.</summary>
    private static IEnumerable<Pixel> SvgMarkers(string svg, Kind kind)
    {
        Regex shape = kind == Kind.CashOut ? CrossPath() : FilledPath();
        foreach (Match m in shape.Matches(svg))
        {
            if (kind != Kind.CashOut && !string.Equals(m.Groups["fill"].Value, kind == Kind.Funding ? "#006400" : "#FF8C00", StringComparison.Ordinal))
            {
                continue;
            }

            double[] xy = [.. Number().Matches(m.Groups["d"].Value).Select(n => double.Parse(n.Value, CultureInfo.InvariantCulture))];
            double[] xs = [.. xy.Where((_, i) => i % 2 == 0)], ys = [.. xy.Where((_, i) => i % 2 == 1)];
            if (xs.Max() - xs.Min() is > 8 and < 14 && ys.Max() - ys.Min() is > 8 and < 14) // a marker of size 11, not a line or a band
            {
                yield return new Pixel((float)((xs.Max() + xs.Min()) / 2), (float)((ys.Max() + ys.Min()) / 2));
            }
        }
    }

    /// <summary>Whether the 11 × 11 pixels around <paramref name="p"/> hold the marker's colour (anti-aliasing allowed).</summary>
    private static bool ShowsColour(SKBitmap bitmap, Pixel p, SKColor colour)
    {
        for (int x = (int)p.X - 5; x <= (int)p.X + 5; x++)
        {
            for (int y = (int)p.Y - 5; y <= (int)p.Y + 5; y++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                if (Math.Abs(c.Red - colour.Red) + Math.Abs(c.Green - colour.Green) + Math.Abs(c.Blue - colour.Blue) < 60)
                {
                    return true;
                }
            }
        }

        return false;
    }

    [GeneratedRegex("<path fill=\"(?<fill>#[0-9A-F]{6})\" d=\"(?<d>[^\"]+)\"")]
    private static partial Regex FilledPath();

    [GeneratedRegex("<path fill=\"none\" stroke=\"red\" [^>]*d=\"(?<d>[^\"]+)\"")]
    private static partial Regex CrossPath();

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex Number();
}
