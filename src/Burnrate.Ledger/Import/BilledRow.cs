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

    /// <summary>Gets the amount at negotiated prices (FOCUS ContractedCost; = billed for API providers).</summary>
    public decimal ContractedUsd { get; init; }

    /// <summary>Gets the FOCUS ChargeClass ("" or Correction).</summary>
    public string ChargeClass { get => field ?? string.Empty; init; }

    /// <summary>Gets the FOCUS ChargeFrequency (One-Time, Recurring, Usage-Based).</summary>
    public string ChargeFrequency { get => field ?? string.Empty; init; }

    /// <summary>Gets the FOCUS ServiceCategory (e.g. AI and Machine Learning, Compute).</summary>
    public string ServiceCategory { get => field ?? string.Empty; init; }

    /// <summary>Gets the FOCUS ResourceId.</summary>
    public string ResourceId { get => field ?? string.Empty; init; }

    /// <summary>Gets the FOCUS RegionId (or RegionName).</summary>
    public string Region { get => field ?? string.Empty; init; }

    /// <summary>Gets the FOCUS PricingQuantity (null when the source has none).</summary>
    public decimal? PricingQuantity { get; init; }

    /// <summary>Gets the FOCUS PricingUnit.</summary>
    public string PricingUnit { get => field ?? string.Empty; init; }

    /// <summary>Gets the FOCUS ConsumedQuantity (null unless a usage charge).</summary>
    public decimal? ConsumedQuantity { get; init; }

    /// <summary>Gets the FOCUS ConsumedUnit.</summary>
    public string ConsumedUnit { get => field ?? string.Empty; init; }

    /// <summary>Gets the FOCUS CommitmentDiscountId.</summary>
    public string CommitmentId { get => field ?? string.Empty; init; }

    /// <summary>Gets the FOCUS CommitmentDiscountStatus (Used, Unused).</summary>
    public string CommitmentStatus { get => field ?? string.Empty; init; }

    /// <summary>Gets the FOCUS InvoiceId.</summary>
    public string InvoiceId { get => field ?? string.Empty; init; }

    /// <summary>Gets the FOCUS BillingAccountId.</summary>
    public string BillingAccount { get => field ?? string.Empty; init; }

    /// <summary>Gets the FOCUS Tags as JSON text ("" when none).</summary>
    public string Tags { get => field ?? string.Empty; init; }

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
        writer.Money(ContractedUsd);
        writer.Text(ChargeClass);
        writer.Text(ChargeFrequency);
        writer.Text(ServiceCategory);
        writer.Text(ResourceId);
        writer.Text(Region);
        writer.Quantity(PricingQuantity);
        writer.Text(PricingUnit);
        writer.Quantity(ConsumedQuantity);
        writer.Text(ConsumedUnit);
        writer.Text(CommitmentId);
        writer.Text(CommitmentStatus);
        writer.Text(InvoiceId);
        writer.Text(BillingAccount);
        writer.Text(Tags);
    }
}
