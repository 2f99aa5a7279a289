namespace Burnrate.Ledger.Import;

/// <summary>
/// The FinOps FOCUS Cost and Usage columns (1.0-preview to 1.3) the ledger reads, each with the older names it accepts
/// (1.0-preview's AmortizedCost, ChargeType, UsageQuantity/UsageUnit and Region; 1.3 renamed ProviderName to
/// ServiceProviderName and PublisherName to HostProviderName). Header names match without regard to case, '_' or spaces.
/// </summary>
internal static class FocusColumns
{
    /// <summary>Gets the columns read, in <see cref="FocusReader"/>'s field order: canonical name first, then aliases.</summary>
    public static readonly string[][] Read =
    [
        ["BilledCost"], ["EffectiveCost", "AmortizedCost"], ["ListCost"], ["ContractedCost"],
        ["ChargePeriodStart"], ["ChargePeriodEnd"], ["ChargeCategory", "ChargeType"], ["ChargeClass"], ["ChargeFrequency"], ["ChargeDescription"],
        ["BillingCurrency"], ["ServiceProviderName", "ProviderName"], ["InvoiceIssuerName"], ["ServiceName"], ["ServiceCategory"],
        ["SkuId"], ["SkuMeter"], ["SubAccountId"], ["BillingAccountId"], ["ResourceId"], ["RegionId", "Region", "RegionName"],
        ["ListUnitPrice"], ["ContractedUnitPrice"], ["PricingQuantity"], ["PricingUnit"], ["ConsumedQuantity", "UsageQuantity"], ["ConsumedUnit", "UsageUnit"],
        ["CommitmentDiscountId"], ["CommitmentDiscountStatus"], ["InvoiceId"], ["Tags"],
    ];

    /// <summary>Gets the columns without which a file cannot be imported.</summary>
    public static readonly string[] Required = ["BilledCost", "EffectiveCost", "ChargePeriodStart", "ChargePeriodEnd"];

    /// <summary>Gets the other columns FOCUS 1.0+ makes mandatory; a file without one imports with a violation per missing column.</summary>
    public static readonly string[] Mandatory =
        ["ListCost", "ContractedCost", "ChargeCategory", "ChargeClass", "ChargeDescription", "BillingCurrency", "ServiceName", "ServiceCategory", "ServiceProviderName"];

    /// <summary>Gets every column name FOCUS 1.0-preview to 1.3 defines (custom columns must start with x_).</summary>
    public static readonly HashSet<string> Known = new(
        new[]
        {
        "AvailabilityZone", "BilledCost", "BillingAccountId", "BillingAccountName", "BillingAccountType", "BillingCurrency", "BillingPeriodEnd",
        "BillingPeriodStart", "CapacityReservationId", "CapacityReservationStatus", "ChargeCategory", "ChargeClass", "ChargeDescription",
        "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart", "CommitmentDiscountCategory", "CommitmentDiscountId", "CommitmentDiscountName",
        "CommitmentDiscountQuantity", "CommitmentDiscountStatus", "CommitmentDiscountType", "CommitmentDiscountUnit", "ConsumedQuantity",
        "ConsumedUnit", "ContractedCost", "ContractedUnitPrice", "EffectiveCost", "InvoiceId", "InvoiceIssuerName", "ListCost", "ListUnitPrice",
        "PricingCategory", "PricingCurrency", "PricingCurrencyContractedUnitPrice", "PricingCurrencyEffectiveCost", "PricingCurrencyListUnitPrice",
        "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName", "RegionId", "RegionName", "ResourceId", "ResourceName", "ResourceType",
        "ServiceCategory", "ServiceName", "ServiceSubcategory", "SkuId", "SkuMeter", "SkuPriceDetails", "SkuPriceId", "SubAccountId",
        "SubAccountName", "SubAccountType", "Tags", "AllocatedMethodId", "AllocatedMethodDetails", "AllocatedResourceId", "AllocatedResourceName",
        "AllocatedTags", "ContractApplied", "ServiceProviderName", "HostProviderName", "AmortizedCost", "ChargeType", "UsageQuantity", "UsageUnit", "Region",
        }.Select(TabularReader.Normalize), StringComparer.Ordinal);

    /// <summary>Gets the FOCUS ChargeCategory values.</summary>
    public static readonly string[] Categories = ["Usage", "Purchase", "Tax", "Credit", "Adjustment"];
}
