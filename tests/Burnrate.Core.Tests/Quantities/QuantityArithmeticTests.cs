using Burnrate.Core.Quantities;
using FsCheck.Xunit;

namespace Burnrate.Core.Tests.Quantities;

public sealed class QuantityArithmeticTests
{
    [Property(MaxTest = 200)]
    public bool Should_RoundTripGibibytes_When_ConvertedToBytesAndBack(FsCheck.NormalFloat x)
    {
        double v = Math.Abs(x.Get) % 1e6;
        return Math.Abs(Bytes.FromGiB(v).ToGiB() - v) <= 1e-9 * Math.Max(1, v);
    }

    [Fact]
    public void Should_DistinguishGigabytesFromGibibytes_When_Created()
    {
        Bytes.FromGiB(1).Value.ShouldBe(1073741824);
        Bytes.FromGB(1).Value.ShouldBe(1e9);
    }

    [Fact]
    public void Should_GiveSeconds_When_FlopDividedByFlopPerSecond()
    {
        Duration time = new Flop(3.14e23) / FlopPerSecond.FromTera(1000);
        time.Seconds.ShouldBe(3.14e8, 1e-3);
    }

    [Fact]
    public void Should_GiveDollars_When_GpuHoursTimesPrice()
    {
        Usd cost = GpuHours.Of(8, Duration.FromHours(10)) * new UsdPerGpuHour(2.5);
        cost.Value.ShouldBe(200, 1e-9);
    }

    [Fact]
    public void Should_GiveKilowattHours_When_WattsTimesDuration()
    {
        Joules energy = new Watts(700) * Duration.FromHours(2);
        energy.KWh.ShouldBe(1.4, 1e-12);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Should_RejectFraction_When_OutsideZeroToOne(double value)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Fraction(value));
    }
}
