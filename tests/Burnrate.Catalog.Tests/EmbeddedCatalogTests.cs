using Burnrate.Core.Hardware;
using Burnrate.Core.Models;

namespace Burnrate.Catalog.Tests;

public sealed class EmbeddedCatalogTests
{
    private static readonly BurnrateCatalog Catalog = BurnrateCatalog.Embedded;

    public static TheoryData<string> RequiredAccelerators => new(
        "a100-40gb", "a100-80gb", "h100-sxm", "h100-pcie", "h100-nvl", "h800", "h200", "b200", "l4", "l40s", "mi300x", "mi325x", "tpu-v5e", "tpu-v5p", "gaudi3");

    public static TheoryData<string> RequiredModels => new(
        "llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b", "llama-3.2-1b", "llama-3.2-3b", "mistral-7b", "mixtral-8x7b", "mixtral-8x22b",
        "qwen2.5-7b", "qwen2.5-72b", "deepseek-v3", "gpt-3-175b");

    [Theory]
    [MemberData(nameof(RequiredAccelerators))]
    public void Should_ContainAccelerator_When_IssueRequiresIt(string id)
    {
        AcceleratorSpec spec = Catalog.Accelerator(id);
        spec.Supports(Precision.Bf16).ShouldBeTrue($"{id} must list a dense bf16 peak");
        spec.Memory.Value.ShouldBeGreaterThan(0);
        spec.MemoryBandwidth.Value.ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(RequiredModels))]
    public void Should_ContainModel_When_IssueRequiresIt(string id)
    {
        Catalog.Model(id).Id.ShouldBe(id);
    }

    [Fact]
    public void Should_CiteSourceAndDate_When_AnyEntryHasANumber()
    {
        foreach (AcceleratorSpec a in Catalog.Accelerators)
        {
            a.Provenance.Source.ShouldNotBeNullOrWhiteSpace(a.Id);
            a.Provenance.AsOf.Year.ShouldBeGreaterThan(2015, a.Id);
            foreach (PricePoint? price in new[] { a.PurchasePrice, a.CloudPricePerHour })
            {
                if (price is not null)
                {
                    price.Provenance.Source.ShouldNotBeNullOrWhiteSpace(a.Id);
                    price.Provenance.AsOf.Year.ShouldBeGreaterThan(2015, a.Id);
                }
            }
        }

        foreach (ModelArchitecture m in Catalog.Models)
        {
            m.Provenance.Source.ShouldNotBeNullOrWhiteSpace(m.Id);
            m.Provenance.AsOf.Year.ShouldBeGreaterThan(2015, m.Id);
        }
    }

    [Theory]
    // Official totals, as listed in shared/reference/public-figures.yaml with their sources:
    [InlineData("llama-3.1-8b", 8.03e9, 0)] // Meta Llama 3.1 model card
    [InlineData("llama-3.1-70b", 70.6e9, 0)] // Meta Llama 3.1 model card
    [InlineData("llama-3.1-405b", 405e9, 0)] // Meta Llama 3.1 model card (405B)
    [InlineData("llama-3.2-1b", 1.24e9, 0)] // Meta Llama 3.2 model card
    [InlineData("llama-3.2-3b", 3.21e9, 0)] // Meta Llama 3.2 model card
    [InlineData("mistral-7b", 7.24e9, 0)] // Mistral 7B announcement / model card (7.24B)
    [InlineData("mixtral-8x7b", 46.7e9, 12.9e9)] // Mistral AI, arXiv 2401.04088
    [InlineData("mixtral-8x22b", 141e9, 39e9)] // Mistral AI, Mixtral 8x22B announcement (2024)
    [InlineData("qwen2.5-7b", 7.61e9, 0)] // Qwen2.5-7B model card
    [InlineData("qwen2.5-72b", 72.7e9, 0)] // Qwen2.5-72B model card
    [InlineData("deepseek-v3", 671e9, 0)] // DeepSeek-V3 technical report, arXiv 2412.19437 (main model, no MTP)
    [InlineData("gpt-3-175b", 175e9, 0)] // Brown et al. 2020, arXiv 2005.14165, Table 2.1
    public void Should_AgreeWithOfficialParameterCountWithinOnePercent_When_CountedFromArchitecture(string id, double total, double active)
    {
        ParameterCount count = ParameterCounter.Count(Catalog.Model(id));

        (count.Total / total).ShouldBe(1, 0.01, $"{id}: counted {count.Total:E3}, official {total:E3}");
        if (active > 0)
        {
            (count.ActivePerToken / active).ShouldBe(1, 0.01, $"{id}: counted active {count.ActivePerToken:E3}, official {active:E3}");
        }
    }

    [Fact]
    public void Should_CountDeepSeekV3ActiveNearPublished37B_When_MoeWithMla()
    {
        // DeepSeek-V3 report: 37B activated per token. Counting embeddings and the head (1.85B) lands at 37.5B (+1.5%);
        // the report's figure is rounded, so allow 2%.
        ParameterCount count = ParameterCounter.Count(Catalog.Model("deepseek-v3"));
        (count.ActivePerToken / 37e9).ShouldBe(1, 0.02);
    }

    [Fact]
    public void Should_SuggestNearestIds_When_AcceleratorUnknown()
    {
        CatalogException e = Should.Throw<CatalogException>(() => Catalog.Accelerator("h100"));
        e.Message.ShouldStartWith("unknown accelerator 'h100'; did you mean ");
        e.Message.ShouldContain("h100-sxm");
        e.Message.ShouldContain("h100-pcie");
        e.Message.ShouldContain("h100-nvl");
    }
}
