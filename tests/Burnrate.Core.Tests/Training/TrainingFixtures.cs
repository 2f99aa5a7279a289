using Burnrate.Core.Hardware;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using Burnrate.Core.Training;

namespace Burnrate.Core.Tests.Training;

/// <summary>Hand-built specs for the training tests (Core tests do not load the catalog).</summary>
internal static class TrainingFixtures
{
    private static readonly Provenance Test = new("test fixture", new DateOnly(2026, 1, 1));

    // NVIDIA H100 SXM datasheet dense figures, as in /work/shared/reference/public-figures.yaml hardware_examples.
    public static AcceleratorSpec H100 { get; } = new()
    {
        Id = "h100-sxm",
        Name = "H100 SXM",
        Vendor = "NVIDIA",
        PeakFlops = new Dictionary<Precision, FlopPerSecond>
        {
            [Precision.Bf16] = FlopPerSecond.FromTera(989.4),
            [Precision.Fp8] = FlopPerSecond.FromTera(1978.9),
        },
        Memory = Bytes.FromGB(80),
        MemoryBandwidth = BytesPerSecond.FromTBps(3.35),
        Tdp = new Watts(700),
        InterconnectBandwidth = BytesPerSecond.FromGBps(900),
        Provenance = Test,
    };

    // Brown et al. 2020 (arXiv 2005.14165) Table 2.1: 96 layers, d_model 12288, 96 heads of 128, n_ctx 2048; GPT-2 BPE vocabulary.
    public static ModelArchitecture Gpt3 { get; } = new()
    {
        Id = "gpt-3-175b",
        Name = "GPT-3 175B",
        Family = "gpt",
        Layers = 96,
        HiddenSize = 12288,
        AttentionHeads = 96,
        KvHeads = 96,
        HeadDim = 128,
        FfnSize = 49152,
        FfnKind = FfnKind.Plain,
        VocabSize = 50257,
        TiedEmbeddings = true,
        MaxContext = 2048,
        LinearBias = true,
        Norm = NormKind.Layer,
        LearnedPositionEmbedding = true,
        Provenance = Test,
    };

    /// <summary>A Mixtral-8x7B-shaped MoE (arXiv 2401.04088) with a chosen number of routed experts and experts per token.</summary>
    public static ModelArchitecture Moe(int routedExperts, int expertsPerToken) => new()
    {
        Id = "test-moe",
        Name = "test MoE",
        Family = "mixtral",
        Layers = 32,
        HiddenSize = 4096,
        AttentionHeads = 32,
        KvHeads = 8,
        HeadDim = 128,
        FfnSize = 14336,
        FfnKind = FfnKind.Gated,
        VocabSize = 32000,
        TiedEmbeddings = false,
        MaxContext = 32768,
        Moe = new MoeSpec(routedExperts, expertsPerToken, 0, 0, 14336),
        Provenance = Test,
    };

    public static TrainingRun Run(ModelArchitecture model, double tokens, int devices, int seq = 2048) => new()
    {
        Parameters = TrainingRun.ForArchitecture(model),
        Architecture = model,
        Tokens = new Tokens(tokens),
        SequenceLength = seq,
        Accelerator = H100,
        Devices = devices,
        Mfu = new Fraction(0.4),
        DevicePower = new Watts(700),
        Pue = 1.2,
        PricePerDeviceHour = new UsdPerGpuHour(2.5),
        Grid = new CarbonIntensity(0.4),
    };

    public static TrainingRun RawRun(double parameters, double tokens, int devices) => Run(Gpt3, tokens, devices) with
    {
        Parameters = TrainingRun.ForParameterCount(parameters),
        Architecture = null,
    };
}
