using System.Security.Cryptography;
using System.Text;

namespace Burnrate.Web.Hosting;

/// <summary>
/// Answers repeated runs from memory. A plan or fleet run is deterministic in its inputs (the scenario text, paths, seed, what-if
/// factors), so identical requests share one computation while it runs (single flight) and its answer afterwards (the last
/// <see cref="Capacity"/> answers kept). The shared computation is cancelled when every request waiting on it has gone away;
/// answers that must not be kept (429: no slot) are dropped.
/// </summary>
/// <param name="capacity">How many answers to keep.</param>
public sealed class RunCache(int capacity)
{
    private readonly object _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _completed = new();

    /// <summary>Gets how many answers are kept.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Gets the number of computations started (misses), for tests and diagnostics.</summary>
    public long Computations => Interlocked.Read(ref _computations);

    private long _computations;

    /// <summary>Makes a key from the parts of a request that decide its answer.</summary>
    /// <param name="parts">The parts (texts and numbers in invariant form).</param>
    /// <returns>A SHA-256 hex key.</returns>
    public static string Key(params string?[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = new StringBuilder();
        foreach (string? part in parts)
        {
            text.Append(part?.Length ?? -1).Append(':').Append(part).Append('\u001f');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Gets the answer for <paramref name="key"/>: kept, being computed, or computed now by <paramref name="run"/>.</summary>
    /// <typeparam name="T">The answer.</typeparam>
    /// <param name="key">The request's key.</param>
    /// <param name="run">Computes the answer; its token is cancelled when no request waits any more or the app stops.</param>
    /// <param name="keep">Whether an answer may be kept (false: dropped once every waiter has it).</param>
    /// <param name="requestAborted">This request's token (the client went away).</param>
    /// <param name="stopping">The app's stopping token.</param>
    /// <returns>The answer.</returns>
    public async Task<T> GetOrRunAsync<T>(string key, Func<CancellationToken, Task<T>> run, Func<T, bool> keep, CancellationToken requestAborted, CancellationToken stopping)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(keep);
        Entry entry;
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out Entry? found))
            {
                entry = found;
                if (entry.Node is not null)
                {
                    _completed.Remove(entry.Node); // most recently used last
                    _completed.AddLast(entry.Node);
                }
            }
            else
            {
                entry = new Entry(CancellationTokenSource.CreateLinkedTokenSource(stopping));
                _entries[key] = entry;
                Interlocked.Increment(ref _computations);
                entry.Task = Task.Run(async () => (object)await run(entry.Stop.Token).ConfigureAwait(false), entry.Stop.Token);
                _ = entry.Task.ContinueWith(t => Completed(key, entry, t.IsCompletedSuccessfully && keep((T)t.Result)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            entry.Waiters++;
        }

        try
        {
            return (T)await entry.Task!.WaitAsync(requestAborted).ConfigureAwait(false);
        }
        finally
        {
            lock (_lock)
            {
                entry.Waiters--;
                if (entry.Waiters == 0 && !entry.Task!.IsCompleted)
                {
                    entry.Stop.Cancel(); // nobody waits: stop the computation
                    Remove(key, entry);
                }
            }
        }
    }

    private void Completed(string key, Entry entry, bool keep)
    {
        lock (_lock)
        {
            if (!keep)
            {
                Remove(key, entry);
                entry.Stop.Dispose(); // the computation has ended
                return;
            }

            if (!_entries.TryGetValue(key, out Entry? current) || !ReferenceEquals(current, entry))
            {
                return;
            }

            entry.Node = _completed.AddLast(key);
            while (_completed.Count > Capacity && _completed.First is { } oldest)
            {
                _completed.RemoveFirst();
                if (_entries.Remove(oldest.Value, out Entry? evicted))
                {
                    evicted.Stop.Dispose();
                }
            }
        }
    }

    private void Remove(string key, Entry entry)
    {
        if (_entries.TryGetValue(key, out Entry? current) && ReferenceEquals(current, entry))
        {
            _entries.Remove(key);
            if (entry.Node is not null)
            {
                _completed.Remove(entry.Node);
            }
        }
    }

    private sealed class Entry(CancellationTokenSource stop)
    {
        public CancellationTokenSource Stop { get; } = stop;

        public Task<object>? Task { get; set; }

        public int Waiters { get; set; }

        public LinkedListNode<string>? Node { get; set; }
    }
}
