namespace Burnrate.Planning.Projection;

/// <summary>
/// One path's working state and what it records for the Monte Carlo summary (reused across the paths a worker runs). Kept in a few flat
/// arrays of small structs so the engine's monthly loop holds a handful of references instead of a dozen spans.
/// </summary>
internal sealed class PathTrace
{
    private readonly (double Change, double Step)[] _stepMemo;

    public PathTrace(int months, int streams, int triggers, int drivers)
    {
        _stepMemo = new (double, double)[drivers];
        Array.Fill(_stepMemo, (double.NaN, double.NaN));
        Rows = new double[3 * months];
        Flows = new double[3 * (months + 1)];
        Streams = new StreamState[streams];
        Triggers = new TriggerState[triggers];
    }

    /// <summary>Gets closing cash, revenue and net burn of month m at 3m, 3m + 1 and 3m + 2.</summary>
    public double[] Rows { get; }

    public int CashOutMonth { get; set; }

    /// <summary>Gets training, capex and financing of month m at 3m, 3m + 1 and 3m + 2 (the slots past the horizon take flows dated outside it).</summary>
    internal double[] Flows { get; }

    internal StreamState[] Streams { get; }

    internal TriggerState[] Triggers { get; }

    /// <summary>Gets the last annual change seen for a driver and its monthly step (NaN before the first).</summary>
    internal ref (double Change, double Step) StepMemo(int driver) => ref _stepMemo[driver];

    /// <summary>Gets trigger t's first firing month, or -1.</summary>
    public int FirstFiring(int trigger) => Triggers[trigger].FirstFiring;
}

/// <summary>A revenue stream's state on one path: volume and price factor evolve; the rest is loaded once (or monthly for per-month drivers).</summary>
internal struct StreamState
{
    public double Volume;
    public double PriceFactor;
    public double PriceStep; // NaN when the price change is drawn per month
    public double Factor; // volume(m) = volume(m − 1) × max(0, 1 + growth − churn)
    public double Price;
    public double TokensPer;
    public bool Usage;
}

/// <summary>A trigger's state on one path.</summary>
internal struct TriggerState
{
    public bool Armed;
    public int FirstFiring;
    public int ClosingUntil;
}
