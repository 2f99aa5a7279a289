using System.Diagnostics;
using System.Runtime.CompilerServices;
using Burnrate.Web.Hosting;

namespace Burnrate.Web.Tests.Hosting;

/// <summary>A run's time limit fires on its own thread, so a run that keeps the thread pool busy is still stopped on time.</summary>
public sealed class RunDeadlineTests
{
    [Fact]
    public void Should_CancelTheRun_When_EveryPoolThreadIsBusy()
    {
        // Given: more blocked work items than the pool has threads (256: a timer-queue callback waits behind them all; they block in
        // Thread.Sleep, which the pool does not see as blocking, so it grows by a thread every half second or so)
        var release = new StrongBox<bool>(false);
        using var run = new CancellationTokenSource();
        try
        {
            for (int i = 0; i < 256; i++)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static r => Block((StrongBox<bool>)r!), release);
            }

            // When
            long start = Stopwatch.GetTimestamp();
            using IDisposable deadline = RunDeadline.CancelAfter(run, TimeSpan.FromMilliseconds(20));
            run.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(5)).ShouldBeTrue();

            // Then: cancelled before the pool grew a thread for a queued timer callback (about 500 ms with CancelAfter)
            Stopwatch.GetElapsedTime(start).TotalMilliseconds.ShouldBeLessThan(300);
        }
        finally
        {
            Volatile.Write(ref release.Value, true);
        }
    }

    private static void Block(StrongBox<bool> release)
    {
        for (int i = 0; i < 30_000 && !Volatile.Read(ref release.Value); i++)
        {
            Thread.Sleep(1);
        }
    }

    [Fact]
    public void Should_LeaveTheRunAlone_When_ItEndsBeforeItsLimit()
    {
        // Given
        using var run = new CancellationTokenSource();
        IDisposable deadline = RunDeadline.CancelAfter(run, TimeSpan.FromMilliseconds(50));

        // When: the run ends in time
        deadline.Dispose();

        // Then: the deadline was withdrawn (a later one, set after it, still fires)
        using var later = new CancellationTokenSource();
        using (RunDeadline.CancelAfter(later, TimeSpan.FromMilliseconds(100)))
        {
            later.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(5)).ShouldBeTrue();
        }

        run.IsCancellationRequested.ShouldBeFalse();
    }
}
