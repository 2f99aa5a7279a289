using Burnrate.Bench.Client;

namespace Burnrate.Bench.Load;

/// <summary>Counts a level's finished requests and reports them; thread-safe (workers finish concurrently).</summary>
internal sealed class LevelProgress
{
    private readonly IProgress<BenchProgress>? _progress;
    private readonly string _phase;
    private readonly string _level;
    private readonly int? _total;
    private readonly double? _seconds;
    private readonly long _start = BenchClock.Now;
    private int _done;
    private int _failed;

    public LevelProgress(IProgress<BenchProgress>? progress, string phase, string level, int? total, double? seconds)
    {
        _progress = progress;
        _phase = phase;
        _level = level;
        _total = total;
        _seconds = seconds;
        progress?.Report(new BenchProgress(phase, level, 0, 0, total, 0, seconds));
    }

    public void Finished(RequestRecord record)
    {
        int done = Interlocked.Increment(ref _done);
        int failed = record.Completed ? Volatile.Read(ref _failed) : Interlocked.Increment(ref _failed);
        _progress?.Report(new BenchProgress(_phase, _level, done, failed, _total, BenchClock.Seconds(BenchClock.Now - _start), _seconds));
    }
}
