using System.Runtime.CompilerServices;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Projection;

/// <summary>
/// Projects one path month by month (formulas in docs/plan.md). Pure: the same scenario and inputs give the same numbers.
/// Month 0 is the start month; growth and churn apply from month 1; price and cost changes apply smoothly as (1 + c)^(m/12).
/// </summary>
internal static class ProjectionEngine
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(PlanScenario s, ScenarioArrays a, PathInputs input, PathTrace trace, MonthlyStatement? statement)
    {
        // One compiled copy per mode: the Monte Carlo's copies have no call in the monthly loop (on x64 Unix every call clobbers every
        // vector register, which made the JIT spill the loop's state to the stack each month).
        bool perMonth = input.Monthly.Length > 0;
        if (statement is not null)
        {
            Run<Recording>(s, a, input, trace, statement);
        }
        else if (perMonth)
        {
            Run<QuietPerMonth>(s, a, input, trace, null);
        }
        else
        {
            Run<Quiet>(s, a, input, trace, null);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run<TMode>(PlanScenario s, ScenarioArrays a, PathInputs input, PathTrace trace, MonthlyStatement? statement)
        where TMode : struct, IMode
    {
        int months = s.Months;
        double[] flows = trace.Flows, rows = trace.Rows;
        StreamState[] streams = trace.Streams;
        TriggerState[] states = trace.Triggers;
        TriggerRule[] rules = a.TriggerRules;
        PathStart start = Prepare(s, a, input, trace);
        Monthly current = start.Current;
        double costStep = start.CostStep;
        double costFactor = 1, opexFactor = 1;
        double cash = start.Cash;
        double burn1 = 0, burn2 = 0;
        int cashOutMonth = -1;
        for (int m = 0; m < months; m++)
        {
            if (TMode.PerMonth && m > 0)
            {
                current = Load(s, a, input, m, streams);
            }

            double revenue = 0, tokens = 0;
            for (int i = 0; i < streams.Length; i++)
            {
                ref StreamState x = ref streams[i];
                if (m > 0)
                {
                    x.Volume *= x.Factor;
                    x.PriceFactor *= TMode.PerMonth && double.IsNaN(x.PriceStep) ? Smooth(input.Get(a.Revenue[i].AnnualPriceChange, m)) : x.PriceStep;
                }

                double earned = x.Usage ? x.Volume * 1e-6 * x.Price * x.PriceFactor : x.Volume * x.Price * x.PriceFactor;
                tokens += x.Usage ? x.Volume : x.Volume * x.TokensPer;
                revenue += earned;
                if (TMode.Records)
                {
                    statement!.RevenueByStream[a.Revenue[i].Name][m] = earned;
                }
            }

            if (m > 0)
            {
                costFactor *= TMode.PerMonth && double.IsNaN(costStep) ? Smooth(input.Get(s.InferenceAnnualCostChange, m)) : costStep;
            }

            double serving = tokens * 1e-6 * current.CostPerMillion * costFactor;
            double training = flows[3 * m], capex = flows[(3 * m) + 1], financing = flows[(3 * m) + 2];
            double staff = Math.Max(0, current.Headcount + (current.Hires * m)) * current.LoadedPerMonth * opexFactor;
            double other = current.Other * opexFactor;
            double cashOut = serving + training + staff + other + capex;
            double netBurn = cashOut - revenue;
            double opening = cash;
            cash = opening + revenue + financing - cashOut;

            double meanBurn = m >= 2 ? (netBurn + burn1 + burn2) * (1.0 / 3) : m == 1 ? (netBurn + burn1) * 0.5 : netBurn;
            double runway = meanBurn <= 0 ? double.PositiveInfinity : Math.Max(0, cash) / meanBurn;
            if (cash < 0 && cashOutMonth < 0)
            {
                cashOutMonth = m;
            }

            for (int t = 0; t < rules.Length; t++)
            {
                ref readonly TriggerRule rule = ref rules[t];
                ref TriggerState state = ref states[t];

                // A missing threshold is NaN, and every comparison with NaN is false.
                bool holds = runway < rule.RunwayBelow || cash < rule.CashBelow;
                if (holds && state.Armed)
                {
                    state.Armed = false;
                    if (state.FirstFiring < 0)
                    {
                        state.FirstFiring = m;
                    }

                    if (TMode.Records)
                    {
                        statement!.Firings.Add((a.Triggers[t].Name, m));
                    }

                    int lands = m + rule.CloseMonths;
                    state.ClosingUntil = lands;
                    if (rule.RaiseUsd > 0 && lands == m)
                    {
                        cash += rule.RaiseUsd;
                        financing += rule.RaiseUsd;
                    }
                    else if (rule.RaiseUsd > 0 && lands < months)
                    {
                        flows[(3 * lands) + 2] += rule.RaiseUsd;
                    }

                    opexFactor *= rule.OpexFactor;
                }
                else if (!holds && rule.Repeat && m >= state.ClosingUntil)
                {
                    state.Armed = true;
                }
            }

            rows[3 * m] = cash;
            rows[(3 * m) + 1] = revenue;
            rows[(3 * m) + 2] = netBurn;
            if (TMode.Records)
            {
                statement!.Record(m, new MonthFigures(tokens, serving, training, staff, other, capex, financing, opening, cash, revenue, netBurn, runway), Depreciation(a, input, m));
            }

            burn2 = burn1;
            burn1 = netBurn;
        }

        trace.CashOutMonth = cashOutMonth;
        if (TMode.Records)
        {
            statement!.CashOutMonth = cashOutMonth;
        }
    }

    /// <summary>
    /// Sets up one path: dated flows into the trace's per-month slots, trigger states armed, streams at their first-month volume, and
    /// the values drawn once (monthly price and cost steps, month 0's scalar inputs, opening cash).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static PathStart Prepare(PlanScenario s, ScenarioArrays a, PathInputs input, PathTrace trace)
    {
        Schedule(a, input, trace.Flows, s.Months);
        TriggerState[] states = trace.Triggers;
        for (int t = 0; t < states.Length; t++)
        {
            states[t] = new TriggerState { Armed = true, FirstFiring = -1 };
        }

        StreamState[] streams = trace.Streams;
        for (int i = 0; i < streams.Length; i++)
        {
            streams[i] = new StreamState
            {
                Volume = Math.Max(0, input.Get(a.Revenue[i].Volume, 0)),
                PriceFactor = 1,
                PriceStep = StepOnce(input, a.Revenue[i].AnnualPriceChange, trace),
                Usage = a.Usage[i],
            };
        }

        double costStep = StepOnce(input, s.InferenceAnnualCostChange, trace);

        // Month-varying inputs are loaded here once per path, and again each month only when some driver is drawn per month.
        return new PathStart(Load(s, a, input, 0, streams), costStep, input.Get(s.Cash, 0));
    }

    /// <summary>Puts the dated flows (training, capex, funding rounds that happen on this path) into their months' slots.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Schedule(ScenarioArrays a, PathInputs input, double[] flows, int months)
    {
        Array.Clear(flows);
        foreach (Expense t in a.Training)
        {
            flows[3 * Within(t.Month, months)] += input.Get(t.Amount, t.Month);
        }

        foreach (Expense c in a.Capex)
        {
            flows[(3 * Within(c.Month, months)) + 1] += input.Get(c.Amount, c.Month);
        }

        for (int i = 0; i < a.Funding.Length; i++)
        {
            flows[(3 * Within(a.Funding[i].Month, months)) + 2] += input.FundingIncluded[i] ? input.Get(a.Funding[i].Amount, a.Funding[i].Month) : 0;
        }
    }

    /// <summary>Gets the slot of a dated flow: its month, or the spare slot past the horizon (never read) for a month outside it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Within(int month, int months) => (uint)month < (uint)months ? month : months;

    /// <summary>Straight-line depreciation of every capex item in month m (P&amp;L only; cash pays capex when bought).</summary>
    private static double Depreciation(ScenarioArrays a, PathInputs input, int m)
    {
        double depreciation = 0;
        foreach (Expense c in a.Capex)
        {
            double amount = input.Get(c.Amount, c.Month), life = input.Get(c.Extra, c.Month) * 12, age = m - c.Month;
            depreciation += age >= 0 && age < life ? amount / life * Math.Min(1, life - age) : 0;
        }

        return depreciation;
    }

    /// <summary>Loads month m's values of the inputs that may vary by month into the streams, and returns the scalar ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Monthly Load(PlanScenario s, ScenarioArrays a, PathInputs input, int m, StreamState[] streams)
    {
        for (int i = 0; i < streams.Length; i++)
        {
            RevenueSource r = a.Revenue[i];
            double change = input.Get(r.MonthlyGrowth, m) - (r.MonthlyChurn >= 0 ? input.Get(r.MonthlyChurn, m) : 0);
            streams[i].Factor = Math.Max(0, 1 + change); // volume never goes below zero, however steep the decline
            streams[i].Price = Math.Max(0, input.Get(r.Price, m));
            streams[i].TokensPer = r.TokensPerCustomer >= 0 ? Math.Max(0, input.Get(r.TokensPerCustomer, m)) : 0;
        }

        (int headcount, int hires, int loaded) = s.Staff;
        return new Monthly(
            Math.Max(0, input.Get(s.InferenceCostPerMillionTokens, m)),
            headcount < 0 ? 0 : input.Get(headcount, m),
            headcount < 0 ? 0 : input.Get(hires, m),
            headcount < 0 ? 0 : input.Get(loaded, m) / 12,
            s.OtherMonthlyUsd < 0 ? 0 : input.Get(s.OtherMonthlyUsd, m));
    }

    /// <summary>
    /// Gets the monthly factor of a driver drawn once, or NaN for a per-month driver. Remembers the last value per driver in the trace, as
    /// a driver that is not uncertain has the same value on every path and the power is the costliest step of a path's set-up.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double StepOnce(PathInputs input, int driver, PathTrace trace)
    {
        if (input.PerMonth[driver])
        {
            return double.NaN;
        }

        double change = input.Get(driver, 0);
        ref (double Change, double Step) memo = ref trace.StepMemo(driver);
        if (memo.Change != change)
        {
            memo = (change, Smooth(change));
        }

        return memo.Step;
    }

    /// <summary>One month's share of an annual change: (1 + c)^(1/12), so that m months compound to (1 + c)^(m/12).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Smooth(double annualChange) => annualChange == 0 ? 1 : Math.Pow(1 + annualChange, 1.0 / 12);

    /// <summary>What a compiled copy of the engine does: load per-month driver values each month, and fill a statement.</summary>
    private interface IMode
    {
        static abstract bool PerMonth { get; }

        static abstract bool Records { get; }
    }

    private readonly struct Quiet : IMode
    {
        public static bool PerMonth => false;

        public static bool Records => false;
    }

    private readonly struct QuietPerMonth : IMode
    {
        public static bool PerMonth => true;

        public static bool Records => false;
    }

    private readonly struct Recording : IMode
    {
        public static bool PerMonth => true;

        public static bool Records => true;
    }

    /// <summary>What <see cref="Prepare"/> returns besides the trace it fills: month 0's scalar inputs, the cost step, opening cash.</summary>
    internal readonly record struct PathStart(Monthly Current, double CostStep, double Cash);

    /// <summary>The scalar inputs of one month: cost per million tokens, staff and other opex.</summary>
    internal readonly record struct Monthly(double CostPerMillion, double Headcount, double Hires, double LoadedPerMonth, double Other);
}
