using Burnrate.Ledger.Store;

namespace Burnrate.Ledger.Import;

/// <summary>One billed charge: a provider cost line (OpenAI costs, Anthropic cost report) or a FOCUS cost-and-usage row.</summary>
internal readonly record struct BilledRow : ILedgerRow
{
    /// <inheritdoc/>
    public required Guid RowId { get; init; }

    /// <summary>Gets the importer ("openai-costs", "anthropic-costs", "focus").</summary>
    public required string Source { get; init; }

    /// <summary>Gets the start of the charge period (UTC, inclusive).</summary>
    public required DateTime ChargeStart { get; init; }

    /// <summary>Gets the end of the charge period (UTC, exclusive).</summary>
    public required DateTime ChargeEnd { get; init; }

    /// <summary>Gets the provider ("openai", "anthropic", FOCUS ServiceProviderName/ProviderName).</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the service (FOCUS ServiceName; the model for LLM providers).</summary>
    public required string Service { get; init; }

    /// <summary>Gets the SKU or line item.</summary>
    public required string Sku { get; init; }

    /// <summary>Gets the account (OpenAI project, Anthropic workspace, FOCUS SubAccountId).</summary>
    public required string Account { get; init; }

    /// <summary>Gets the FOCUS ChargeCategory (Usage, Purchase, Tax, Credit, Adjustment).</summary>
    public required string ChargeCategory { get; init; }

    /// <summary>Gets the description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the invoiced amount (FOCUS BilledCost).</summary>
    public required decimal BilledUsd { get; init; }

    /// <summary>Gets the amortized amount after discounts (FOCUS EffectiveCost; = billed for API providers).</summary>
    public required decimal EffectiveUsd { get; init; }

    /// <summary>Gets the amount at list prices (FOCUS ListCost; = billed for API providers).</summary>
    public required decimal ListUsd { get; init; }

    /// <inheritdoc/>
    public void Write<TWriter>(TWriter writer)
        where TWriter : IRowWriter
    {
        writer.Id(RowId);
        writer.Text(Source);
        writer.Timestamp(ChargeStart);
        writer.Timestamp(ChargeEnd);
        writer.Text(Provider);
        writer.Text(Service);
        writer.Text(Sku);
        writer.Text(Account);
        writer.Text(ChargeCategory);
        writer.Text(Description);
        writer.Money(BilledUsd);
        writer.Money(EffectiveUsd);
        writer.Money(ListUsd);
    }
}
