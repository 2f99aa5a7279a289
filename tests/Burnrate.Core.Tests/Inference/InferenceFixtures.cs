using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;

namespace Burnrate.Core.Tests.Inference;

/// <summary>Accelerators and models for the inference tests, written out from their datasheets and config.json files.</summary>
internal static class InferenceFixtures
{
    private static readonly Provenance Test = new("test fixture", new DateOnly(2024, 12, 26));

    // NVIDIA H100 SXM datasheet, dense figures (public-figures.yaml hardware_examples).
    public static AcceleratorSpec H100 { get; } = new()
    {
        Id = "h100-sxm", Name = "H100 SXM", Vendor = "NVIDIA",
        PeakFlops = new Dictionary<Precision, FlopPerSecond> { [Precision.Bf16] = new(989.4e12), [Precision.Fp16] = new(989.4e12), [Precision.Fp8] = new(1978.9e12), [Precision.Int8] = new(1978.9e12) },
        Memory = new Bytes(80e9), MemoryBandwidth = new BytesPerSecond(3.35e12), Tdp = new Watts(700), InterconnectBandwidth = new BytesPerSecond(900e9), Provenance = Test,
    };

    // NVIDIA A100 SXM4 80GB datasheet (public-figures.yaml hardware_examples).
    public static AcceleratorSpec A100_80 { get; } = new()
    {
        Id = "a100-80gb", Name = "A100 80GB", Vendor = "NVIDIA",
        PeakFlops = new Dictionary<Precision, FlopPerSecond> { [Precision.Bf16] = new(312e12), [Precision.Fp16] = new(312e12) },
        Memory = new Bytes(80e9), MemoryBandwidth = new BytesPerSecond(2.039e12), Tdp = new Watts(400), InterconnectBandwidth = new BytesPerSecond(600e9), Provenance = Test,
    };

    // meta-llama/Llama-3.1-70B config.json
    public static ModelArchitecture Llama70B { get; } = new()
    {
        Id = "llama-3.1-70b", Name = "Llama 3.1 70B", Family = "llama", Layers = 80, HiddenSize = 8192, AttentionHeads = 64, KvHeads = 8, HeadDim = 128,
        FfnSize = 28672, FfnKind = FfnKind.Gated, VocabSize = 128256, TiedEmbeddings = false, MaxContext = 131072, Provenance = Test,
    };

    // meta-llama/Llama-3.1-8B config.json
    public static ModelArchitecture Llama8B { get; } = Llama70B with { Id = "llama-3.1-8b", Layers = 32, HiddenSize = 4096, AttentionHeads = 32, FfnSize = 14336 };

    // meta-llama/Llama-2-7b-hf config.json: MHA (32 KV heads), 4K context, 32K vocabulary
    public static ModelArchitecture Llama2_7B { get; } = Llama8B with { Id = "llama-2-7b", KvHeads = 32, FfnSize = 11008, VocabSize = 32000, MaxContext = 4096 };

    // deepseek-ai/DeepSeek-V3 config.json
    public static ModelArchitecture DeepSeekV3 { get; } = new()
    {
        Id = "deepseek-v3", Name = "DeepSeek-V3", Family = "deepseek-v3", Layers = 61, HiddenSize = 7168, AttentionHeads = 128, KvHeads = 128, HeadDim = 192,
        FfnSize = 18432, FfnKind = FfnKind.Gated, VocabSize = 129280, TiedEmbeddings = false, MaxContext = 163840,
        Moe = new MoeSpec(256, 8, 1, 3, 2048), Mla = new MlaSpec(1536, 512, 64, 128, 128), Provenance = Test,
    };

    public static InferenceDeployment Deployment(AcceleratorSpec gpu, int devices, Precision weights = Precision.Bf16, int tp = 0, int pp = 1) => new()
    {
        Accelerator = gpu, Devices = devices, TensorParallel = tp == 0 ? devices / pp : tp, PipelineParallel = pp, Weights = weights,
        KvCache = Precision.Bf16, Compute = Precision.Bf16, PricePerDeviceHour = new UsdPerGpuHour(2.5), DevicePower = gpu.Tdp ?? new Watts(500), Pue = 1.3,
    };
}
