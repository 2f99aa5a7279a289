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

    /// <summary>Gets the tier prices: a service tier (batch, priority, flex) and/or requests above an input size (long context).</summary>
    public IReadOnlyList<PriceTier> Tiers { get; init; } = [];

    /// <summary>
    /// Gets the price for a request at a service tier with a given input size: the most specific tier that applies (one
    /// naming the service tier before one that does not; among those, the highest input threshold the request is above),
    /// else this base price. A tier without cache prices scales the base cache price by its input price ratio.
    /// </summary>
    /// <param name="serviceTier">The usage row's service tier ("" for standard).</param>
    /// <param name="requestInputTokens">The input tokens of one request (0 when unknown: no long-context tier applies).</param>
    /// <returns>The price, with the tier in its <see cref="TierName"/>.</returns>
    public TokenPrice For(string serviceTier, long requestInputTokens)
    {
        PriceTier? best = Tiers
            .Where(t => (t.ServiceTier is null || string.Equals(t.ServiceTier, serviceTier, StringComparison.OrdinalIgnoreCase))
                && (t.AboveInputTokens is null || requestInputTokens > t.AboveInputTokens))
            .OrderByDescending(t => t.ServiceTier is not null).ThenByDescending(t => t.AboveInputTokens ?? -1)
            .FirstOrDefault();
        if (best is null)
        {
            return this;
        }

        decimal ratio = InputUsdPerToken == 0 ? 1 : best.InputUsdPerToken / InputUsdPerToken;
        return this with
        {
            InputUsdPerToken = best.InputUsdPerToken,
            OutputUsdPerToken = best.OutputUsdPerToken,
            CacheReadUsdPerToken = best.CacheReadUsdPerToken ?? CacheReadUsdPerToken * ratio,
            CacheWriteUsdPerToken = best.CacheWriteUsdPerToken ?? CacheWriteUsdPerToken * ratio,
            Tiers = [],
            TierName = best.Name,
        };
    }

    /// <summary>Gets the tier this price is (null for the base price).</summary>
    public string? TierName { get; init; }

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
