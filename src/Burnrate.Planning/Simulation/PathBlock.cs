using System.Runtime.CompilerServices;
using Burnrate.Planning.Projection;

namespace Burnrate.Planning.Simulation;

/// <summary>
/// Up to <see cref="Size"/> consecutive paths' results, series-major: a sink then walks one series at a time, keeping that series'
/// histogram or intervals in cache instead of touching every series' state for every path.
/// </summary>
internal sealed class PathBlock(int series, int triggers)
{
    public const int Size = 512;

    /// <summary>Gets series j of path k at j × Size + k: month m's closing cash, revenue and net burn are series 3m, 3m + 1, 3m + 2.</summary>
    public float[] Values { get; } = new float[series * Size];

    /// <summary>Gets each path's first month with negative cash, or -1.</summary>
    public int[] CashOutMonth { get; } = new int[Size];

    /// <summary>Gets trigger t's first firing month on path k at t × Size + k, or -1.</summary>
    public int[] FirstFiring { get; } = new int[triggers * Size];

    public int Series { get; } = series;

    /// <summary>Gets the run's index of path 0 of this block.</summary>
    public int First { get; private set; }

    public int Count { get; private set; }

    /// <summary>Copies path k's results out of the engine's trace.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(int k, PathTrace trace)
    {
        ReadOnlySpan<double> rows = trace.Rows.AsSpan(0, Series);
        float[] values = Values;
        for (int j = 0; j < rows.Length; j++)
        {
            values[(j * Size) + k] = (float)rows[j];
        }

        SetEvents(k, trace.CashOutMonth, trace);
    }

    /// <summary>Records path k's cash-out month and each trigger's first firing (from the trace's trigger states).</summary>
    public void SetEvents(int k, int cashOutMonth, PathTrace trace)
    {
        CashOutMonth[k] = cashOutMonth;
        for (int t = 0; t < FirstFiring.Length / Size; t++)
        {
            FirstFiring[(t * Size) + k] = trace.FirstFiring(t);
        }
    }

    /// <summary>Marks the block's first <paramref name="count"/> paths as filled: the run's paths <paramref name="first"/> onwards.</summary>
    public void Seal(int first, int count) => (First, Count) = (first, count);
}
