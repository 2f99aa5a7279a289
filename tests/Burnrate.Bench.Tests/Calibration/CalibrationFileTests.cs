using Burnrate.Bench.Calibration;

namespace Burnrate.Bench.Tests.Calibration;

public sealed class CalibrationFileTests
{
    [Fact]
    public void Should_RoundTripTheFixedFormat_When_Written()
    {
        // Given
        var file = new CalibrationFile { ComputeEfficiency = 0.55, BandwidthEfficiency = 0.8, CommunicationEfficiency = 0.7, FittedFrom = "results/summary.json", Model = "llama-3.1-8b", Gpu = "h100-sxm", Gpus = 1, AsOf = "2026-11-29" };

        // When
        string json = file.ToJson();
        CalibrationFile back = CalibrationFile.Parse(json);

        // Then
        json.ShouldContain("\"kind\": \"burnrate-calibration\"");
        foreach (string key in new[] { "computeEfficiency", "bandwidthEfficiency", "communicationEfficiency", "fittedFrom", "model", "gpu", "gpus", "asOf" })
        {
            json.ShouldContain("\"" + key + "\"");
        }

        back.ShouldBe(file);
    }

    [Theory]
    [InlineData("{\"kind\":\"other\",\"computeEfficiency\":0.5,\"bandwidthEfficiency\":0.5,\"communicationEfficiency\":0.5,\"gpus\":1,\"asOf\":\"2026-01-01\"}", "kind")]
    [InlineData("{\"kind\":\"burnrate-calibration\",\"computeEfficiency\":1.5,\"bandwidthEfficiency\":0.5,\"communicationEfficiency\":0.5,\"gpus\":1,\"asOf\":\"2026-01-01\"}", "computeEfficiency")]
    [InlineData("{\"kind\":\"burnrate-calibration\",\"computeEfficiency\":0.5,\"bandwidthEfficiency\":0.5,\"communicationEfficiency\":0.5,\"gpus\":1,\"asOf\":\"Jan 1\"}", "asOf")]
    public void Should_NameTheField_When_FileIsInvalid(string json, string field)
    {
        Should.Throw<InvalidDataException>(() => CalibrationFile.Parse(json)).Message.ShouldContain(field);
    }
}
