using System.Text.Json;
using Burnrate.Bench.Simulation;

namespace Burnrate.Cli.Tests;

public sealed class BenchPredictionTests : IAsyncLifetime
{
    private SimulatedServer? _server;

    public async Task InitializeAsync() => _server = await SimulatedServer.StartAsync(new SimulatorOptions { TtftSeconds = 0.005, ItlSeconds = 0.001 });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public void Should_PutInfersFiguresBesideEachLevel_When_ModelIdGiven()
    {
        // Given
        string[] cost = ["--model-id", "llama-3.1-8b", "--gpu", "h100-sxm", "--gpus", "1", "--bandwidth-efficiency", "0.6"];

        using var temp = new TempFolder("burnrate-cli-prediction-");
        string dir = temp.Path;

        // When
        var (code, output, error) = CliRunner.Run(["bench", "--url", _server!.BaseUrl.ToString(), "--model", "m", "--concurrency", "1,2", "--requests", "2", "--input-tokens", "32", "--output-tokens", "4", "--json", "--out", dir, .. cost]);
        string[] csv = File.ReadAllLines(Path.Combine(dir, "summary.csv"));
        Directory.Delete(dir, recursive: true);
        var (inferCode, inferOutput, inferError) = CliRunner.Run("infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--input", "32", "--output", "4", "--concurrency", "2", "--bandwidth-efficiency", "0.6", "--json");

        // Then
        code.ShouldBe(0, error);
        inferCode.ShouldBe(0, inferError);
        JsonElement infer = JsonDocument.Parse(inferOutput).RootElement;
        JsonElement prediction = JsonDocument.Parse(output).RootElement.GetProperty("levels")[1].GetProperty("prediction");
        prediction.GetProperty("ttftSeconds").GetDouble().ShouldBe(infer.GetProperty("ttftSeconds").GetDouble(), 1e-12);
        prediction.GetProperty("tpotSeconds").GetDouble().ShouldBe(infer.GetProperty("tpotSeconds").GetDouble(), 1e-12);
        prediction.GetProperty("outputTokensPerSecond").GetDouble().ShouldBe(infer.GetProperty("outputTokensPerSecond").GetDouble(), 1e-6);
        prediction.GetProperty("costPerMillionOutputTokensUsd").GetDouble().ShouldBeGreaterThan(0);
        int column = Array.IndexOf(csv[0].Split(','), "predictedTtftSeconds");
        column.ShouldBeGreaterThan(0);
        double.Parse(csv[2].Split(',')[column], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(infer.GetProperty("ttftSeconds").GetDouble(), 1e-12);
    }

    [Fact]
    public void Should_FitTheComparisonIn80ColumnsWithoutFolding_When_ModelIdGivenInText()
    {
        // When: nine columns of measured and predicted figures, in an 80-column terminal
        var (code, output, error) = CliRunner.Run("bench", "--url", _server!.BaseUrl.ToString(), "--model", "m", "--concurrency", "1,2", "--requests", "2",
            "--input-tokens", "32", "--output-tokens", "4", "--model-id", "llama-3.1-8b", "--gpu", "h100-sxm", "--gpus", "1");

        // Then: split into column groups with the level repeated, never a folded header or level
        code.ShouldBe(0, error);
        string[] lines = output.Split('\n');
        lines.ShouldAllBe(l => l.Length <= 80);
        output.ShouldContain("measured vs cost model (infer) per level");
        output.ShouldContain("(2 of ");
        lines.Count(l => l.Contains("│ concurrency=1 ", StringComparison.Ordinal)).ShouldBeGreaterThan(1);
        lines.Count(l => l.Contains("│ predicted ", StringComparison.Ordinal) || l.Contains(" predicted │", StringComparison.Ordinal)).ShouldBeGreaterThan(0);
        output.ShouldNotContain("…");
    }

    [Fact]
    public void Should_ExitTwoBeforeSending_When_ModelIdHasNoGpu()
    {
        // When
        var (code, _, error) = CliRunner.Run("bench", "--url", _server!.BaseUrl.ToString(), "--model", "m", "--concurrency", "1", "--requests", "1", "--model-id", "llama-3.1-8b");

        // Then
        code.ShouldBe(2);
        error.Trim().Split('\n').Length.ShouldBe(1, error);
        error.ShouldContain("--model-id needs --gpu");
    }
}
