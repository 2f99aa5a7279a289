using System.Diagnostics;

namespace Burnrate.Web.Hosting;

/// <summary>
/// Cancels runs at the server's limit from one dedicated thread. <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/>
/// rides the timer queue, whose callbacks wait for a free pool thread: while a plan or a search kept every pool thread
/// busy, the run went on past its limit until the pool grew (a second and more on 2 cores).
/// </summary>
internal static class RunDeadline
{
    private static readonly PriorityQueue<CancellationTokenSource, long> Due = new();
    private static readonly object Gate = new();
    private static Thread? _thread;

    /// <summary>Cancels <paramref name="run"/> once <paramref name="limit"/> has passed, unless the returned handle is disposed first.</summary>
    /// <param name="run">The run's source.</param>
    /// <param name="limit">The time the run may take.</param>
    /// <returns>Disposing it withdraws the deadline (the run ended in time).</returns>
    public static IDisposable CancelAfter(CancellationTokenSource run, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(run);
        long at = Stopwatch.GetTimestamp() + (long)Math.Min(limit.TotalSeconds * Stopwatch.Frequency, long.MaxValue / 4);
        lock (Gate)
        {
            Due.Enqueue(run, at);
            _thread ??= StartThread();
            Monitor.Pulse(Gate);
        }

        return new Withdrawal(run);
    }

    private static Thread StartThread()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "burnrate-run-deadlines" };
        thread.Start();
        return thread;
    }

    private static void Run()
    {
        var expired = new List<CancellationTokenSource>();
        while (true)
        {
            lock (Gate)
            {
                while (true)
                {
                    long now = Stopwatch.GetTimestamp();
                    while (Due.TryPeek(out CancellationTokenSource? run, out long at) && at <= now)
                    {
                        expired.Add(Due.Dequeue());
                    }

                    if (expired.Count > 0)
                    {
                        break;
                    }

                    // Wakes at the next deadline (rounded up to the millisecond) or when a new one is added.
                    int wait = Due.TryPeek(out _, out long next)
                        ? (int)Math.Clamp(((next - now) * 1000 / Stopwatch.Frequency) + 1, 1, int.MaxValue)
                        : Timeout.Infinite;
                    Monitor.Wait(Gate, wait);
                }
            }

            foreach (CancellationTokenSource run in expired)
            {
                try
                {
                    run.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The run ended and disposed its source between the deadline and here.
                }
                catch (AggregateException)
                {
                    // A callback registered on the run's token failed; the run sees it, this thread must go on.
                }
            }

            expired.Clear();
        }
    }

    private sealed class Withdrawal(CancellationTokenSource run) : IDisposable
    {
        public void Dispose()
        {
            lock (Gate)
            {
                Due.Remove(run, out _, out _, ReferenceEqualityComparer.Instance);
            }
        }
    }
}
