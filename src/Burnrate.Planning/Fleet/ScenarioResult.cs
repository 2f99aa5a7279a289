namespace Burnrate.Planning.Fleet;

/// <summary>One scenario's solved fleet, option by option (a units contract, when present, is the last row).</summary>
internal sealed class ScenarioResult
{
    public ScenarioResult(int rows, int months)
    {
        UnitsByMonth = new double[rows][];
        AverageUnitsByMonth = new double[rows][];
        CostByMonth = new double[rows][];
        ServedByMonth = new double[rows][];
        CapacityTokens = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            UnitsByMonth[r] = new double[months];
            AverageUnitsByMonth[r] = new double[months];
            CostByMonth[r] = new double[months];
            ServedByMonth[r] = new double[months];
        }
    }

    /// <summary>Gets units held per month (per-slot options: the most in any slot; API: average tokens per second).</summary>
    public double[][] UnitsByMonth { get; }

    /// <summary>Gets hours-weighted average units per month (API: average tokens per second).</summary>
    public double[][] AverageUnitsByMonth { get; }

    /// <summary>Gets USD per month by row.</summary>
    public double[][] CostByMonth { get; }

    /// <summary>Gets tokens served per month by row.</summary>
    public double[][] ServedByMonth { get; }

    /// <summary>Gets the tokens each row's units could have served over the horizon (API: what it served).</summary>
    public double[] CapacityTokens { get; }

    /// <summary>Gets the capacity of each row in every hour of the last month's week, tokens per second ([row][hour of week]).</summary>
    public double[][] LastWeekCapacity { get; set; } = [];

    /// <summary>Gets the demand in every hour of the last month's week, tokens per second.</summary>
    public double[] LastWeekDemand { get; set; } = [];

    /// <summary>Gets the peak demand per month, tokens per second.</summary>
    public double[] PeakDemandByMonth { get; set; } = [];

    /// <summary>Gets the committed amount (units, or USD per month) when a contract was in the model.</summary>
    public double? Commitment { get; set; }

    /// <summary>Gets the total cost in USD.</summary>
    public double TotalCost => CostByMonth.Sum(r => r.Sum());

    /// <summary>Gets the tokens served in total.</summary>
    public double Served => ServedByMonth.Sum(r => r.Sum());
}
