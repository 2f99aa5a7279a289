using System.Globalization;
using Burnrate.Core.Hardware;
using Burnrate.Core.Models;

namespace Burnrate.Cli.Rendering;

/// <summary>JSON shapes of catalog entries: numbers in base units (FLOP/s, bytes, bytes/s, watts, USD).</summary>
internal static class CatalogJson
{
    public static object Accelerator(AcceleratorSpec a) => new
    {
        a.Id,
        a.Name,
        a.Vendor,
        PeakFlopsPerSecond = a.PeakFlops.OrderBy(p => p.Key).ToDictionary(p => p.Key.Id(), p => p.Value.Value),
        MemoryBytes = a.Memory.Value,
        MemoryBandwidthBytesPerSecond = a.MemoryBandwidth.Value,
        TdpWatts = a.Tdp?.Value,
        InterconnectBytesPerSecond = a.InterconnectBandwidth.Value,
        a.Provenance.Source,
        AsOf = Date(a.Provenance.AsOf),
        PurchasePrice = a.PurchasePrice is { } p ? new { Usd = p.Amount.Value, p.Provenance.Source, AsOf = Date(p.Provenance.AsOf) } : null,
        CloudPrice = a.CloudPricePerHour is { } c ? new { UsdPerHour = c.Amount.Value, Provider = a.CloudProvider, c.Provenance.Source, AsOf = Date(c.Provenance.AsOf) } : null,
    };

    public static object Model(ModelArchitecture m)
    {
        ParameterCount count = ParameterCounter.Count(m);
        return new
        {
            m.Id,
            m.Name,
            m.Family,
            TotalParams = count.Total,
            ActiveParams = count.ActivePerToken,
            EmbeddingParams = count.Embedding,
            OutputHeadParams = count.OutputHead,
            NonEmbeddingParams = count.NonEmbedding,
            m.Layers,
            m.HiddenSize,
            m.AttentionHeads,
            m.KvHeads,
            m.HeadDim,
            m.FfnSize,
            FfnKind = m.FfnKind.ToString().ToLowerInvariant(),
            m.VocabSize,
            m.TiedEmbeddings,
            m.MaxContext,
            Moe = m.Moe,
            Mla = m.Mla,
            m.Provenance.Source,
            AsOf = Date(m.Provenance.AsOf),
        };
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
