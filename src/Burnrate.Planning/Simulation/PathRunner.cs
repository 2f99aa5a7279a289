using System.Runtime.CompilerServices;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Simulation;

/// <summary>What a pass over the paths does with each block of projected paths (one instance per worker thread, merged at the end).</summary>
internal interface IPathSink
{
    void Add(PathBlock block);
}

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

    private readonly float[] _byPath = new float[series * Size];

    public int Series { get; } = series;

    public int Count { get; private set; }

    /// <summary>Copies path k's results out of the engine's trace (path-major, one sequential run; <see cref="Seal"/> transposes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(int k, PathTrace trace)
    {
        ReadOnlySpan<double> rows = trace.Rows.AsSpan(0, Series);
        Span<float> path = _byPath.AsSpan(k * Series, Series);
        for (int j = 0; j < path.Length; j++)
        {
            path[j] = (float)rows[j];
        }

        CashOutMonth[k] = trace.CashOutMonth;
        for (int t = 0; t < FirstFiring.Length / Size; t++)
        {
            FirstFiring[(t * Size) + k] = trace.FirstFiring(t);
        }
    }

    /// <summary>Makes the first <paramref name="count"/> paths readable series-major, 16 × 16 at a time so both sides stay in a few cache lines.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Seal(int count)
    {
        const int Tile = 16;
        Count = count;
        for (int k0 = 0; k0 < count; k0 += Tile)
        {
            int kEnd = Math.Min(k0 + Tile, count);
            for (int j0 = 0; j0 < Series; j0 += Tile)
            {
                int jEnd = Math.Min(j0 + Tile, Series);
                for (int k = k0; k < kEnd; k++)
                {
                    for (int j = j0; j < jEnd; j++)
                    {
                        Values[(j * Size) + k] = _byPath[(k * Series) + j];
                    }
                }
            }
        }
    }
}

/// <summary>
/// Generates and projects every path of a run, in parallel blocks. A path's random numbers come from (seed, path index) alone, so any
/// pass sees exactly the same paths whatever the thread count, and a later pass can regenerate them instead of anything storing them.
/// </summary>
internal sealed class PathRunner
{
    private const int Block = PathBlock.Size;
    private readonly PlanScenario _scenario;
    private readonly ulong _seed;
    private readonly int _paths;
    private readonly ParallelOptions _options;
    private readonly DriverSampler _sampler;
    private readonly ScenarioArrays _arrays;

    public PathRunner(PlanScenario scenario, ulong seed, int paths, ParallelOptions options)
    {
        _scenario = scenario;
        _seed = seed;
        _paths = paths;
        _options = options;
        _sampler = new DriverSampler(scenario);
        _arrays = new ScenarioArrays(scenario);
    }

    /// <summary>
    /// Runs every path once, handing each to its worker's sink, and merges each worker's sink (one at a time) when it is done. Exactly
    /// one worker per thread takes blocks of paths from a shared counter (Parallel.For's own replicas would each build a sink).
    /// </summary>
    public void Run<TSink>(Func<TSink> create, Action<TSink> merge)
        where TSink : class, IPathSink
    {
        var gate = new Lock();
        int blocks = (_paths + Block - 1) / Block, next = -1;
        int workers = Math.Min(blocks, _options.MaxDegreeOfParallelism > 0 ? _options.MaxDegreeOfParallelism : Environment.ProcessorCount);
        Parallel.For(0, workers, _options, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (_) =>
        {
            Worker<TSink> w = NewWorker(create());
            for (int b = Interlocked.Increment(ref next); b < blocks; b = Interlocked.Increment(ref next))
            {
                int first = b * Block, end = Math.Min(_paths, first + Block);
                for (int p = first; p < end; p++)
                {
                    PathRandom rng = PathRandom.For(_seed, p);
                    _sampler.Fill(ref rng, w.Input, w.Scratch);
                    ProjectionEngine.Run(_scenario, _arrays, w.Input, w.Trace, null);
                    w.Block.Set(p - first, w.Trace);
                }

                w.Block.Seal(end - first);
                w.Sink.Add(w.Block);
            }

            lock (gate)
            {
                merge(w.Sink);
            }
        });
    }

    private Worker<TSink> NewWorker<TSink>(TSink sink) => new(
        _sampler.NewInputs(),
        new PathTrace(_scenario.Months, _scenario.Revenue.Count, _scenario.Triggers.Count, _scenario.Drivers.Count),
        new double[_scenario.Drivers.Count],
        new PathBlock(3 * _scenario.Months, _scenario.Triggers.Count),
        sink);

    private sealed record Worker<TSink>(PathInputs Input, PathTrace Trace, double[] Scratch, PathBlock Block, TSink Sink);
}
