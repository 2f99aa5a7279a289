using System.Numerics;
using System.Runtime.CompilerServices;

namespace Burnrate.Planning.Simulation;

/// <summary>
/// Counts of many series' values by key bucket (<see cref="FloatKey"/>). Each series has two windows, negative and positive values (a
/// series crossing zero would otherwise span every tiny magnitude), each a dense run of buckets of 2^shift keys: it starts at one key
/// per bucket and, when a key falls outside, widens its buckets just enough that everything seen fits in the middle half, so it
/// re-forms only a few times (mostly on its first values). A window has 4,096 buckets (32 KB per series), fewer for long horizons so
/// an instance stays within its budget, whatever the number of values. Counts add, so merging workers in any order gives the same totals;
/// bucket widths may differ with the merge order, which changes how a search narrows down, never what it finds.
/// </summary>
internal sealed class SeriesHistograms
{
    private const int MaxWidth = 4096;
    private readonly int _width;
    private readonly int[] _counts;
    private readonly Window[] _windows;
    private readonly int[] _scratch = new int[MaxWidth];

    /// <summary>Initializes a new instance of the <see cref="SeriesHistograms"/> class.</summary>
    /// <param name="series">The number of series.</param>
    /// <param name="budgetBytes">The most bytes of counts: long horizons, or many workers each with an instance, get narrower windows.</param>
    public SeriesHistograms(int series, long budgetBytes)
    {
        Series = series;
        _width = (int)Math.Clamp(BitOperations.RoundUpToPowerOf2((ulong)(budgetBytes / (8 * series)) + 1) / 2, 256, MaxWidth);
        _counts = new int[2 * series * _width];
        _windows = new Window[2 * series];
    }

    public int Series { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int series, uint key)
    {
        int h = (2 * series) + (int)(key >> 31);
        ref Window w = ref _windows[h];
        ulong i = (key >> w.Shift) - w.First;
        if (w.Used && i < (ulong)_width)
        {
            _counts[(h * _width) + (int)i]++;
            return;
        }

        Cover(h, key, key, 0);
        _counts[(h * _width) + (int)((key >> _windows[h].Shift) - _windows[h].First)]++;
    }

    /// <summary>Adds one series' values: window state in locals indexed by sign (no branch on it), one rarely taken branch per value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddRow(int series, ReadOnlySpan<float> values)
    {
        int negative = 2 * series;
        Span<int> counts = _counts.AsSpan(negative * _width, 2 * _width);
        Span<int> shift = stackalloc int[2];
        Span<ulong> first = stackalloc ulong[2];
        for (int k = 0; k < values.Length;)
        {
            for (int h = 0; h < 2; h++)
            {
                Window w = _windows[negative + h];
                shift[h] = w.Shift;
                first[h] = w.Used ? w.First : ulong.MaxValue; // an unused window takes nothing, so its first key goes the slow way
            }

            for (; k < values.Length; k++)
            {
                uint key = FloatKey.Of(values[k]);
                int h = (int)(key >> 31);
                ulong i = (key >> shift[h]) - first[h];
                if (i >= (ulong)_width)
                {
                    break; // outside its window: re-form it, then reload the windows
                }

                counts[(h * _width) + (int)i]++;
            }

            if (k < values.Length)
            {
                Add(series, FloatKey.Of(values[k]));
                k++;
            }
        }
    }

    public void Merge(SeriesHistograms other)
    {
        for (int h = 0; h < _windows.Length; h++)
        {
            Window theirs = other._windows[h];
            if (!theirs.Used)
            {
                continue;
            }

            (int firstUsed, int lastUsed) = other.UsedBuckets(h);
            Cover(h, (uint)other.KeysAt(h, firstUsed).Lo, (uint)other.KeysAt(h, lastUsed).Hi, theirs.Shift);
            Window mine = _windows[h];
            for (int i = firstUsed; i <= lastUsed; i++)
            {
                int count = other._counts[(h * _width) + i];
                if (count != 0)
                {
                    _counts[(h * _width) + (int)((other.KeysAt(h, i).Lo >> mine.Shift) - mine.First)] += count;
                }
            }
        }
    }

