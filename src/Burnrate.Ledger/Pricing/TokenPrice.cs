namespace Burnrate.Ledger.Pricing;

/// <summary>A model's token prices from a date on, in USD per single token (LiteLLM's unit), with where they come from.</summary>
public sealed record TokenPrice
{
    /// <summary>Gets the model id the price applies to (matched to usage's model, or "provider/model").</summary>
    public required string Model { get; init; }

    /// <summary>Gets the first day the price applies (null: since always).</summary>
    public DateOnly? EffectiveFrom { get; init; }

    /// <summary>Gets the USD per uncached input token.</summary>
    public required decimal InputUsdPerToken { get; init; }

    /// <summary>Gets the USD per output token.</summary>
    public required decimal OutputUsdPerToken { get; init; }

    /// <summary>Gets the USD per input token read from the prompt cache (null: the input price).</summary>
    public decimal? CacheReadUsdPerToken { get; init; }

    /// <summary>Gets the USD per input token written to the prompt cache (null: the input price).</summary>
    public decimal? CacheWriteUsdPerToken { get; init; }

    /// <summary>Gets where the price comes from (file and, for a price list, its stated source).</summary>
    public required string Source { get; init; }

    /// <summary>Gets the cost of a usage record: uncached input, cache reads, cache writes and output at their prices.</summary>
    /// <param name="inputTokens">Input tokens, cached ones included (as OpenAI and LiteLLM count them).</param>
    /// <param name="outputTokens">Output tokens.</param>
    /// <param name="cacheReadTokens">Input tokens read from the cache.</param>
    /// <param name="cacheWriteTokens">Input tokens written to the cache.</param>
    public decimal Cost(long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens)
    {
        long uncached = Math.Max(0, inputTokens - cacheReadTokens - cacheWriteTokens);
        return uncached * InputUsdPerToken
            + cacheReadTokens * (CacheReadUsdPerToken ?? InputUsdPerToken)
            + cacheWriteTokens * (CacheWriteUsdPerToken ?? InputUsdPerToken)
            + outputTokens * OutputUsdPerToken;
    }
}
