using System.Collections.Concurrent;
using Burnrate.Bench.Client;
using Burnrate.Bench.Metrics;
using Burnrate.Bench.Results;
using Burnrate.Bench.Workloads;

namespace Burnrate.Bench.Load;

/// <summary>
/// Offers load level by level. Fixed concurrency: N workers, each sending its next request the moment its previous
/// one ends (scheduledAt = when the slot became free). Rates: an open-loop schedule (constant or seeded Poisson
/// inter-arrival times) fixed in advance, so a slow server cannot delay the schedule (no coordinated omission);
/// lateness shows as dispatch lag. Every level is bounded by a request count and/or a duration; cancellation ends the
/// run with what was measured.
/// </summary>
internal sealed class LoadRunner(OpenAiClient client, Workload workload, LoadSettings settings, RequestLog? log = null, IProgress<BenchProgress>? progress = null)
{
    private int _nextId;
    private int _nextWork;

    public async Task<(IReadOnlyList<LevelResult> Levels, MaxGoodputResult? Search)> RunAsync(CancellationToken cancellationToken)
    {
        EnsureThreadPoolHeadroom();
        var levels = new List<LevelResult>();
        if (settings.Warmup > 0)
        {
            int width = Math.Clamp(settings.Concurrency.Count > 0 ? settings.Concurrency.Max() : 8, 1, settings.Warmup);
            await RunConcurrencyAsync(width, settings.Warmup, null, "warmup", true, new LevelProgress(progress, "warmup", "warmup", settings.Warmup, null), cancellationToken).ConfigureAwait(false);
        }

        foreach (int c in settings.Concurrency)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            string name = "concurrency=" + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var tracker = new LevelProgress(progress, "level", name, settings.RequestBound, settings.DurationSeconds);
            IReadOnlyList<RequestRecord> records = await RunConcurrencyAsync(c, settings.RequestBound, settings.DurationSeconds, name, false, tracker, cancellationToken).ConfigureAwait(false);
            levels.Add(LevelStats.Compute(records, new LevelResult { Concurrency = c }, settings.Slo, settings.DeploymentUsdPerHour));
        }

