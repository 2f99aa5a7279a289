using BenchmarkDotNet.Attributes;
using Burnrate.Catalog;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;

namespace Burnrate.Benchmarks;

/// <summary>
/// The <c>burnrate optimize</c> search, single-threaded. Configurations per second = the "configurations per op" line printed at
/// setup ÷ Mean. Run: <c>dotnet run -c Release --project benchmarks/Burnrate.Benchmarks -- --filter '*Optimize*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class OptimizeBenchmarks
{
    private SearchSpace _catalogWide = null!;
    private SearchSpace _oneGpu = null!;

    [GlobalSetup]
    public void Setup()
    {
        BurnrateCatalog catalog = BurnrateCatalog.Embedded;
        PricedAccelerator[] gpus =
        [
            .. catalog.Accelerators
                .Where(a => a.Tdp is not null && a.CloudPricePerHour is not null)
                .Select(a => new PricedAccelerator(a, new UsdPerGpuHour(a.CloudPricePerHour!.Amount.Value), a.Tdp!.Value)),
        ];
        _catalogWide = new SearchSpace
        {
            Models = [catalog.Model("llama-3.1-70b"), catalog.Model("llama-3.1-8b"), catalog.Model("deepseek-v3"), catalog.Model("mixtral-8x7b")],
            Accelerators = gpus,
            DeviceCounts = [1, 2, 4, 8, 16],
            Weights = [Precision.Bf16, Precision.Fp8, Precision.Int8, Precision.Int4],
            KvCaches = [Precision.Bf16, Precision.Fp8, Precision.Int8],
            InputTokens = 2000,
            OutputTokens = 500,
            Slo = new ServiceLevelObjective(Duration.FromMilliseconds(500), Duration.FromMilliseconds(50)),
        };
        _oneGpu = _catalogWide with { Models = [catalog.Model("llama-3.1-70b")], Accelerators = [gpus.Single(g => g.Spec.Id == "h100-sxm")] };
        Console.WriteLine($"// configurations per op: catalog-wide {InferenceSearch.Run(_catalogWide).Evaluated}, one model one GPU {InferenceSearch.Run(_oneGpu).Evaluated}");
    }

    /// <summary>4 models × every priced accelerator × 1–16 devices × TP/PP splits × 4 weight × 3 KV precisions × 20 concurrencies.</summary>
    [Benchmark(Baseline = true)]
    public long CatalogWide() => InferenceSearch.Run(_catalogWide).Evaluated;

    /// <summary>Llama 3.1 70B on H100 only.</summary>
    [Benchmark]
    public long OneModelOneGpu() => InferenceSearch.Run(_oneGpu).Evaluated;
}
