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
    [InlineData("""{"computeEfficiency":1.5,"bandwidthEfficiency":0.5,"communicationEfficiency":0.5}""", "cal.json: computeEfficiency: expected a number in [0.001, 1], got 1.5")]
    [InlineData("""{"computeEfficiency":0.5,"bandwidthEfficiency":"fast","communicationEfficiency":0.5}""", "cal.json: bandwidthEfficiency: expected a number")]
    [InlineData("""{"kind":"other","computeEfficiency":0.5,"bandwidthEfficiency":0.5,"communicationEfficiency":0.5}""", "cal.json: kind:")]
    [InlineData("""{"computeEfficiency":0.5,"bandwidthEfficiency":0.5,"communicationEfficiency":0.5,"asOf":"29/11/2026"}""", "cal.json: asOf:")]
    [InlineData("not json", "cal.json:1:2: not valid JSON")]
    public void Should_NameFileAndField_When_Invalid(string json, string expected)
    {
        Should.Throw<CatalogException>(() => CalibrationFile.Parse(json, "cal.json")).Message.ShouldStartWith(expected);
    }

    [Fact]
    public void Should_ReadBackEveryField_When_WrittenToAFile()
    {
        // Given
        string dir = Directory.CreateTempSubdirectory("burnrate-cal-").FullName;
        string path = Path.Combine(dir, "sub", "calibration.json");
        var written = new CalibrationFile(new Core.Inference.EfficiencyFactors(0.55, 0.8, 0.7), "results/summary.json", "llama-3.1-8b", "h100-sxm", 2, new DateOnly(2026, 11, 29));
        try
        {
            // When
            written.Write(path);
            CalibrationFile back = CalibrationFile.Read(path);

            // Then
            back.Efficiency.Compute.ShouldBe(0.55, 1e-12);
            back.Efficiency.Bandwidth.ShouldBe(0.8, 1e-12);
            back.Efficiency.Communication.ShouldBe(0.7, 1e-12);
            (back.FittedFrom, back.Model, back.Gpu, back.Gpus, back.AsOf).ShouldBe(("results/summary.json", "llama-3.1-8b", "h100-sxm", 2, new DateOnly(2026, 11, 29)));
            File.ReadAllText(path).ShouldContain("\"kind\": \"burnrate-calibration\"");
            File.Exists(path + ".tmp").ShouldBeFalse();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
