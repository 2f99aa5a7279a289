using System.Text.Json;

namespace Burnrate.Cli.Tests;

/// <summary><c>optimize</c> with several models reports each model's cheapest feasible configuration as well as the overall one.</summary>
public sealed class OptimizeCommandByModelTests
{
    private static readonly string[] TwoModels = ["optimize", "llama-3.1-8b", "llama-3.1-70b", "--gpus-allowed", "h100-sxm,a100-80gb", "--max-devices", "4"];

    [Fact]
    public void Should_ReportEachModelsCheapest_When_TheOtherModelFillsTheTopList()
    {
        // Given: --top 1 keeps only the overall cheapest (the 8B model), so the 70B's best is not among the kept rows
        // When
        var (code, output, error) = CliRunner.Run([.. TwoModels, "--top", "1", "--json"]);

        // Then
        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement root = doc.RootElement;
        root.GetProperty("cheapest").GetArrayLength().ShouldBe(1);
        JsonElement byModel = root.GetProperty("bestByModel");
        byModel.EnumerateObject().Select(p => p.Name).ShouldBe(["llama-3.1-8b", "llama-3.1-70b"]);
        byModel.GetProperty("llama-3.1-8b").GetProperty("costPerRequestUsd").GetDouble()
            .ShouldBe(root.GetProperty("best").GetProperty("costPerRequestUsd").GetDouble(), 1e-15);
        JsonElement big = byModel.GetProperty("llama-3.1-70b");
        big.GetProperty("model").GetString().ShouldBe("llama-3.1-70b");
        big.GetProperty("fitsInMemory").GetBoolean().ShouldBeTrue();
        big.GetProperty("tpotSeconds").GetDouble().ShouldBeLessThanOrEqualTo(0.05);
        big.GetProperty("costPerRequestUsd").GetDouble().ShouldBeGreaterThan(root.GetProperty("best").GetProperty("costPerRequestUsd").GetDouble());
    }

    [Fact]
    public void Should_MatchTheCheapestOfThatModelInTheFullList_When_TopIsLarge()
    {
        // When: --top large enough to keep every hardware setup
        var (code, output, error) = CliRunner.Run([.. TwoModels, "--top", "1000", "--json"]);

        // Then: each model's best is the cheapest row of that model
        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement root = doc.RootElement;
        foreach (JsonProperty model in root.GetProperty("bestByModel").EnumerateObject())
        {
            double cheapest = root.GetProperty("cheapest").EnumerateArray()
                .Where(c => c.GetProperty("model").GetString() == model.Name)
                .Min(c => c.GetProperty("costPerRequestUsd").GetDouble());
            model.Value.GetProperty("costPerRequestUsd").GetDouble().ShouldBe(cheapest, 1e-15);
        }
    }

    [Fact]
    public void Should_WriteNullForAModelWithNoFeasibleConfiguration_When_SeveralModels()
    {
        // Given: one A100 cannot hold 405B weights at any precision tried
        var (code, output, error) = CliRunner.Run("optimize", "llama-3.1-8b", "llama-3.1-405b", "--gpus-allowed", "a100-80gb", "--max-devices", "1", "--json");

        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement byModel = doc.RootElement.GetProperty("bestByModel");
        byModel.GetProperty("llama-3.1-405b").ValueKind.ShouldBe(JsonValueKind.Null);
        byModel.GetProperty("llama-3.1-8b").ValueKind.ShouldBe(JsonValueKind.Object);
    }

    [Fact]
    public void Should_ShowAPerModelSection_When_TablesRequested()
    {
        var (code, output, error) = CliRunner.Run("optimize", "llama-3.1-8b", "llama-3.1-405b", "--gpus-allowed", "a100-80gb", "--max-devices", "1");

        code.ShouldBe(0, error);
        output.ShouldContain("Cheapest per model");
        output.Split('\n').ShouldContain(l => l.Contains("llama-3.1-405b", StringComparison.Ordinal) && l.Contains("none meets every limit", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_LeaveOutBestByModel_When_OneModel()
    {
        var (code, output, error) = CliRunner.Run("optimize", "llama-3.1-8b", "--gpus-allowed", "h100-sxm", "--max-devices", "1", "--json");

        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        doc.RootElement.TryGetProperty("bestByModel", out _).ShouldBeFalse();
    }
}
