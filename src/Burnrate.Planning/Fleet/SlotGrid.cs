namespace Burnrate.Planning.Fleet;

/// <summary>
/// The horizon's hourly slots, aggregated: within a month every hour with the same first-week demand has the same demand
/// (growth is monthly), so each month keeps one slot per distinct value, weighted by how many calendar hours it stands for.
/// A weekly profile gives at most 168 slots a month, a flat one a single slot; the aggregation is exact.
/// </summary>
internal sealed class SlotGrid
{
    private SlotGrid(int months, Slot[][] slots, double[] hours)
    {
        Months = months;
        ByMonth = slots;
        MonthHours = hours;
    }

    /// <summary>Gets the number of months.</summary>
    public int Months { get; }

    /// <summary>Gets each month's aggregated slots.</summary>
    public Slot[][] ByMonth { get; }

    /// <summary>Gets each month's calendar hours.</summary>
    public double[] MonthHours { get; }

    /// <summary>Gets the total number of aggregated slots.</summary>
    public int Count => ByMonth.Sum(m => m.Length);

    /// <summary>Builds the grid for <paramref name="input"/>.</summary>
    public static SlotGrid Build(FleetInput input)
    {
        var slots = new Slot[input.Months][];
        var hours = new double[input.Months];
        for (int m = 0; m < input.Months; m++)
        {
            DateOnly first = input.Start.AddMonths(m);
            int days = DateTime.DaysInMonth(first.Year, first.Month);
            hours[m] = days * 24;
            var weight = new double[168];
            for (int d = 0; d < days; d++)
            {
                int dayOfWeek = ((int)first.AddDays(d).DayOfWeek + 6) % 7; // Monday = 0
                for (int h = 0; h < 24; h++)
                {
                    weight[(dayOfWeek * 24) + h]++;
                }
            }

            var byValue = new Dictionary<double, int>();
            var list = new List<Slot>();
            for (int w = 0; w < 168; w++)
            {
                if (weight[w] == 0)
                {
                    continue;
                }

                double value = input.WeekTokensPerSecond[w];
                if (byValue.TryGetValue(value, out int at))
                {
                    list[at] = list[at] with { Hours = list[at].Hours + weight[w] };
                }
                else
                {
                    byValue[value] = list.Count;
                    list.Add(new Slot(m, w, value, weight[w]));
                }
            }

            slots[m] = [.. list];
        }

        return new SlotGrid(input.Months, slots, hours);
    }

    /// <summary>Gets month <paramref name="m"/>'s demand factor for monthly growth <paramref name="growth"/>: (1 + g)^m.</summary>
    public static double Growth(double growth, int m) => Math.Pow(1 + growth, m);
}

/// <summary>An aggregated slot: every hour of month <paramref name="Month"/> whose first-week demand is <paramref name="BaseTokensPerSecond"/>.</summary>
/// <param name="Month">The month index.</param>
/// <param name="FirstHourOfWeek">The first hour of the week (Monday 00:00 = 0) with this demand, to name the slot.</param>
/// <param name="BaseTokensPerSecond">The first week's demand in these hours, tokens per second.</param>
/// <param name="Hours">The calendar hours the slot stands for.</param>
internal readonly record struct Slot(int Month, int FirstHourOfWeek, double BaseTokensPerSecond, double Hours);
