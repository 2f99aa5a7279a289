using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Burnrate.Planning.Simulation;

/// <summary>
/// Finds exact order statistics of many series (one 32-bit float per path each) without storing the values. The first pass's key
/// histograms give, for every wanted rank, a key interval known to hold it and how many values lie below it; each later pass regenerates
/// the paths and, per interval, either collects its values (at most a cap, 4,096 by default; then selects exactly) or, when it holds more,
/// counts them in up to 1,024 narrower sub-intervals for the next pass. An interval down to a single key needs no collecting. Memory is
/// O(series × ranks × cap) whatever the number of paths; the values found do not depend on thread count or merge order.
/// </summary>
internal sealed class RankSearch
{
    /// <summary>The most values one interval collects by default; an interval holding more is narrowed by another pass.</summary>
    public const int DefaultCap = 4096;

    private const int SubBits = 10;
    private readonly long[] _ranks;
    private readonly float[][] _found;
    private readonly int _cap;
    private List<Target> _targets = [];

    /// <summary>Initializes a new instance of the <see cref="RankSearch"/> class from the first pass's histograms.</summary>
    /// <param name="histograms">Every series, each over every path.</param>
    /// <param name="ranks">The 0-based ranks wanted in every series, ascending, distinct and below the number of paths.</param>
    /// <param name="cap">The most values one interval collects (tests lower it to force narrowing passes).</param>
    public RankSearch(SeriesHistograms histograms, long[] ranks, int cap = DefaultCap)
    {
        _ranks = ranks;
        _cap = cap;
        _found = Enumerable.Range(0, histograms.Series).Select(_ => new float[ranks.Length]).ToArray();
        BySeries = new Target[histograms.Series][];
        for (int j = 0; j < histograms.Series; j++)
        {
            var here = new List<Target>();
            KeyInterval[] intervals = histograms.Locate(j, ranks);
            for (int r = 0; r < ranks.Length; r++)
            {
                Place(j, r, intervals[r], here);
            }

            _targets.AddRange(here);
        }

        Index();
    }

    /// <summary>Gets the unresolved intervals of each series, ascending and disjoint (what a pass looks for).</summary>
    public Target[][] BySeries { get; private set; }

    /// <summary>Gets whether every rank of every series is found.</summary>
    public bool Done => _targets.Count == 0;

    /// <summary>Gets the value of rank index <paramref name="r"/> (into the ranks given) in series <paramref name="series"/>.</summary>
    public float Value(int series, int r) => _found[series][r];

    public RefineSink NewSink() => new(this);

    /// <summary>Adds one worker's collected values and counts to the pass totals.</summary>
    public void Merge(RefineSink sink)
    {
        foreach (Target t in _targets)
        {
            if (t.Collects)
            {
                t.Collected!.AddRange(sink.Collected[t.Id].AsSpan(0, sink.Filled[t.Id]));
            }
            else
            {
                int[] counts = sink.Counts[t.Id];
                for (int i = 0; i < counts.Length; i++)
                {
                    t.Counts![i] += counts[i];
                }
            }
        }
    }

    /// <summary>Resolves what this pass collected and narrows what it counted; the next pass looks for what is left.</summary>
    public void EndPass()
    {
        var next = new List<Target>();
        foreach (IGrouping<int, Target> series in _targets.GroupBy(t => t.Series))
        {
            var here = new List<Target>();
            foreach (Target t in series)
            {
                if (t.Collects)
                {
                    Select(t);
                    continue;
                }

                long below = t.Below;
                int bucket = 0;
                foreach (int r in t.RankIndexes)
                {
                    for (; below + t.Counts![bucket] <= _ranks[r]; bucket++)
                    {
                        below += t.Counts[bucket];
                    }

                    ulong lo = t.Lo + ((ulong)bucket << t.Shift);
                    ulong hi = Math.Min(t.Hi, lo + (1UL << t.Shift) - 1);
                    Place(t.Series, r, new KeyInterval((uint)lo, (uint)hi, below, t.Counts[bucket]), here);
                }
            }

            next.AddRange(here);
        }

        _targets = next;
        Index();
    }

    /// <summary>Files rank r of series j under the target for its interval: found outright when the interval is one key.</summary>
    private void Place(int series, int r, KeyInterval interval, List<Target> here)
    {
        if (interval.Lo == interval.Hi)
        {
            _found[series][r] = FloatKey.ToFloat(interval.Lo);
            return;
        }

        Target? target = here.Find(t => t.Lo == interval.Lo && t.Hi == interval.Hi);
        if (target is null)
        {
            target = new Target(series, interval.Lo, interval.Hi, interval.Below, interval.Count, interval.Count <= _cap);
            here.Add(target);
        }

        target.RankIndexes.Add(r);
    }

    private void Select(Target t)
    {
        float[] values = [.. t.Collected!];
        if (values.Length != t.Count)
        {
            throw new InvalidOperationException($"pass collected {values.Length} values where the counts said {t.Count}: paths were not regenerated identically");
        }

        int[] local = t.RankIndexes.Select(r => (int)(_ranks[r] - t.Below)).ToArray();
        Percentiles.SelectRanks(values, local);
        for (int i = 0; i < local.Length; i++)
        {
            _found[t.Series][t.RankIndexes[i]] = values[local[i]];
        }
    }

