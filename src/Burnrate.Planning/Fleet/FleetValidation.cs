using Burnrate.Core.Quantities;

namespace Burnrate.Planning.Fleet;

/// <summary>The semantic checks of a <see cref="FleetInput"/>: every bad field at once, each as one line.</summary>
internal static class FleetValidation
{
    public static IReadOnlyList<string> Check(FleetInput input)
    {
        var bad = new List<string>();
        void Require(bool ok, string message)
        {
            if (!ok)
            {
                bad.Add(message);
            }
        }

        Require(input.Months is >= 1 and <= 600, $"horizon.months must be 1..600, got {input.Months}");
        Require(input.WeekTokensPerSecond.Count == 168, $"demand must give 168 hourly values (a week), got {input.WeekTokensPerSecond.Count}");
        Require(input.WeekTokensPerSecond.All(v => double.IsFinite(v) && v >= 0), "demand tokensPerSecond must be finite and ≥ 0 in every hour");
        Require(input.MonthlyGrowth > -1 && double.IsFinite(input.MonthlyGrowth), $"demand.monthlyGrowth must be > -1, got {Show(input.MonthlyGrowth)}");
        Require(input.Headroom is >= 0 and < 10, $"headroom must be in [0, 10), got {Show(input.Headroom)}");
        Require(input.Options.Count > 0, "options must list at least one capacity option");
        if (input.Scenarios.Count > 0)
        {
            double sum = input.Scenarios.Sum(s => s.Probability);
            Require(Math.Abs(sum - 1) <= 1e-6, $"demand.scenarios probabilities must sum to 1, got {Show(sum)}");
            Require(input.Scenarios.All(s => s.Probability >= 0 && s.MonthlyGrowth > -1), "demand.scenarios need probability ≥ 0 and monthlyGrowth > -1");
        }

        foreach (ServingEntry s in input.Servings)
        {
            Require(s.CapacityTokensPerSecond > 0 && double.IsFinite(s.CapacityTokensPerSecond), $"serving '{s.Name}': capacityTokensPerSecond must be > 0, got {Show(s.CapacityTokensPerSecond)}");
        }

        foreach (FleetOption o in input.Options)
        {
            string at = $"{o.Location}: option '{o.Name}'";
            Require(!o.HasUnits || (o.Serving >= 0 && o.Serving < input.Servings.Count), $"{at}: needs a serving entry");
            Require(o.MaxUnits is null or >= 0, $"{at}: maxUnits must be ≥ 0");
            Require(o.UsdPerUnitHour >= 0 && o.UpfrontUsd >= 0 && o.OwnedUsdPerMonth >= 0 && o.OwnedPowerUsdPerHour >= 0 && o.UsdPerMillionTokens >= 0, $"{at}: prices must be ≥ 0");
            Require(o.TermMonths >= 1, $"{at}: termMonths must be ≥ 1, got {o.TermMonths}");
            Require(o.LeadTimeMonths >= 0 && o.LeadTimeMonths < input.Months, $"{at}: leadTimeMonths must be inside the horizon (0..{input.Months - 1}), got {o.LeadTimeMonths}");
            Require(o.EffectiveShare is > 0 and <= 1, $"{at}: interruptionsPerHour × restartMinutes / 60 must leave a share in (0, 1] of the time serving, got {Show(o.EffectiveShare)}");
        }

        foreach (FleetContract c in input.Contracts)
        {
            string at = $"{c.Location}: contract '{c.Name}'";
            Require(c.IsUnits ? c.Serving < input.Servings.Count : c.ApiOption >= 0 && c.ApiOption < input.Options.Count && input.Options[c.ApiOption].Kind == OptionKind.Api, $"{at}: needs a serving entry or an api option");
            Require(c.TermMonths >= 1, $"{at}: termMonths must be ≥ 1");
            Require(c.Tiers.Count > 0 && c.Tiers[0].FromUnits == 0 && c.Tiers.Zip(c.Tiers.Skip(1)).All(p => p.First.FromUnits < p.Second.FromUnits), $"{at}: tiers must start at 0 units and rise");
            Require(c.Tiers.All(t => t.UsdPerUnitHour >= 0), $"{at}: tier prices must be ≥ 0");
            Require(c.Discount is >= 0 and < 1, $"{at}: discount must be in [0, 1), got {Show(c.Discount)}");
            Require(c.EscalatorPerYear > -1, $"{at}: escalatorPerYear must be > -1");
            Require(c.FlexPerQuarter is null or (>= 0 and <= 1), $"{at}: flexPerQuarter must be in [0, 1]");
            Require(c.Commitment is null or >= 0, $"{at}: commit must be ≥ 0");
        }

        return bad;
    }

    private static string Show(double value) => NumberText.Significant(value, 6);
}
