namespace Burnrate.Planning.Simulation;

/// <summary>
/// Percentiles by selection instead of sorting: linear interpolation between order statistics (Hyndman and Fan type 7, numpy's default),
/// found with quickselect in O(n) per percentile. Reorders the span in place.
/// </summary>
internal static class Percentiles
{
    /// <summary>Gets the percentiles <paramref name="ps"/> (each in [0, 1]) of <paramref name="values"/>.</summary>
    public static double[] Of(Span<float> values, IReadOnlyList<double> ps)
    {
        int n = values.Length;
        int[] ranks = ps.Select(p => (int)Math.Floor((n - 1) * p)).Distinct().Order().ToArray();
        MultiSelect(values, 0, n - 1, ranks, 0, ranks.Length - 1);
        var result = new double[ps.Count];
        for (int i = 0; i < ps.Count; i++)
        {
            double h = (n - 1) * ps[i];
            int lo = (int)Math.Floor(h);
            double low = values[lo], high = low;
            if (h > lo)
            {
                // The next order statistic is the smallest value between this rank and the next selected one.
                int next = Array.FindIndex(ranks, r => r > lo);
                int end = next < 0 ? n : ranks[next] + 1;
                float min = float.PositiveInfinity;
                foreach (float v in values[(lo + 1)..end])
                {
                    min = Math.Min(min, v);
                }

                high = min;
            }

            result[i] = low + ((h - lo) * (high - low));
        }

        return result;
    }

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

    /// <summary>Gets the month by which a fraction p of paths had the event (nearest rank; paths without the event count as never), or null.</summary>
    public static int? EventMonth(int[] sortedMonths, int paths, double p)
    {
        int rank = Math.Max(0, (int)Math.Ceiling(p * paths) - 1);
        return rank < sortedMonths.Length ? sortedMonths[rank] : null;
    }
}
