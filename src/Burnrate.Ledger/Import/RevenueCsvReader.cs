namespace Burnrate.Ledger.Import;

/// <summary>
/// Reads revenue as CSV <c>date,customer,amountUsd,kind</c> (kind: subscription | usage | credit | refund). Credits and
/// refunds reduce revenue: a positive amount on such a line is stored negated.
/// </summary>
internal static class RevenueCsvReader
{
    /// <summary>The importer's name.</summary>
    public const string Source = "revenue";

    /// <summary>Gets the allowed kinds.</summary>
    public static readonly string[] Kinds = ["subscription", "usage", "credit", "refund"];

    private static readonly string[] Columns = ["date", "customer", "amountUsd", "kind"];

    /// <summary>Reads the records of a stream.</summary>
    public static IEnumerable<ImportItem<RevenueRow>> Read(Stream stream, Action<long>? bytesRead = null) =>
        CsvRecords.Read(stream, Source, Columns, (line, f, contentId) =>
        {
            if (!FieldText.TryDate("date", f[0], out DateOnly date, out string? error)
                || !FieldText.TryMoney("amountUsd", f[2], allowNegative: true, out decimal? amount, out error))
            {
                return ImportItem<RevenueRow>.Bad(line, error!);
            }

            if (string.IsNullOrWhiteSpace(f[1]))
            {
                return ImportItem<RevenueRow>.Bad(line, "customer: missing");
            }

            string kind = (f[3] ?? string.Empty).Trim().ToLowerInvariant();
            if (Array.IndexOf(Kinds, kind) < 0)
            {
                return ImportItem<RevenueRow>.Bad(line, $"kind: {FieldText.Show(f[3])} is not one of {string.Join(", ", Kinds)}");
            }

            if (amount is null)
            {
                return ImportItem<RevenueRow>.Bad(line, "amountUsd: missing");
            }

            decimal signed = kind is "credit" or "refund" ? -Math.Abs(amount.Value) : amount.Value;
            return ImportItem<RevenueRow>.Ok(line, new RevenueRow { RowId = contentId(), Date = date, Customer = f[1]!.Trim(), AmountUsd = signed, Kind = kind });
        }, required: Columns, bytesRead);
}
