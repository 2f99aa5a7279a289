using Burnrate.Planning.Projection;
using Burnrate.Planning.Scenario;
using Burnrate.Planning.Simulation;

namespace Burnrate.Planning.Tests.Simulation;

/// <summary>The public phase entry point the benchmarks time must run the same engine as the Monte Carlo.</summary>
public sealed class MonteCarloPhasesTests
{
    [Fact]
    public void Should_ProjectTheLastDrawnPathAsTheScalarEngineDoes_When_SampledThenProjected()
    {
        // Given: a scenario with every line and path 6 of seed 9
        PlanScenario s = TestScenarios.Read(TestScenarios.EveryLine(0.02, 0.1, 1, repeat: false, perMonth: false));
        var phases = new MonteCarloPhases(s);
        var sampler = new DriverSampler(s);
        PathInputs input = sampler.NewInputs();
        PathRandom rng = PathRandom.For(9, 6);
        sampler.Fill(ref rng, input, new double[s.Drivers.Count]);
        var trace = new PathTrace(s.Months, s.Revenue.Count, s.Triggers.Count, s.Drivers.Count);
        ProjectionEngine.Run(s, new ScenarioArrays(s), input, trace, null);

        // When: paths 0..6 drawn, then the last one projected twice
        double six = phases.Sample(6, 9);
        double once = phases.Sample(7, 9) - six;
        double projected = phases.Project(2);

        // Then
        once.ShouldBe(input.Once[0], 1e-9 * Math.Max(1, Math.Abs(six)));
        projected.ShouldBe(2 * trace.Rows[3 * (s.Months - 1)], 1e-9 * Math.Abs(projected));
    }

    [Fact]
    public void Should_RunOneVectorPerFourPaths_When_ProjectingLanes()
    {
        PlanScenario s = TestScenarios.Read(TestScenarios.EveryLine(0.02, 0.1, 1, repeat: false, perMonth: false));
        var phases = new MonteCarloPhases(s);

        float one = phases.ProjectLanes(MonteCarloPhases.Lanes);
        float two = phases.ProjectLanes(MonteCarloPhases.Lanes + 1);

        MonteCarloPhases.Lanes.ShouldBe(4);
        float.IsFinite(one).ShouldBeTrue();
        two.ShouldBe(2 * one);
    }
}
