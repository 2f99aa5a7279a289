using System.Runtime.CompilerServices;

namespace Burnrate.Ledger.Store;

/// <summary>
/// The profile ids of one profiled table, for its writer: which ids the store holds (read once, kept up to date as batches
/// commit), which the batch being written adds, and the id of a profile's values without hashing them again. The
/// importers hand out one string per distinct text of a column, so the same profile arrives as the same string
/// references row after row: looked up by reference, a profile costs a few pointer comparisons; a miss (other strings
/// with the same text, or a new profile) hashes the values (<see cref="ProfileIds.Of"/>).
/// </summary>
internal sealed class ProfileCache
{
    // Bounds the by-reference lookup when strings are not shared (rows copied from another ledger).
    private const int MostRemembered = 1 << 16;

    private readonly Dictionary<string[], Guid> _byReference = new(ReferenceComparer.Instance);
    private readonly HashSet<Guid> _pendingIds = [];
    private readonly List<(Guid Id, string[] Values)> _pending = [];
    private HashSet<Guid>? _stored;

    /// <summary>Gets the profiles the current batch adds, in first-seen order.</summary>
    public IReadOnlyList<(Guid Id, string[] Values)> Pending => _pending;

    /// <summary>Gets whether the ids the store holds have been read.</summary>
    public bool Loaded => _stored is not null;

    /// <summary>Sets the ids the store holds (at the start of a batch, inside its transaction).</summary>
    public void Load(IEnumerable<Guid> stored) => _stored = [.. stored];

    /// <summary>Gets the id of a row's profile values, noting a profile the store lacks as pending.</summary>
    /// <param name="values">The values; the array is reused by the caller, so it is copied when kept.</param>
    public Guid Resolve(string[] values)
    {
        if (!_byReference.TryGetValue(values, out Guid id))
        {
            id = ProfileIds.Of(values);
            if (_byReference.Count >= MostRemembered)
            {
                _byReference.Clear();
            }

            _byReference.Add((string[])values.Clone(), id);
        }

        if (!_stored!.Contains(id) && _pendingIds.Add(id))
        {
            _pending.Add((id, (string[])values.Clone()));
        }

        return id;
    }

    /// <summary>Records that the batch committed: its profiles are stored. (After a failure the cache is dropped instead.)</summary>
    public void Committed()
    {
        _stored!.UnionWith(_pendingIds);
        _pending.Clear();
        _pendingIds.Clear();
    }

    // Equal when every value is the same string object: cheap, and a miss only costs a hash.
    private sealed class ReferenceComparer : IEqualityComparer<string[]>
    {
        public static ReferenceComparer Instance { get; } = new();

        public bool Equals(string[]? x, string[]? y)
        {
            if (x is null || y is null || x.Length != y.Length)
            {
                return ReferenceEquals(x, y);
            }

            for (int i = 0; i < x.Length; i++)
            {
                if (!ReferenceEquals(x[i], y[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(string[] values)
        {
            var hash = default(HashCode);
            foreach (string value in values)
            {
                hash.Add(RuntimeHelpers.GetHashCode(value));
            }

            return hash.ToHashCode();
        }
    }
}
