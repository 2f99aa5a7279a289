using System.Text.Json;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Burnrate.Reports.Json;

namespace Burnrate.Reports.Tests.Json;

/// <summary>The typed reports' JSON through the one context: helper properties never leak, unpriced figures are explicit
/// nulls, and model ids used as keys are written as they are.</summary>
public sealed class ReportJsonTests
{
    private static readonly InferEstimate Infeasible = new()
    {
        Model = "Qwen3-8B", Gpu = "l4", Gpus = 1, Tp = 1, Pp = 1, Ep = 1, Weights = "bf16", Kv = "bf16", Compute = "bf16",
        InputTokens = 2000, OutputTokens = 500, Concurrency = 64, MaxConcurrency = 16, KvCacheBytesPerToken = 131072,
        WeightBytesPerGpu = 16e9, MemoryPerGpuBytes = 40e9, FitsInMemory = false, MemoryShortfallPerGpuBytes = 16e9, Replicas = 1,
    };

    [Fact]
    public void Should_WriteExplicitNullsAndNoHelpers_When_AnInferReportDoesNotFit()
    {
        // When
        using JsonDocument doc = JsonDocument.Parse(BurnrateJson.Serialize(new InferReport(Infeasible)));

        // Then: every figure key is present, the unpriced ones as null, and neither the label nor empty sweep/compare appear
        JsonElement root = doc.RootElement;
        root.GetProperty("ttftSeconds").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("costPerHourUsd").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("decodeBound").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("memoryShortfallPerGpuBytes").GetDouble().ShouldBe(16e9);
        root.TryGetProperty("label", out _).ShouldBeFalse();
        root.TryGetProperty("sweep", out _).ShouldBeFalse();
        root.TryGetProperty("compare", out _).ShouldBeFalse();
        root.EnumerateObject().Last().Name.ShouldBe("assumptions");
    }

    [Fact]
    public void Should_KeepModelIdsAsGivenAndRoundTrip_When_BestByModelIsWritten()
    {
        // Given: an id with capitals (a config.json folder name), which the camelCase key policy would change
        var best = new OptimizeConfiguration(Infeasible with { FitsInMemory = true, CostPerRequestUsd = 0.001 }, 2.0);
        var report = new OptimizeReport
        {
            Evaluated = 10, Feasible = 1, Rejected = new OptimizeRejections(9, 0, 0, 0), SearchSeconds = 0.01, Best = best,
            BestByModel = new Dictionary<string, OptimizeConfiguration?>(StringComparer.Ordinal) { ["Qwen3-8B"] = best, ["Llama-405B"] = null },
            Cheapest = [best], Pareto = [best], Assumptions = [], Slo = new ServiceLevelObjective(Duration.FromSeconds(0.5), Duration.FromSeconds(0.05)),
        };

        // When
        string json = BurnrateJson.Serialize(report);
        OptimizeReport back = JsonSerializer.Deserialize(json, BurnrateJson.TypeInfo<OptimizeReport>()).ShouldNotBeNull();

        // Then
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement byModel = doc.RootElement.GetProperty("bestByModel");
        byModel.EnumerateObject().Select(p => p.Name).ShouldBe(["Qwen3-8B", "Llama-405B"]);
        byModel.GetProperty("Llama-405B").ValueKind.ShouldBe(JsonValueKind.Null);
        byModel.GetProperty("Qwen3-8B").GetProperty("costPerMillionOutputTokensAllInUsd").GetDouble().ShouldBe(2.0);
        doc.RootElement.TryGetProperty("slo", out _).ShouldBeFalse();
        doc.RootElement.TryGetProperty("inputTokens", out _).ShouldBeFalse();
        back.BestByModel.ShouldNotBeNull().Keys.ShouldBe(["Qwen3-8B", "Llama-405B"]);
        back.BestByModel["Qwen3-8B"].ShouldNotBeNull().CostPerRequestUsd.ShouldBe(0.001);
        back.BestByModel["Llama-405B"].ShouldBeNull();
    }
}
