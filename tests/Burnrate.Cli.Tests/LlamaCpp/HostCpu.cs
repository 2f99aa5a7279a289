using System.Globalization;

namespace Burnrate.Cli.Tests.LlamaCpp;

/// <summary>
/// One core of this machine's CPU as a catalog accelerator, the processor the llama.cpp front runs on (one thread). Its two
/// roofline figures are declared upper bounds, not measurements: calibrate fits the fraction llama.cpp reaches, so the peaks
/// only need to lie above it. On a shared 2-core machine a probe measured 24–38 GFLOP/s and 8–20 GB/s in runs minutes apart
/// (other processes' load), at times below what llama.cpp itself reached, which no efficiency ≤ 1 can fit.
/// </summary>
internal static class HostCpu
{
    public const string Id = "host-cpu-1core";

    /// <summary>192 GFLOP/s: an x86 core with two 512-bit FMA pipes (16 f32 lanes × 2 FLOP × 2 pipes) at 3 GHz. llama.cpp
    /// computes f16 matmuls in f32 after converting the weights, so f16 and bf16 get the f32 figure.</summary>
    public const double PeakFlops = 192e9;

    /// <summary>100 GB/s: above what one core streams from DRAM. Decode is compute-bound here (two sequences take twice the
    /// step of one), so the fit does not rest on it.</summary>
    public const double MemoryBandwidth = 100e9;

    /// <summary>A catalog YAML holding the entry (schema: src/Burnrate.Catalog/Data/SCHEMA.md).</summary>
    public static string CatalogYaml(DateOnly asOf) => string.Create(CultureInfo.InvariantCulture, $"""
        accelerators:
          - id: {Id}
            name: "This machine's CPU, one core (llama.cpp with one thread)"
            vendor: host
            peakFlops:            # declared upper bound: 2 x 512-bit FMA pipes x 16 f32 lanes x 2 FLOP x 3 GHz
              fp32: {PeakFlops:0} FLOP/s
              fp16: {PeakFlops:0} FLOP/s
              bf16: {PeakFlops:0} FLOP/s
            memory: {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes} B
            memoryBandwidth: {MemoryBandwidth:0} B/s   # declared upper bound of one core's DRAM stream
            interconnectBandwidth: 1 GB/s              # unused: one device
            tdp: 10 W                                  # assumption: energy figures are not checked
            source: "declared by Burnrate's closed-loop test (tests/Burnrate.Cli.Tests/LlamaCpp/HostCpu.cs): upper bounds; calibrate fits the fraction reached"
            asOf: {asOf:yyyy-MM-dd}
        """);
}