        foreach (double rate in settings.Rates)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            levels.Add(await RunRateLevelAsync(rate, "level", cancellationToken).ConfigureAwait(false));
        }

        MaxGoodputResult? search = settings.MaxGoodput && !cancellationToken.IsCancellationRequested
            ? await SearchAsync(cancellationToken).ConfigureAwait(false)
            : null;
        return (levels, search);
    }

    private async Task<LevelResult> RunRateLevelAsync(double rate, string phase, CancellationToken cancellationToken)
    {
        string name = "rate=" + rate.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tracker = new LevelProgress(progress, phase, name, settings.RequestBound, settings.DurationSeconds);
        IReadOnlyList<RequestRecord> records = await RunRateAsync(rate, name, tracker, cancellationToken).ConfigureAwait(false);
        return LevelStats.Compute(records, new LevelResult { Rate = rate, Arrivals = settings.Poisson ? "poisson" : "constant" }, settings.Slo, settings.DeploymentUsdPerHour);
    }

    /// <summary>Bounded bisection over the rate: a rate passes when the SLO-meeting share of sent requests reaches the attainment target.</summary>
    private async Task<MaxGoodputResult> SearchAsync(CancellationToken cancellationToken)
    {
        var probes = new List<LevelResult>();
        async Task<bool> Passes(double rate)
        {
            LevelResult level = await RunRateLevelAsync(rate, "search", cancellationToken).ConfigureAwait(false);
            probes.Add(level);
            return level.Sent > 0 && (double)level.MetSlo / level.Sent >= settings.GoodputAttainment;
        }

        double lo = settings.SearchLowRate, hi = settings.SearchHighRate;
        if (await Passes(hi).ConfigureAwait(false))
        {
            return new MaxGoodputResult(hi, settings.GoodputAttainment, probes, "above-high");
        }

        if (cancellationToken.IsCancellationRequested || !await Passes(lo).ConfigureAwait(false))
        {
            return new MaxGoodputResult(null, settings.GoodputAttainment, probes, "below-low");
        }

        for (int i = 0; i < settings.SearchSteps && !cancellationToken.IsCancellationRequested; i++)
        {
            double mid = Math.Sqrt(lo * hi); // geometric: rates span orders of magnitude
            if (await Passes(mid).ConfigureAwait(false))
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return new MaxGoodputResult(lo, settings.GoodputAttainment, probes, "found");
    }

    private async Task<IReadOnlyList<RequestRecord>> RunConcurrencyAsync(int concurrency, int? requests, double? durationSeconds, string level, bool warmup, LevelProgress tracker, CancellationToken cancellationToken)
    {
        var records = new ConcurrentBag<RequestRecord>();
        long deadline = durationSeconds is { } d ? BenchClock.Now + BenchClock.Ticks(d) : long.MaxValue;
        int issued = 0;
        long start = BenchClock.Now;
        async Task Worker(int index)
        {
            if (!warmup && settings.RampUpSeconds > 0 && concurrency > 1)
            {
                try
                {
                    await BenchClock.DelayUntilAsync(start + BenchClock.Ticks(settings.RampUpSeconds * index / concurrency), cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            while (!cancellationToken.IsCancellationRequested && BenchClock.Now < deadline)
            {
                int i = Interlocked.Increment(ref issued) - 1;
                if (requests is { } n && i >= n)
                {
                    break;
                }

                RequestRecord record = NewRecord(level, warmup, out WorkItem work);
                record.ScheduledAt = BenchClock.Now;
                await SendAsync(work, record, cancellationToken).ConfigureAwait(false);
                records.Add(record);
                tracker.Finished(record);
            }
        }

        var workers = new Task[concurrency];
        for (int w = 0; w < concurrency; w++)
        {
            int index = w;
            workers[w] = Task.Run(() => Worker(index), CancellationToken.None);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        return [.. records.OrderBy(r => r.Id)];
    }

    /// <summary>
    /// The thread pool starts with one thread per core and adds about one every 0.5 s when its threads are busy; a burst of
    /// request continuations would then wait on that ramp and the schedule would slip (coordinated omission by the client).
    /// A load generator raises the floor once, up front.
    /// </summary>
    private static void EnsureThreadPoolHeadroom()
    {
        const int Floor = 64;
        ThreadPool.GetMinThreads(out int workers, out int completionPorts);
        if (workers < Floor)
        {
            ThreadPool.SetMinThreads(Floor, Math.Max(completionPorts, Floor));
        }
    }

    private async Task<IReadOnlyList<RequestRecord>> RunRateAsync(double rate, string level, LevelProgress tracker, CancellationToken cancellationToken)
    {
        var random = new Random(HashCode.Combine(settings.Seed, rate));
        var records = new ConcurrentBag<RequestRecord>();
        var inFlight = new List<Task>();
        long start = BenchClock.Now;
        long deadline = settings.DurationSeconds is { } d ? start + BenchClock.Ticks(d) : long.MaxValue;
        double t = 0;
        for (int i = 0; settings.RequestBound is not { } n || i < n; i++)
        {
            long scheduled = start + BenchClock.Ticks(t);
            if (scheduled >= deadline || cancellationToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await BenchClock.DelayUntilAsync(scheduled, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            RequestRecord record = NewRecord(level, false, out WorkItem work);
            record.ScheduledAt = scheduled;
            inFlight.Add(Task.Run(async () =>
            {
                await SendAsync(work, record, cancellationToken).ConfigureAwait(false);
                records.Add(record);
                tracker.Finished(record);
            }, CancellationToken.None));
            t += settings.Poisson ? -Math.Log(1.0 - random.NextDouble()) / rate : 1.0 / rate;
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
        return [.. records.OrderBy(r => r.Id)];
    }

    private RequestRecord NewRecord(string level, bool warmup, out WorkItem work)
    {
        work = workload[Interlocked.Increment(ref _nextWork) - 1];
        return new RequestRecord(Interlocked.Increment(ref _nextId), level, work.OutputTokens) { Warmup = warmup };
    }

    private async Task SendAsync(WorkItem work, RequestRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendAsync(work, record, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A request that fails in an unforeseen way is counted as failed, never allowed to end the run.
        catch (Exception e)
#pragma warning restore CA1031
        {
            record.Fail("client_error", e.GetType().Name + ": " + e.Message, BenchClock.Now);
        }

        log?.Append(record);
    }
}
