namespace Burnrate.Planning.Simulation;

/// <summary>
/// Percentiles by selection instead of sorting: linear interpolation between order statistics (Hyndman and Fan type 7, numpy's default),
/// found by selection: small inputs by quickselect on every needed rank; large ones by a key histogram, then quickselect inside the
/// buckets holding the needed ranks. Small inputs are reordered in place.
/// </summary>
internal static class Percentiles
{
    private const int BucketBits = 12;
    private const int SmallInput = 8192;

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

        Dictionary<int, float> order = n < SmallInput ? BySelection(values, [.. needed]) : ByBuckets(values, [.. needed]);
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

    /// <summary>
    /// One pass counts values per bucket of the top 12 bits of an order-preserving integer key; a second pass gathers only the buckets
    /// holding the wanted ranks, which are then selected within (about two passes over the data instead of several quickselects).
    /// </summary>
    private static Dictionary<int, float> ByBuckets(Span<float> values, int[] ranks)
    {
        const int Buckets = 1 << BucketBits;
        var counts = new int[Buckets + 1];
        foreach (float v in values)
        {
            counts[Bucket(v) + 1]++;
        }

        for (int b = 1; b <= Buckets; b++)
        {
            counts[b] += counts[b - 1]; // counts[b] = values in buckets below b
        }

        var slot = new int[Buckets];
        Array.Fill(slot, -1);
        var gathered = new List<float[]>();
        var fill = new List<int>();
        var bucketOf = new Dictionary<int, int>();
        foreach (int k in ranks)
        {
            // The bucket b with counts[b] ≤ k < counts[b + 1]: one below the first cumulative count above k.
            int low = 0, high = Buckets;
            while (low < high)
            {
                int mid = (low + high) / 2;
                if (counts[mid] > k)
                {
                    high = mid;
                }
                else
                {
                    low = mid + 1;
                }
            }

            int b = low - 1;
            bucketOf[k] = b;
            if (slot[b] < 0)
            {
                slot[b] = gathered.Count;
                gathered.Add(new float[counts[b + 1] - counts[b]]);
                fill.Add(0);
            }
        }

        int[] at = [.. fill];
        foreach (float v in values)
        {
            int g = slot[Bucket(v)];
            if (g >= 0)
            {
                gathered[g][at[g]++] = v;
            }
        }

        var order = new Dictionary<int, float>();
        foreach (int b in bucketOf.Values.Distinct())
        {
            float[] items = gathered[slot[b]];
            int[] local = ranks.Where(k => bucketOf[k] == b).Select(k => k - counts[b]).ToArray();
            MultiSelect(items, 0, items.Length - 1, local, 0, local.Length - 1);
            foreach (int k in ranks.Where(k => bucketOf[k] == b))
            {
                order[k] = items[k - counts[b]];
            }
        }

        return order;
    }

    private static int Bucket(float v)
    {
        uint bits = BitConverter.SingleToUInt32Bits(v);
        uint key = (bits & 0x80000000u) != 0 ? ~bits : bits | 0x80000000u;
        return (int)(key >> (32 - BucketBits));
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
