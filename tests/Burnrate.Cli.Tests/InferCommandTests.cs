using System.Text.Json;

namespace Burnrate.Cli.Tests;

public sealed class InferCommandTests
{
    private static readonly string[] ContractKeys =
    [
        "ttftSeconds", "tpotSeconds", "e2eSeconds", "outputTokensPerSecond", "requestsPerSecond", "maxConcurrency", "kvCacheBytesPerToken",
        "weightBytesPerGpu", "memoryPerGpuBytes", "fitsInMemory", "decodeBound", "costPerMillionInputTokensUsd", "costPerMillionOutputTokensUsd",
        "costPerRequestUsd", "energyJoulesPerOutputToken", "assumptions",
    ];

    [Fact]
    public void Should_PrintEveryContractKey_When_JsonRequested()
    {
        var (code, output, error) = CliRunner.Run("infer", "llama-3.1-70b", "--gpu", "h100-sxm", "--gpus", "4", "--weights", "fp8", "--concurrency", "64", "--json");

        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement root = doc.RootElement;
        foreach (string key in ContractKeys)
        {
            root.TryGetProperty(key, out _).ShouldBeTrue(key);
        }

        root.GetProperty("kvCacheBytesPerToken").GetDouble().ShouldBe(327_680, 1e-6);
        root.GetProperty("decodeBound").GetString().ShouldBeOneOf("memory", "compute", "communication");
        root.GetProperty("fitsInMemory").GetBoolean().ShouldBeTrue();
        root.GetProperty("assumptions").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ShouldContain("bandwidth-efficiency");
    }

    [Fact]
    public void Should_ReportShortfallNotFail_When_ModelDoesNotFit()
    {
        var (code, output, error) = CliRunner.Run("infer", "deepseek-v3", "--gpu", "h100-sxm", "--json");

        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("fitsInMemory").GetBoolean().ShouldBeFalse();
        doc.RootElement.GetProperty("memoryShortfallPerGpuBytes").GetDouble().ShouldBeGreaterThan(1e12);
        doc.RootElement.GetProperty("maxConcurrency").GetInt32().ShouldBe(0);
    }

    [Fact]
    public void Should_UseCalibrationFactors_When_FileGiven()
    {
        using var temp = new TempFolder();
        string file = temp.File("cal.json");
        File.WriteAllText(file, """{"kind":"burnrate-calibration","computeEfficiency":0.55,"bandwidthEfficiency":0.35,"communicationEfficiency":0.7,"gpu":"h100-sxm","gpus":1}""");
        string[] args = ["infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--concurrency", "1", "--json"];

        var (_, plain, _) = CliRunner.Run(args);
        var (code, calibrated, error) = CliRunner.Run([.. args, "--calibration", file]);

        code.ShouldBe(0, error);
        using JsonDocument a = JsonDocument.Parse(plain);
        using JsonDocument b = JsonDocument.Parse(calibrated);
        // batch-1 decode is memory-bound: halving bandwidth efficiency (0.7 → 0.35) doubles the memory part of TPOT
        (b.RootElement.GetProperty("decodeMemorySeconds").GetDouble() / a.RootElement.GetProperty("decodeMemorySeconds").GetDouble()).ShouldBe(2, 1e-9);
        b.RootElement.GetProperty("assumptions").EnumerateArray().Single(x => x.GetProperty("name").GetString() == "bandwidth-efficiency")
            .GetProperty("source").GetString()!.ShouldContain("calibration");
    }

    [Fact]
    public void Should_WriteCsvAndPngAndCompare_When_SweepAndCompareWithOut()
    {
        using var temp = new TempFolder();
        string dir = temp.Path;

        var (code, output, error) = CliRunner.Run(
            "infer", "llama-3.1-70b", "--gpu", "h100-sxm", "--gpus", "4", "--weights", "fp8", "--sweep-concurrency", "1,8,32",
            "--compare", "llama-3.1-8b:h100-sxm:fp8:1", "--out", dir, "--json");

        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("sweep").GetArrayLength().ShouldBe(3);
        JsonElement compare = doc.RootElement.GetProperty("compare");
        compare[0].GetProperty("savingVsFirst").GetDouble().ShouldBe(0, 1e-12);
        compare[1].GetProperty("savingVsFirst").GetDouble().ShouldBeGreaterThan(0.5); // the 8B model on one device is far cheaper
        File.ReadAllLines(Path.Combine(dir, "sweep.csv")).Length.ShouldBe(4);
        File.ReadAllBytes(Path.Combine(dir, "sweep.png")).Take(4).ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
        File.ReadAllLines(Path.Combine(dir, "compare.csv")).Length.ShouldBe(3);
    }

    [Fact]
    public void Should_PrintTableWithAssumptions_When_NotJson()
    {
        var (code, output, _) = CliRunner.Run("infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--gpu-hour-usd", "2");

        code.ShouldBe(0);
        output.ShouldContain("TPOT");
        output.ShouldContain("cost per 1M output tokens");
        output.ShouldContain("Assumptions");
    }

    [Theory]
    [InlineData("--weights", "fp9", "--weights 'fp9'")]
    [InlineData("--tp", "3", "multiple of tp")]
    [InlineData("--concurrency", "0", "--concurrency")]
    [InlineData("--bandwidth-efficiency", "1.5", "--bandwidth-efficiency")]
    [InlineData("--sweep-concurrency", "1,x", "--sweep-concurrency")]
    [InlineData("--compare", "llama-3.1-8b:h100-sxm", "--compare")]
    [InlineData("--calibration", "/nonexistent/cal.json", "calibration file not found")]
    [InlineData("--ep", "2", "ep > 1")]
    public void Should_ExitTwoWithOneLine_When_InputIsBad(string option, string value, string expected)
    {
        var (code, _, error) = CliRunner.Run("infer", "llama-3.1-70b", "--gpu", "h100-sxm", "--gpus", "4", option, value);

        code.ShouldBe(2);
        error.ShouldContain(expected);
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public void Should_ExitTwo_When_GpuUnknown()
    {
        var (code, _, error) = CliRunner.Run("infer", "llama-3.1-70b", "--gpu", "h100-sxn");

        code.ShouldBe(2);
        error.ShouldContain("h100-sxm");
    }
}
