using System.Globalization;
using System.Text.Json;
using Burnrate.Core;
using Burnrate.Core.Models;

namespace Burnrate.Catalog;

/// <summary>Imports a Hugging Face transformers <c>config.json</c> into a <see cref="ModelArchitecture"/> (Llama, Mistral, Mixtral,
/// Qwen2/Qwen3 (dense and MoE), Gemma 2/3, gpt-oss, Llama 4 (text part) and DeepSeek-V3 families).</summary>
public static partial class HuggingFaceConfig
{
    /// <summary>Gets the <c>model_type</c> values the importer understands (multimodal configs are read from their <c>text_config</c>).</summary>
    public static IReadOnlyList<string> SupportedModelTypes { get; } =
        ["llama", "mistral", "mixtral", "qwen2", "qwen3", "qwen3_moe", "gemma2", "gemma3", "gemma3_text", "gpt_oss", "llama4", "llama4_text", "deepseek_v3"];

    /// <summary>Reads a config.json file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The architecture; its id is the folder name (or file name) and its source the path.</returns>
    /// <exception cref="CatalogException">The file is missing, not JSON, or of an unsupported model type.</exception>
    public static ModelArchitecture ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new CatalogException($"{path}: file not found (expected a catalog model id or a Hugging Face config.json)");
        }

        string id = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) is { Length: > 0 } folder && Path.GetFileName(path).Equals("config.json", StringComparison.OrdinalIgnoreCase)
            ? folder
            : Path.GetFileNameWithoutExtension(path);
        var asOf = DateOnly.FromDateTime(File.GetLastWriteTimeUtc(path));
        return Parse(Files.InputFile.ReadAllText(path, "config.json"), path, id, asOf);
    }

    /// <summary>Parses config.json text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="file">The file name used in messages and as the source.</param>
    /// <param name="id">The id to give the model.</param>
    /// <param name="asOf">The date to record as the source date.</param>
    /// <returns>The architecture.</returns>
    /// <exception cref="CatalogException">Not JSON, a required field missing, or an unsupported model type.</exception>
    public static ModelArchitecture Parse(string json, string file, string id, DateOnly asOf)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CatalogException(Files.JsonErrorText.Describe(file, e), e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CatalogException($"{file}: a config.json is a JSON object, got {Kind(root.ValueKind)}");
            }

            string modelType = root.TryGetProperty("model_type", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? "" : "";
            if (!SupportedModelTypes.Contains(modelType))
            {
                string near = Suggestions.Nearest(modelType, SupportedModelTypes) is { Count: > 0 } n ? $" (did you mean {string.Join(", ", n)}?)" : "";
                throw new CatalogException($"{file}: model_type '{modelType}' is not supported{near}; supported: {string.Join(", ", SupportedModelTypes)}");
            }

            // Multimodal checkpoints (Gemma 3, Llama 4) keep the language model's shape in text_config; only the text part is priced.
            if (root.TryGetProperty("text_config", out JsonElement text) && text.ValueKind == JsonValueKind.Object)
            {
                root = text;
                modelType = modelType.EndsWith("_text", StringComparison.Ordinal) ? modelType : modelType + "_text";
            }

            var reader = new Reader(root, file);
            int hidden = reader.Positive("hidden_size");
            int heads = reader.Positive("num_attention_heads");
            int ffn = reader.Int("intermediate_size");
            var model = new ModelArchitecture
            {
                Id = id,
                Name = id,
                Family = modelType.Replace('_', '-'),
                Layers = reader.Positive("num_hidden_layers"),
                HiddenSize = hidden,
                AttentionHeads = heads,
                KvHeads = reader.Positive("num_key_value_heads", heads),
                HeadDim = reader.Int("head_dim", hidden / heads),
                FfnSize = ffn,
                FfnKind = FfnKind.Gated,
                VocabSize = reader.Positive("vocab_size"),
                TiedEmbeddings = reader.Bool("tie_word_embeddings", modelType.StartsWith("gemma", StringComparison.Ordinal)),
                MaxContext = reader.Positive("max_position_embeddings"),
                AttentionBias = modelType == "qwen2" || (modelType != "gpt_oss" && reader.Bool("attention_bias", false)),
                Provenance = new Provenance(file, asOf),
            };

            return Check(modelType switch
            {
                "mixtral" => model with
                {
                    Moe = new MoeSpec(reader.Int("num_local_experts"), reader.Int("num_experts_per_tok"), 0, 0, ffn),
                },
                "qwen3_moe" => Qwen3Moe(model, reader),
                "gpt_oss" => GptOss(model, reader),
                "llama4_text" => Llama4(model, reader),
                "deepseek_v3" => model with
                {
                    HeadDim = reader.Int("qk_nope_head_dim") + reader.Int("qk_rope_head_dim"),
                    Moe = new MoeSpec(reader.Int("n_routed_experts"), reader.Int("num_experts_per_tok"), reader.Int("n_shared_experts", 0), reader.Int("first_k_dense_replace", 0), reader.Int("moe_intermediate_size")),
                    Mla = new MlaSpec(reader.Int("q_lora_rank", 0), reader.Int("kv_lora_rank"), reader.Int("qk_rope_head_dim"), reader.Int("qk_nope_head_dim"), reader.Int("v_head_dim")),
                    MtpModules = reader.Int("num_nextn_predict_layers", 0),
                },
                _ => model,
            }, file);
        }
    }

    // The schema's cross-field rules, named by config.json's own keys.
    private static ModelArchitecture Check(ModelArchitecture model, string file)
    {
        string? problem =
            model.KvHeads > model.AttentionHeads ? $"num_key_value_heads ({model.KvHeads}) must not exceed num_attention_heads ({model.AttentionHeads})"
            : model.AttentionHeads % model.KvHeads != 0 ? $"num_attention_heads ({model.AttentionHeads}) must be a multiple of num_key_value_heads ({model.KvHeads})"
            : model.HeadDim < 1 ? $"head_dim must be at least 1, got {model.HeadDim}"
            : model.FfnSize < 1 ? $"intermediate_size must be at least 1, got {model.FfnSize}"
            : model.Moe is { } moe && (moe.RoutedExperts < 1 || moe.ExpertsPerToken < 1) ? $"the expert count and num_experts_per_tok must be at least 1, got {moe.RoutedExperts} and {moe.ExpertsPerToken}"
            : model.Moe is { } m && m.ExpertsPerToken > m.RoutedExperts ? $"num_experts_per_tok ({m.ExpertsPerToken}) must not exceed the number of experts ({m.RoutedExperts})"
            : model.Moe is { } d && (d.DenseLayers > model.Layers || d.ExpertFfnSize < 1) ? $"dense layers ({d.DenseLayers}) must not exceed num_hidden_layers ({model.Layers}) and the expert FFN size must be at least 1"
            : null;
        return problem is null ? model : throw new CatalogException(FormattableString.Invariant($"{file}: {problem}"));
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        _ => "null",
    };

    private sealed class Reader(JsonElement root, string file)
    {
        public int Int(string key, int? fallback = null)
        {
            if (!root.TryGetProperty(key, out JsonElement e) || e.ValueKind == JsonValueKind.Null)
            {
                return fallback ?? throw new CatalogException($"{file}: missing required field '{key}'");
            }

            return e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int value) && value >= 0
                ? value
                : throw new CatalogException($"{file}: field '{key}' must be a non-negative whole number, got {e.GetRawText()}");
        }

        public int Positive(string key, int? fallback = null)
        {
            int value = Int(key, fallback);
            return value >= 1 ? value : throw new CatalogException(string.Create(CultureInfo.InvariantCulture, $"{file}: field '{key}' must be at least 1, got {value}"));
        }

        public int Count(string key) =>
            root.TryGetProperty(key, out JsonElement e) && e.ValueKind == JsonValueKind.Array ? e.GetArrayLength() : 0;

        public bool Bool(string key, bool fallback) =>
            !root.TryGetProperty(key, out JsonElement e) ? fallback
            : e.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => fallback,
                _ => throw new CatalogException(string.Create(CultureInfo.InvariantCulture, $"{file}: field '{key}' must be true or false, got {e.GetRawText()}")),
            };
    }
}
