namespace Burnrate.Planning.Simulation;

/// <summary>How many paths first run out of cash, or first fire each trigger, in each month (one instance per worker, added up).</summary>
internal sealed class EventCounts(int months, int triggers)
{
    public int[] CashOutByMonth { get; } = new int[months];

    /// <summary>Gets first firings per month, trigger-major (trigger t, month m at t × months + m).</summary>
    public int[] FiringByMonth { get; } = new int[triggers * months];

    public void Add(PathBlock block)
    {
        int count = block.Count;
        for (int k = 0; k < count; k++)
        {
            if (block.CashOutMonth[k] is var m and >= 0)
            {
                CashOutByMonth[m]++;
            }
        }

        for (int t = 0; t < triggers; t++)
        {
            for (int k = 0; k < count; k++)
            {
                if (block.FirstFiring[(t * PathBlock.Size) + k] is var m and >= 0)
                {
                    FiringByMonth[(t * months) + m]++;
                }
            }
        }
    }

    public void Merge(EventCounts other)
    {
        for (int m = 0; m < CashOutByMonth.Length; m++)
        {
            CashOutByMonth[m] += other.CashOutByMonth[m];
        }

        for (int i = 0; i < FiringByMonth.Length; i++)
        {
            FiringByMonth[i] += other.FiringByMonth[i];
        }
    }
}
