namespace Burnrate.Planning.Projection;

/// <summary>What one path records for the Monte Carlo summary (reused across the paths a worker runs).</summary>
internal sealed class PathTrace
{
    public PathTrace(int months, int triggers)
    {
        Cash = new double[months];
        Revenue = new double[months];
        NetBurn = new double[months];
        FirstFiring = new int[triggers];
        Raises = new double[months + 1];
        Armed = new bool[triggers];
        ClosingUntil = new int[triggers];
    }

    public double[] Cash { get; }

    public double[] Revenue { get; }

    public double[] NetBurn { get; }

    /// <summary>Gets each trigger's first firing month, or -1.</summary>
    public int[] FirstFiring { get; }

    public int CashOutMonth { get; set; }

    // Scratch for the engine.
    internal double[] Raises { get; }

    internal bool[] Armed { get; }

    internal int[] ClosingUntil { get; }
}
