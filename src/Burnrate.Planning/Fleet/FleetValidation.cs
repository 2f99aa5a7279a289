using System.Globalization;
using Burnrate.Core.Quantities;
using Burnrate.Core.Validation;

namespace Burnrate.Planning.Fleet;

/// <summary>
/// The semantic checks of a <see cref="FleetInput"/>: every bad field at once, each as a <see cref="FieldError"/> whose field is
/// its path in the fleet file (entries named in brackets: <c>options[spot].maxUnits</c>), the value given and what is allowed.
/// </summary>
internal static class FleetValidation
{
    public static IReadOnlyList<FieldError> Check(FleetInput input)
    {
        var bad = new List<FieldError>();
        void Require(bool ok, string field, string value, string allowed)
        {
            if (!ok)
            {
                bad.Add(new FieldError(field, value, allowed));
            }
        }

        Require(input.Months is >= 1 and <= 600, "horizon.months", Whole(input.Months), "a whole number of months in 1..600");
        Require(input.WeekTokensPerSecond.Count == 168, "demand.weekly", Whole(input.WeekTokensPerSecond.Count) + " values", "168 hourly values (a week, Monday 00:00 first)");
        double firstBad = input.WeekTokensPerSecond.FirstOrDefault(v => !(double.IsFinite(v) && v >= 0));
        Require(input.WeekTokensPerSecond.All(v => double.IsFinite(v) && v >= 0), "demand.tokensPerSecond", Show(firstBad), "tokens per second, finite and ≥ 0 in every hour");
        Require(input.MonthlyGrowth > -1 && double.IsFinite(input.MonthlyGrowth), "demand.monthlyGrowth", Show(input.MonthlyGrowth), "a fraction per month > -1");
        Require(input.Headroom is >= 0 and < 10, "headroom", Show(input.Headroom), "a share of capacity in [0, 10)");
        bad.AddRange(new FieldChecks().NotEmpty("options", input.Options, "at least one capacity option")); // given, so never "missing"
        if (input.Scenarios.Count > 0)
        {
            double sum = input.Scenarios.Sum(s => s.Probability);
            Require(Math.Abs(sum - 1) <= 1e-6, "demand.scenarios", "probabilities summing to " + Show(sum), "probabilities that sum to 1");
            foreach (DemandScenario s in input.Scenarios)
            {
                Require(s.Probability >= 0, $"demand.scenarios[{s.Name}].probability", Show(s.Probability), "a probability in [0, 1]");
                Require(s.MonthlyGrowth > -1, $"demand.scenarios[{s.Name}].monthlyGrowth", Show(s.MonthlyGrowth), "a fraction per month > -1");
            }
        }

        foreach (ServingEntry s in input.Servings)
        {
            Require(s.CapacityTokensPerSecond > 0 && double.IsFinite(s.CapacityTokensPerSecond), $"serving[{s.Name}].capacityTokensPerSecond", Show(s.CapacityTokensPerSecond), "tokens per second > 0 per unit");
        }

        foreach (FleetOption o in input.Options)
        {
            string at = $"options[{o.Name}].";
            Require(!o.HasUnits || (o.Serving >= 0 && o.Serving < input.Servings.Count), at + "serving", Whole(o.Serving), $"a serving entry of the file (0..{input.Servings.Count - 1})");
            Require(o.MaxUnits is null or >= 0, at + "maxUnits", Whole(o.MaxUnits ?? 0), "a whole number of units ≥ 0");
            Require(o.UsdPerUnitHour >= 0, at + "usdPerUnitHour", Show(o.UsdPerUnitHour), "USD ≥ 0");
            Require(o.UpfrontUsd >= 0, at + "upfrontUsd", Show(o.UpfrontUsd), "USD ≥ 0");
            Require(o.OwnedUsdPerMonth >= 0, at + "fixedUsdPerMonth", Show(o.OwnedUsdPerMonth), "USD ≥ 0 per unit and month");
            Require(o.OwnedPowerUsdPerHour >= 0, at + "powerKw", Show(o.OwnedPowerUsdPerHour) + " USD/h", "power, PUE and electricity price ≥ 0");
            Require(o.UsdPerMillionTokens >= 0, at + "usdPerMillionTokens", Show(o.UsdPerMillionTokens), "USD ≥ 0");
            Require(o.TermMonths >= 1, at + "termMonths", Whole(o.TermMonths), "a whole number of months ≥ 1");
            Require(o.LeadTimeMonths >= 0 && o.LeadTimeMonths < input.Months, at + "leadTimeMonths", Whole(o.LeadTimeMonths), $"months inside the horizon (0..{input.Months - 1})");
            Require(o.EffectiveShare is > 0 and <= 1, at + "restartMinutes", "a serving share of " + Show(o.EffectiveShare),
                "interruptionsPerHour × restartMinutes / 60 leaving a share in (0, 1] of the time serving");
        }

        foreach (FleetContract c in input.Contracts)
        {
            string at = $"contracts[{c.Name}].";
            bool target = c.IsUnits ? c.Serving < input.Servings.Count : c.ApiOption >= 0 && c.ApiOption < input.Options.Count && input.Options[c.ApiOption].Kind == OptionKind.Api;
            Require(target, at + (c.IsUnits ? "serving" : "api"), Whole(c.IsUnits ? c.Serving : c.ApiOption), "a serving entry or an api option of the file");
            Require(c.TermMonths >= 1, at + "termMonths", Whole(c.TermMonths), "a whole number of months ≥ 1");
            Require(c.Tiers.Count > 0 && c.Tiers[0].FromUnits == 0 && c.Tiers.Zip(c.Tiers.Skip(1)).All(p => p.First.FromUnits < p.Second.FromUnits),
                at + "tiers", string.Join(", ", c.Tiers.Select(t => Whole(t.FromUnits))), "tiers starting at 0 units and rising");
            Require(c.Tiers.All(t => t.UsdPerUnitHour >= 0), at + "tiers", string.Join(", ", c.Tiers.Select(t => Show(t.UsdPerUnitHour))), "tier prices ≥ 0 USD per unit-hour");
            Require(c.Discount is >= 0 and < 1, at + "discount", Show(c.Discount), "a fraction in [0, 1)");
            Require(c.EscalatorPerYear > -1, at + "escalatorPerYear", Show(c.EscalatorPerYear), "a fraction per year > -1");
            Require(c.FlexPerQuarter is null or (>= 0 and <= 1), at + "flexPerQuarter", Show(c.FlexPerQuarter ?? 0), "a fraction in [0, 1]");
            Require(c.Commitment is null or >= 0, at + "commit", Show(c.Commitment ?? 0), "a commitment ≥ 0");
        }

        return bad;
    }

    private static string Show(double value) => NumberText.Significant(value, 6);

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);
}
