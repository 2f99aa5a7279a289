using System.Text.Json;

namespace Burnrate.Cli.Tests;

/// <summary>Infeasible answers are not priced: a configuration that does not fit in memory reports its shortfall and null
/// (— in tables) for every throughput, latency and cost figure, in infer, its sweeps and --compare.</summary>
public sealed class InferCommandInfeasibleTests
{
    private static readonly string[] NotPricedKeys =
    [
        "ttftSeconds", "tpotSeconds", "e2eSeconds", "outputTokensPerSecond", "requestsPerSecond", "decodeBound", "prefillBound",
        "decodeComputeSeconds", "decodeMemorySeconds", "decodeCommunicationSeconds", "prefillComputeSeconds", "prefillMemorySeconds",
        "prefillCommunicationSeconds", "prefillShare", "costPerHourUsd", "costPerMillionInputTokensUsd", "costPerMillionOutputTokensUsd",
        "costPerRequestUsd", "energyJoulesPerOutputToken",
    ];

    [Fact]
    public void Should_WriteNullForEveryThroughputLatencyAndCostField_When_ModelDoesNotFit()
    {
        // Given: DeepSeek-V3 in bf16 (1.34 TB of weights) on one 80 GB H100
        // When
        var (code, output, error) = CliRunner.Run("infer", "deepseek-v3", "--gpu", "h100-sxm", "--json");

        // Then: exit 0, the shortfall in bytes, and an explicit null for every figure that would price the answer
        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement root = doc.RootElement;
        root.GetProperty("fitsInMemory").GetBoolean().ShouldBeFalse();
        root.GetProperty("memoryShortfallPerGpuBytes").GetDouble().ShouldBeGreaterThan(1e12);
        foreach (string key in NotPricedKeys)
        {
            root.GetProperty(key).ValueKind.ShouldBe(JsonValueKind.Null, key);
        }

        error.ShouldStartWith("Does not fit in memory: deepseek-v3 1×h100-sxm bf16");
    }

    [Fact]
    public void Should_SayItDoesNotFitOnTheFirstLine_When_TablesRequested()
    {
        // When
        var (code, output, error) = CliRunner.Run("infer", "deepseek-v3", "--gpu", "h100-sxm");

        // Then
        code.ShouldBe(0, error);
        string[] lines = output.Split('\n');
        lines[0].ShouldStartWith("Does not fit in memory: deepseek-v3 1×h100-sxm bf16");
        string.Join(" ", lines.Take(3).Select(l => l.Trim())).ShouldContain("1.28 TB more than it has"); // wrapped to 80 columns
        output.ShouldNotContain("$3.99/h");
        lines.Single(l => l.Contains("│ cost per request", StringComparison.Ordinal)).ShouldContain("│ —");
        lines.Single(l => l.Contains("│ TPOT", StringComparison.Ordinal)).ShouldContain("│ —");
    }

    [Fact]
    public void Should_PriceOnlyTheSweepPointsThatFit_When_SweepPartlyInfeasible()
    {
        // Given: Llama 3.1 70B on 2 H100s fits 3 concurrent requests at full context
        // When
        var (code, output, error) = CliRunner.Run("infer", "llama-3.1-70b", "--gpu", "h100-sxm", "--gpus", "2", "--concurrency", "2", "--sweep-concurrency", "1,64", "--json");

        // Then
        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement[] sweep = [.. doc.RootElement.GetProperty("sweep").EnumerateArray()];
        sweep[0].GetProperty("fitsInMemory").GetBoolean().ShouldBeTrue();
        sweep[0].GetProperty("costPerRequestUsd").GetDouble().ShouldBeGreaterThan(0);
        sweep[1].GetProperty("fitsInMemory").GetBoolean().ShouldBeFalse();
        sweep[1].GetProperty("memoryShortfallPerGpuBytes").GetDouble().ShouldBeGreaterThan(0);
        foreach (string key in NotPricedKeys)
        {
            sweep[1].GetProperty(key).ValueKind.ShouldBe(JsonValueKind.Null, key);
        }

        error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("at concurrency 64");
    }

    [Fact]
    public void Should_NotPriceTheComparedConfigurationOrItsSaving_When_ItDoesNotFit()
    {
        // Given: the first fits (8B on an H100), the compared one does not (405B on one H100)
        // When
        var (code, output, error) = CliRunner.Run("infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--compare", "llama-3.1-405b:h100-sxm:bf16", "--json");

        // Then
        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement[] compare = [.. doc.RootElement.GetProperty("compare").EnumerateArray()];
        compare[0].GetProperty("savingVsFirst").GetDouble().ShouldBe(0, 1e-12);
        compare[1].GetProperty("fitsInMemory").GetBoolean().ShouldBeFalse();
        compare[1].GetProperty("savingVsFirst").ValueKind.ShouldBe(JsonValueKind.Null);
        compare[1].GetProperty("costPerRequestUsd").ValueKind.ShouldBe(JsonValueKind.Null);
        doc.RootElement.GetProperty("costPerRequestUsd").GetDouble().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Should_PrintNothingOnStandardError_When_EverythingFits()
    {
        var (code, _, error) = CliRunner.Run("infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--sweep-concurrency", "1,8", "--json");

        code.ShouldBe(0, error);
        error.ShouldBeEmpty();
    }
}
