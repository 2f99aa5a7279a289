using System.Globalization;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Tests;

/// <summary>Scenario YAML for tests, and the repository's examples.</summary>
internal static class TestScenarios
{
    public static PlanScenario Read(string yaml) => ScenarioReader.Read(yaml, "test.yaml");

    public static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Burnrate.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), relative);
    }

    public static PlanScenario Example() => ScenarioReader.ReadFile(RepoFile("examples/example-ai-api.yaml"));

    /// <summary>A company with no revenue that spends <paramref name="burn"/> a month from <paramref name="cash"/>.</summary>
    public static string ConstantBurn(double cash, double burn, int months, string extra = "") => string.Create(CultureInfo.InvariantCulture, $"""
        name: constant burn
        start: 2026-01
        months: {months}
        cash: {cash:R}
        costs:
          other: {"{"}monthlyUsd: {burn:R}{"}"}
        {extra}
        """);

    /// <summary>
    /// A scenario with every line — usage and subscription revenue, uncertain serving cost, training, staff, opex, capex, a likely-or-not
    /// funding round, and both trigger kinds (repeating or not; raises landing at once or later) — for engine equivalence properties.
    /// </summary>
    public static string EveryLine(double growthMean, double churn, int closeMonths, bool repeat, bool perMonth) => string.Create(CultureInfo.InvariantCulture, $$"""
        name: every line
        start: 2026-01
        months: 36
        cash: 3e6
        revenue:
          - {name: api, kind: usage, tokensPerMonth: 1e11, monthlyGrowth: {dist: normal, mean: {{growthMean}}, sd: 0.08, perMonth: {{Flag(perMonth)}} }, pricePerMillionTokens: 0.5, annualPriceChange: {dist: uniform, min: -0.5, max: 0, perMonth: {{Flag(perMonth)}} } }
          - {name: subs, kind: subscription, customers: 1000, monthlyGrowth: 0.04, monthlyChurn: {{churn}}, pricePerMonth: 20, tokensPerCustomerPerMonth: 1e6}
        costs:
          inference: {costPerMillionTokens: {dist: lognormal, mu: -1, sigma: 0.3}, annualCostChange: -0.35}
          training: [{name: t, month: 2026-05, costUsd: {dist: triangular, min: 1e6, mode: 2e6, max: 4e6} }]
          staff: {headcount: {dist: uniform, min: 5, max: 15}, hiresPerMonth: 1, loadedCostPerYear: 150000}
          other: {monthlyUsd: 1e5}
          capex: [{name: k, month: 2026-03, amountUsd: 1e6, depreciationYears: 2}]
        funding:
          - {name: f, month: 2026-10, amountUsd: 3e6, probability: 0.5}
        triggers:
          - {name: raise, when: {runwayMonthsBelow: 8}, action: {raiseUsd: 6e6, closeMonths: {{closeMonths}} }, repeat: {{Flag(repeat)}} }
          - {name: cut, when: {cashBelowUsd: 2e6}, action: {cutOpexPercent: 30}, repeat: {{Flag(repeat)}} }
        """);

    private static string Flag(bool value) => value ? "true" : "false";
}
