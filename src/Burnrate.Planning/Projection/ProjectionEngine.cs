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

        // Month-varying inputs are loaded once per path, and again each month only when some driver is drawn per month.
        Span<double> change = stackalloc double[streams];
        Span<double> price = stackalloc double[streams];
        Span<double> tokensPer = stackalloc double[streams];
        Span<double> capexAmount = stackalloc double[a.Capex.Length];
        Span<double> capexLife = stackalloc double[a.Capex.Length];
        for (int i = 0; i < a.Capex.Length; i++)
        {
            capexAmount[i] = input.Get(a.Capex[i].Amount, a.Capex[i].Month);
            capexLife[i] = input.Get(a.Capex[i].Extra, a.Capex[i].Month) * 12;
        }

        bool perMonth = input.Monthly.Length > 0;
        Monthly current = default;
        Load(s, a, input, 0, change, price, tokensPer, ref current);
        double costFactor = 1, opexFactor = 1;
        double cash = input.Get(s.Cash, 0);
        double burn1 = 0, burn2 = 0, revenue3 = 0, revenue2 = 0, revenue1 = 0;
        for (int m = 0; m < months; m++)
        {
            if (perMonth && m > 0)
            {
                Load(s, a, input, m, change, price, tokensPer, ref current);
            }

            double revenue = 0, tokens = 0;
            for (int i = 0; i < streams; i++)
            {
                RevenueSource r = a.Revenue[i];
                if (m > 0)
                {
                    volume[i] = Math.Max(0, volume[i] * (1 + change[i]));
                    priceFactor[i] *= double.IsNaN(priceStep[i]) ? Smooth(input.Get(r.AnnualPriceChange, m)) : priceStep[i];
                }

                bool usage = r.Kind == RevenueKind.Usage;
                double earned = usage ? volume[i] * 1e-6 * price[i] * priceFactor[i] : volume[i] * price[i] * priceFactor[i];
                tokens += usage ? volume[i] : volume[i] * tokensPer[i];
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

            double serving = tokens * 1e-6 * current.CostPerMillion * costFactor;
            double training = 0, capex = 0, depreciation = 0, financing = trace.Raises[m];
            foreach (Expense t in a.Training)
            {
                training += t.Month == m ? input.Get(t.Amount, m) : 0;
            }

            for (int i = 0; i < a.Capex.Length; i++)
            {
                int bought = a.Capex[i].Month;
                capex += bought == m ? capexAmount[i] : 0;
                double life = capexLife[i], age = m - bought;
                depreciation += age >= 0 && age < life ? capexAmount[i] / life * Math.Min(1, life - age) : 0;
            }

            for (int i = 0; i < a.Funding.Length; i++)
            {
                financing += a.Funding[i].Month == m && input.FundingIncluded[i] ? input.Get(a.Funding[i].Amount, m) : 0;
            }

            double staff = Math.Max(0, current.Headcount + (current.Hires * m)) * current.LoadedPerMonth * opexFactor;
            double other = current.Other * opexFactor;
            double cashOut = serving + training + staff + other + capex;
            double netBurn = cashOut - revenue;
            double opening = cash;
            cash = opening + revenue + financing - cashOut;

            double meanBurn = m >= 2 ? (netBurn + burn1 + burn2) * (1.0 / 3) : m == 1 ? (netBurn + burn1) * 0.5 : netBurn;
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

    private static void Load(PlanScenario s, ScenarioArrays a, PathInputs input, int m, Span<double> change, Span<double> price, Span<double> tokensPer, ref Monthly current)
    {
        for (int i = 0; i < a.Revenue.Length; i++)
        {
            RevenueSource r = a.Revenue[i];
            change[i] = input.Get(r.MonthlyGrowth, m) - (r.MonthlyChurn >= 0 ? input.Get(r.MonthlyChurn, m) : 0);
            price[i] = Math.Max(0, input.Get(r.Price, m));
            tokensPer[i] = r.TokensPerCustomer >= 0 ? Math.Max(0, input.Get(r.TokensPerCustomer, m)) : 0;
        }

        (int headcount, int hires, int loaded) = s.Staff;
        current = new Monthly(
            Math.Max(0, input.Get(s.InferenceCostPerMillionTokens, m)),
            headcount < 0 ? 0 : input.Get(headcount, m),
            headcount < 0 ? 0 : input.Get(hires, m),
            headcount < 0 ? 0 : input.Get(loaded, m) / 12,
            s.OtherMonthlyUsd < 0 ? 0 : input.Get(s.OtherMonthlyUsd, m));
    }

    /// <summary>Gets the monthly factor of a driver drawn once (computed once per path), or NaN for a per-month driver.</summary>
    private static double StepOnce(PathInputs input, int driver) => input.PerMonth[driver] ? double.NaN : Smooth(input.Get(driver, 0));

    /// <summary>One month's share of an annual change: (1 + c)^(1/12), so that m months compound to (1 + c)^(m/12).</summary>
    private static double Smooth(double annualChange) => annualChange == 0 ? 1 : Math.Pow(1 + annualChange, 1.0 / 12);

    /// <summary>The scalar inputs of one month: cost per million tokens, staff and other opex.</summary>
    private readonly record struct Monthly(double CostPerMillion, double Headcount, double Hires, double LoadedPerMonth, double Other);
}
