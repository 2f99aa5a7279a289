using System.Runtime.CompilerServices;

namespace Burnrate.Planning.Simulation;

/// <summary>
/// The first pass over the paths: each series' values counted by key bucket (series 3m, 3m + 1, 3m + 2 are month m's closing cash,
/// revenue and net burn, as 32-bit floats), and how many paths first run out of cash, or first fire each trigger, in each month.
/// </summary>
internal sealed class FirstPass : IPathSink
{
    private readonly int _months;

    /// <summary>Initializes a new instance of the <see cref="FirstPass"/> class.</summary>
    /// <param name="months">The horizon.</param>
    /// <param name="triggers">The number of triggers.</param>
    /// <param name="histogramBytes">The most bytes this worker's histograms may take.</param>
    public FirstPass(int months, int triggers, long histogramBytes)
    {
        _months = months;
        Histograms = new SeriesHistograms(3 * months, histogramBytes);
        CashOutByMonth = new int[months];
        FiringByMonth = new int[triggers * months];
    }

    public SeriesHistograms Histograms { get; }

    public int[] CashOutByMonth { get; }

    /// <summary>Gets first firings per month, trigger-major (trigger t, month m at t × months + m).</summary>
    public int[] FiringByMonth { get; }

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

        for (int k = 0; k < count; k++)
        {
            if (block.CashOutMonth[k] is var m and >= 0)
            {
                CashOutByMonth[m]++;
            }
        }

        for (int t = 0; t < FiringByMonth.Length / _months; t++)
        {
            for (int k = 0; k < count; k++)
            {
                if (block.FirstFiring[(t * PathBlock.Size) + k] is var m and >= 0)
                {
                    FiringByMonth[(t * _months) + m]++;
                }
            }
        }
    }

    public void Merge(FirstPass other)
    {
        Histograms.Merge(other.Histograms);

        for (int m = 0; m < CashOutByMonth.Length; m++)
        {
            CashOutByMonth[m] += other.CashOutByMonth[m];
        }

        for (int i = 0; i < FiringByMonth.Length; i++)
        {
            FiringByMonth[i] += other.FiringByMonth[i];
        }
    }
}
