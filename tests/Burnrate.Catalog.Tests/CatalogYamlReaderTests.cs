namespace Burnrate.Catalog.Tests;

public sealed class CatalogYamlReaderTests
{
    private const string Valid = """
        accelerators:
          - id: my-gpu
            name: My GPU
            vendor: Acme
            peakFlops:
              bf16: 500 TFLOP/s
              fp8: 1 PFLOP/s
            memory: 96 GiB
            memoryBandwidth: 4 TB/s
            tdp: 600 W
            interconnectBandwidth: 900 GB/s
            source: "Acme datasheet"
            asOf: 2025-01-01
        """;

    [Fact]
    public void Should_ParseUnits_When_QuantitiesHaveSiOrBinaryPrefixes()
    {
        CatalogEntries entries = CatalogYamlReader.Read(Valid, "mine.yaml");

        var gpu = entries.Accelerators.ShouldHaveSingleItem();
        gpu.Memory.Value.ShouldBe(96d * 1024 * 1024 * 1024);
        gpu.MemoryBandwidth.Value.ShouldBe(4e12);
        gpu.PeakFlops[Core.Hardware.Precision.Fp8].Value.ShouldBe(1e15);
        gpu.Tdp!.Value.Value.ShouldBe(600);
    }

    [Fact]
    public void Should_NameFileLineColumnFieldAndValue_When_QuantityIsNotANumber()
    {
        string yaml = Valid.Replace("memoryBandwidth: 4 TB/s", "memoryBandwidth: fast", StringComparison.Ordinal);

        CatalogException e = Should.Throw<CatalogException>(() => CatalogYamlReader.Read(yaml, "mine.yaml"));

        e.Message.ShouldStartWith("mine.yaml:9:22: field 'memoryBandwidth' must be a positive number");
        e.Message.ShouldEndWith("got \"fast\"");
    }

    [Fact]
    public void Should_RejectWithSuggestion_When_FieldNameMisspelt()
    {
        string yaml = Valid.Replace("memoryBandwidth:", "memoryBandwith:", StringComparison.Ordinal);

        CatalogException e = Should.Throw<CatalogException>(() => CatalogYamlReader.Read(yaml, "mine.yaml"));

        e.Message.ShouldContain("mine.yaml:");
        e.Message.ShouldContain("memoryBandwidth");
    }

    [Fact]
    public void Should_ReportLocation_When_YamlIsMalformed()
    {
        CatalogException e = Should.Throw<CatalogException>(() => CatalogYamlReader.Read("accelerators:\n  - id: [unclosed\n", "bad.yaml"));
        e.Message.ShouldStartWith("bad.yaml:");
        e.Message.ShouldContain("not valid YAML");
    }

    [Fact]
    public void Should_RejectNegativeMemory_When_Given()
    {
        string yaml = Valid.Replace("memory: 96 GiB", "memory: -5 GB", StringComparison.Ordinal);
        Should.Throw<CatalogException>(() => CatalogYamlReader.Read(yaml, "mine.yaml")).Message.ShouldContain("field 'memory' must be a positive number");
    }

    [Fact]
    public void Should_OverrideBuiltInEntry_When_UserFileDefinesSameId()
    {
        string yaml = Valid.Replace("id: my-gpu", "id: h100-sxm", StringComparison.Ordinal);
        BurnrateCatalog catalog = BurnrateCatalog.Embedded.With(CatalogYamlReader.Read(yaml, "mine.yaml"));

        catalog.Accelerator("h100-sxm").Vendor.ShouldBe("Acme");
        catalog.Accelerators.Count.ShouldBe(BurnrateCatalog.Embedded.Accelerators.Count);
    }
}
