using Burnrate.Core;
using Burnrate.Core.Hardware;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Catalog;

/// <summary>Reads catalog YAML (see Data/SCHEMA.md) into accelerator and model records, validating every field with its location.</summary>
public static partial class CatalogYamlReader
{
    private static readonly string[] ByteUnits = ["B"];
    private static readonly string[] BandwidthUnits = ["B/s", "Bps"];
    private static readonly string[] FlopUnits = ["FLOP/s", "FLOPS", "OP/s", "OPS"];
    private static readonly string[] WattUnits = ["W"];
    private static readonly string[] NoUnits = [];

    private static readonly Dictionary<string, FfnKind> FfnKinds = new(StringComparer.Ordinal) { ["gated"] = FfnKind.Gated, ["plain"] = FfnKind.Plain };
    private static readonly Dictionary<string, NormKind> NormKinds = new(StringComparer.Ordinal) { ["rms"] = NormKind.Rms, ["layer"] = NormKind.Layer };
    private static readonly Dictionary<string, bool> PositionKinds = new(StringComparer.Ordinal) { ["rope"] = false, ["learned"] = true };

    /// <summary>Parses a catalog document.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="file">The file name used in error locations.</param>
    /// <returns>The entries, in file order.</returns>
    /// <exception cref="CatalogException">The YAML is malformed or a field is invalid.</exception>
    public static CatalogEntries Read(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            Files.YamlText.CheckCharacters(yaml, file);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new CatalogException($"{file}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {FirstLine(e.Message)}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails on some malformed input without a location.
            throw new CatalogException($"{file}: not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0)
        {
            return new CatalogEntries([], []);
        }

        if (stream.Documents.Count > 1)
        {
            throw new CatalogException($"{YamlFields.Locate(file, stream.Documents[1].RootNode)}: a catalog file holds one YAML document, found {stream.Documents.Count} (remove the '---' separator)");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new CatalogException($"{YamlFields.Locate(file, stream.Documents[0].RootNode)}: a catalog file must be a mapping with 'accelerators:' and/or 'models:'");
        }

        var fields = new YamlFields(root, file);
        var accelerators = Items(fields, "accelerators").Select(n => ReadAccelerator(n, file)).ToList();
        var models = Items(fields, "models").Select(n => ReadModel(n, file)).ToList();
        fields.RejectUnknown("the catalog file (allowed: accelerators, models)");
        RejectDuplicates(accelerators.Select(a => a.Id), "accelerator", file);
        RejectDuplicates(models.Select(m => m.Id), "model", file);
        return new CatalogEntries(accelerators, models);
    }

    private static List<YamlMappingNode> Items(YamlFields fields, string key)
    {
        if (fields.Find(key) is not { } node)
        {
            return [];
        }

        if (node is not YamlSequenceNode list)
        {
            throw fields.Error(node, $"field '{key}' must be a list of entries, got {YamlFields.Show(node)}");
        }

        return list.Children.Select(item => item as YamlMappingNode ?? throw fields.Error(item, $"each entry of '{key}' must be a mapping of fields, got {YamlFields.Show(item)}")).ToList();
    }

    private static AcceleratorSpec ReadAccelerator(YamlMappingNode node, string file)
    {
        var f = new YamlFields(node, file);
        string id = CheckId(f, "accelerator");
        YamlMappingNode peakNode = f.OptionalMapping("peakFlops") ?? throw f.Error(node, $"accelerator '{id}': missing required field 'peakFlops'");
        var peak = new Dictionary<Precision, FlopPerSecond>();
        foreach ((YamlNode keyNode, YamlNode valueNode) in peakNode.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!PrecisionExtensions.TryParse(key, out Precision precision))
            {
                throw f.Error(keyNode, $"unknown precision '{key}' in peakFlops; allowed: {string.Join(", ", PrecisionExtensions.AllIds)}");
            }

            peak[precision] = new FlopPerSecond(f.Quantity($"peakFlops.{key}", valueNode, FlopUnits, " (FLOP/s, e.g. \"989.4 TFLOP/s\")"));
        }

        if (peak.Count == 0)
        {
            throw f.Error(peakNode, $"accelerator '{id}': peakFlops must list at least one precision");
        }

        var spec = new AcceleratorSpec
        {
            Id = id,
            Name = f.OptionalString("name") ?? id,
            Vendor = f.OptionalString("vendor") ?? "",
            PeakFlops = peak,
            Memory = new Bytes(f.RequiredQuantity("memory", ByteUnits, " (bytes, e.g. \"80 GB\")")),
            MemoryBandwidth = new BytesPerSecond(f.RequiredQuantity("memoryBandwidth", BandwidthUnits, " (bytes/s, e.g. \"3.35 TB/s\")")),
            Tdp = f.OptionalQuantity("tdp", WattUnits, " (watts, e.g. \"700 W\")") is { } tdp ? new Watts(tdp) : null,
            InterconnectBandwidth = new BytesPerSecond(f.RequiredQuantity("interconnectBandwidth", BandwidthUnits, " (bytes/s, e.g. \"900 GB/s\")")),
            Provenance = new Provenance(f.RequiredString("source"), f.RequiredDate("asOf")),
            PurchasePrice = ReadPrice(f.OptionalMapping("purchase"), file, "priceUsd", out _),
            CloudPricePerHour = ReadPrice(f.OptionalMapping("cloud"), file, "usdPerHour", out string? provider),
            CloudProvider = provider,
        };
        f.RejectUnknown($"accelerator '{id}'");
        return spec;
    }

    private static PricePoint? ReadPrice(YamlMappingNode? node, string file, string amountKey, out string? provider)
    {
        provider = null;
        if (node is null)
        {
            return null;
        }

        var f = new YamlFields(node, file);
        double amount = f.RequiredQuantity(amountKey, NoUnits, " (US dollars)");
        provider = f.OptionalString("provider");
        var price = new PricePoint(new Usd(amount), new Provenance(f.RequiredString("source"), f.RequiredDate("asOf")));
        f.RejectUnknown("a price");
        return price;
    }

    private static ModelArchitecture ReadModel(YamlMappingNode node, string file)
    {
        var f = new YamlFields(node, file);
        string id = CheckId(f, "model");
        int heads = f.RequiredPositiveInt("attentionHeads");
        int hidden = f.RequiredPositiveInt("hiddenSize");
        var model = new ModelArchitecture
        {
            Id = id,
            Name = f.OptionalString("name") ?? id,
            Family = CheckFamily(f, id),
            Layers = f.RequiredPositiveInt("layers"),
            HiddenSize = hidden,
            AttentionHeads = heads,
            KvHeads = f.OptionalInt("kvHeads", heads, allowZero: false),
            HeadDim = f.OptionalInt("headDim", hidden / heads, allowZero: false),
            FfnSize = f.RequiredPositiveInt("ffnSize"),
            FfnKind = f.OptionalChoice("ffnKind", FfnKind.Gated, FfnKinds),
            VocabSize = f.RequiredPositiveInt("vocabSize"),
            TiedEmbeddings = f.OptionalBool("tiedEmbeddings", false),
            MaxContext = f.RequiredPositiveInt("maxContext"),
            AttentionBias = f.OptionalBool("attentionBias", false),
            LinearBias = f.OptionalBool("linearBias", false),
            Norm = f.OptionalChoice("norm", NormKind.Rms, NormKinds),
            LearnedPositionEmbedding = f.OptionalChoice("positionEmbedding", false, PositionKinds),
            Moe = ReadMoe(f.OptionalMapping("moe"), file),
            Mla = ReadMla(f.OptionalMapping("mla"), file),
            MtpModules = f.OptionalInt("mtpModules", 0),
            Provenance = new Provenance(f.RequiredString("source"), f.RequiredDate("asOf")),
        };
        f.RejectUnknown($"model '{id}'");
        if (model.Moe is { } moe && (moe.ExpertsPerToken > moe.RoutedExperts || moe.DenseLayers > model.Layers))
        {
            throw f.Error(node, $"model '{id}': moe.expertsPerToken ({moe.ExpertsPerToken}) must not exceed moe.routedExperts ({moe.RoutedExperts}) and moe.denseLayers ({moe.DenseLayers}) must not exceed layers ({model.Layers})");
        }

        if (heads % model.KvHeads != 0)
        {
            throw f.Error(node, $"model '{id}': attentionHeads ({heads}) must be a multiple of kvHeads ({model.KvHeads})");
        }

        return model;
    }

    /// <summary>Gets the model families the schema allows (Data/SCHEMA.md): the catalog's own, every family the config.json
    /// importer reads, and <c>custom</c> (the default).</summary>
    public static IReadOnlyList<string> Families { get; } =
        [.. new[] { "custom", "llama", "mistral", "mixtral", "qwen2", "deepseek-v3", "gpt" }
            .Concat(HuggingFaceConfig.SupportedModelTypes.Select(t => t.Replace('_', '-')))
            .Distinct(StringComparer.Ordinal)];

    // Ids are lowercase letters, digits, dots and dashes, starting with a letter or digit (Data/SCHEMA.md), at most 64 characters.
    private static string CheckId(YamlFields f, string kind)
    {
        string id = f.RequiredString("id");
        return id.Length <= 64 && IdPattern().IsMatch(id)
            ? id
            : throw f.Error(f.Find("id")!, $"{kind} id '{id}' is not allowed; expected lowercase letters, digits, '.' and '-' (at most 64, starting with a letter or digit), e.g. h100-sxm");
    }

    private static string CheckFamily(YamlFields f, string id)
    {
        string family = f.OptionalString("family") ?? "custom";
        if (Families.Contains(family, StringComparer.Ordinal))
        {
            return family;
        }

        string near = Suggestions.Nearest(family, Families) is { Count: > 0 } n ? $" (did you mean {string.Join(" or ", n)}?)" : "";
        throw f.Error(f.Find("family")!, $"model '{id}': family '{family}' is not allowed{near}; allowed: {string.Join(", ", Families)}");
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9.-]*$")]
    private static partial System.Text.RegularExpressions.Regex IdPattern();

    private static MoeSpec? ReadMoe(YamlMappingNode? node, string file)
    {
        if (node is null)
        {
            return null;
        }

        var f = new YamlFields(node, file);
        var moe = new MoeSpec(
            f.RequiredPositiveInt("routedExperts"),
            f.RequiredPositiveInt("expertsPerToken"),
            f.OptionalInt("sharedExperts", 0),
            f.OptionalInt("denseLayers", 0),
            f.RequiredPositiveInt("expertFfnSize"));
        f.RejectUnknown("moe");
        return moe;
    }

    private static MlaSpec? ReadMla(YamlMappingNode? node, string file)
    {
        if (node is null)
        {
            return null;
        }

        var f = new YamlFields(node, file);
        var mla = new MlaSpec(
            f.OptionalInt("qLoraRank", 0),
            f.RequiredPositiveInt("kvLoraRank"),
            f.RequiredPositiveInt("ropeHeadDim"),
            f.RequiredPositiveInt("nopeHeadDim"),
            f.RequiredPositiveInt("vHeadDim"));
        f.RejectUnknown("mla");
        return mla;
    }

    private static void RejectDuplicates(IEnumerable<string> ids, string what, string file)
    {
        string? duplicate = ids.GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new CatalogException($"{file}: {what} '{duplicate}' is defined twice");
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
