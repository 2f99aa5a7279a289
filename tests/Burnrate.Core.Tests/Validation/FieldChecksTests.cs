using Burnrate.Core.Validation;
using FsCheck;
using FsCheck.Fluent;

namespace Burnrate.Core.Tests.Validation;

public sealed class FieldChecksTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(0.0)]
    [InlineData(1.0000001)]
    public void Should_RejectValue_When_FractionIsOutsideZeroToOne(double value)
    {
        // Given // When
        var errors = new FieldChecks().Fraction("mfu", value);

        // Then
        errors.Count.ShouldBe(1);
        errors[0].Field.ShouldBe("mfu");
        errors[0].Allowed.ShouldBe("a number in (0, 1]");
    }

    [Fact]
    public void Should_ReportEveryBadField_When_SeveralAreBad()
    {
        // Given // When
        var errors = new FieldChecks()
            .Positive("gpuHourUsd", -1, 1e6)
            .Fraction("mfu", 0.4)
            .Whole("gpus", 0, 1, 1_000_000)
            .Range("memoryReserve", 1, 0, 1, maxExclusive: true);

        // Then
        errors.Select(e => e.Field).ShouldBe(["gpuHourUsd", "gpus", "memoryReserve"]);
        errors[2].ToString().ShouldBe("memoryReserve '1' is not allowed; expected a number in [0, 1)");
    }

    [Fact]
    public void Should_CheckNothing_When_ValueIsNotGiven()
    {
        new FieldChecks().Positive("gpuHourUsd", null, 1e6).Whole("gpus", null, 1, 8).Count.ShouldBe(0);
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Should_AcceptExactlyFiniteValuesInRange_When_CheckingAnyDouble() =>
        Prop.ForAll(ArbMap.Default.ArbFor<double>(), v =>
            (new FieldChecks().Range("x", v, -10, 10).Count == 0) == (double.IsFinite(v) && v is >= -10 and <= 10));

    [Fact]
    public void Should_PrefixLocation_When_InputCameFromAFile()
    {
        // Given
        var e = new InputException("paths", "-3", "a whole number in [1, 1000000]", new SourceLocation("plan.yaml", 12, 5));

        // When
        string[] lines = [.. e.Lines(f => "--" + f)];

        // Then
        lines.ShouldBe(["plan.yaml:12:5: --paths '-3' is not allowed; expected a whole number in [1, 1000000]"]);
        e.Message.ShouldBe("plan.yaml:12:5: paths '-3' is not allowed; expected a whole number in [1, 1000000]");
    }

    [Fact]
    public void Should_ThrowWithEveryError_When_ThrowIfAnyGetsErrors()
    {
        var errors = new FieldChecks().Add("a", "1", "x").Add("b", "", "y");

        var e = Should.Throw<InputException>(() => InputException.ThrowIfAny(errors));

        e.Errors.Count.ShouldBe(2);
        e.Errors[1].Describe("--b").ShouldBe("--b is missing; expected y");
        Should.NotThrow(() => InputException.ThrowIfAny(new FieldChecks()));
    }
}
