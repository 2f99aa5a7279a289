using Burnrate.Ledger.Store;

namespace Burnrate.Ledger.Import;

/// <summary>One usage record (a request, or a provider's usage bucket), normalized from any source.</summary>
internal readonly record struct UsageRow : ILedgerRow
{
    /// <inheritdoc/>
    public required Guid RowId { get; init; }

    /// <summary>Gets the importer that produced the row (e.g. "litellm").</summary>
    public required string Source { get; init; }

    /// <summary>Gets the source's request or bucket id ("" when it has none).</summary>
    public required string RequestId { get; init; }

    /// <summary>Gets when the request started (UTC).</summary>
    public required DateTime StartedAt { get; init; }

    /// <summary>Gets the provider (LiteLLM's custom_llm_provider, "openai", "anthropic"...).</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the model id as the provider names it.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the customer the request served.</summary>
    public required string Customer { get; init; }

    /// <summary>Gets the feature: the request's tags, sorted and comma-joined.</summary>
    public required string Feature { get; init; }

    /// <summary>Gets the endpoint the request went to ("" when unknown).</summary>
    public required string ApiBase { get; init; }

    /// <summary>Gets the number of requests the row stands for.</summary>
    public required long Requests { get; init; }

    /// <summary>Gets the input tokens (cached ones included).</summary>
    public required long InputTokens { get; init; }

    /// <summary>Gets the output tokens.</summary>
    public required long OutputTokens { get; init; }

    /// <summary>Gets the input tokens read from a prompt cache.</summary>
    public long CacheReadTokens { get; init; }

    /// <summary>Gets the input tokens written to a prompt cache.</summary>
    public long CacheWriteTokens { get; init; }

    /// <summary>Gets the cost in USD, or null when the source gave none and no price applied.</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>Gets where the cost came from (e.g. "litellm spend", "price list prices.yaml").</summary>
    public required string CostSource { get; init; }

    /// <summary>Gets the service tier the provider served the row at ("" standard; batch, priority, flex...): picks tier prices.</summary>
    public string ServiceTier { get => field ?? string.Empty; init; }

    /// <summary>Gets the input tokens of one request of the row, for context-length tier prices (0: unknown; not stored).</summary>
    public long RequestInputTokens { get; init; }

    /// <inheritdoc/>
    public void Write<TWriter>(TWriter writer)
        where TWriter : IRowWriter
    {
        writer.Id(RowId);
        writer.Text(Source);
        writer.Text(RequestId);
        writer.Timestamp(StartedAt);
        writer.Text(Provider);
        writer.Text(Model);
        writer.Text(Customer);
        writer.Text(Feature);
        writer.Text(ApiBase);
        writer.Count(Requests);
        writer.Count(InputTokens);
        writer.Count(OutputTokens);
        writer.Count(CacheReadTokens);
        writer.Count(CacheWriteTokens);
        writer.Money(CostUsd);
        writer.Text(CostSource);
        writer.Text(ServiceTier);
    }
}
