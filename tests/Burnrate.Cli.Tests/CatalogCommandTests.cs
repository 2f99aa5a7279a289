using System.Text.Json;

namespace Burnrate.Cli.Tests;

public sealed class CatalogCommandTests
{
    [Fact]
    public void Should_PrintAcceleratorsInBaseUnits_When_GpusJsonRequested()
    {
        var (code, output, error) = CliRunner.Run("catalog", "gpus", "--json");

        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement h100 = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "h100-sxm");
        h100.GetProperty("peakFlopsPerSecond").GetProperty("bf16").GetDouble().ShouldBe(989.4e12, 1e9);
        h100.GetProperty("peakFlopsPerSecond").GetProperty("fp8").GetDouble().ShouldBe(1978.9e12, 1e9);
        h100.GetProperty("memoryBytes").GetDouble().ShouldBe(80e9);
        h100.GetProperty("memoryBandwidthBytesPerSecond").GetDouble().ShouldBe(3.35e12);
        h100.GetProperty("tdpWatts").GetDouble().ShouldBe(700);
        h100.GetProperty("source").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Should_PrintCountedParameters_When_ModelShownAsJson()
    {
        var (code, output, _) = CliRunner.Run("catalog", "show", "mixtral-8x7b", "--json");

        code.ShouldBe(0);
        using JsonDocument doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("id").GetString().ShouldBe("mixtral-8x7b");
        (doc.RootElement.GetProperty("totalParams").GetDouble() / 46.7e9).ShouldBe(1, 0.01);
        (doc.RootElement.GetProperty("activeParams").GetDouble() / 12.9e9).ShouldBe(1, 0.01);
        doc.RootElement.GetProperty("layers").GetInt32().ShouldBe(32);
        doc.RootElement.GetProperty("hiddenSize").GetInt32().ShouldBe(4096);
    }

    [Fact]
    public void Should_ListEveryModelInTable_When_ModelsRequested()
    {
        var (code, output, _) = CliRunner.Run("catalog", "models");

        code.ShouldBe(0);
        output.ShouldContain("deepseek-v3");
        output.ShouldContain("671");
    }

    [Fact]
    public void Should_ExitTwoWithSuggestionsAndNoStackTrace_When_IdUnknown()
    {
        var (code, output, error) = CliRunner.Run("catalog", "show", "h100");

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.Trim().ShouldStartWith("error: unknown accelerator or model 'h100'; did you mean ");
        error.ShouldContain("h100-sxm");
        error.ShouldNotContain("   at ");
        error.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public void Should_ImportConfigJson_When_ShowGivenAPath()
    {
        using var temp = new TempFolder();
        string path = temp.File("config.json");
        File.WriteAllText(path, """
            {"model_type": "mistral", "hidden_size": 4096, "intermediate_size": 14336, "num_attention_heads": 32,
             "num_hidden_layers": 32, "num_key_value_heads": 8, "vocab_size": 32000, "max_position_embeddings": 32768}
            """);

        var (code, output, error) = CliRunner.Run("catalog", "show", path, "--json");

        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        (doc.RootElement.GetProperty("totalParams").GetDouble() / 7.24e9).ShouldBe(1, 0.01);
    }

    [Fact]
    public void Should_UseUserEntry_When_CatalogFileOverrides()
    {
        using var temp = new TempFolder();
        string path = temp.File("mine.yaml");
        File.WriteAllText(path, """
            accelerators:
              - id: h100-sxm
                peakFlops: {bf16: 1 PFLOP/s}
                memory: 80 GB
                memoryBandwidth: 3 TB/s
                tdp: 650 W
                interconnectBandwidth: 900 GB/s
                source: "our own measurement"
                asOf: 2026-01-01
            """);

        var (code, output, _) = CliRunner.Run("--catalog", path, "catalog", "show", "h100-sxm", "--json");

        code.ShouldBe(0);
        using JsonDocument doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("tdpWatts").GetDouble().ShouldBe(650);
        doc.RootElement.GetProperty("source").GetString().ShouldBe("our own measurement");
    }

    [Fact]
    public void Should_ExitTwoWithLocation_When_CatalogFileInvalid()
    {
        using var temp = new TempFolder();
        string path = temp.File("bad.yaml");
        File.WriteAllText(path, "accelerators:\n  - id: x\n    peakFlops: {bf16: 1 PFLOP/s}\n    memory: 80 GB\n    memoryBandwidth: fast\n");

        var (code, _, error) = CliRunner.Run("--catalog", path, "catalog", "gpus");

        code.ShouldBe(2);
        error.ShouldContain("bad.yaml:5:22: field 'memoryBandwidth' must be a positive number");
        error.ShouldContain("got \"fast\"");
    }
}
