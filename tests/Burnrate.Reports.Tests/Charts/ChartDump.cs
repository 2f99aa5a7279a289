using System.Text;
using ScottPlot;

namespace Burnrate.Reports.Tests.Charts;

/// <summary>The text a reader of a chart sees, after layout: title, axis labels, major tick labels and legend entries.</summary>
internal static class ChartDump
{
    public static string Of(Plot plot, int width, int height)
    {
        plot.RenderInMemory(width, height);
        var text = new StringBuilder();
        text.Append("title: ").Append(plot.Axes.Title.Label.Text).Append('\n');
        Axis(text, "x", plot.Axes.Bottom);
        Axis(text, "y", plot.Axes.Left);
        text.Append("legend: ").AppendJoin(" | ", plot.Legend.GetItems().Select(i => i.LabelText).Where(t => !string.IsNullOrEmpty(t))).Append('\n');
        return text.ToString();
    }

    private static void Axis(StringBuilder text, string name, IAxis axis)
    {
        text.Append(name).Append(": ").Append(axis.Label.Text).Append('\n');
        text.Append(name).Append(" ticks: ").AppendJoin(" | ", axis.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label)).Append('\n');
    }
}
