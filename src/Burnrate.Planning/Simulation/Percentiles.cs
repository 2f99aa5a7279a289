using System.Runtime.CompilerServices;

namespace Burnrate.Planning.Simulation;

/// <summary>
/// Percentiles by selection instead of sorting: linear interpolation between order statistics (Hyndman and Fan type 7, numpy's default),
/// each needed rank placed by quickselect (values are reordered in place). The Monte Carlo selects within the few values it collects
/// near each rank (<see cref="RankSearch"/>); <see cref="Of"/> is the whole-array form its tests compare against.
/// </summary>
internal static class Percentiles
{
    /// <summary>Gets the percentiles <paramref name="ps"/> (each in [0, 1]) of <paramref name="values"/> (finite values).</summary>
    public static double[] Of(Span<float> values, IReadOnlyList<double> ps)
    {
        int n = values.Length;
        var needed = new SortedSet<int>();
        foreach (double p in ps)
        {
            int lo = (int)Math.Floor((n - 1) * p);
            needed.Add(lo);
            needed.Add(Math.Min(lo + 1, n - 1));
        }

        Dictionary<int, float> order = BySelection(values, [.. needed]);
        var result = new double[ps.Count];
        for (int i = 0; i < ps.Count; i++)
        {
            double h = (n - 1) * ps[i];
            int lo = (int)Math.Floor(h);
            double low = order[lo], high = order[Math.Min(lo + 1, n - 1)];
            result[i] = low + ((h - lo) * (high - low));
        }

        return result;
    }

    private static Dictionary<int, float> BySelection(Span<float> values, int[] ranks)
    {
        MultiSelect(values, 0, values.Length - 1, ranks, 0, ranks.Length - 1);
        var order = new Dictionary<int, float>();
        foreach (int k in ranks)
        {
            order[k] = values[k];
        }

        return order;
    }

    /// <summary>Moves the value of each rank in <paramref name="ranks"/> (ascending, distinct) to that index of <paramref name="values"/>.</summary>
    public static void SelectRanks(Span<float> values, int[] ranks) => MultiSelect(values, 0, values.Length - 1, ranks, 0, ranks.Length - 1);

    /// <summary>Places every rank in ranks[first..last] at its sorted position: select the middle rank, then recurse on each side (O(n log k)).</summary>
    private static void MultiSelect(Span<float> values, int left, int right, int[] ranks, int first, int last)
    {
        if (first > last || left >= right)
        {
            return;
        }

        int mid = (first + last) / 2;
        int k = ranks[mid];
        Select(values, left, right, k);
        MultiSelect(values, left, k - 1, ranks, first, mid - 1);
        MultiSelect(values, k + 1, right, ranks, mid + 1, last);
    }

    /// <summary>Moves the k-th smallest element of values[left..right] to index k (Hoare partition, median-of-three pivot).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Select(Span<float> values, int left, int right, int k)
    {
        while (right > left)
        {
            int mid = left + ((right - left) / 2);
            float a = values[left], b = values[mid], c = values[right];
            float pivot = Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>
    /// Gets the month by which a fraction p of paths had the event (nearest rank; paths without the event count as never), or null.
    /// <paramref name="reached"/> holds, for each month, how many paths had the event by its end.
    /// </summary>
    public static int? EventMonth(ReadOnlySpan<int> reached, int paths, double p)
    {
        int rank = Math.Max(0, (int)Math.Ceiling(p * paths) - 1);
        for (int m = 0; m < reached.Length; m++)
        {
            if (reached[m] > rank)
            {
                return m;
            }
        }

        return null;
    }
}
