namespace Burnrate.Planning.Fleet;

/// <summary>
/// Builds the fleet MILP (docs/fleet.md, "The program"). Per scenario s with probability p: minimise p × Σ cost; every slot's
/// accelerator capacity covers (1 + headroom) × (demand − API tokens). Owned units are held per month (never fewer than the month
/// before, none before the lead time); reserved units are active per month as the sum of terms started in the last termMonths
/// months; on-demand and spot units and API tokens are chosen per slot. With a contract, its commitment is shared by all scenarios.
/// </summary>
internal sealed partial class FleetModelBuilder
{
    private readonly FleetInput _input;
    private readonly SlotGrid _grid;
    private readonly LinearModel _lp = new();
    private readonly int[] _offset;

    public FleetModelBuilder(FleetInput input, SlotGrid grid)
    {
        _input = input;
        _grid = grid;
        _offset = new int[grid.Months + 1];
        for (int m = 0; m < grid.Months; m++)
        {
            _offset[m + 1] = _offset[m] + grid.ByMonth[m].Length;
        }
    }

    /// <summary>Builds the program for <paramref name="scenarios"/>, with <paramref name="contract"/> available when given.</summary>
    public FleetModel Build(IReadOnlyList<DemandScenario> scenarios, FleetContract? contract = null)
    {
        var blocks = new ScenarioBlock[scenarios.Count];
        var model = new FleetModel(_lp, _grid, blocks);
        ContractShared? shared = contract is null ? null : SharedContract(contract, scenarios, model);
        for (int s = 0; s < scenarios.Count; s++)
        {
            blocks[s] = Block(scenarios[s], contract, shared);
        }

        return model;
    }

    /// <summary>Gets the global index of slot <paramref name="j"/> of month <paramref name="m"/>.</summary>
    public int SlotIndex(int m, int j) => _offset[m] + j;

    private ScenarioBlock Block(DemandScenario scenario, FleetContract? contract, ContractShared? shared)
    {
        double p = scenario.Probability;
        int months = _grid.Months;
        var block = new ScenarioBlock(scenario, _input.Options.Count, months);
        for (int m = 0; m < months; m++)
        {
            double growth = SlotGrid.Growth(scenario.MonthlyGrowth, m);
            block.Demand[m] = [.. _grid.ByMonth[m].Select(x => x.BaseTokensPerSecond * growth)];
        }

        double peak = block.Demand.SelectMany(d => d).DefaultIfEmpty(0).Max() * (1 + _input.Headroom);
        for (int o = 0; o < _input.Options.Count; o++)
        {
            FleetOption option = _input.Options[o];
            double unitBound = option.HasUnits ? Math.Ceiling(peak / Capacity(option)) : 0;
            double ub = Math.Min(option.MaxUnits ?? double.PositiveInfinity, unitBound);
            switch (option.Kind)
            {
                case OptionKind.Owned:
                    block.Held[o] = Owned(option, p, ub);
                    break;
                case OptionKind.Reserved:
                    block.Held[o] = Reserved(option, p, ub);
                    break;
                default:
                    block.PerSlot[o] = PerSlot(option, block, p, ub, contract is { IsUnits: false } c && c.ApiOption == o);
                    break;
            }
        }

        if (contract is not null && shared is not null)
        {
            AddContract(block, contract, shared, peak);
        }

        Cover(block);
        return block;
    }

    private int[] Owned(FleetOption option, double p, double ub)
    {
        var held = new int[_grid.Months];
        for (int m = 0; m < held.Length; m++)
        {
            double monthly = option.OwnedUsdPerMonth + (option.OwnedPowerUsdPerHour * _grid.MonthHours[m]);
            held[m] = _lp.Add(0, m < option.LeadTimeMonths ? 0 : ub, true, p * monthly);
            if (m > 0)
            {
                _lp.Constrain(0, double.PositiveInfinity, [(held[m], 1), (held[m - 1], -1)]); // kept once bought
            }
        }

        return held;
    }

    private int[] Reserved(FleetOption option, double p, double ub)
    {
        int months = _grid.Months;
        var start = new int[months];
        var active = new int[months];
        for (int m = 0; m < months; m++)
        {
            start[m] = _lp.Add(0, ub, true, 0);
            double monthly = (option.UsdPerUnitHour * _grid.MonthHours[m]) + (option.UpfrontUsd / option.TermMonths);
            active[m] = _lp.Add(0, ub, false, p * monthly);
            var terms = new List<(int, double)> { (active[m], 1) };
            for (int k = Math.Max(0, m - option.TermMonths + 1); k <= m; k++)
            {
                terms.Add((start[k], -1));
            }

            _lp.Constrain(0, 0, terms); // active = terms started in the last termMonths months
        }

        return active;
    }

    private int[] PerSlot(FleetOption option, ScenarioBlock block, double p, double ub, bool underContract)
    {
        var vars = new int[_offset[^1]];
        for (int m = 0; m < _grid.Months; m++)
        {
            Slot[] slots = _grid.ByMonth[m];
            for (int j = 0; j < slots.Length; j++)
            {
                if (option.Kind == OptionKind.Api)
                {
                    bool covered = underContract && m < _contractTerm;
                    double cost = covered ? 0 : p * ApiCost(option, slots[j].Hours);
                    vars[SlotIndex(m, j)] = _lp.Add(0, block.Demand[m][j], false, cost);
                }
                else
                {
                    vars[SlotIndex(m, j)] = _lp.Add(0, ub, true, p * option.UsdPerUnitHour * slots[j].Hours);
                }
            }
        }

        return vars;
    }

    private void Cover(ScenarioBlock block)
    {
        double h = 1 + _input.Headroom;
        for (int m = 0; m < _grid.Months; m++)
        {
            for (int j = 0; j < _grid.ByMonth[m].Length; j++)
            {
                var terms = new List<(int, double)>();
                for (int o = 0; o < _input.Options.Count; o++)
                {
                    FleetOption option = _input.Options[o];
                    if (option.Kind == OptionKind.Api)
                    {
                        terms.Add((block.PerSlot[o][SlotIndex(m, j)], h));
                    }
                    else
                    {
                        int v = block.Held[o].Length > 0 ? block.Held[o][m] : block.PerSlot[o][SlotIndex(m, j)];
                        terms.Add((v, Capacity(option)));
                    }
                }

                if (block.ContractUnits.Length > 0 && block.ContractUnits[m] >= 0)
                {
                    terms.Add((block.ContractUnits[m], _input.Servings[_contractServing].CapacityTokensPerSecond));
                }

                _lp.Constrain(h * block.Demand[m][j], double.PositiveInfinity, terms);
            }
        }
    }

    /// <summary>Gets one unit's tokens per second: the serving entry's capacity × the share of time it serves.</summary>
    public double Capacity(FleetOption option) => _input.Servings[option.Serving].CapacityTokensPerSecond * option.EffectiveShare;

    /// <summary>Gets the API cost of one token per second held for <paramref name="hours"/>.</summary>
    public static double ApiCost(FleetOption option, double hours) => option.UsdPerMillionTokens * 3600 * hours / 1e6;
}
