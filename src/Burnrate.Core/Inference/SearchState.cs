namespace Burnrate.Core.Inference;

/// <summary>Running counts, the k cheapest and the Pareto frontier of a search; mutated in place by the loop.</summary>
internal struct SearchState
{
    private readonly SearchCandidate[] _cheapest;
    private readonly List<SearchCandidate> _pareto;
    private int _kept;

    public SearchState(int keep)
    {
        _cheapest = new SearchCandidate[Math.Max(1, keep)];
        _pareto = new List<SearchCandidate>(256);
        _kept = 0;
        Evaluated = Feasible = FailedMemory = FailedTtft = FailedTpot = FailedBudget = 0;
    }

    public long Evaluated;
    public long Feasible;
    public long FailedMemory;
    public long FailedTtft;
    public long FailedTpot;
    public long FailedBudget;

    /// <summary>Keeps the candidate if it is among the k cheapest per request (insertion into a sorted fixed array).</summary>
    public void OfferCheapest(in SearchCandidate c)
    {
        if (_kept == _cheapest.Length && c.CostPerRequestUsd >= _cheapest[_kept - 1].CostPerRequestUsd)
        {
            return;
        }

        for (int k = 0; k < _kept; k++)
        {
            if (SameReplica(_cheapest[k], c))
            {
                return; // the same replica at the same load, only copied more times: no new choice
            }
        }

        int i = _kept < _cheapest.Length ? _kept++ : _kept - 1;
        while (i > 0 && _cheapest[i - 1].CostPerRequestUsd > c.CostPerRequestUsd)
        {
            _cheapest[i] = _cheapest[i - 1];
            i--;
        }

        _cheapest[i] = c;
    }

    private static bool SameReplica(in SearchCandidate a, in SearchCandidate b) =>
        a.Model == b.Model && a.Accelerator == b.Accelerator && a.Tp == b.Tp && a.Pp == b.Pp && a.Ep == b.Ep && a.Weights == b.Weights && a.KvCache == b.KvCache
        && (long)a.Concurrency * b.Devices == (long)b.Concurrency * a.Devices;

    /// <summary>Adds the candidate to the frontier (TPOT ascending, cost strictly falling) unless a point with no more TPOT and no more cost exists.</summary>
    public readonly void OfferPareto(in SearchCandidate c)
    {
        int lo = 0;
        int hi = _pareto.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_pareto[mid].TpotSeconds <= c.TpotSeconds)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        // lo = first point with larger TPOT; the one before it has TPOT ≤ c's and the lowest cost among those.
        if (lo > 0 && _pareto[lo - 1].CostPerRequestUsd <= c.CostPerRequestUsd)
        {
            return;
        }

        if (lo > 0 && _pareto[lo - 1].TpotSeconds == c.TpotSeconds)
        {
            _pareto.RemoveAt(--lo); // same TPOT, higher cost: dominated by c
        }

        int end = lo;
        while (end < _pareto.Count && _pareto[end].CostPerRequestUsd >= c.CostPerRequestUsd)
        {
            end++;
        }

        if (end > lo)
        {
            _pareto.RemoveRange(lo, end - lo);
        }

        _pareto.Insert(lo, c);
    }

    public readonly SearchResult ToResult() => new()
    {
        Evaluated = Evaluated,
        Feasible = Feasible,
        FailedMemory = FailedMemory,
        FailedTtft = FailedTtft,
        FailedTpot = FailedTpot,
        FailedBudget = FailedBudget,
        Cheapest = _cheapest[.._kept],
        Pareto = [.. _pareto],
    };
}
