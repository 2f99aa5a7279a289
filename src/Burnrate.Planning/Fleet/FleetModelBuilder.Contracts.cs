namespace Burnrate.Planning.Fleet;

/// <summary>
/// Contract terms as linear pieces (docs/fleet.md, "Contracts"): a take-or-pay commitment of units paid every month of the term
/// whether used or not; all-units price tiers chosen by one binary per tier; an annual escalator; a scaling clause bounding each
/// quarter's commitment to ±flex of the quarter before (decided per scenario, as the clause lets a buyer follow demand); an API
/// spend commitment billed max(commitment, discounted usage) each month.
/// </summary>
internal sealed partial class FleetModelBuilder
{
    private int _contractServing = -1;
    private int _contractTerm;

    private ContractShared SharedContract(FleetContract c, IReadOnlyList<DemandScenario> scenarios, FleetModel model)
    {
        _contractTerm = Math.Min(c.TermMonths, _grid.Months);
        double lower = c.Commitment ?? 0;
        if (!c.IsUnits)
        {
            int spend = _lp.Add(lower, c.Commitment ?? double.PositiveInfinity, false, 0);
            model.Commitment = spend;
            return new ContractShared(spend, [], 0);
        }

        _contractServing = c.Serving;
        double peak = scenarios.Max(s => _grid.ByMonth.Select((slots, m) => slots.Select(x => x.BaseTokensPerSecond).DefaultIfEmpty(0).Max() * SlotGrid.Growth(s.MonthlyGrowth, m)).Max());
        double ub = Math.Max(lower, c.MaxUnits ?? Math.Ceiling(peak * (1 + _input.Headroom) / _input.Servings[c.Serving].CapacityTokensPerSecond));
        int q0 = _lp.Add(lower, c.Commitment ?? ub, true, 0);
        model.Commitment = q0;
        int[] tiers = [];
        if (c.Tiers.Count > 1)
        {
            tiers = [.. c.Tiers.Select(_ => _lp.Add(0, 1, true, 0))];
            _lp.Constrain(1, 1, tiers.Select(y => (y, 1.0)));
            _lp.Constrain(0, double.PositiveInfinity, [(q0, 1.0), .. tiers.Select((y, k) => (y, -(double)c.Tiers[k].FromUnits))]);
        }

        return new ContractShared(q0, tiers, ub);
    }

    private void AddContract(ScenarioBlock block, FleetContract c, ContractShared shared, double peak)
    {
        double p = block.Scenario.Probability;
        if (!c.IsUnits)
        {
            AddSpend(block, c, shared, p);
            return;
        }

        int quarters = (_contractTerm + 2) / 3;
        var q = new int[quarters];
        q[0] = shared.Commitment;
        for (int k = 1; k < quarters; k++)
        {
            if (c.FlexPerQuarter is not { } flex)
            {
                q[k] = shared.Commitment;
                continue;
            }

            q[k] = _lp.Add(0, Math.Max(shared.UnitBound, Math.Ceiling(peak / _input.Servings[c.Serving].CapacityTokensPerSecond)), true, 0);
            _lp.Constrain(double.NegativeInfinity, 0, [(q[k], 1), (q[k - 1], -(1 + flex))]);
            _lp.Constrain(0, double.PositiveInfinity, [(q[k], 1), (q[k - 1], -(1 - flex))]);
        }

        block.ContractUnits = [.. Enumerable.Range(0, _grid.Months).Select(m => m < _contractTerm ? q[m / 3] : -1)];
        for (int k = 0; k < quarters; k++)
        {
            double hours = 0; // escalated hours of the quarter's months inside the term
            for (int m = 3 * k; m < Math.Min(3 * (k + 1), _contractTerm); m++)
            {
                hours += Escalation(c, m) * _grid.MonthHours[m];
            }

            if (shared.Tiers.Length == 0)
            {
                _lp.AddCost(q[k], p * c.Tiers[0].UsdPerUnitHour * hours);
                continue;
            }

            var split = new List<(int, double)> { (q[k], -1) };
            for (int t = 0; t < shared.Tiers.Length; t++)
            {
                double bound = _lp.Variables[q[k]].Upper;
                int z = _lp.Add(0, bound, false, p * c.Tiers[t].UsdPerUnitHour * hours);
                _lp.Constrain(double.NegativeInfinity, 0, [(z, 1), (shared.Tiers[t], -bound)]);
                split.Add((z, 1));
            }

            _lp.Constrain(0, 0, split);
        }
    }

    private void AddSpend(ScenarioBlock block, FleetContract c, ContractShared shared, double p)
    {
        FleetOption api = _input.Options[c.ApiOption];
        block.ContractSpend = new int[_contractTerm];
        for (int m = 0; m < _contractTerm; m++)
        {
            int bill = _lp.Add(0, double.PositiveInfinity, false, p);
            block.ContractSpend[m] = bill;
            _lp.Constrain(0, double.PositiveInfinity, [(bill, 1), (shared.Commitment, -1)]);
            double factor = (1 - c.Discount) * Escalation(c, m);
            var usage = new List<(int, double)> { (bill, 1) };
            for (int j = 0; j < _grid.ByMonth[m].Length; j++)
            {
                usage.Add((block.PerSlot[c.ApiOption][SlotIndex(m, j)], -factor * ApiCost(api, _grid.ByMonth[m][j].Hours)));
            }

            _lp.Constrain(0, double.PositiveInfinity, usage);
        }
    }

    /// <summary>Gets the escalator's factor in month <paramref name="m"/> of the term: (1 + e)^⌊m / 12⌋.</summary>
    public static double Escalation(FleetContract c, int m) => Math.Pow(1 + c.EscalatorPerYear, m / 12);

    private sealed record ContractShared(int Commitment, int[] Tiers, double UnitBound);
}
