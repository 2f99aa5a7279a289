namespace Burnrate.Core.Inference;

/// <summary>What the deployment serves: request shape and the number of sequences decoding together under continuous batching.</summary>
/// <param name="InputTokens">Prompt tokens per request (≥ 1).</param>
/// <param name="OutputTokens">Generated tokens per request (≥ 1).</param>
/// <param name="Concurrency">Requests in flight across the whole deployment (≥ 1), spread evenly over replicas.</param>
public readonly record struct InferenceWorkload(int InputTokens, int OutputTokens, int Concurrency)
{
    /// <summary>Checks the workload, naming the first bad field.</summary>
    /// <returns>An error message, or null when valid.</returns>
    public string? Validate() =>
        InputTokens < 1 ? "input tokens must be at least 1"
        : OutputTokens < 1 ? "output tokens must be at least 1"
        : Concurrency < 1 ? "concurrency must be at least 1"
        : null;
}
