namespace Burnrate.Bench.Simulation;

/// <summary>
/// How long continuous-batching steps take: prefill of a prompt, and one decode step for a batch with a total context.
/// The integrator can plug in the cost model's estimator; <see cref="Linear"/> is the default.
/// </summary>
/// <param name="PrefillSeconds">Seconds to prefill a prompt of the given number of tokens.</param>
/// <param name="DecodeStepSeconds">Seconds for one decode step given (batch size, total context tokens over the batch).</param>
/// <param name="Description">What the model is, for the assumptions list.</param>
public sealed record StepModel(Func<int, double> PrefillSeconds, Func<int, int, double> DecodeStepSeconds, string Description)
{
    /// <summary>Default step-model coefficients (illustrative, roughly an 8B model on one H100-class GPU).</summary>
    public const double DefaultPrefillBaseSeconds = 0.005;
    /// <summary>The default prefill cost per prompt token in seconds.</summary>
    public const double DefaultPrefillSecondsPerToken = 0.00005;
    /// <summary>The default fixed cost of a decode step in seconds.</summary>
    public const double DefaultDecodeBaseSeconds = 0.010;
    /// <summary>The default decode-step cost per sequence in the batch in seconds.</summary>
    public const double DefaultDecodeSecondsPerSequence = 0.0001;
    /// <summary>The default decode-step cost per context token in the batch in seconds.</summary>
    public const double DefaultDecodeSecondsPerContextToken = 1e-7;

    /// <summary>
    /// A linear model: prefill = a + b·promptTokens; decode step = c + d·batch + e·contextTokens
    /// (weights read once per step, per-sequence work, KV-cache reads proportional to context).
    /// </summary>
    public static StepModel Linear(
        double prefillBaseSeconds = DefaultPrefillBaseSeconds,
        double prefillSecondsPerToken = DefaultPrefillSecondsPerToken,
        double decodeBaseSeconds = DefaultDecodeBaseSeconds,
        double decodeSecondsPerSequence = DefaultDecodeSecondsPerSequence,
        double decodeSecondsPerContextToken = DefaultDecodeSecondsPerContextToken) =>
        new(
            p => prefillBaseSeconds + (prefillSecondsPerToken * p),
            (b, ctx) => decodeBaseSeconds + (decodeSecondsPerSequence * b) + (decodeSecondsPerContextToken * ctx),
            FormattableString.Invariant($"linear: prefill = {prefillBaseSeconds * 1e3:0.###} ms + {prefillSecondsPerToken * 1e6:0.###} µs/token; decode step = {decodeBaseSeconds * 1e3:0.###} ms + {decodeSecondsPerSequence * 1e6:0.###} µs/sequence + {decodeSecondsPerContextToken * 1e6:0.####} µs/context token"));
}
