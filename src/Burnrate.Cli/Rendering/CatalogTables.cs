using Burnrate.Core.Hardware;
using Burnrate.Core.Quantities;
using Burnrate.Reports.Catalog;
using Spectre.Console;

namespace Burnrate.Cli.Rendering;

/// <summary>The catalog tables (<c>catalog gpus</c>, <c>catalog models</c>, <c>catalog show</c>), drawn from the same typed
/// views (<see cref="CatalogViews"/>) that <c>--json</c> and the web API serialize; base units are shown through the quantity types.</summary>
internal static class CatalogTables
{
    public static WideTable Accelerators(IEnumerable<AcceleratorView> accelerators)
    {
        var table = new WideTable("Accelerators (dense peak, per device)", ["id", "bf16", "fp8", "memory", "bandwidth", "interconnect", "TDP", "cloud $/h", "purchase", "as of"]);

        foreach (AcceleratorView a in accelerators)
        {
            table.AddRow(
                a.Id,
                Peak(a, Precision.Bf16),
                Peak(a, Precision.Fp8),
                new Bytes(a.MemoryBytes).ToString(),
                new BytesPerSecond(a.MemoryBandwidthBytesPerSecond).ToString(),
                new BytesPerSecond(a.InterconnectBytesPerSecond).ToString(),
                a.TdpWatts is { } w ? new Watts(w).ToString() : "n/p",
                a.CloudPrice?.UsdPerHour is { } c ? new Usd(c).ToString() : "-",
                a.PurchasePrice?.Usd is { } p ? new Usd(p).ToString() : "-",
                a.AsOf);
        }

        return table;
    }

    public static WideTable Models(IEnumerable<ModelView> models)
    {
        var table = new WideTable("Models (parameters counted from the architecture)", ["id", "total params", "active params", "layers", "hidden", "heads/kv", "FFN", "experts", "attention", "context"]);

        foreach (ModelView m in models)
        {
            table.AddRow(
                m.Id,
                SiFormat.Count(m.TotalParams),
                SiFormat.Count(m.ActiveParams),
                NumberText.Whole(m.Layers),
                NumberText.Whole(m.HiddenSize),
                $"{m.AttentionHeads}/{m.KvHeads}",
                $"{m.FfnKind} {m.FfnSize}",
                m.Moe is { } moe ? $"{moe.ExpertsPerToken}/{moe.RoutedExperts}" + (moe.SharedExperts > 0 ? $"+{moe.SharedExperts}" : "") : "-",
                m.Mla is not null ? "MLA" : m.KvHeads < m.AttentionHeads ? "GQA" : "MHA",
                NumberText.Whole(m.MaxContext));
        }

        return table;
    }

    public static Table Accelerator(AcceleratorView a)
    {
        Table table = Grid(a.Name + " (" + a.Id + ")");
        foreach ((string precision, double flops) in a.PeakFlopsPerSecond)
        {
            table.AddRow($"peak {precision} (dense)", new FlopPerSecond(flops).ToString());
        }

        table.AddRow("memory", new Bytes(a.MemoryBytes).ToString());
        table.AddRow("memory bandwidth", new BytesPerSecond(a.MemoryBandwidthBytesPerSecond).ToString());
        table.AddRow("interconnect (per device)", new BytesPerSecond(a.InterconnectBytesPerSecond).ToString());
        table.AddRow("TDP", a.TdpWatts is { } w ? new Watts(w).ToString() : "not published");
        table.AddRow("source", Markup.Escape(a.Source) + " (" + a.AsOf + ")");
        if (a.PurchasePrice is { Usd: { } usd } purchase)
        {
            table.AddRow("purchase price", new Usd(usd) + " — " + Markup.Escape(purchase.Source) + " (" + purchase.AsOf + ")");
        }

        if (a.CloudPrice is { UsdPerHour: { } perHour } cloud)
        {
            table.AddRow("cloud on-demand", new Usd(perHour) + "/h " + Markup.Escape(cloud.Provider ?? "") + " — " + Markup.Escape(cloud.Source) + " (" + cloud.AsOf + ")");
        }

        return table;
    }

    public static Table Model(ModelView m)
    {
        Table table = Grid(m.Name + " (" + m.Id + ")");
        table.AddRow("parameters (total)", Params(m.TotalParams));
        table.AddRow("parameters (active per token)", Params(m.ActiveParams));
        table.AddRow("of which embeddings / output head", Params(m.EmbeddingParams) + " / " + Params(m.OutputHeadParams));
        table.AddRow("layers", NumberText.Grouped(m.Layers));
        table.AddRow("hidden size", NumberText.Grouped(m.HiddenSize));
        table.AddRow("attention heads / KV heads / head dim", $"{m.AttentionHeads} / {m.KvHeads} / {m.HeadDim}");
        table.AddRow("FFN", $"{m.FfnKind}, {NumberText.Grouped(m.FfnSize)}");
        if (m.Moe is { } moe)
        {
            table.AddRow("experts", $"{moe.RoutedExperts} routed, {moe.ExpertsPerToken} per token, {moe.SharedExperts} shared, {moe.DenseLayers} dense layers, expert FFN {NumberText.Grouped(moe.ExpertFfnSize)}");
        }

        if (m.Mla is { } mla)
        {
            table.AddRow("MLA", $"q rank {mla.QLoraRank}, kv rank {mla.KvLoraRank}, rope {mla.RopeHeadDim}, nope {mla.NopeHeadDim}, v {mla.VHeadDim}");
        }

        if (m.MtpModules is { } mtp)
        {
            table.AddRow("multi-token prediction", $"{mtp} module(s), trained with the model (training FLOPs only)");
        }

        table.AddRow("vocabulary", NumberText.Grouped(m.VocabSize) + (m.TiedEmbeddings ? " (tied embeddings)" : ""));
        table.AddRow("max context", NumberText.Grouped(m.MaxContext));
        table.AddRow("source", Markup.Escape(m.Source) + " (" + m.AsOf + ")");
        return table;
    }

    private static string Peak(AcceleratorView a, Precision p) =>
        a.PeakFlopsPerSecond.TryGetValue(p.Id(), out double f) ? new FlopPerSecond(f).ToString() : "-";

    private static Table Grid(string title)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        table.AddColumn("field");
        table.AddColumn("value");
        return table;
    }

    private static string Params(double n) => SiFormat.Count(n) + " (" + NumberText.Grouped(n) + ")";
}