    /// <summary>Gets, for each 0-based rank (ascending), the key interval of the bucket holding its value, in one scan of the series.</summary>
    public KeyInterval[] Locate(int series, IReadOnlyList<long> ranks)
    {
        var found = new KeyInterval[ranks.Count];
        long below = 0;
        int r = 0;
        for (int h = 2 * series; h < (2 * series) + 2 && r < ranks.Count; h++)
        {
            if (!_windows[h].Used)
            {
                continue;
            }

            for (int i = 0; i < _width && r < ranks.Count; i++)
            {
                long count = _counts[(h * _width) + i];
                for (; r < ranks.Count && below + count > ranks[r]; r++)
                {
                    (ulong lo, ulong hi) = KeysAt(h, i);
                    found[r] = new KeyInterval((uint)lo, (uint)Math.Min(hi, uint.MaxValue), below, count);
                }

                below += count;
            }
        }

        return r == ranks.Count ? found : throw new ArgumentOutOfRangeException(nameof(ranks), "a rank is beyond the values counted");
    }

    private (ulong Lo, ulong Hi) KeysAt(int h, int i) =>
        ((_windows[h].First + (ulong)i) << _windows[h].Shift, ((_windows[h].First + (ulong)i + 1) << _windows[h].Shift) - 1);

    private (int First, int Last) UsedBuckets(int h)
    {
        ReadOnlySpan<int> counts = _counts.AsSpan(h * _width, _width);
        int first = counts.IndexOfAnyExcept(0), last = counts.LastIndexOfAnyExcept(0);
        return (first, last);
    }

    /// <summary>Re-forms window h over the keys it has counted plus lo..hi, with buckets at least 2^minShift keys wide.</summary>
    private void Cover(int h, uint lo, uint hi, int minShift)
    {
        Window old = _windows[h];
        int firstUsed = 0, lastUsed = -1;
        if (old.Used)
        {
            (firstUsed, lastUsed) = UsedBuckets(h);
            if (lastUsed >= 0)
            {
                lo = Math.Min(lo, (uint)KeysAt(h, firstUsed).Lo);
                hi = Math.Max(hi, (uint)Math.Min(KeysAt(h, lastUsed).Hi, uint.MaxValue));
            }
        }

        int shift = Math.Max(old.Shift, minShift);
        while ((hi >> shift) - (lo >> shift) + 1 > _width / 2)
        {
            shift++;
        }

        // Centre the keys, without running past the end of the key space.
        ulong used = (ulong)(hi >> shift) - (lo >> shift) + 1, end = ((ulong)uint.MaxValue >> shift) + 1;
        ulong width = (ulong)_width;
        ulong first = Math.Min((lo >> shift) - Math.Min(lo >> shift, (width - used) / 2), end - Math.Min(end, width));
        Span<int> counts = _counts.AsSpan(h * _width, _width);
        Span<int> previous = _scratch;
        counts.CopyTo(previous);
        counts.Clear();
        for (int i = firstUsed; i <= lastUsed; i++)
        {
            if (previous[i] != 0)
            {
                counts[(int)(((old.First + (ulong)i) >> (shift - old.Shift)) - first)] += previous[i];
            }
        }

        _windows[h] = new Window { Shift = shift, First = first, Used = true };
    }

    /// <summary>One window's buckets: bucket i holds keys (First + i) · 2^Shift up to the next bucket's first key.</summary>
    private struct Window
    {
        public int Shift;
        public ulong First;
        public bool Used;
    }
}

/// <summary>Keys lo..hi (inclusive) holding <see cref="Count"/> values, with <see cref="Below"/> values below lo.</summary>
internal readonly record struct KeyInterval(uint Lo, uint Hi, long Below, long Count);
