using System.Globalization;
using ScottPlot;
using ScottPlot.Panels;
using ScottPlot.TickGenerators;

namespace Burnrate.Reports.Charts;

/// <summary>The look every Burnrate chart shares: legend beside the plot, money and log-2 axes, series styles that stay visible when they coincide.</summary>
public static class ChartStyle
{
    // Each series gets its own marker and line pattern, and markers shrink series by series: where two series coincide,
    // the later one's smaller marker sits inside the earlier one's larger one, so both stay visible.
    private static readonly (MarkerShape Marker, LinePattern Pattern)[] SeriesStyles =
    [
        (MarkerShape.FilledCircle, LinePattern.Solid),
        (MarkerShape.OpenSquare, LinePattern.Dashed),
        (MarkerShape.FilledTriangleUp, LinePattern.Dotted),
        (MarkerShape.OpenDiamond, LinePattern.DenselyDashed),
        (MarkerShape.Cross, LinePattern.Solid),
        (MarkerShape.OpenCircle, LinePattern.Dashed),
        (MarkerShape.FilledSquare, LinePattern.Dotted),
    ];

    /// <summary>Moves the legend out of the plotted area, to the right of it.</summary>
    /// <param name="plot">The chart.</param>
    public static void LegendOutside(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Legend.IsVisible = false; // drawn by the panel instead, outside the data area
        plot.Axes.AddPanel(new LegendPanel(plot.Legend) { Edge = Edge.Right, Alignment = Alignment.UpperCenter });
    }

    /// <summary>Labels an axis in dollars: <c>$12.9M</c>.</summary>
    /// <param name="axis">The axis.</param>
    public static void MoneyAxis(IAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        axis.TickGenerator = new NumericAutomatic { LabelFormatter = ChartText.Money };
    }

    /// <summary>Labels an axis with compact numbers: <c>12.9k</c>.</summary>
    /// <param name="axis">The axis.</param>
    public static void NumberAxis(IAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        axis.TickGenerator = new NumericAutomatic { LabelFormatter = ChartText.Number };
    }

    /// <summary>Makes an axis base-2 logarithmic: data must be given as log2(x); ticks fall on powers of two and read 1, 2, 4, … 1024.</summary>
    /// <param name="axis">The axis.</param>
    public static void Log2Axis(IAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        axis.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = v => Math.Pow(2, Math.Round(v)).ToString("0", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Styles the <paramref name="index"/>-th series of a chart (marker, line pattern, marker size).</summary>
    /// <param name="scatter">The series.</param>
    /// <param name="index">Its position among the chart's series, from 0.</param>
    public static void Series(ScottPlot.Plottables.Scatter scatter, int index)
    {
        ArgumentNullException.ThrowIfNull(scatter);
        (MarkerShape marker, LinePattern pattern) = SeriesStyles[index % SeriesStyles.Length];
        scatter.MarkerShape = marker;
        scatter.LinePattern = pattern;
        scatter.MarkerSize = Math.Max(5, 13 - (2 * (index % SeriesStyles.Length)));
        scatter.LineWidth = index == 0 ? 2.5f : 1.5f;
    }
}
