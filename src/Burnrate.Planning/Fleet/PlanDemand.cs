using System.Globalization;
using Burnrate.Core.Quantities;
using Burnrate.Core.Validation;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Fleet;

/// <summary>
/// A fleet's demand taken from a plan scenario's token driver (<c>demand.plan: {file, revenue}</c>, docs/fleet.md): the stream's
/// tokens in the fleet's first month and its monthly growth, as the plan projects them in its base case. A usage stream serves
/// <c>tokensPerMonth × (1 + monthlyGrowth)^m</c>; a subscription <c>customers × tokensPerCustomerPerMonth × (1 + monthlyGrowth −
/// monthlyChurn)^m</c> (the projection's own rule); uncertain drivers are taken at their median.
/// </summary>
internal static class PlanDemand
{
    /// <summary>The hours of an average month (365.25 × 24 ÷ 12): a plan's monthly tokens become an average rate with it.</summary>
    public const double HoursPerMonth = 730.5;

    /// <summary>Reads the plan and returns the stream's tokens in <paramref name="fleetStart"/>'s month and its monthly growth.</summary>
    /// <param name="planPath">The plan scenario file.</param>
    /// <param name="stream">The revenue stream's name, or null when the plan has exactly one.</param>
    /// <param name="fleetStart">The fleet's first month (the plan's first month or later).</param>
    /// <returns>The tokens in the fleet's first month, the growth per month and where they came from.</returns>
    /// <exception cref="InputException">The plan cannot be read, has no such stream, or starts after the fleet.</exception>
    public static (double TokensPerMonth, double MonthlyGrowth, string Source) Read(string planPath, string? stream, DateOnly fleetStart)
    {
        PlanScenario plan;
        try
        {
            plan = ScenarioReader.ReadFile(planPath, NoCosts.Instance);
        }
        catch (Catalog.CatalogException e)
        {
            throw new InputException(e.Message, e);
        }

        string[] names = [.. plan.Revenue.Select(r => r.Name)];
        RevenueSource source = stream is null
            ? plan.Revenue.Count == 1 ? plan.Revenue[0] : throw new InputException("demand.plan.revenue", "", $"the revenue stream whose tokens the fleet serves: {planPath} has {(names.Length == 0 ? "none" : string.Join(", ", names))}")
            : plan.Revenue.FirstOrDefault(r => r.Name == stream) ?? throw new InputException("demand.plan.revenue", stream, $"a revenue stream of {planPath}: {(names.Length == 0 ? "it has none" : string.Join(", ", names))}");
        int offset = ((fleetStart.Year - plan.Start.Year) * 12) + fleetStart.Month - plan.Start.Month;
        if (offset < 0)
        {
            throw new InputException("horizon.start", fleetStart.ToString("yyyy-MM", CultureInfo.InvariantCulture), $"a month from the plan's start {plan.MonthLabel(0)} on (the plan has no tokens before it)");
        }

        double Central(int driver) => driver >= 0 ? plan.Drivers[driver].Central : 0;
        bool usage = source.Kind == RevenueKind.Usage;
        double growth = Central(source.MonthlyGrowth) - Central(source.MonthlyChurn);
        double first = usage ? Central(source.Volume) : Central(source.Volume) * Central(source.TokensPerCustomer);
        if (!usage && first <= 0)
        {
            throw new InputException("demand.plan.revenue", source.Name, "a stream that serves tokens (tokensPerCustomerPerMonth > 0 for a subscription)");
        }

        double tokens = first * Math.Pow(Math.Max(0, 1 + growth), offset);
        string p = "revenue." + source.Name + ".";
        string drivers = usage ? $"{p}tokensPerMonth × (1 + {p}monthlyGrowth)^m" : $"{p}customers × {p}tokensPerCustomerPerMonth × (1 + {p}monthlyGrowth − {p}monthlyChurn)^m";
        return (tokens, growth, $"burnrate plan {planPath}: {drivers}, medians, from {plan.MonthLabel(0)}; {tokens.ToString("0.###e0", CultureInfo.InvariantCulture)} tokens in {fleetStart.ToString("yyyy-MM", CultureInfo.InvariantCulture)} over {HoursPerMonth} h");
    }

    /// <summary>Reads a plan for its revenue drivers alone: its <c>from:</c> costs are not derived (a plan may take its inference cost from this very fleet).</summary>
    private sealed class NoCosts : ICostDeriver
    {
        public static readonly NoCosts Instance = new();

        public UsdPerMillionTokens DeriveInferenceCostPerMillionTokens(InferenceCostSource source) => new(0);

        public Usd DeriveTrainingCostUsd(TrainingCostSource source) => new(0);

        public IReadOnlyList<double> DeriveFleetCostPerMillionTokens(FleetCostSource source)
        {
            ArgumentNullException.ThrowIfNull(source);
            return new double[source.Months];
        }
    }
}
