namespace Burnrate.Web.Hosting;

/// <summary>
/// Admits at most one heavy run per core at a time: plan runs, fleet solves and optimize searches share it. A request waits up to <see cref="MaxWait"/> for a slot (so a burst of a few clients is
/// served in turn) and is answered 429 when none frees up by then; the wait ends early when the client goes away.
/// </summary>
/// <param name="capacity">How many runs at once (one per core).</param>
public sealed class RunGate(int capacity) : IDisposable
{
    /// <summary>How long a request waits for a free slot before 429.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _slots = new(capacity, capacity);

    /// <summary>Gets the number of runs allowed at once.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Gets the number of slots free now.</summary>
    public int Free => _slots.CurrentCount;

    /// <summary>Takes a slot, waiting up to <see cref="MaxWait"/>.</summary>
    /// <param name="cancellationToken">Ends the wait (the client went away).</param>
    /// <returns>A lease that frees the slot when disposed, or null when no slot freed up in time.</returns>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken) =>
        await _slots.WaitAsync(MaxWait, cancellationToken).ConfigureAwait(false) ? new Lease(_slots) : null;

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();

    private sealed class Lease(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
