using System.Runtime.CompilerServices;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Simulation;

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
    private readonly bool _fourLanes;
    private readonly IProgress<MonteCarloProgress>? _progress;
    private int _passes;

    public PathRunner(PlanScenario scenario, ulong seed, int paths, ParallelOptions options, IProgress<MonteCarloProgress>? progress = null)
    {
        _progress = progress;
        _scenario = scenario;
        _seed = seed;
        _paths = paths;
        _options = options;
        _sampler = new DriverSampler(scenario);
        _arrays = new ScenarioArrays(scenario);
        _fourLanes = LaneProjection.Applies(_sampler);
    }

    /// <summary>Gets how many workers (each with its own sink) a pass uses: one per thread, no more than there are blocks of paths.</summary>
    public int Workers => Math.Min((_paths + Block - 1) / Block, _options.MaxDegreeOfParallelism > 0 ? _options.MaxDegreeOfParallelism : Environment.ProcessorCount);

    /// <summary>
    /// Runs every path once, handing each to its worker's sink, and merges each worker's sink (one at a time) when it is done. Exactly
    /// one worker per thread takes blocks of paths from a shared counter (Parallel.For's own replicas would each build a sink).
    /// Each call is one pass: the progress hears the pass number and the paths done after every block.
    /// </summary>
    public void Run<TSink>(Func<TSink> create, Action<TSink> merge)
        where TSink : class, IPathSink
    {
        var gate = new Lock();
        int blocks = (_paths + Block - 1) / Block, next = -1, pass = ++_passes;
        long done = 0;
        Parallel.For(0, Workers, _options, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (_) =>
        {
            Worker<TSink> w = NewWorker(create());
            for (int b = Interlocked.Increment(ref next); b < blocks; b = Interlocked.Increment(ref next))
            {
                _options.CancellationToken.ThrowIfCancellationRequested();
                int first = b * Block, end = Math.Min(_paths, first + Block), p = first;
                for (; _fourLanes && p + LaneProjection.Lanes <= end; p += LaneProjection.Lanes)
                {
                    for (int l = 0; l < LaneProjection.Lanes; l++)
                    {
                        PathRandom rng = PathRandom.For(_seed, p + l);
                        _sampler.Fill(ref rng, w.Lanes[l], w.Scratch);
                    }

                    w.FourLanes.Run(w.Lanes, w.Block, p - first);
                }

                for (; p < end; p++)
                {
                    PathRandom rng = PathRandom.For(_seed, p);
                    _sampler.Fill(ref rng, w.Input, w.Scratch);
                    ProjectionEngine.Run(_scenario, _arrays, w.Input, w.Trace, null);
                    w.Block.Set(p - first, w.Trace);
                }

                w.Block.Seal(first, end - first);
                w.Sink.Add(w.Block);
                if (_progress is { } progress)
                {
                    progress.Report(new MonteCarloProgress(pass, Interlocked.Add(ref done, end - first), _paths));
                }
            }

            lock (gate)
            {
                merge(w.Sink);
            }
        });
    }

    private Worker<TSink> NewWorker<TSink>(TSink sink) => new(
        _sampler.NewInputs(),
        [.. Enumerable.Range(0, LaneProjection.Lanes).Select(_ => _sampler.NewInputs())],
        new LaneProjection(_scenario, _arrays),
        new PathTrace(_scenario.Months, _scenario.Revenue.Count, _scenario.Triggers.Count, _scenario.Drivers.Count),
        new double[_scenario.Drivers.Count],
        new PathBlock(3 * _scenario.Months, _scenario.Triggers.Count),
        sink);

    private sealed record Worker<TSink>(PathInputs Input, PathInputs[] Lanes, LaneProjection FourLanes, PathTrace Trace, double[] Scratch, PathBlock Block, TSink Sink);
}
