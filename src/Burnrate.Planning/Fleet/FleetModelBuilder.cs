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
        int heldServing = RecourseServing(contract);
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
                    block.PerSlot[o] = heldServing >= -1 ? [] : PerSlot(option, block, p, ub, contract is { IsUnits: false } c && c.ApiOption == o);
                    break;
            }
        }

        if (contract is not null && shared is not null)
        {
            AddContract(block, contract, shared, peak);
        }

        if (heldServing >= -1)
        {
            AddRecourse(block, heldServing, p);
        }
        else
        {
            Cover(block);
        }

        return block;
    }

    /// <summary>
    /// Gets the serving entry every held option (owned, reserved, a units contract) provides, -1 when nothing is held, or -2 when
    /// the per-slot recourse cannot be tabulated (held units of several entries, or an API spend contract) and slots get variables.
    /// </summary>
    private int RecourseServing(FleetContract? contract)
    {
        if (contract is { IsUnits: false } || ForcePerSlot)
        {
            return -2;
        }

        int[] held = [.. _input.Options.Where(o => o.Kind is OptionKind.Owned or OptionKind.Reserved).Select(o => o.Serving)
            .Concat(contract is { IsUnits: true } c ? [c.Serving] : []).Distinct()];
        return held.Length switch { 0 => -1, 1 => held[0], _ => -2 };
    }

    /// <summary>Gets or sets whether every slot gets its own variables even where the recourse table applies (tests compare both).</summary>
    public bool ForcePerSlot { get; init; }

    private void AddRecourse(ScenarioBlock block, int serving, double p)
    {
        double capacity = serving >= 0 ? _input.Servings[serving].CapacityTokensPerSecond : 1;
        int levels = serving < 0 ? 0 : (int)Math.Ceiling(block.Demand.Max(d => d.DefaultIfEmpty(0).Max()) * (1 + _input.Headroom) / capacity - 1e-9);
        var table = new RecourseTable(_input, _grid, block.Demand, capacity, Math.Max(0, levels));
        block.Table = table;
        int fixedCost = _lp.Add(1, 1, true, 0); // fixed at 1; integer so a model without API tokens stays all-integer for CP-SAT
        for (int m = 0; m < _grid.Months; m++)
        {
            double[] f = table.MonthCost[m];
            int first = Array.FindIndex(f, double.IsFinite);
            if (first < 0)
            {
                throw new InvalidOperationException($"month {m} cannot be covered at any held level"); // FirstUncovered reports this first
            }

            _lp.AddCost(fixedCost, p * f[first]);
            var held = new List<(int, double)>();
            int previous = -1;
            for (int k = 1; k <= table.Levels; k++)
            {
                int delta = _lp.Add(k <= first ? 1 : 0, 1, true, k <= first ? 0 : p * (f[k] - f[k - 1]));
                held.Add((delta, 1));
                if (previous >= 0)
                {
                    _lp.Constrain(0, double.PositiveInfinity, [(previous, 1), (delta, -1)]);
                }

                previous = delta;
            }

            for (int o = 0; o < _input.Options.Count; o++)
            {
                if (block.Held[o].Length > 0)
                {
                    held.Add((block.Held[o][m], -1));
                }
            }

            if (block.ContractUnits.Length > 0 && block.ContractUnits[m] >= 0)
            {
                held.Add((block.ContractUnits[m], -1));
            }

            _lp.Constrain(double.NegativeInfinity, 0, held); // levels counted ≤ units held (F never rises with more held)
        }
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
            active[m] = _lp.Add(0, ub, true, p * monthly); // a sum of integer starts: integral anyway, declared so for CP-SAT
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
