using Burnrate.Planning.Projection;
using Burnrate.Planning.Scenario;
using Burnrate.Planning.Simulation;
using FsCheck.Xunit;

namespace Burnrate.Planning.Tests.Simulation;

public sealed class LaneProjectionTests
{
    [Property(MaxTest = 80)]
    public bool Should_ProjectEachLaneBitForBitAsTheScalarEngine_When_FourPathsRunTogether(byte growth, byte churn, byte close, bool repeat, ushort seed)
    {
        // Given: a scenario with every line, four random paths
        string yaml = TestScenarios.EveryLine((growth / 1000.0) - 0.05, (churn % 101) / 100.0, close % 4, repeat, perMonth: false);
        PlanScenario s = TestScenarios.Read(yaml);
        var sampler = new DriverSampler(s);
        var arrays = new ScenarioArrays(s);
        PathInputs[] inputs = [.. Enumerable.Range(0, 4).Select(_ => sampler.NewInputs())];
        for (int l = 0; l < 4; l++)
        {
            PathRandom rng = PathRandom.For(seed, l);
            sampler.Fill(ref rng, inputs[l], new double[s.Drivers.Count]);
        }

        var block = new PathBlock(3 * s.Months, s.Triggers.Count);

        // When: the four paths together, then each alone through the scalar engine
        new LaneProjection(s, arrays).Run(inputs, block, 0);
        var trace = new PathTrace(s.Months, s.Revenue.Count, s.Triggers.Count, s.Drivers.Count);
        for (int l = 0; l < 4; l++)
        {
            ProjectionEngine.Run(s, arrays, inputs[l], trace, null);

            // Then: identical floats for every month's cash, revenue and net burn, and the same events
            float[] row = PathValues(block, l);
            for (int j = 0; j < 3 * s.Months; j++)
            {
                if (BitConverter.SingleToInt32Bits(row[j]) != BitConverter.SingleToInt32Bits((float)trace.Rows[j]))
                {
                    return false;
                }
            }

            if (block.CashOutMonth[l] != trace.CashOutMonth || block.FirstFiring[l] != trace.FirstFiring(0) || block.FirstFiring[PathBlock.Size + l] != trace.FirstFiring(1))
            {
                return false;
            }
        }

        return LaneProjection.Applies(sampler) || !System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Should_FireAgainLikeTheScalarEngine_When_RepeatingTriggerClearsAndReturns(int closeMonths)
    {
        // Given: constant burn with a repeating raise (fires at month 5, clears, fires again), on four identical paths
        PlanScenario s = TestScenarios.Read(TestScenarios.ConstantBurn(1000, 100, 24, $$"""
            triggers:
              - {name: raise, when: {runwayMonthsBelow: 5}, action: {raiseUsd: 500, closeMonths: {{closeMonths}}}, repeat: true}
            """));
        var sampler = new DriverSampler(s);
        var arrays = new ScenarioArrays(s);
        PathInputs[] inputs = [.. Enumerable.Range(0, 4).Select(_ => sampler.NewInputs())];
        var block = new PathBlock(3 * s.Months, 1);
        var statement = new MonthlyStatement(s.Months, []);
        ProjectionEngine.Run(s, arrays, inputs[0], new PathTrace(s.Months, 0, 1, s.Drivers.Count), statement);

        // When
        new LaneProjection(s, arrays).Run(inputs, block, 0);

        // Then: the scalar engine fires more than once, and every lane's cash follows it month by month
        statement.Firings.Count.ShouldBeGreaterThan(1);
        for (int l = 0; l < 4; l++)
        {
            Enumerable.Range(0, s.Months).Select(m => PathValues(block, l)[3 * m]).ShouldBe(statement.ClosingCash.Select(c => (float)c));
        }
    }

    private static float[] PathValues(PathBlock block, int k) => [.. Enumerable.Range(0, block.Series).Select(j => block.Values[(j * PathBlock.Size) + k])];
}
