namespace Burnrate.Web.Hosting;

/// <summary>Admits at most one plan run per core at a time; a request that finds every slot taken is answered 429 at once.</summary>
internal sealed class PlanGate : IDisposable
{
    private readonly SemaphoreSlim _slots;

    /// <summary>Initializes a new instance of the <see cref="PlanGate"/> class.</summary>
    /// <param name="slots">How many runs at once (default: one per core).</param>
    public PlanGate(int slots) => _slots = new SemaphoreSlim(slots, slots);

    /// <summary>Gets the number of runs allowed at once.</summary>
    public int Slots => _slots.CurrentCount;

    /// <summary>Takes a slot if one is free.</summary>
    /// <returns>A lease that frees the slot when disposed, or null when every slot is taken.</returns>
    public IDisposable? TryEnter() => _slots.Wait(0) ? new Lease(_slots) : null;

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
