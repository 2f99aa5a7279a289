using System.Globalization;

namespace Burnrate.Ledger.Pricing;

/// <summary>
/// A tier of a model's price, in USD per single token: a service tier (OpenAI batch, priority and flex; Anthropic
/// priority), a long-context price for requests above an input size (e.g. above 200k input tokens), or both.
/// </summary>
public sealed record PriceTier
{
    /// <summary>Gets the service tier the price applies to (matched to a usage row's tier without case), or null for any.</summary>
    public string? ServiceTier { get; init; }

    /// <summary>Gets the input size a request must exceed for the price to apply, or null for any size.</summary>
    public long? AboveInputTokens { get; init; }

    /// <summary>Gets the USD per uncached input token.</summary>
    public required decimal InputUsdPerToken { get; init; }

    /// <summary>Gets the USD per output token.</summary>
    public required decimal OutputUsdPerToken { get; init; }

    /// <summary>Gets the USD per cache-read input token (null: the base cache-read price scaled like the input price).</summary>
    public decimal? CacheReadUsdPerToken { get; init; }

    /// <summary>Gets the USD per cache-write input token (null: the base cache-write price scaled like the input price).</summary>
    public decimal? CacheWriteUsdPerToken { get; init; }

    /// <summary>Gets the tier's name as the cost source shows it ("batch", "above 200,000 input tokens", "priority above ...").</summary>
    public string Name => string.Join(' ', new[]
    {
        ServiceTier,
        AboveInputTokens is { } above ? "above " + above.ToString("N0", CultureInfo.InvariantCulture) + " input tokens" : null,
    }.Where(s => s is not null));
}
