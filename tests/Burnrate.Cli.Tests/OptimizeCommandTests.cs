using System.Text.Json;

namespace Burnrate.Cli.Tests;

public sealed class OptimizeCommandTests
{
    [Fact]
    public void Should_PrintCountsBestAndPareto_When_JsonRequested()
    {
        var (code, output, error) = CliRunner.Run(
            "optimize", "llama-3.1-70b", "llama-3.1-8b", "--gpus-allowed", "h100-sxm,a100-80gb", "--max-devices", "4",
            "--slo-ttft", "500ms", "--slo-tpot", "0.05s", "--json");

        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement root = doc.RootElement;
        long evaluated = root.GetProperty("evaluated").GetInt64();
        // 2 models × 2 GPUs × 6 splits of 1, 2, 4 devices... (1: 1; 2: 3; 4: 6 = 10) × 4 weights × 2 KV × 20 concurrencies
        evaluated.ShouldBe(2 * 2 * 10 * 4 * 2 * 20);
        root.GetProperty("feasible").GetInt64().ShouldBeGreaterThan(0);
        root.GetProperty("rejected").GetProperty("memory").GetInt64().ShouldBeGreaterThan(0);
        JsonElement best = root.GetProperty("best");
        best.GetProperty("ttftSeconds").GetDouble().ShouldBeLessThanOrEqualTo(0.5);
        best.GetProperty("tpotSeconds").GetDouble().ShouldBeLessThanOrEqualTo(0.05);
        best.GetProperty("fitsInMemory").GetBoolean().ShouldBeTrue();
        best.GetProperty("costPerRequestUsd").GetDouble().ShouldBeGreaterThan(0);
        root.GetProperty("pareto").GetArrayLength().ShouldBeGreaterThan(0);
        root.GetProperty("pareto").EnumerateArray().Min(p => p.GetProperty("costPerRequestUsd").GetDouble())
            .ShouldBe(best.GetProperty("costPerRequestUsd").GetDouble(), 1e-12);
    }

    [Fact]
    public void Should_WriteParetoCsvAndPng_When_OutGiven()
    {
        using var temp = new TempFolder();
        string dir = temp.Path;

        var (code, output, error) = CliRunner.Run("optimize", "llama-3.1-8b", "--gpus-allowed", "h100-sxm", "--max-devices", "2", "--out", dir);

        code.ShouldBe(0, error);
        output.ShouldContain("Pareto");
        output.ShouldContain("Rejected");
        File.ReadAllLines(Path.Combine(dir, "pareto.csv")).Length.ShouldBeGreaterThan(1);
        File.ReadAllBytes(Path.Combine(dir, "pareto.png")).Take(4).ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
    }

    [Fact]
    public void Should_SayNothingFits_When_SloIsImpossible()
    {
        var (code, output, _) = CliRunner.Run("optimize", "llama-3.1-70b", "--gpus-allowed", "h100-sxm", "--slo-tpot", "1us", "--json");

        code.ShouldBe(0);
        using JsonDocument doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("feasible").GetInt64().ShouldBe(0);
        doc.RootElement.GetProperty("best").ValueKind.ShouldBe(JsonValueKind.Null);
        doc.RootElement.GetProperty("rejected").GetProperty("tpot").GetInt64().ShouldBe(doc.RootElement.GetProperty("evaluated").GetInt64());
    }

    [Theory]
    [InlineData("--slo-ttft", "500", "--slo-ttft '500'")]
    [InlineData("--slo-tpot", "fast", "--slo-tpot")]
    [InlineData("--gpus-allowed", "h100-sxn", "h100-sxm")]
    [InlineData("--max-devices", "0", "--max-devices")]
    [InlineData("--weights", "bf16,int3", "--weights 'int3'")]
    [InlineData("--budget-usd-per-hour", "-1", "--budget-usd-per-hour")]
    [InlineData("--concurrency", "1,0", "--concurrency '0'")]
    public void Should_ExitTwoWithOneLine_When_InputIsBad(string option, string value, string expected)
    {
        var (code, _, error) = CliRunner.Run("optimize", "llama-3.1-8b", option, value);

        code.ShouldBe(2);
        error.ShouldContain(expected);
        error.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("--weights", ",", "--weights ',' is not allowed; expected at least one of bf16, fp16, fp8, int8, int4, fp4, comma-separated (the list given is empty)")]
    [InlineData("--kv", " , ", "--kv ' , ' is not allowed; expected at least one of bf16, fp16, fp8, int8, comma-separated (the list given is empty)")]
    [InlineData("--concurrency", ",", "--concurrency ',' is not allowed; expected at least one whole number ≥ 1, comma-separated (the list given is empty)")]
    public void Should_SayTheListIsEmptyAndWhatItMayHold_When_AListNamesNothing(string option, string value, string expected)
    {
        // When
        var (code, _, error) = CliRunner.Run("optimize", "llama-3.1-8b", option, value);

        // Then: one line, not "missing" (the option was given)
        code.ShouldBe(2);
        error.Trim().ShouldBe("error: " + expected);
    }

    [Theory]
    [InlineData("--concurrency", 257, "--concurrency '257 values' is not allowed; expected at most 256 values in one search")]
    [InlineData("--replicas", 65, "--replicas '65 values' is not allowed; expected at most 64 values in one search")]
    public void Should_ExitTwoNamingTheMaximum_When_ASearchListIsOverItsCap(string option, int count, string expected)
    {
        // Given: a list of distinct whole numbers one over the cap
        string list = string.Join(",", Enumerable.Range(1, count));

        // When
        var (code, _, error) = CliRunner.Run("optimize", "llama-3.1-8b", option, list);

        // Then: one line for the list as a whole, before any search
        code.ShouldBe(2);
        error.Trim().ShouldStartWith("error: " + expected);
        error.Trim().Split('\n').Length.ShouldBe(1, error);
    }

    [Theory]
    [InlineData(new[] { "--max-devices", "2" }, "user: --max-devices 2")]
    [InlineData(new string[0], "default: --max-devices 8")]
    public void Should_NameWhereTheDeviceLimitCameFrom_When_StatingTheSearch(string[] limit, string expected)
    {
        // When
        var (code, output, error) = CliRunner.Run(["optimize", "llama-3.1-8b", "--gpus-allowed", "h100-sxm", "--weights", "fp8", .. limit, "--json"]);

        // Then
        code.ShouldBe(0, error);
        JsonElement search = JsonDocument.Parse(output).RootElement.GetProperty("assumptions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "search");
        search.GetProperty("source").GetString().ShouldBe(expected);
    }
}
