namespace Burnrate.Core.Validation;

/// <summary>What a published measurement measured; each maps to one figure of the cost model.</summary>
public enum ValidationMetric
{
    /// <summary>Tokens per second of one sequence while decoding: 1 ÷ TPOT (tokens/s).</summary>
    DecodeTokensPerSecond,

    /// <summary>Time to first token (milliseconds).</summary>
    TtftMs,

    /// <summary>Prompt tokens prefilled per second by one replica: input ÷ TTFT (tokens/s).</summary>
    PrefillTokensPerSecond,

    /// <summary>Output tokens per second of the whole deployment under load (tokens/s).</summary>
    OutputTokensPerSecond,

    /// <summary>Device-hours of a training run (GPU-hours).</summary>
    GpuHours,

    /// <summary>Achieved model FLOP/s per device during training (TFLOP/s).</summary>
    ModelTflopsPerDevice,
}
