namespace Burnrate.Planning.Fleet;

/// <summary>The program for one or more demand scenarios, with the variable indices needed to read a solution back.</summary>
internal sealed class FleetModel
{
    public FleetModel(LinearModel lp, SlotGrid grid, ScenarioBlock[] blocks)
    {
        Lp = lp;
        Grid = grid;
        Blocks = blocks;
    }

    public LinearModel Lp { get; }

    public SlotGrid Grid { get; }

    public ScenarioBlock[] Blocks { get; }

    /// <summary>Gets the shared commitment variable of the contract (units in the first quarter, or USD per month), or -1.</summary>
    public int Commitment { get; set; } = -1;
}

/// <summary>One scenario's variables. Option arrays are indexed by option, then by month (held/active units) or by slot.</summary>
internal sealed class ScenarioBlock
{
    public ScenarioBlock(DemandScenario scenario, int options, int months)
    {
        Scenario = scenario;
        Held = new int[options][];
        PerSlot = new int[options][];
        for (int o = 0; o < options; o++)
        {
            Held[o] = [];
            PerSlot[o] = [];
        }

        ContractUnits = [];
        ContractSpend = [];
        Demand = new double[months][];
    }

    public DemandScenario Scenario { get; }

    /// <summary>Gets owned units held / reserved units active per month (empty for per-slot options).</summary>
    public int[][] Held { get; }

    /// <summary>Gets on-demand/spot units or API tokens per second per slot, by global slot index (empty otherwise).</summary>
    public int[][] PerSlot { get; }

    /// <summary>Gets the contract's committed units per month (units contracts; empty otherwise).</summary>
    public int[] ContractUnits { get; set; }

    /// <summary>Gets the contract's monthly API bill (spend contracts; empty otherwise).</summary>
    public int[] ContractSpend { get; set; }

    /// <summary>Gets the per-slot recourse table when the slots have no variables of their own (null otherwise).</summary>
    public RecourseTable? Table { get; set; }

    /// <summary>Gets each slot's demand in tokens per second, by month then slot.</summary>
    public double[][] Demand { get; }
}
