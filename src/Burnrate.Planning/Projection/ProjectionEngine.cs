using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Projection;

/// <summary>
/// Projects one path month by month (formulas in docs/plan.md). Pure: the same scenario and inputs give the same numbers.
/// Month 0 is the start month; growth and churn apply from month 1; price and cost changes apply smoothly as (1 + c)^(m/12).
/// </summary>
internal static class ProjectionEngine
{
    public static void Run(PlanScenario s, ScenarioArrays a, PathInputs input, PathTrace trace, MonthlyStatement? statement)
    {
        int months = s.Months;
        int streams = a.Revenue.Length;
        Span<double> volume = stackalloc double[streams];
        Span<double> priceFactor = stackalloc double[streams];
        Span<double> priceStep = stackalloc double[streams];
        Array.Clear(trace.Raises);
        Array.Fill(trace.FirstFiring, -1);
        Array.Fill(trace.Armed, true);
        Array.Clear(trace.ClosingUntil);
        trace.CashOutMonth = -1;
        for (int i = 0; i < streams; i++)
        {
            volume[i] = Math.Max(0, input.Get(a.Revenue[i].Volume, 0));
            priceFactor[i] = 1;
            priceStep[i] = StepOnce(input, a.Revenue[i].AnnualPriceChange);
        }

        double costStep = StepOnce(input, s.InferenceAnnualCostChange);

        double costFactor = 1, opexFactor = 1;
        double cash = input.Get(s.Cash, 0);
        double burn1 = 0, burn2 = 0, revenue3 = 0, revenue2 = 0, revenue1 = 0;
        (int headcount, int hires, int loaded) = s.Staff;
        for (int m = 0; m < months; m++)
        {
            double revenue = 0, tokens = 0;
            for (int i = 0; i < streams; i++)
            {
                RevenueSource r = a.Revenue[i];
                if (m > 0)
                {
                    double change = input.Get(r.MonthlyGrowth, m) - (r.MonthlyChurn >= 0 ? input.Get(r.MonthlyChurn, m) : 0);
                    volume[i] = Math.Max(0, volume[i] * (1 + change));
                    priceFactor[i] *= double.IsNaN(priceStep[i]) ? Smooth(input.Get(r.AnnualPriceChange, m)) : priceStep[i];
                }

                double price = Math.Max(0, input.Get(r.Price, m)) * priceFactor[i];
                double earned = r.Kind == RevenueKind.Usage ? volume[i] / 1e6 * price : volume[i] * price;
                tokens += r.Kind == RevenueKind.Usage ? volume[i] : volume[i] * Math.Max(0, input.Get(r.TokensPerCustomer, m));
                revenue += earned;
                if (statement is not null)
                {
                    statement.RevenueByStream[r.Name][m] = earned;
                }
            }

            if (m > 0)
            {
                costFactor *= double.IsNaN(costStep) ? Smooth(input.Get(s.InferenceAnnualCostChange, m)) : costStep;
            }

            double serving = tokens / 1e6 * Math.Max(0, input.Get(s.InferenceCostPerMillionTokens, m)) * costFactor;
            double training = 0, capex = 0, depreciation = 0, financing = trace.Raises[m];
            foreach (Expense t in a.Training)
            {
                training += t.Month == m ? input.Get(t.Amount, m) : 0;
            }

            foreach (Expense c in a.Capex)
            {
                capex += c.Month == m ? input.Get(c.Amount, c.Month) : 0;
                double life = input.Get(c.Extra, c.Month) * 12, age = m - c.Month;
                depreciation += age >= 0 && age < life ? input.Get(c.Amount, c.Month) / life * Math.Min(1, life - age) : 0;
            }

            for (int i = 0; i < a.Funding.Length; i++)
            {
                financing += a.Funding[i].Month == m && input.FundingIncluded[i] ? input.Get(a.Funding[i].Amount, m) : 0;
            }

            double staff = headcount < 0 ? 0 : Math.Max(0, input.Get(headcount, m) + (input.Get(hires, m) * m)) * input.Get(loaded, m) / 12 * opexFactor;
            double other = s.OtherMonthlyUsd < 0 ? 0 : input.Get(s.OtherMonthlyUsd, m) * opexFactor;
            double cashOut = serving + training + staff + other + capex;
            double netBurn = cashOut - revenue;
            double opening = cash;
            cash = opening + revenue + financing - cashOut;

            int window = Math.Min(m + 1, 3);
            double meanBurn = (netBurn + (m >= 1 ? burn1 : 0) + (m >= 2 ? burn2 : 0)) / window;
            double runway = meanBurn <= 0 ? double.PositiveInfinity : Math.Max(0, cash) / meanBurn;
            if (cash < 0 && trace.CashOutMonth < 0)
            {
                trace.CashOutMonth = m;
            }

            for (int t = 0; t < a.Triggers.Length; t++)
            {
                Trigger trigger = a.Triggers[t];
                bool holds = (trigger.RunwayMonthsBelow is { } rb && runway < rb) || (trigger.CashBelowUsd is { } cb && cash < cb);
                if (holds && trace.Armed[t])
                {
                    trace.Armed[t] = false;
                    if (trace.FirstFiring[t] < 0)
                    {
                        trace.FirstFiring[t] = m;
                    }

                    statement?.Firings.Add((trigger.Name, m));
                    int lands = m + trigger.CloseMonths;
                    trace.ClosingUntil[t] = lands;
                    if (trigger.RaiseUsd > 0 && lands == m)
                    {
                        cash += trigger.RaiseUsd;
                        financing += trigger.RaiseUsd;
                    }
                    else if (trigger.RaiseUsd > 0 && lands < months)
                    {
                        trace.Raises[lands] += trigger.RaiseUsd;
                    }

                    opexFactor *= 1 - (trigger.CutOpexPercent / 100);
                }
                else if (!holds && trigger.Repeat && m >= trace.ClosingUntil[t])
                {
                    trace.Armed[t] = true;
                }
            }

            trace.Cash[m] = cash;
            trace.Revenue[m] = revenue;
            trace.NetBurn[m] = netBurn;
            if (statement is not null)
            {
                statement.TokensServed[m] = tokens;
                statement.CostOfServing[m] = serving;
                statement.Training[m] = training;
                statement.Staff[m] = staff;
                statement.OtherOpex[m] = other;
                statement.Capex[m] = capex;
                statement.Depreciation[m] = depreciation;
                statement.Financing[m] = financing;
                statement.OpeningCash[m] = opening;
                statement.ClosingCash[m] = cash;
                statement.Revenue[m] = revenue;
                statement.NetBurn[m] = netBurn;
                statement.OperatingIncome[m] = revenue - serving - training - staff - other - depreciation;
                statement.RunwayMonths[m] = cash < 0 ? 0 : runway;
                double newArr = 12 * (revenue - revenue3);
                statement.BurnMultiple[m] = m >= 3 && newArr > 0 ? (netBurn + burn1 + burn2) / newArr : double.NaN;
                statement.GrossMargin[m] = revenue > 0 ? (revenue - serving) / revenue : double.NaN;
            }

            burn2 = burn1;
            burn1 = netBurn;
            revenue3 = revenue2;
            revenue2 = revenue1;
            revenue1 = revenue;
        }

        if (statement is not null)
        {
            statement.CashOutMonth = trace.CashOutMonth;
        }
    }

    /// <summary>Gets the monthly factor of a driver drawn once (computed once per path), or NaN for a per-month driver.</summary>
    private static double StepOnce(PathInputs input, int driver) => input.PerMonth[driver] ? double.NaN : Smooth(input.Get(driver, 0));

    /// <summary>One month's share of an annual change: (1 + c)^(1/12), so that m months compound to (1 + c)^(m/12).</summary>
    private static double Smooth(double annualChange) => annualChange == 0 ? 1 : Math.Pow(1 + annualChange, 1.0 / 12);
}
