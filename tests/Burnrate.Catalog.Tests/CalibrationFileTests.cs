namespace Burnrate.Catalog.Tests;

public sealed class CalibrationFileTests
{
    [Fact]
    public void Should_ReadAllFields_When_FileIsComplete()
    {
        const string Json = """{"kind":"burnrate-calibration","computeEfficiency":0.55,"bandwidthEfficiency":0.8,"communicationEfficiency":0.7,"fittedFrom":"bench.json","model":"llama-3.1-8b","gpu":"h100-sxm","gpus":1,"asOf":"2026-11-29"}""";

        CalibrationFile c = CalibrationFile.Parse(Json, "cal.json");

        c.Efficiency.Compute.ShouldBe(0.55, 1e-12);
        c.Efficiency.Bandwidth.ShouldBe(0.8, 1e-12);
        c.Efficiency.Communication.ShouldBe(0.7, 1e-12);
        c.FittedFrom.ShouldBe("bench.json");
        c.Gpu.ShouldBe("h100-sxm");
        c.Gpus.ShouldBe(1);
        c.AsOf.ShouldBe(new DateOnly(2026, 11, 29));
    }

    [Fact]
    public void Should_Accept_When_OnlyEfficienciesGiven()
    {
        CalibrationFile c = CalibrationFile.Parse("""{"computeEfficiency":1,"bandwidthEfficiency":0.5,"communicationEfficiency":0.25}""", "cal.json");

        c.Efficiency.Compute.ShouldBe(1, 1e-12);
        c.Model.ShouldBeNull();
        c.AsOf.ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"bandwidthEfficiency":0.5,"communicationEfficiency":0.5}""", "cal.json: computeEfficiency: required")]
    [InlineData("""{"computeEfficiency":1.5,"bandwidthEfficiency":0.5,"communicationEfficiency":0.5}""", "cal.json: computeEfficiency: expected a number in (0, 1], got 1.5")]
    [InlineData("""{"computeEfficiency":0.5,"bandwidthEfficiency":"fast","communicationEfficiency":0.5}""", "cal.json: bandwidthEfficiency: expected a number")]
    [InlineData("""{"kind":"other","computeEfficiency":0.5,"bandwidthEfficiency":0.5,"communicationEfficiency":0.5}""", "cal.json: kind:")]
    [InlineData("""{"computeEfficiency":0.5,"bandwidthEfficiency":0.5,"communicationEfficiency":0.5,"asOf":"29/11/2026"}""", "cal.json: asOf:")]
    [InlineData("not json", "cal.json: not valid JSON")]
    public void Should_NameFileAndField_When_Invalid(string json, string expected)
    {
        Should.Throw<CatalogException>(() => CalibrationFile.Parse(json, "cal.json")).Message.ShouldStartWith(expected);
    }
}
