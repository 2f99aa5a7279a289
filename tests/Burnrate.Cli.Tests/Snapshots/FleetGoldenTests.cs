namespace Burnrate.Cli.Tests.Snapshots;

/// <summary>Pins the tables and --json of <c>burnrate fleet</c> on the shipped example, whose two serving entries derive their
/// capacity from the cost model (<c>serving: from:</c>): the derivation lines pin the capacities per unit.</summary>
public sealed class FleetGoldenTests
{
    [Fact]
    public void Should_MatchGolden_When_Table() => Golden.Verify(GoldenRun.Run("fleet", GoldenRun.Example("fleet-hybrid.yaml")), "Fleet", "fleet-hybrid");

    [Fact]
    public void Should_MatchGolden_When_Json() => Golden.Verify(GoldenRun.Run("fleet", GoldenRun.Example("fleet-hybrid.yaml"), "--json"), "Fleet", "fleet-hybrid-json");
}
