using System.Numerics;
using System.Runtime.CompilerServices;

namespace Burnrate.Planning.Simulation;

/// <summary>
/// Exact order statistics of keys held in memory, by radix selection: the keys' range is cut into at most 2,048 buckets, one scan counts
/// them, another gathers only the buckets holding a wanted rank, and each of those is searched the same way until it holds a single key
/// value or few enough keys to sort. A wanted rank is usually found after scanning the keys three times, whatever their distribution;
/// many equal keys (a distribution's atoms) end the search at once. Reorders the keys it is given. One instance per thread.
/// </summary>
/// <param name="capacity">The most keys one call is given.</param>
internal sealed class KeySelection(int capacity)
{
    private const int Bits = 11;
    private const int SortBelow = 64;
    private readonly int[] _counts = new int[1 << Bits];
    private readonly int[] _slot = new int[1 << Bits]; // bucket → 1 + its place among the gathered buckets, 0 when not gathered
    private readonly uint[] _scratch = new uint[capacity];

    /// <summary>Finds the keys of 0-based ranks <paramref name="ranks"/> (ascending, distinct, each below the number of keys).</summary>
    /// <param name="keys">The keys (reordered).</param>
    /// <param name="ranks">The ranks wanted.</param>
    /// <param name="found">Receives rank i's key at i.</param>
    public void Select(Span<uint> keys, ReadOnlySpan<long> ranks, Span<uint> found) => Find(keys, ranks, 0, found);

    private void Find(Span<uint> keys, ReadOnlySpan<long> ranks, long below, Span<uint> found)
    {
        if (keys.Length <= SortBelow)
        {
            keys.Sort();
            for (int i = 0; i < ranks.Length; i++)
            {
                found[i] = keys[(int)(ranks[i] - below)];
            }

            return;
        }

        (uint min, uint max) = MinMax(keys);
        if (min == max)
        {
            found[..ranks.Length].Fill(min);
            return;
        }

        int shift = Math.Max(0, 32 - BitOperations.LeadingZeroCount(max - min) - Bits);
        Span<int> counts = _counts.AsSpan(0, (int)((max - min) >> shift) + 1);
        Count(keys, min, shift, counts);

        // Each rank's bucket, and the keys below it; the wanted buckets are numbered in ascending order.
        Span<int> bucketOf = stackalloc int[ranks.Length];
        Span<long> belowOf = stackalloc long[ranks.Length];
        Span<int> starts = stackalloc int[ranks.Length + 1];
        long seen = below;
        int bucket = 0, wanted = 0;
        for (int r = 0; r < ranks.Length; r++)
        {
            for (; seen + counts[bucket] <= ranks[r]; bucket++)
            {
                seen += counts[bucket];
            }

            bucketOf[r] = bucket;
            belowOf[r] = seen;
            if (_slot[bucket] == 0)
            {
                starts[wanted + 1] = starts[wanted] + counts[bucket];
                _slot[bucket] = ++wanted;
            }
        }

        Gather(keys, min, shift, starts);
        for (int r = 0; r < ranks.Length; r++)
        {
            _slot[bucketOf[r]] = 0;
        }

        // Search each gathered bucket for its ranks (the gathered keys are now at the front of keys, bucket by bucket).
        _scratch.AsSpan(0, starts[wanted]).CopyTo(keys);
        for (int r = 0, w = 0; r < ranks.Length; w++)
        {
            int end = r + 1;
            while (end < ranks.Length && bucketOf[end] == bucketOf[r])
            {
                end++;
            }

            Find(keys[starts[w]..starts[w + 1]], ranks[r..end], belowOf[r], found[r..end]);
            r = end;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Count(ReadOnlySpan<uint> keys, uint min, int shift, Span<int> counts)
    {
        counts.Clear();
        foreach (uint k in keys)
        {
            counts[(int)((k - min) >> shift)]++;
        }
    }

    /// <summary>Copies the keys of the wanted buckets to the scratch array, bucket w's from starts[w].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Gather(ReadOnlySpan<uint> keys, uint min, int shift, Span<int> starts)
    {
        Span<int> next = stackalloc int[starts.Length];
        starts.CopyTo(next);
        int[] slot = _slot;
        uint[] scratch = _scratch;
        foreach (uint k in keys)
        {
            int s = slot[(int)((k - min) >> shift)];
            if (s != 0)
            {
                scratch[next[s - 1]++] = k;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (uint Min, uint Max) MinMax(ReadOnlySpan<uint> keys)
    {
        int k = 0;
        uint min = uint.MaxValue, max = uint.MinValue;
        if (keys.Length >= 2 * Vector<uint>.Count)
        {
            Vector<uint> lo = new(keys), hi = lo;
            for (k = Vector<uint>.Count; k <= keys.Length - Vector<uint>.Count; k += Vector<uint>.Count)
            {
                var v = new Vector<uint>(keys[k..]);
                lo = Vector.Min(lo, v);
                hi = Vector.Max(hi, v);
            }

            for (int i = 0; i < Vector<uint>.Count; i++)
            {
                min = Math.Min(min, lo[i]);
                max = Math.Max(max, hi[i]);
            }
        }

        for (; k < keys.Length; k++)
        {
            min = Math.Min(min, keys[k]);
            max = Math.Max(max, keys[k]);
        }

        return (min, max);
    }
}
