using System.Globalization;
using System.Text.Json;

namespace Burnrate.Cli.Tests;

public sealed class TrainCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CliRunner.Run([.. args, "--json"]);
        code.ShouldBe(0, error);
        error.ShouldBeEmpty();
        using JsonDocument doc = JsonDocument.Parse(output);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Should_ReproduceGpt3Compute_When_CatalogModelTrainedOn300BTokens()
    {
        // Given / When: Brown et al. 2020 (arXiv 2005.14165) Table D.1: 3.14e23 FLOPs (public-figures.yaml, tolerance 3%)
        JsonElement e = Json("train", "gpt-3-175b", "--tokens", "300e9", "--seq-len", "2048", "--gpu", "a100-80gb", "--gpus", "1024", "--tp", "8", "--pp", "8");

        // Then
        (e.GetProperty("trainingFlops").GetDouble() / 3.14e23).ShouldBe(1, 0.03);
        e.GetProperty("hardwareFlops").GetDouble().ShouldBeGreaterThan(e.GetProperty("trainingFlops").GetDouble());
        e.GetProperty("trainingFlopsFormula").GetString().ShouldNotBeNull().ShouldContain("6·N_active·T");
        e.GetProperty("fitsInMemory").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void Should_ReproduceChinchillaCompute_When_ModelIsABareParameterCount()
    {
        // Given / When: Hoffmann et al. 2022 (arXiv 2203.15556): 5.76e23 FLOPs for 70B × 1.4T (public-figures.yaml, tolerance 3%)
        JsonElement e = Json("train", "70B", "--tokens", "1.4T", "--gpu", "h100-sxm", "--gpus", "1024");

        // Then
        (e.GetProperty("trainingFlops").GetDouble() / 5.76e23).ShouldBe(1, 0.03);
        e.GetProperty("attentionFlops").GetDouble().ShouldBe(0);
    }

    [Fact]
    public void Should_PrintEveryContractKey_When_JsonRequested()
    {
        // Given / When
        JsonElement e = Json("train", "llama-3.1-8b", "--tokens", "15.6T", "--gpu", "h100-sxm", "--gpus", "256");

        // Then: the JSON contract of issue 3
        foreach (string key in new[] { "trainingFlops", "hardwareFlops", "gpuHours", "wallClockSeconds", "wallClockDays", "gpus", "energyKWh", "costUsd", "emissionsTonnesCo2e", "memoryPerGpuBytes", "fitsInMemory", "memoryBreakdownBytes", "assumptions" })
        {
            e.TryGetProperty(key, out _).ShouldBeTrue(key);
        }

        JsonElement breakdown = e.GetProperty("memoryBreakdownBytes");
        double sum = new[] { "weights", "gradients", "optimizerStates", "activations" }.Sum(k => breakdown.GetProperty(k).GetDouble());
        sum.ShouldBe(e.GetProperty("memoryPerGpuBytes").GetDouble(), 1);
        e.GetProperty("gpus").GetInt32().ShouldBe(256);
        e.GetProperty("wallClockDays").GetDouble().ShouldBe(e.GetProperty("wallClockSeconds").GetDouble() / 86400, 1e-9);
        e.GetProperty("assumptions").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ShouldContain("mfu");
        e.GetProperty("assumptions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "mfu").GetProperty("source").GetString().ShouldNotBeNull().ShouldContain("2407.21783");
    }

    [Fact]
    public void Should_GiveTheDeviceCountNeeded_When_DaysGiven()
    {
        // Given / When
        JsonElement e = Json("train", "llama-3.1-405b", "--tokens", "15.6T", "--gpu", "h100-sxm", "--days", "60", "--tp", "8", "--pp", "16");

        // Then: a multiple of tp·pp = 128 that finishes within 60 days, and one step fewer would not
        int gpus = e.GetProperty("gpus").GetInt32();
        (gpus % 128).ShouldBe(0);
        e.GetProperty("wallClockDays").GetDouble().ShouldBeLessThanOrEqualTo(60);
        double fewerDays = e.GetProperty("wallClockDays").GetDouble() * gpus / (gpus - 128);
        fewerDays.ShouldBeGreaterThan(60);
    }

    [Fact]
    public void Should_ReportDoesNotFitWithShortfall_When_ModelTooBigForTheDevices()
    {
        // Given / When: Llama 3.1 405B on 8 H100s: 16 B/parameter of states alone is 6.5 TB
        JsonElement e = Json("train", "llama-3.1-405b", "--tokens", "1T", "--gpu", "h100-sxm", "--gpus", "8");

        // Then
        e.GetProperty("fitsInMemory").GetBoolean().ShouldBeFalse();
        e.GetProperty("memoryShortfallBytes").GetDouble().ShouldBeGreaterThan(0);
        e.GetProperty("leastMemoryLayout").GetProperty("fitsInMemory").GetBoolean().ShouldBeFalse();
        e.GetProperty("doesNotFit").GetString().ShouldNotBeNull().ShouldStartWith("does not fit at any parallelism 8 GPUs allow");
        e.GetProperty("doesNotFit").GetString().ShouldNotBeNull().ShouldContain("bytes");
    }

    [Fact]
    public void Should_ShowTablesWithUnitsAndAssumptions_When_NoJson()
    {
        // Given / When
        var (code, output, error) = CliRunner.Run("train", "mixtral-8x7b", "--tokens", "2T", "--gpu", "h100-sxm", "--gpus", "512", "--ep", "8", "--zero", "3");

        // Then
        code.ShouldBe(0, error);
        output.ShouldContain("training FLOPs");
        output.ShouldContain("GPU-h");
        output.ShouldContain("kWh");
        output.ShouldContain("t CO2e");
        output.ShouldContain("Memory per GPU");
        output.ShouldContain("Assumptions");
        output.ShouldContain("EP8");
    }

    [Fact]
    public void Should_HalveRunningTimeAndChargeMoreInterruptions_When_GpusDoubled()
    {
        // Given / When
        JsonElement once = Json("train", "llama-3.1-70b", "--tokens", "15T", "--gpu", "h100-sxm", "--gpus", "1024", "--tp", "8");
        JsonElement twice = Json("train", "llama-3.1-70b", "--tokens", "15T", "--gpu", "h100-sxm", "--gpus", "2048", "--tp", "8");
        JsonElement never = Json("train", "llama-3.1-70b", "--tokens", "15T", "--gpu", "h100-sxm", "--gpus", "2048", "--tp", "8", "--interruptions-per-device-hour", "0");

        // Then: twice the devices halve the running time; each device can stop the job, so the lost share doubles
        (twice.GetProperty("runningSeconds").GetDouble() * 2).ShouldBe(once.GetProperty("runningSeconds").GetDouble(), 1e-6);
        twice.GetProperty("interruptionOverheadFraction").GetDouble().ShouldBe(2 * once.GetProperty("interruptionOverheadFraction").GetDouble(), 1e-12);
        twice.GetProperty("gpuHours").GetDouble().ShouldBeGreaterThan(once.GetProperty("gpuHours").GetDouble());
        never.GetProperty("wallClockSeconds").GetDouble().ShouldBe(never.GetProperty("runningSeconds").GetDouble());
    }

    [Fact]
    public void Should_MatchTheCatalogModel_When_ModelIsAConfigJsonPath()
    {
        // Given: meta-llama/Llama-3.1-8B config.json (abridged to the fields the importer reads), in a temp folder
        string dir = Path.Combine(Path.GetTempPath(), "burnrate-train-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "config.json");
        File.WriteAllText(path, """
            {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 4096, "intermediate_size": 14336,
             "num_attention_heads": 32, "num_hidden_layers": 32, "num_key_value_heads": 8, "vocab_size": 128256,
             "max_position_embeddings": 131072, "tie_word_embeddings": false, "torch_dtype": "bfloat16"}
            """);
        try
        {
            // When
            JsonElement fromFile = Json("train", path, "--tokens", "15T", "--gpu", "h100-sxm", "--gpus", "64");
            JsonElement fromCatalog = Json("train", "llama-3.1-8b", "--tokens", "15T", "--gpu", "h100-sxm", "--gpus", "64");

            // Then
            fromFile.GetProperty("trainingFlops").GetDouble().ShouldBe(fromCatalog.GetProperty("trainingFlops").GetDouble(), 1e12);
            fromFile.GetProperty("memoryPerGpuBytes").GetDouble().ShouldBe(fromCatalog.GetProperty("memoryPerGpuBytes").GetDouble(), 1);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Should_CountActiveParametersForFlopsAndTotalForMemory_When_ModelIsMoe()
    {
        // Given / When: DeepSeek-V3, 671B total, 37B active (arXiv 2412.19437), 14.8T tokens, EP 64
        JsonElement e = Json("train", "deepseek-v3", "--tokens", "14.8T", "--seq-len", "4096", "--gpu", "h800", "--gpus", "2048", "--pp", "16", "--ep", "64", "--precision", "fp8", "--gpu-hour-usd", "2");

        // Then: 6·N_active·T dominates, the one multi-token prediction module (§2.2) adds about 4%; weights are counted from the total
        double active = e.GetProperty("activeComputeParams").GetDouble();
        double dense = 6 * active * 14.8e12;
        double mtp = e.GetProperty("mtpFlops").GetDouble();
        (e.GetProperty("trainingFlops").GetDouble() - e.GetProperty("attentionFlops").GetDouble() - mtp).ShouldBe(dense, dense * 1e-9);
        (mtp / dense).ShouldBe(0.04, 0.01);
        (e.GetProperty("totalParams").GetDouble() / 671e9).ShouldBe(1, 0.01);
        (active / 37e9).ShouldBe(1, 0.03);
        e.GetProperty("parallelism").GetProperty("dp").GetInt32().ShouldBe(128);
    }

    [Theory]
    [InlineData("--tokens", "0", "--tokens '0' is not allowed; expected a number in [1, 1E+18] tokens")]
    [InlineData("--tokens", "-3T", "--tokens '-3000000000000' is not allowed")]
    [InlineData("--tokens", "lots", "--tokens: 'lots' is not a count")]
    [InlineData("--mfu", "1.5", "--mfu '1.5' is not allowed; expected a number in [0.001, 1]")]
    [InlineData("--mfu", "0", "--mfu '0' is not allowed; expected a number in [0.001, 1]")]
    [InlineData("--tp", "3", "not a multiple of tp·pp·ep")]
    [InlineData("--zero", "4", "--zero '4' is not allowed; expected a whole number in [0, 3]")]
    [InlineData("--recompute", "some", "--recompute 'some' is not allowed; expected none, selective or full")]
    [InlineData("--precision", "int4", "--precision 'int4' is not allowed; expected bf16, fp16 or fp8")]
    [InlineData("--dp", "3", "--dp '3' is not allowed; expected gpus ÷ (tp·pp) = 64")]
    [InlineData("--days", "10", "--days '10' is not allowed; expected no deadline when a device count is given")]
    [InlineData("--gpus", "0", "--gpus '0' is not allowed")]
    [InlineData("--tp", "0", "--tp '0' is not allowed; expected a whole number in [1, 65536]")]
    [InlineData("--ep", "2", "ep 2 needs a Mixture-of-Experts model")]
    [InlineData("--global-batch", "100", "must be a positive multiple of micro-batch × dp")]
    public void Should_ExitTwoWithOneLine_When_InputBad(string option, string value, string expected)
    {
        // Given
        var args = new List<string> { "train", "llama-3.1-8b", "--tokens", "1T", "--gpu", "h100-sxm", "--gpus", "64" };
        int at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        // When
        var (code, output, error) = CliRunner.Run([.. args]);

        // Then
        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.Trim().Split('\n').Length.ShouldBe(1, error);
        error.ShouldContain(expected);
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public void Should_AskForGpusOrDays_When_NeitherGiven()
    {
        var (code, _, error) = CliRunner.Run("train", "llama-3.1-8b", "--tokens", "1T", "--gpu", "h100-sxm");

        code.ShouldBe(2);
        error.Trim().ShouldBe("error: --gpus is missing; expected a device count, or a deadline in days to get the count needed");
    }

    [Fact]
    public void Should_ExitTwoWithSuggestion_When_GpuUnknown()
    {
        var (code, _, error) = CliRunner.Run("train", "llama-3.1-8b", "--tokens", "1T", "--gpu", "h100", "--gpus", "8");

        code.ShouldBe(2);
        error.ShouldContain("h100-sxm");
        error.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public void Should_UseTheGivenPrice_When_GpuHourUsdGiven()
    {
        JsonElement e = Json("train", "llama-3.1-8b", "--tokens", "1T", "--gpu", "h100-sxm", "--gpus", "64", "--gpu-hour-usd", "2");

        e.GetProperty("costUsd").GetDouble().ShouldBe(2 * e.GetProperty("gpuHours").GetDouble(), 1e-6);
        string.Format(CultureInfo.InvariantCulture, "{0}", e.GetProperty("pricePerGpuHourUsd").GetDouble()).ShouldBe("2");
    }
}
