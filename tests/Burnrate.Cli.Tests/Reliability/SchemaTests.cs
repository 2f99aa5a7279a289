using System.Text.Json.Nodes;

namespace Burnrate.Cli.Tests.Reliability;

/// <summary>Issue 11, "Inputs checked against their own schema" and "No stack trace": config.json and catalog entries that
/// break their schema are one located line, exit 2.</summary>
public sealed class SchemaTests : IDisposable
{
    private const string Llama = """
        {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 4096, "intermediate_size": 14336,
         "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8, "vocab_size": 128256,
         "max_position_embeddings": 8192}
        """;

    private readonly TempFolder _dir = new("burnrate-schema-");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("num_hidden_layers", 0, "field 'num_hidden_layers' must be at least 1, got 0")]
    [InlineData("num_attention_heads", 0, "field 'num_attention_heads' must be at least 1, got 0")]
    [InlineData("num_key_value_heads", 0, "field 'num_key_value_heads' must be at least 1, got 0")]
    [InlineData("num_key_value_heads", 64, "num_key_value_heads (64) must not exceed num_attention_heads (32)")]
    [InlineData("num_key_value_heads", 5, "num_attention_heads (32) must be a multiple of num_key_value_heads (5)")]
    [InlineData("vocab_size", 0, "field 'vocab_size' must be at least 1, got 0")]
    [InlineData("hidden_size", 0, "field 'hidden_size' must be at least 1, got 0")]
    public void Should_ExitTwoNamingTheField_When_AConfigJsonBreaksItsSchema(string field, int value, string expected)
    {
        // Given
        JsonObject config = JsonNode.Parse(Llama)!.AsObject();
        config[field] = value;
        string path = _dir.Write("config.json", config.ToJsonString());

        // When
        CliRun run = CliRunner.Run("infer", path, "--gpu", "h100-sxm");

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"error: {path}: {expected}\n");
    }

    [Fact]
    public void Should_ExitTwo_When_ExpertsPerTokenExceedTheExperts()
    {
        // Given
        JsonObject config = JsonNode.Parse(Llama)!.AsObject();
        config["model_type"] = "mixtral";
        config["num_local_experts"] = 8;
        config["num_experts_per_tok"] = 9;
        string path = _dir.Write("config.json", config.ToJsonString());

        // When
        CliRun run = CliRunner.Run("infer", path, "--gpu", "h100-sxm");

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"error: {path}: num_experts_per_tok (9) must not exceed the number of experts (8)\n");
    }

    [Theory]
    [InlineData("[1, 2]", "a config.json is a JSON object, got an array")]
    [InlineData("\"llama\"", "a config.json is a JSON object, got a string")]
    public void Should_ExitTwo_When_AConfigJsonIsNotAnObject(string json, string expected)
    {
        // Given
        string path = _dir.Write("config.json", json);

        // When
        CliRun run = CliRunner.Run("train", path, "--tokens", "1T", "--gpu", "h100-sxm", "--gpus", "8");

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"error: {path}: {expected}\n");
    }

    [Theory]
    [InlineData("id: My_GPU", "accelerator id 'My_GPU' is not allowed; expected lowercase letters, digits, '.' and '-'")]
    [InlineData("id: \"-gpu\"", "accelerator id '-gpu' is not allowed")]
    public void Should_ExitTwo_When_ACatalogIdBreaksTheSchema(string idLine, string expected)
    {
        // Given
        string path = _dir.Write("cat.yaml", $"""
            accelerators:
              - {idLine}
                peakFlops: {"{bf16: 1 PFLOP/s}"}
                memory: 80 GB
                memoryBandwidth: 3 TB/s
                interconnectBandwidth: 900 GB/s
                tdp: 700 W
                source: test
                asOf: 2026-01-01
            """);

        // When
        CliRun run = CliRunner.Run("--catalog", path, "catalog", "gpus");

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"error: {path}:2:");
        run.Error.ShouldContain(expected);
    }

    [Fact]
    public void Should_ExitTwoWithSuggestion_When_ACatalogFamilyIsNotInTheSchema()
    {
        // Given
        string path = _dir.Write("cat.yaml", """
            models:
              - id: tiny
                family: lama
                layers: 2
                hiddenSize: 64
                attentionHeads: 4
                ffnSize: 128
                vocabSize: 1000
                maxContext: 512
                source: test
                asOf: 2026-01-01
            """);

        // When
        CliRun run = CliRunner.Run("--catalog", path, "catalog", "models");

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"error: {path}:3:");
        run.Error.ShouldContain("model 'tiny': family 'lama' is not allowed (did you mean llama");
    }

    [Theory]
    [InlineData("{}", "not a bench summary (no \"kind\": \"burnrate-bench\")")]
    [InlineData("""{"kind": "burnrate-bench", "schemaVersion": 99, "levels": []}""", "schemaVersion 99 is not one this burnrate reads (it reads 1)")]
    [InlineData("""{"kind": "burnrate-calibration"}""", "kind is 'burnrate-calibration', expected 'burnrate-bench'")]
    public void Should_ExitTwo_When_BenchCompareIsGivenWhatIsNotASummaryItReads(string json, string expected)
    {
        // Given: a file that is not a bench summary of a version this burnrate reads
        string bad = _dir.Write("bad.json", json);

        // When
        CliRun run = CliRunner.Run("bench", "compare", bad, bad);

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"error: '{bad}': {expected}\n");
    }
}
