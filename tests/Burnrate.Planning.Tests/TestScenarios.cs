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
}