    private void Index()
    {
        for (int i = 0; i < _targets.Count; i++)
        {
            _targets[i].Id = i;
            _targets[i].Prepare();
        }

        var lists = new List<Target>[BySeries.Length];
        foreach (Target t in _targets)
        {
            (lists[t.Series] ??= []).Add(t);
        }

        BySeries = lists.Select(l => l is null ? [] : l.OrderBy(t => t.Lo).ToArray()).ToArray();
    }

    /// <summary>A key interval of one series known to hold some wanted ranks, and what this pass gathers in it.</summary>
    internal sealed class Target(int series, uint lo, uint hi, long below, long count, bool collects)
    {
        public int Series { get; } = series;

        public uint Lo { get; } = lo;

        public uint Hi { get; } = hi;

        public long Below { get; } = below;

        public long Count { get; } = count;

        public List<int> RankIndexes { get; } = [];

        public int Id { get; set; }

        public bool Collects { get; } = collects;

        /// <summary>Gets the sub-interval width (2^Shift keys) when counting.</summary>
        public int Shift { get; private set; }

        public int SubIntervals { get; private set; }

        public List<float>? Collected { get; private set; }

        public int[]? Counts { get; private set; }

        public void Prepare()
        {
            RankIndexes.Sort();
            if (Collects)
            {
                Collected = new List<float>((int)Count);
                return;
            }

            uint span = Hi - Lo;
            Shift = Math.Max(0, 32 - System.Numerics.BitOperations.LeadingZeroCount(span) - SubBits);
            SubIntervals = (int)(span >> Shift) + 1;
            Counts = new int[SubIntervals];
        }
    }
}

/// <summary>One worker's share of a refining pass: values collected per interval, or counts per sub-interval.</summary>
internal sealed class RefineSink : IPathSink
{
    private readonly Probe[][] _bySeries;
    private readonly Vector<uint>[][] _lo;
    private readonly Vector<uint>[][] _span;

    public RefineSink(RankSearch search)
    {
        RankSearch.Target[] all = [.. search.BySeries.SelectMany(s => s)];
        Collected = new float[all.Length][];
        Filled = new int[all.Length];
        Counts = new int[all.Length][];
        foreach (RankSearch.Target t in all)
        {
            // Grown as values arrive (Take), up to Count: each worker holds about its share, however many workers there are.
            Collected[t.Id] = [];
            Counts[t.Id] = t.Collects ? [] : new int[t.SubIntervals];
        }

        _bySeries = search.BySeries.Select(ts => ts.Select(t => new Probe(t.Lo, t.Hi - t.Lo, t.Id, t.Collects ? -1 : t.Shift)).ToArray()).ToArray();

        // Each interval's lower key and width, broadcast: a vector of values is tested against one interval at a time.
        _lo = _bySeries.Select(ps => ps.Select(p => new Vector<uint>(p.Lo)).ToArray()).ToArray();
        _span = _bySeries.Select(ps => ps.Select(p => new Vector<uint>(p.Span)).ToArray()).ToArray();
    }

    public float[][] Collected { get; }

    public int[] Filled { get; }

    public int[][] Counts { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(PathBlock block)
    {
        float[] values = block.Values;
        int count = block.Count;
        var top = new Vector<int>(int.MinValue);
        for (int j = 0; j < _bySeries.Length; j++)
        {
            Probe[] probes = _bySeries[j];
            if (probes.Length == 0)
            {
                continue;
            }

            // Few values fall in any interval: test a vector of values against each interval, and only sort out the rare hits.
            Vector<uint>[] lo = _lo[j], span = _span[j];
            ReadOnlySpan<float> row = values.AsSpan(j * PathBlock.Size, count);
            ReadOnlySpan<int> bits = MemoryMarshal.Cast<float, int>(row);
            int k = 0;
            for (; k <= row.Length - Vector<int>.Count; k += Vector<int>.Count)
            {
                var v = new Vector<int>(bits[k..]);
                Vector<uint> key = Vector.AsVectorUInt32(v ^ (Vector.ShiftRightArithmetic(v, 31) | top));
                Vector<uint> hit = Vector<uint>.Zero;
                for (int p = 0; p < lo.Length; p++)
                {
                    hit |= Vector.LessThanOrEqual(key - lo[p], span[p]);
                }

                if (hit != Vector<uint>.Zero)
                {
                    for (int lane = 0; lane < Vector<uint>.Count; lane++)
                    {
                        if (hit[lane] != 0)
                        {
                            Take(probes, row[k + lane]);
                        }
                    }
                }
            }

            for (; k < row.Length; k++)
            {
                Take(probes, row[k]);
            }
        }
    }

    private void Take(Probe[] probes, float value)
    {
        uint key = FloatKey.Of(value);
        foreach (Probe p in probes)
        {
            if (key - p.Lo <= p.Span)
            {
                if (p.Shift < 0)
                {
                    ref float[] collected = ref Collected[p.Id];
                    if (Filled[p.Id] == collected.Length)
                    {
                        Array.Resize(ref collected, Math.Max(16, 2 * collected.Length));
                    }

                    collected[Filled[p.Id]++] = value;
                }
                else
                {
                    Counts[p.Id][(key - p.Lo) >> p.Shift]++;
                }

                return;
            }
        }
    }

    /// <summary>One interval as the hot loop sees it: keys Lo..Lo + Span, target Id, and Shift (-1 to collect).</summary>
    private readonly record struct Probe(uint Lo, uint Span, int Id, int Shift);
}
