namespace Burnrate.Ledger.SelfHosted;

/// <summary>
/// Splits a deployment-month's cost over the usage it served, OpenCost-style: each usage line gets
/// C × w ÷ max(Σw, C), where w is the line's cost at the cost model's per-token prices (prefill and decode priced by their
/// step times) and C the capacity's cost; what is left is the idle line. While the model's busy time is below the
/// capacity (Σw &lt; C) each line pays exactly its modelled cost and the rest of C is idle; when the tokens served would
/// cost more than C at the modelled prices, C is split in proportion to w and nothing is idle.
/// </summary>
public static class CostAllocation
{
    /// <summary>The decimals allocated amounts keep (the ledger stores DECIMAL(18,10)).</summary>
    public const int Decimals = 10;

    /// <summary>Allocates <paramref name="costUsd"/> over lines weighted by <paramref name="weightsUsd"/>.</summary>
    /// <param name="costUsd">The capacity's cost C in USD, ≥ 0.</param>
    /// <param name="weightsUsd">Each line's modelled cost w in USD, ≥ 0.</param>
    /// <returns>Each line's allocation (truncated to <see cref="Decimals"/> decimals, so Σ ≤ C; when Σw ≥ C the crumbs go to the heaviest line) and the idle remainder: Σ allocated + idle = C exactly, idle = 0 when Σw ≥ C.</returns>
    public static (decimal[] AllocatedUsd, decimal IdleUsd) Allocate(decimal costUsd, IReadOnlyList<decimal> weightsUsd)
    {
        ArgumentNullException.ThrowIfNull(weightsUsd);
        ArgumentOutOfRangeException.ThrowIfNegative(costUsd);
        decimal total = 0m;
        foreach (decimal w in weightsUsd)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(w, nameof(weightsUsd));
            total += w;
        }

        decimal denominator = Math.Max(total, costUsd);
        var allocated = new decimal[weightsUsd.Count];
        decimal sum = 0m;
        for (int i = 0; i < allocated.Length && denominator > 0; i++)
        {
            // C × w ≤ denominator², exact below 1e14 (then divided once); above, divide first so nothing overflows.
            // Truncating keeps Σ ≤ C whatever the rounding.
            decimal share = denominator < 1e14m ? costUsd * weightsUsd[i] / denominator : costUsd * (weightsUsd[i] / denominator);
            allocated[i] = Math.Round(share, Decimals, MidpointRounding.ToZero);
            sum += allocated[i];
        }

        if (total >= costUsd && allocated.Length > 0 && costUsd > 0)
        {
            // Fully busy: the truncation crumbs (under 1e-10 a line) go to the heaviest line, so nothing shows as idle.
            int heaviest = 0;
            for (int i = 1; i < allocated.Length; i++)
            {
                heaviest = weightsUsd[i] > weightsUsd[heaviest] ? i : heaviest;
            }

            allocated[heaviest] += costUsd - sum;
            sum = costUsd;
        }

        return (allocated, costUsd - sum);
    }
}
