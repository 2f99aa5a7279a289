namespace Burnrate.Planning.Fleet;

/// <summary>
/// The exact cost of covering each slot with per-slot capacity (on-demand and spot units, API tokens) once the held units (owned,
/// reserved, contract: all of one serving entry) are known, tabulated per month for every held level k = 0..K. With it the program
/// needs no per-slot variable: month m costs F_m(k) for k held units, F_m(k) = Σ_slots min { Σ price·units + API cost : units
/// integer within caps, Σ capacity·units + (1 + headroom)·API ≥ (1 + headroom)·demand − k·capacity }. Each slot's minimum is found
/// by a depth-first search over the options' unit counts, cheapest capacity first, pruned by the linear-relaxation bound.
/// </summary>
internal sealed class RecourseTable
{
    private readonly FleetInput _input;
    private readonly SlotGrid _grid;
    private readonly double[][] _demand;
    private readonly int[] _options;
    private readonly int _api;
    private readonly double _heldCapacity;

    public RecourseTable(FleetInput input, SlotGrid grid, double[][] demand, double heldCapacity, int levels)
    {
        _input = input;
        _grid = grid;
        _demand = demand;
        _heldCapacity = heldCapacity;
        _options = [.. Enumerable.Range(0, input.Options.Count).Where(o => input.Options[o].Kind is OptionKind.OnDemand or OptionKind.Spot)
            .OrderBy(o => input.Options[o].UsdPerUnitHour / Capacity(o)).ThenBy(o => o)];
        _api = Enumerable.Range(0, input.Options.Count).Where(o => input.Options[o].Kind == OptionKind.Api)
            .OrderBy(o => input.Options[o].UsdPerMillionTokens).ThenBy(o => o).DefaultIfEmpty(-1).First();
        Levels = levels;
        MonthCost = new double[grid.Months][];
        for (int m = 0; m < grid.Months; m++)
        {
            MonthCost[m] = new double[levels + 1];
            for (int k = 0; k <= levels; k++)
            {
                double total = 0;
                for (int j = 0; j < grid.ByMonth[m].Length && !double.IsPositiveInfinity(total); j++)
                {
                    total += Solve(m, j, k, null);
                }

                MonthCost[m][k] = total;
            }
        }
    }

    /// <summary>Gets the highest held level tabulated.</summary>
    public int Levels { get; }

    /// <summary>Gets F_m(k), USD ([month][level]); +∞ where the slots cannot be covered.</summary>
    public double[][] MonthCost { get; }

    /// <summary>Gets the per-slot units (by option index; API: tokens per second) of slot j of month m with k held units.</summary>
    public double[] SlotPlan(int m, int j, int k)
    {
        var plan = new double[_input.Options.Count];
        Solve(m, j, k, plan);
        return plan;
    }

    private double Capacity(int o) => _input.Servings[_input.Options[o].Serving].CapacityTokensPerSecond * _input.Options[o].EffectiveShare;

    private double Solve(int m, int j, int k, double[]? plan)
    {
        double h = 1 + _input.Headroom, hours = _grid.ByMonth[m][j].Hours;
        double need = (h * _demand[m][j]) - (k * _heldCapacity);
        if (need <= 1e-9)
        {
            return 0;
        }

        // API: cost per unit of capacity (tokens/s × (1 + headroom)) over the slot's hours
        double apiRate = _api >= 0 ? FleetModelBuilder.ApiCost(_input.Options[_api], hours) / h : double.PositiveInfinity;
        var search = new Search(this, hours, apiRate);
        search.Run(0, need, 0, new int[_options.Length]);
        if (plan is not null && search.Best is { } best)
        {
            for (int i = 0; i < _options.Length; i++)
            {
                plan[_options[i]] = best[i];
            }

            double rest = need - _options.Select((o, i) => best[i] * Capacity(o)).Sum();
            if (_api >= 0 && rest > 0)
            {
                plan[_api] = rest / h;
            }
        }

        return search.Cost;
    }

    private sealed class Search(RecourseTable table, double hours, double apiRate)
    {
        public double Cost { get; private set; } = double.PositiveInfinity;

        public int[]? Best { get; private set; }

        public void Run(int i, double need, double spent, int[] units)
        {
            int[] options = table._options;
            if (need <= 1e-9 || i == options.Length)
            {
                double total = spent + (need > 1e-9 ? need * apiRate : 0);
                if (total < Cost - 1e-9)
                {
                    Cost = total;
                    Best = [.. units];
                }

                return;
            }

            // Bound: the cheapest rate among the remaining options and the API, for all that is left.
            double rate = apiRate;
            for (int r = i; r < options.Length; r++)
            {
                rate = Math.Min(rate, table._input.Options[options[r]].UsdPerUnitHour * hours / table.Capacity(options[r]));
            }

            if (spent + (need * rate) >= Cost - 1e-9)
            {
                return;
            }

            FleetOption option = table._input.Options[options[i]];
            double capacity = table.Capacity(options[i]), price = option.UsdPerUnitHour * hours;
            int most = (int)Math.Min(option.MaxUnits ?? int.MaxValue, Math.Ceiling((need - 1e-9) / capacity));
            for (int u = most; u >= 0; u--)
            {
                units[i] = u;
                Run(i + 1, need - (u * capacity), spent + (u * price), units);
            }

            units[i] = 0;
        }
    }
}
