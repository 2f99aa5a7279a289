using System.Globalization;
using Burnrate.Ledger.Pricing;

namespace Burnrate.Ledger.Import;

/// <summary>Prices usage rows that arrive without a cost, from the price book; the row records which price it got.</summary>
internal static class UsagePricing
{
    /// <summary>Gets the items with unpriced rows priced where the book has the model.</summary>
    public static IEnumerable<ImportItem<UsageRow>> Apply(IEnumerable<ImportItem<UsageRow>> items, PriceBook prices)
    {
        foreach (ImportItem<UsageRow> item in items)
        {
            yield return item.Error is null && item.Row.CostUsd is null && prices.Models > 0 ? item with { Row = Price(item.Row, prices) } : item;
        }
    }

    /// <summary>Gets the row priced, or unchanged when no price applies.</summary>
    public static UsageRow Price(UsageRow row, PriceBook prices)
    {
        TokenPrice? found = prices.Find(row.Provider, row.Model, DateOnly.FromDateTime(row.StartedAt));
        if (found is null)
        {
            return row;
        }

        TokenPrice price = found.For(row.ServiceTier, row.RequestInputTokens);

        decimal cost = Math.Round(price.Cost(row.InputTokens, row.OutputTokens, row.CacheReadTokens, row.CacheWriteTokens), 10, MidpointRounding.ToEven);
        string from = price.EffectiveFrom is { } d ? " from " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
        string tier = price.TierName is { } t ? $", {t} price" : string.Empty;
        return row with { CostUsd = cost, CostSource = $"{price.Source}: {price.Model}{from}{tier}" };
    }
}
