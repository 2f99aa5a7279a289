namespace Burnrate.Planning.Fleet;

/// <summary>
/// Reads a scenario block's solution back into per-option figures, and splits each slot's served tokens across options in a fixed
/// order (API tokens bought, then owned, reserved, contract, spot, on-demand units, each up to capacity ÷ (1 + headroom)), so that
/// utilization = served ÷ capacity (headroom counts as idle).
/// </summary>
internal static class SolutionReader
{
    private static readonly OptionKind[] DispatchOrder = [OptionKind.Owned, OptionKind.Reserved, OptionKind.Spot, OptionKind.OnDemand];

    public static ScenarioResult Read(FleetInput input, FleetModelBuilder builder, FleetModel model, ScenarioBlock block, double[] x, FleetContract? contract)
    {
        SlotGrid grid = model.Grid;
        int options = input.Options.Count;
        bool unitsContract = contract is { IsUnits: true };
        var result = new ScenarioResult(options + (unitsContract ? 1 : 0), grid.Months) { PeakDemandByMonth = new double[grid.Months] };
        double h = 1 + input.Headroom;
        for (int m = 0; m < grid.Months; m++)
        {
            Slot[] slots = grid.ByMonth[m];
            result.PeakDemandByMonth[m] = block.Demand[m].DefaultIfEmpty(0).Max();
            int rows = result.UnitsByMonth.Length; // options, then a units contract
            for (int j = 0; j < slots.Length; j++)
            {
                double remaining = block.Demand[m][j];
                double seconds = slots[j].Hours * 3600;
                var units = new double[rows];
                for (int o = 0; o < options; o++)
                {
                    units[o] = block.Held[o].Length > 0 ? Math.Round(x[block.Held[o][m]])
                        : block.Table is not null ? 0
                        : input.Options[o].Kind == OptionKind.Api ? Math.Max(0, x[block.PerSlot[o][builder.SlotIndex(m, j)]])
                        : Math.Round(x[block.PerSlot[o][builder.SlotIndex(m, j)]]);
                }

                if (unitsContract && block.ContractUnits[m] >= 0)
                {
                    units[options] = Math.Round(x[block.ContractUnits[m]]);
                }

                if (block.Table is { } table)
                {
                    double[] plan = table.SlotPlan(m, j, (int)Math.Min(table.Levels, units.Where((_, r) => r >= options || block.Held[r].Length > 0).Sum()));
                    for (int o = 0; o < options; o++)
                    {
                        units[o] += plan[o];
                    }
                }

                var capacity = new double[rows];
                var served = new double[rows];
                for (int r = 0; r < rows; r++)
                {
                    capacity[r] = r < options ? (input.Options[r].HasUnits ? units[r] * builder.Capacity(input.Options[r]) : units[r])
                        : units[r] * input.Servings[contract!.Serving].CapacityTokensPerSecond;
                }

                foreach (int r in ServeOrder(input, rows))
                {
                    double share = r < options && !input.Options[r].HasUnits ? capacity[r] : capacity[r] / h;
                    served[r] = Math.Min(remaining, share);
                    remaining -= served[r];
                }

                for (int r = 0; r < rows; r++)
                {
                    result.UnitsByMonth[r][m] = Math.Max(result.UnitsByMonth[r][m], units[r]);
                    result.AverageUnitsByMonth[r][m] += units[r] * slots[j].Hours; // unit-hours; divided by the month's hours below
                    result.ServedByMonth[r][m] += served[r] * seconds;
                    result.CapacityTokens[r] += (r < options && !input.Options[r].HasUnits ? served[r] : capacity[r]) * seconds;
                    if (r < options && input.Options[r].Kind is OptionKind.OnDemand or OptionKind.Spot)
                    {
                        result.CostByMonth[r][m] += units[r] * input.Options[r].UsdPerUnitHour * slots[j].Hours;
                    }
                    else if (r < options && input.Options[r].Kind == OptionKind.Api && !(contract is { IsUnits: false } c && c.ApiOption == r && m < block.ContractSpend.Length))
                    {
                        result.CostByMonth[r][m] += FleetModelBuilder.ApiCost(input.Options[r], slots[j].Hours) * units[r];
                    }
                }

                if (m == grid.Months - 1)
                {
                    RecordWeek(input, result, block.Demand[m][j], slots[j].BaseTokensPerSecond, capacity);
                }
            }

            for (int r = 0; r < rows; r++)
            {
                result.AverageUnitsByMonth[r][m] /= grid.MonthHours[m];
            }

            HeldCosts(input, model, block, x, result, m, contract);
        }

        result.Commitment = model.Commitment >= 0 ? x[model.Commitment] : null;
        return result;
    }

    private static IEnumerable<int> ServeOrder(FleetInput input, int rows)
    {
        for (int o = 0; o < input.Options.Count; o++)
        {
            if (input.Options[o].Kind == OptionKind.Api)
            {
                yield return o;
            }
        }

        foreach (OptionKind kind in DispatchOrder)
        {
            for (int o = 0; o < input.Options.Count; o++)
            {
                if (input.Options[o].Kind == kind)
                {
                    yield return o;
                }
            }

            if (kind == OptionKind.Reserved && rows > input.Options.Count)
            {
                yield return input.Options.Count;
            }
        }
    }

    private static void HeldCosts(FleetInput input, FleetModel model, ScenarioBlock block, double[] x, ScenarioResult result, int m, FleetContract? contract)
    {
        double hours = model.Grid.MonthHours[m];
        for (int o = 0; o < input.Options.Count; o++)
        {
            FleetOption option = input.Options[o];
            double units = block.Held[o].Length > 0 ? Math.Round(x[block.Held[o][m]]) : 0;
            result.CostByMonth[o][m] += option.Kind switch
            {
                OptionKind.Owned => units * (option.OwnedUsdPerMonth + (option.OwnedPowerUsdPerHour * hours)),
                OptionKind.Reserved => units * ((option.UsdPerUnitHour * hours) + (option.UpfrontUsd / option.TermMonths)),
                _ => 0,
            };
        }

        if (contract is { IsUnits: false } && m < block.ContractSpend.Length)
        {
            result.CostByMonth[contract.ApiOption][m] += x[block.ContractSpend[m]];
        }
        else if (contract is { IsUnits: true } && block.ContractUnits[m] >= 0)
        {
            double units = Math.Round(x[block.ContractUnits[m]]);
            double committed = Math.Round(x[model.Commitment]);
            double price = contract.Tiers.Where(t => t.FromUnits <= committed).Min(t => t.UsdPerUnitHour); // the cheapest tier reached
            result.CostByMonth[input.Options.Count][m] += units * price * FleetModelBuilder.Escalation(contract, m) * hours;
        }
    }

    private static void RecordWeek(FleetInput input, ScenarioResult result, double demand, double baseValue, double[] capacity)
    {
        if (result.LastWeekDemand.Length == 0)
        {
            result.LastWeekDemand = new double[168];
            result.LastWeekCapacity = [.. capacity.Select(_ => new double[168])];
        }

        for (int w = 0; w < 168; w++)
        {
            if (input.WeekTokensPerSecond[w] == baseValue)
            {
                result.LastWeekDemand[w] = demand;
                for (int r = 0; r < capacity.Length; r++)
                {
                    result.LastWeekCapacity[r][w] = capacity[r];
                }
            }
        }
    }
}
