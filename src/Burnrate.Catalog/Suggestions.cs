namespace Burnrate.Catalog;

/// <summary>Finds the known ids nearest to a mistyped one, for "did you mean …?" messages.</summary>
public static class Suggestions
{
    /// <summary>Gets up to <paramref name="max"/> candidates close to <paramref name="wanted"/>: those it is a prefix of or contained in, then by edit distance.</summary>
    /// <param name="wanted">What the user typed.</param>
    /// <param name="candidates">The known ids.</param>
    /// <param name="max">The most suggestions to return.</param>
    /// <returns>The nearest ids, best first; empty when nothing is close.</returns>
    public static IReadOnlyList<string> Nearest(string wanted, IEnumerable<string> candidates, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(candidates);
        string w = wanted.ToLowerInvariant();
        var known = candidates.ToList();
        var containing = known.Where(c => c.Contains(w, StringComparison.OrdinalIgnoreCase)).OrderBy(c => c.Length).ThenBy(c => c, StringComparer.Ordinal).ToList();
        int threshold = Math.Max(2, w.Length / 3);
        var close = known
            .Select(c => (Id: c, Distance: Distance(w, c.ToLowerInvariant())))
            .Where(x => x.Distance <= threshold)
            .OrderBy(x => x.Distance).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Select(x => x.Id);
        return containing.Concat(close).Distinct().Take(max).ToList();
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
