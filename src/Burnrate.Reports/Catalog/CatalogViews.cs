using System.Globalization;
using Burnrate.Core.Hardware;
using Burnrate.Core.Models;

namespace Burnrate.Reports.Catalog;

/// <summary>A dated price with its source.</summary>
/// <param name="Usd">The purchase price in USD (null for an hourly price).</param>
/// <param name="UsdPerHour">The hourly cloud price in USD (null for a purchase price).</param>
/// <param name="Provider">The cloud provider the hourly price is from.</param>
/// <param name="Source">Where the figure comes from.</param>
/// <param name="AsOf">The date of the figure (YYYY-MM-DD).</param>
public sealed record PriceView(double? Usd, double? UsdPerHour, string? Provider, string Source, string AsOf);

/// <summary>One accelerator as <c>catalog gpus --json</c> and <c>GET /api/catalog/gpus</c> show it: base units (FLOP/s, bytes, bytes/s, W, USD).</summary>
/// <param name="Id">The catalog id.</param>
/// <param name="Name">The product name.</param>
/// <param name="Vendor">The vendor.</param>
/// <param name="PeakFlopsPerSecond">Dense peak FLOP/s by precision id.</param>
/// <param name="MemoryBytes">Device memory.</param>
/// <param name="MemoryBandwidthBytesPerSecond">Memory bandwidth.</param>
/// <param name="TdpWatts">Board power, when published.</param>
/// <param name="InterconnectBytesPerSecond">Device-to-device bandwidth.</param>
/// <param name="Source">The specification's source.</param>
/// <param name="AsOf">The specification's date.</param>
/// <param name="PurchasePrice">A dated purchase price, if known.</param>
/// <param name="CloudPrice">A dated cloud price per hour, if known.</param>
public sealed record AcceleratorView(
    string Id, string Name, string Vendor, IReadOnlyDictionary<string, double> PeakFlopsPerSecond, double MemoryBytes,
    double MemoryBandwidthBytesPerSecond, double? TdpWatts, double InterconnectBytesPerSecond, string Source, string AsOf,
    PriceView? PurchasePrice, PriceView? CloudPrice);

/// <summary>One model as <c>catalog models --json</c> and <c>GET /api/catalog/models</c> show it, with parameters counted from the architecture.</summary>
/// <param name="Id">The catalog id.</param>
/// <param name="Name">The model name.</param>
/// <param name="Family">The family.</param>
/// <param name="TotalParams">All parameters.</param>
/// <param name="ActiveParams">Parameters active per token.</param>
/// <param name="EmbeddingParams">Embedding parameters.</param>
/// <param name="OutputHeadParams">Output head parameters.</param>
/// <param name="NonEmbeddingParams">Parameters other than embeddings.</param>
/// <param name="Layers">Transformer layers.</param>
/// <param name="HiddenSize">Hidden size.</param>
/// <param name="AttentionHeads">Query heads.</param>
/// <param name="KvHeads">Key/value heads.</param>
/// <param name="HeadDim">Head dimension.</param>
/// <param name="FfnSize">Feed-forward size.</param>
/// <param name="FfnKind">Feed-forward kind (lower case).</param>
/// <param name="VocabSize">Vocabulary size.</param>
/// <param name="TiedEmbeddings">Whether input and output embeddings are shared.</param>
/// <param name="MaxContext">Longest context.</param>
/// <param name="Moe">Mixture-of-experts shape, if any.</param>
/// <param name="Mla">Multi-head latent attention shape, if any.</param>
/// <param name="MtpModules">Multi-token prediction modules trained with the model (training FLOPs only), or null for none.</param>
/// <param name="Source">The architecture's source.</param>
/// <param name="AsOf">The architecture's date.</param>
public sealed record ModelView(
    string Id, string Name, string Family, double TotalParams, double ActiveParams, double EmbeddingParams, double OutputHeadParams,
    double NonEmbeddingParams, int Layers, int HiddenSize, int AttentionHeads, int KvHeads, int HeadDim, int FfnSize, string FfnKind,
    int VocabSize, bool TiedEmbeddings, int MaxContext, MoeSpec? Moe, MlaSpec? Mla, int? MtpModules, string Source, string AsOf);

/// <summary>Builds the catalog views every surface shows (the CLI's <c>--json</c> and the web API serialize the same records).</summary>
public static class CatalogViews
{
    /// <summary>Gets the view of an accelerator.</summary>
    /// <param name="a">The accelerator.</param>
    /// <returns>The view.</returns>
    public static AcceleratorView Accelerator(AcceleratorSpec a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new AcceleratorView(
            a.Id,
            a.Name,
            a.Vendor,
            a.PeakFlops.OrderBy(p => p.Key).ToDictionary(p => p.Key.Id(), p => p.Value.Value),
            a.Memory.Value,
            a.MemoryBandwidth.Value,
            a.Tdp?.Value,
            a.InterconnectBandwidth.Value,
            a.Provenance.Source,
            Date(a.Provenance.AsOf),
            a.PurchasePrice is { } p ? new PriceView(p.Amount.Value, null, null, p.Provenance.Source, Date(p.Provenance.AsOf)) : null,
            a.CloudPricePerHour is { } c ? new PriceView(null, c.Amount.Value, a.CloudProvider, c.Provenance.Source, Date(c.Provenance.AsOf)) : null);
    }

    /// <summary>Gets the view of a model.</summary>
    /// <param name="m">The model.</param>
    /// <returns>The view.</returns>
    public static ModelView Model(ModelArchitecture m)
    {
        ArgumentNullException.ThrowIfNull(m);
        ParameterCount count = ParameterCounter.Count(m);
        return new ModelView(
            m.Id, m.Name, m.Family, count.Total, count.ActivePerToken, count.Embedding, count.OutputHead, count.NonEmbedding,
            m.Layers, m.HiddenSize, m.AttentionHeads, m.KvHeads, m.HeadDim, m.FfnSize, m.FfnKind.ToString().ToLowerInvariant(),
            m.VocabSize, m.TiedEmbeddings, m.MaxContext, m.Moe, m.Mla, m.MtpModules > 0 ? m.MtpModules : null, m.Provenance.Source, Date(m.Provenance.AsOf));
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
