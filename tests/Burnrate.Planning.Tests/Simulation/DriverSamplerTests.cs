using Burnrate.Planning.Projection;
using Burnrate.Planning.Scenario;
using Burnrate.Planning.Simulation;

namespace Burnrate.Planning.Tests.Simulation;

public sealed class DriverSamplerTests
{
    private const string Yaml = """
        name: draws
        start: 2026-01
        months: 24
        cash: 0
        revenue:
          - {name: a, kind: usage, tokensPerMonth: 1, pricePerMillionTokens: 1, monthlyGrowth: {dist: uniform, min: 0, max: 1, perMonth: true}}
          - {name: b, kind: usage, tokensPerMonth: {dist: discrete, values: [10, 20, 30], probabilities: [0.2, 0.5, 0.3]}, pricePerMillionTokens: 1}
        """;

    [Fact]
    public void Should_DrawEveryMonth_When_PerMonthIsTrue()
    {
        // Given
        PlanScenario s = TestScenarios.Read(Yaml);
        var sampler = new DriverSampler(s);
        PathInputs input = sampler.NewInputs();
        int growth = s.Drivers.ToList().FindIndex(d => d.Path == "revenue.a.monthlyGrowth");

        // When
        PathRandom rng = PathRandom.For(1, 0);
        sampler.Fill(ref rng, input, new double[s.Drivers.Count]);
        double[] months = Enumerable.Range(0, s.Months).Select(m => input.Get(growth, m)).ToArray();

        // Then: 24 distinct uniform draws in [0, 1]
        months.Distinct().Count().ShouldBe(24);
        months.ShouldAllBe(v => v >= 0 && v <= 1);
    }

    [Fact]
    public void Should_DrawDiscreteValuesWithTheirProbabilities_When_ManyPathsDrawn()
    {
        // Given
        PlanScenario s = TestScenarios.Read(Yaml);
        var sampler = new DriverSampler(s);
        PathInputs input = sampler.NewInputs();
        int tokens = s.Drivers.ToList().FindIndex(d => d.Path == "revenue.b.tokensPerMonth");
        var counts = new Dictionary<double, int> { [10] = 0, [20] = 0, [30] = 0 };

        // When
        for (int p = 0; p < 20_000; p++)
        {
            PathRandom rng = PathRandom.For(3, p);
            sampler.Fill(ref rng, input, new double[s.Drivers.Count]);
            counts[input.Once[tokens]]++;
        }

        // Then
        (counts[10] / 20_000.0).ShouldBe(0.2, 0.015);
        (counts[20] / 20_000.0).ShouldBe(0.5, 0.015);
        (counts[30] / 20_000.0).ShouldBe(0.3, 0.015);
        s.Drivers[tokens].Central.ShouldBe(20);
    }
}
