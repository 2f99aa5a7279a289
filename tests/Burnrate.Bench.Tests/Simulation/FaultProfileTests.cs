using Burnrate.Bench.Simulation;

namespace Burnrate.Bench.Tests.Simulation;

public sealed class FaultProfileTests
{
    [Fact]
    public void Should_ReadEveryKind_When_GivenTheDocumentedForm()
    {
        FaultProfile.TryParse("reset:0.05,http500:0.02,stall:0.01,malformed:0.01", out FaultProfile p, out _).ShouldBeTrue();
        p.Reset.ShouldBe(0.05);
        p.Http500.ShouldBe(0.02);
        p.Stall.ShouldBe(0.01);
        p.Malformed.ShouldBe(0.01);
    }

    [Theory]
    [InlineData("reset")]
    [InlineData("reset:2")]
    [InlineData("boom:0.1")]
    [InlineData("reset:0.6,http500:0.6")]
    public void Should_Reject_When_FormIsInvalid(string text)
    {
        FaultProfile.TryParse(text, out _, out string error).ShouldBeFalse();
        error.ShouldNotBeEmpty();
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool Should_PickEachFaultWithItsProbability_When_DrawsAreUniform(FsCheck.NormalFloat u)
    {
        var p = new FaultProfile { Reset = 0.1, Http500 = 0.2, Stall = 0.3, Malformed = 0.1 };
        double x = Math.Abs(u.Get) % 1.0;
        SimulatedFault? f = p.Pick(x);
        return x switch
        {
            < 0.1 => f == SimulatedFault.Reset,
            < 0.3 => f == SimulatedFault.Http500,
            < 0.6 => f == SimulatedFault.Stall,
            < 0.7 => f == SimulatedFault.Malformed,
            _ => f is null,
        };
    }
}
