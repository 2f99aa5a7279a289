using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Burnrate.Planning.Simulation;

/// <summary>
/// Percentiles by selection instead of sorting: linear interpolation between order statistics (Hyndman and Fan type 7, numpy's default),
/// found by selection: small inputs by quickselect on every needed rank; large ones by a key histogram, then quickselect inside the
/// buckets holding the needed ranks. Small inputs are reordered in place.
/// </summary>
internal static class Percentiles
{
    private const int BucketBits = 16;
    private const int SmallInput = 8192;
    private const int Chunk = 512; // values whose buckets are computed in one vectorized step

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
    /// A histogram over the order-preserving integer keys, with at most 2¹⁶ buckets spread over the keys' actual range (so values packed
    /// into a narrow range still spread over many buckets): one vectorized pass finds the range, one counts, one gathers only the buckets
    /// holding the wanted ranks (a few values each), which are then selected within.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Dictionary<int, float> ByBuckets(Span<float> values, int[] ranks)
    {
        (uint minKey, uint maxKey) = KeyRange(values);
        uint range = maxKey - minKey;
        int shift = Math.Max(0, 32 - BitOperations.LeadingZeroCount(range) - BucketBits);
        int buckets = (int)(range >> shift) + 1;
        int[] counts = t_counts ??= new int[(1 << BucketBits) + 1];
        short[] slot = t_slots ??= NewSlots();
        Array.Clear(counts, 0, buckets + 1);
        Span<int> ids = stackalloc int[Chunk];
        for (int from = 0; from < values.Length; from += Chunk)
        {
            Span<float> part = values.Slice(from, Math.Min(Chunk, values.Length - from));
            BucketIds(part, ids, minKey, shift);
            foreach (int id in ids[..part.Length])
            {
                counts[id + 1]++;
            }
        }

        for (int b = 1; b <= buckets; b++)
        {
            counts[b] += counts[b - 1]; // counts[b] = values in buckets below b
        }

        // The bucket b with counts[b] ≤ k < counts[b + 1] of each rank, and where each needed bucket's values go in one gathered array.
        var bucketOf = new int[ranks.Length];
        var needed = new List<int>();
        int total = 0;
        for (int r = 0; r < ranks.Length; r++)
        {
            int b = UpperBound(counts, buckets, ranks[r]) - 1;
            bucketOf[r] = b;
            if (slot[b] < 0)
            {
                slot[b] = (short)needed.Count;
                needed.Add(b);
                total += counts[b + 1] - counts[b];
            }
        }

        var start = new int[needed.Count];
        var at = new int[needed.Count];
        for (int g = 1; g < needed.Count; g++)
        {
            start[g] = at[g] = start[g - 1] + counts[needed[g - 1] + 1] - counts[needed[g - 1]];
        }

        var gathered = new float[total];
        for (int from = 0; from < values.Length; from += Chunk)
        {
            Span<float> part = values.Slice(from, Math.Min(Chunk, values.Length - from));
            BucketIds(part, ids, minKey, shift);
            for (int i = 0; i < part.Length; i++)
            {
                int g = slot[ids[i]];
                if (g >= 0)
                {
                    gathered[at[g]++] = part[i];
                }
            }
        }

        var order = new Dictionary<int, float>();
        for (int g = 0; g < needed.Count; g++)
        {
            int b = needed[g], first = start[g], length = counts[b + 1] - counts[b];
            int[] local = ranks.Where((_, r) => bucketOf[r] == b).Select(k => k - counts[b] + first).ToArray();
            MultiSelect(gathered, first, first + length - 1, local, 0, local.Length - 1);
            foreach (int k in local)
            {
                order[k - first + counts[b]] = gathered[k];
            }

            slot[b] = -1; // leave the thread's table clean for the next call
        }

        return order;
    }

    // Per-thread tables (256 KB + 128 KB) reused across calls: the Monte Carlo takes hundreds of rows per run.
    [ThreadStatic]
    private static int[]? t_counts;

    [ThreadStatic]
    private static short[]? t_slots;

    private static short[] NewSlots()
    {
        var slots = new short[1 << BucketBits];
        Array.Fill(slots, (short)-1);
        return slots;
    }

    /// <summary>Gets the first index b in counts[0..buckets] with counts[b] &gt; k.</summary>
    private static int UpperBound(int[] counts, int buckets, int k)
    {
        int low = 0, high = buckets;
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

        return low;
    }

    /// <summary>Writes each value's bucket, (key − minKey) ≫ shift, several values per vector step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BucketIds(ReadOnlySpan<float> values, Span<int> ids, uint minKey, int shift)
    {
        ReadOnlySpan<int> bits = MemoryMarshal.Cast<float, int>(values);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var top = new Vector<int>(int.MinValue);
            var min = new Vector<uint>(minKey);
            for (; i <= bits.Length - Vector<int>.Count; i += Vector<int>.Count)
            {
                var v = new Vector<int>(bits[i..]);
                Vector<uint> key = Vector.AsVectorUInt32(v ^ (Vector.ShiftRightArithmetic(v, 31) | top));
                Vector.AsVectorInt32(Vector.ShiftRightLogical(key - min, shift)).CopyTo(ids[i..]);
            }
        }

        for (; i < bits.Length; i++)
        {
            ids[i] = (int)((FloatKey.Of(values[i]) - minKey) >> shift);
        }
    }

    /// <summary>Gets the smallest and largest key, eight or sixteen floats per step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (uint Min, uint Max) KeyRange(ReadOnlySpan<float> values)
    {
        ReadOnlySpan<int> bits = MemoryMarshal.Cast<float, int>(values);
        uint min = uint.MaxValue, max = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && bits.Length >= Vector<int>.Count)
        {
            var vmin = new Vector<uint>(uint.MaxValue);
            var vmax = Vector<uint>.Zero;
            var top = new Vector<int>(int.MinValue);
            for (; i <= bits.Length - Vector<int>.Count; i += Vector<int>.Count)
            {
                var v = new Vector<int>(bits[i..]);
                Vector<uint> key = Vector.AsVectorUInt32(v ^ (Vector.ShiftRightArithmetic(v, 31) | top));
                vmin = Vector.Min(vmin, key);
                vmax = Vector.Max(vmax, key);
            }

            for (int j = 0; j < Vector<uint>.Count; j++)
            {
                min = Math.Min(min, vmin[j]);
                max = Math.Max(max, vmax[j]);
            }
        }

        for (; i < bits.Length; i++)
        {
            uint key = FloatKey.Of(values[i]);
            min = Math.Min(min, key);
            max = Math.Max(max, key);
        }

        return (min, max);
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
