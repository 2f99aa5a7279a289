using System.Diagnostics;

namespace Burnrate.Bench;

/// <summary>
/// Completes waits at a <see cref="Stopwatch"/> timestamp with sub-millisecond lateness: one dedicated thread keeps the
/// due times in a priority queue and sleeps in short slices (Task.Delay rides the coarser timer queue and is often
/// 1–3 ms late, which would show in the simulator's TTFT/ITL).
/// </summary>
internal static class PreciseTimer
{
    private static readonly PriorityQueue<TaskCompletionSource, long> Due = new();
    private static readonly Lock Gate = new();
    private static readonly AutoResetEvent Wake = new(false);
    private static readonly long OneMillisecond = Stopwatch.Frequency / 1000;
    private static Thread? _thread;

    /// <summary>Returns a task that completes at or just after <paramref name="target"/>.</summary>
    public static Task WaitUntilAsync(long target, CancellationToken cancellationToken)
    {
        if (target - Stopwatch.GetTimestamp() <= 0)
        {
            return Task.CompletedTask;
        }

        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (Gate)
        {
            Due.Enqueue(tcs, target);
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "burnrate-precise-timer", Priority = ThreadPriority.AboveNormal };
                _thread.Start();
            }
        }

        Wake.Set();
        if (!cancellationToken.CanBeCanceled)
        {
            return tcs.Task;
        }

        CancellationTokenRegistration registration = cancellationToken.Register(static state => ((TaskCompletionSource)state!).TrySetCanceled(), tcs);
        return tcs.Task.ContinueWith(
            static (t, state) =>
            {
                ((CancellationTokenRegistration)state!).Dispose();
                t.GetAwaiter().GetResult();
            },
            registration,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static void Run()
    {
        var ready = new List<TaskCompletionSource>();
        while (true)
        {
            long next;
            lock (Gate)
            {
                long now = Stopwatch.GetTimestamp();
                while (Due.TryPeek(out TaskCompletionSource? tcs, out long at) && at <= now)
                {
                    Due.Dequeue();
                    ready.Add(tcs);
                }

                next = Due.TryPeek(out _, out long first) ? first : long.MaxValue;
            }

            foreach (TaskCompletionSource tcs in ready)
            {
                tcs.TrySetResult();
            }

            ready.Clear();
            long wait = next == long.MaxValue ? long.MaxValue : next - Stopwatch.GetTimestamp();
            if (wait == long.MaxValue)
            {
                Wake.WaitOne();
            }
            else if (wait > 2 * OneMillisecond)
            {
                Wake.WaitOne(TimeSpan.FromTicks(TimeSpan.TicksPerSecond * (wait - OneMillisecond) / Stopwatch.Frequency));
            }
            else if (wait > 0)
            {
                Thread.Sleep(wait > OneMillisecond / 2 ? 1 : 0);
            }
        }
    }
}
