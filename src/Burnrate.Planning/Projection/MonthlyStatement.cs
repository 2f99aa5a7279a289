namespace Burnrate.Planning.Projection;

/// <summary>A deterministic projection month by month: P&amp;L lines, cash flows and the planning figures (docs/plan.md). All money in USD per month.</summary>
public sealed class MonthlyStatement
{
    /// <summary>Initializes a new instance of the <see cref="MonthlyStatement"/> class.</summary>
    /// <param name="months">The horizon in months.</param>
    /// <param name="streams">The revenue stream names.</param>
    public MonthlyStatement(int months, IEnumerable<string> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        RevenueByStream = streams.ToDictionary(s => s, _ => new double[months], StringComparer.Ordinal);
        Revenue = new double[months];
        TokensServed = new double[months];
        CostOfServing = new double[months];
        Training = new double[months];
        Staff = new double[months];
        OtherOpex = new double[months];
        Capex = new double[months];
        Depreciation = new double[months];
        Financing = new double[months];
        OpeningCash = new double[months];
        ClosingCash = new double[months];
        NetBurn = new double[months];
        OperatingIncome = new double[months];
        RunwayMonths = new double[months];
        BurnMultiple = new double[months];
        GrossMargin = new double[months];
    }

    /// <summary>Gets revenue per stream.</summary>
    public IReadOnlyDictionary<string, double[]> RevenueByStream { get; }

    /// <summary>Gets total revenue (cash in from operations).</summary>
    public double[] Revenue { get; }

    /// <summary>Gets tokens served (usage tokens plus subscribers' tokens).</summary>
    public double[] TokensServed { get; }

    /// <summary>Gets the cost of serving: tokens ÷ 10⁶ × cost per million tokens.</summary>
    public double[] CostOfServing { get; }

    /// <summary>Gets training runs, expensed and paid in their month.</summary>
    public double[] Training { get; }

    /// <summary>Gets staff cost: headcount × loaded cost per year ÷ 12, after opex cuts.</summary>
    public double[] Staff { get; }

    /// <summary>Gets other opex, after opex cuts.</summary>
    public double[] OtherOpex { get; }

    /// <summary>Gets capex paid (cash only; the P&amp;L shows depreciation).</summary>
    public double[] Capex { get; }

    /// <summary>Gets straight-line depreciation of capex (P&amp;L only).</summary>
    public double[] Depreciation { get; }

    /// <summary>Gets financing inflows: funding rounds and trigger raises that landed.</summary>
    public double[] Financing { get; }

    /// <summary>Gets cash at the start of the month.</summary>
    public double[] OpeningCash { get; }

    /// <summary>Gets cash at the end of the month: opening + revenue + financing − (serving + training + staff + other + capex).</summary>
    public double[] ClosingCash { get; }

    /// <summary>Gets net burn: operating cash out − revenue (negative when cash-generating).</summary>
    public double[] NetBurn { get; }

    /// <summary>Gets operating income (P&amp;L): revenue − serving − training − staff − other − depreciation.</summary>
    public double[] OperatingIncome { get; }

    /// <summary>Gets runway in months: closing cash ÷ mean net burn of months m−2..m; +∞ when that burn ≤ 0; 0 once cash is negative.</summary>
    public double[] RunwayMonths { get; }

    /// <summary>Gets the burn multiple: net burn of months m−2..m ÷ (12 × (revenue m − revenue m−3)); NaN when undefined.</summary>
    public double[] BurnMultiple { get; }

    /// <summary>Gets gross margin: (revenue − cost of serving) ÷ revenue; NaN when there is no revenue.</summary>
    public double[] GrossMargin { get; }

    /// <summary>Gets the first month (index) closing cash is negative, or -1.</summary>
    public int CashOutMonth { get; internal set; } = -1;

    /// <summary>Gets each trigger's firings: (trigger name, month index).</summary>
    public IList<(string Trigger, int Month)> Firings { get; } = [];

    /// <summary>Writes month m's lines; kept out of the engine's monthly loop, which runs without a statement in the Monte Carlo.</summary>
    internal void Record(int m, in MonthFigures f, double depreciation)
    {
        TokensServed[m] = f.Tokens;
        CostOfServing[m] = f.Serving;
        Training[m] = f.Training;
        Staff[m] = f.Staff;
        OtherOpex[m] = f.Other;
        Capex[m] = f.Capex;
        Financing[m] = f.Financing;
        OpeningCash[m] = f.Opening;
        ClosingCash[m] = f.Closing;
        Revenue[m] = f.Revenue;
        NetBurn[m] = f.NetBurn;
        Depreciation[m] = depreciation;
        OperatingIncome[m] = f.Revenue - f.Serving - f.Training - f.Staff - f.Other - depreciation;
        RunwayMonths[m] = f.Closing < 0 ? 0 : f.Runway;
        double newArr = m >= 3 ? 12 * (f.Revenue - Revenue[m - 3]) : 0;
        BurnMultiple[m] = m >= 3 && newArr > 0 ? (f.NetBurn + NetBurn[m - 1] + NetBurn[m - 2]) / newArr : double.NaN;
        GrossMargin[m] = f.Revenue > 0 ? (f.Revenue - f.Serving) / f.Revenue : double.NaN;
    }
}

/// <summary>One month's figures from the engine (USD; tokens; runway in months).</summary>
internal readonly record struct MonthFigures(
    double Tokens, double Serving, double Training, double Staff, double Other, double Capex, double Financing, double Opening, double Closing,
    double Revenue, double NetBurn, double Runway);
