using System.Runtime.CompilerServices;

namespace Burnrate.Planning.Simulation;

/// <summary>
/// The first pass over the paths when they are not kept: each series' values counted by key bucket (series 3m, 3m + 1, 3m + 2 are month
/// m's closing cash, revenue and net burn, as 32-bit floats), and how many paths first run out of cash, or first fire each trigger, in
/// each month.
/// </summary>
internal sealed class FirstPass : IPathSink
{
    /// <summary>Initializes a new instance of the <see cref="FirstPass"/> class.</summary>
    /// <param name="months">The horizon.</param>
    /// <param name="triggers">The number of triggers.</param>
    /// <param name="histogramBytes">The most bytes this worker's histograms may take.</param>
    public FirstPass(int months, int triggers, long histogramBytes)
    {
        Histograms = new SeriesHistograms(3 * months, histogramBytes);
        Events = new EventCounts(months, triggers);
    }

    public SeriesHistograms Histograms { get; }

    public EventCounts Events { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(PathBlock block)
    {
        SeriesHistograms histograms = Histograms;
        float[] values = block.Values;
        int count = block.Count;
        for (int j = 0; j < histograms.Series; j++)
        {
            histograms.AddRow(j, values.AsSpan(j * PathBlock.Size, count));
        }

        Events.Add(block);
    }

    public void Merge(FirstPass other)
    {
        Histograms.Merge(other.Histograms);
        Events.Merge(other.Events);
    }
}
