using System.Globalization;

namespace Burnrate.Ledger.Import;

/// <summary>
/// Reads a FinOps FOCUS 1.0–1.3 Cost and Usage file (CSV or Parquet) into billed rows and checks the specification's
/// invariants. A row the ledger cannot hold (an unreadable amount or time, a ChargeCategory FOCUS does not define, a
/// currency other than USD) is rejected by line; a row that breaks an invariant but is still a charge is imported and the
/// violation reported, so the ledger's totals stay those of the bill. Row ids hash the charge's FOCUS values (so the same
/// bill as CSV or Parquet, or with its columns reordered, imports once).
/// </summary>
internal static class FocusReader
{
    /// <summary>The importer's name.</summary>
    public const string Source = "focus";

    private const int Billed = 0, Effective = 1, List = 2, Contracted = 3, Start = 4, End = 5, Category = 6, Class = 7, Frequency = 8, Description = 9,
        Currency = 10, Provider = 11, Issuer = 12, Service = 13, ServiceCategory = 14, Sku = 15, SkuMeter = 16, SubAccount = 17, BillingAccount = 18,
        Resource = 19, Region = 20, ListUnitPrice = 21, ContractedUnitPrice = 22, PricingQuantity = 23, PricingUnit = 24, ConsumedQuantity = 25,
        ConsumedUnit = 26, CommitmentId = 27, CommitmentStatus = 28, Invoice = 29, Tags = 30;

    // Unit price × quantity may differ from the stated cost by rounding to the cent.
    private const decimal Tolerance = 0.01m;

    /// <summary>Reads the rows of a FOCUS file; violations of the specification's invariants go to <paramref name="violations"/>.</summary>
    public static IEnumerable<ImportItem<BilledRow>> Read(string path, Stream stream, List<ImportViolation> violations, Action<long>? bytesRead = null)
    {
        using TabularReader table = TabularReader.Open(path, stream);
        int[] index = [.. FocusColumns.Read.Select(names => table.IndexOf(names))];
        string[] missing = [.. FocusColumns.Required.Where(c => index[Array.FindIndex(FocusColumns.Read, n => n[0] == c)] < 0)];
        if (missing.Length > 0)
        {
            throw LedgerErrors.In(string.Empty,
                $"not a FOCUS cost and usage file: the header lacks {string.Join(", ", missing)}; it has {string.Join(", ", table.Header.Take(12))}", line: 1);
        }

        foreach (string column in FocusColumns.Mandatory.Where(c => index[Array.FindIndex(FocusColumns.Read, n => n[0] == c)] < 0))
        {
            violations.Add(new ImportViolation(1, "mandatory column", $"{column}: missing (mandatory since FOCUS 1.0){Defaulted(column)}"));
        }

        foreach (string custom in table.Header.Where(h => !h.StartsWith("x_", StringComparison.OrdinalIgnoreCase) && !FocusColumns.Known.Contains(TabularReader.Normalize(h))))
        {
            violations.Add(new ImportViolation(1, "custom column", $"{custom}: not a FOCUS column, and custom columns must be prefixed x_ (kept out of the ledger)"));
        }

        var commitments = new Dictionary<string, Commitment>(StringComparer.Ordinal);
        var occurrences = new ContentOccurrences();
        var f = new string?[index.Length];
        var key = new RowKey();
        while (table.Next())
        {
            // Amounts, quantities and times are parsed from the field's characters (no string unless the value is bad).
            for (int i = 0; i < index.Length; i++)
            {
                f[i] = Parsed(i) ? null : Clean(table.Field(index[i]));
            }

            bytesRead?.Invoke(table.BytesRead);
            yield return table.RecordError is { } bad ? ImportItem<BilledRow>.Bad(table.Line, bad) : Map(table.Line, new Fields(table, index, f), key, violations, commitments, occurrences);
        }

        foreach ((string id, Commitment c) in commitments.Where(c => c.Value.HasPurchase).OrderBy(c => c.Value.FirstLine))
        {
            if (Math.Abs(c.PurchaseBilled - c.UsageEffective) >= Tolerance)
            {
                violations.Add(new ImportViolation(c.FirstLine, "commitment",
                    $"CommitmentDiscountId {FieldText.Show(id)}: Σ EffectiveCost of its Usage rows {Usd(c.UsageEffective)} ≠ Σ BilledCost of its Purchase rows {Usd(c.PurchaseBilled)} (used + unused must amortize the purchase)"));
            }
        }
    }

    private static bool Parsed(int field) => field is Billed or Effective or List or Contracted or Start or End
        or ListUnitPrice or ContractedUnitPrice or PricingQuantity or ConsumedQuantity;

    private static ImportItem<BilledRow> Map(long line, Fields f, RowKey key, List<ImportViolation> violations, Dictionary<string, Commitment> commitments, ContentOccurrences occurrences)
    {
        if (!Money("BilledCost", f.Span(Billed), required: true, out decimal billed, out string? error)
            || !Money("EffectiveCost", f.Span(Effective), required: true, out decimal effective, out error)
            || !Money("ListCost", f.Span(List), required: false, out decimal list, out error)
            || !Money("ContractedCost", f.Span(Contracted), required: false, out decimal contracted, out error)
            || !FieldText.TryInstant("ChargePeriodStart", f.Span(Start), f.Span(Start).IsEmpty, out DateTime start, out error)
            || !FieldText.TryInstant("ChargePeriodEnd", f.Span(End), f.Span(End).IsEmpty, out DateTime end, out error)
            || !Quantity("PricingQuantity", f.Span(PricingQuantity), out decimal? pricingQuantity, out error)
            || !Quantity("ConsumedQuantity", f.Span(ConsumedQuantity), out decimal? consumedQuantity, out error)
            || !Quantity("ListUnitPrice", f.Span(ListUnitPrice), out decimal? listUnitPrice, out error)
            || !Quantity("ContractedUnitPrice", f.Span(ContractedUnitPrice), out decimal? contractedUnitPrice, out error))
        {
            return ImportItem<BilledRow>.Bad(line, error!);
        }

        string category = Canonical(f[Category]) ?? "Usage";
        if (f[Category] is not null && Array.IndexOf(FocusColumns.Categories, category) < 0)
        {
            return ImportItem<BilledRow>.Bad(line, $"ChargeCategory: {FieldText.Show(f[Category])} is not one of {string.Join(", ", FocusColumns.Categories)}");
        }

        if (f[Currency] is { } currency && !currency.Equals("USD", StringComparison.OrdinalIgnoreCase))
        {
            return ImportItem<BilledRow>.Bad(line, $"BillingCurrency: {FieldText.Show(currency)} is not USD (the ledger holds USD; convert the bill first)");
        }

        string chargeClass = f[Class] ?? string.Empty;
        bool correction = chargeClass.Equals("Correction", StringComparison.OrdinalIgnoreCase);
        if (chargeClass.Length > 0 && !correction)
        {
            violations.Add(new ImportViolation(line, "ChargeClass", $"ChargeClass: {FieldText.Show(chargeClass)} is neither empty nor Correction"));
        }

        list = f.Span(List).IsEmpty ? billed : list;
        contracted = f.Span(Contracted).IsEmpty ? billed : contracted;

        // Each message is built only when its rule is broken.
        if (end <= start)
        {
            Violation(violations, line, "ChargePeriodEnd", $"ChargePeriodEnd {f.Text(End)} is not after ChargePeriodStart {f.Text(Start)} (the period is [start, end))");
        }

        if (!correction && listUnitPrice is { } lup && pricingQuantity is { } q1 && Math.Abs(lup * q1 - list) >= Tolerance)
        {
            Violation(violations, line, "ListCost = ListUnitPrice × PricingQuantity",
                $"ListCost {Usd(list)} ≠ ListUnitPrice {lup.ToString(CultureInfo.InvariantCulture)} × PricingQuantity {q1.ToString(CultureInfo.InvariantCulture)} = {Usd(lup * q1)}");
        }

        if (!correction && contractedUnitPrice is { } cup && pricingQuantity is { } q2 && Math.Abs(cup * q2 - contracted) >= Tolerance)
        {
            Violation(violations, line, "ContractedCost = ContractedUnitPrice × PricingQuantity",
                $"ContractedCost {Usd(contracted)} ≠ ContractedUnitPrice {cup.ToString(CultureInfo.InvariantCulture)} × PricingQuantity {q2.ToString(CultureInfo.InvariantCulture)} = {Usd(cup * q2)}");
        }

        if (category == "Credit" && effective != billed)
        {
            Violation(violations, line, "Credit: EffectiveCost = BilledCost", $"a Credit row's EffectiveCost {Usd(effective)} must equal its BilledCost {Usd(billed)}");
        }

        if (category == "Tax" && pricingQuantity is not null)
        {
            Violation(violations, line, "Tax: no PricingQuantity", $"a Tax row must have no PricingQuantity, got {pricingQuantity?.ToString(CultureInfo.InvariantCulture)}");
        }

        if (category != "Usage" && consumedQuantity is not null)
        {
            Violation(violations, line, "ConsumedQuantity only on Usage",
                $"ConsumedQuantity {consumedQuantity?.ToString(CultureInfo.InvariantCulture)} on a {category} row (only Usage rows consume)");
        }

        if (f[CommitmentId] is { } commitmentId)
        {
            if (category == "Usage" && f[CommitmentStatus] is null)
            {
                Violation(violations, line, "CommitmentDiscountStatus", "a Usage row with a CommitmentDiscountId needs CommitmentDiscountStatus (Used or Unused)");
            }

            if (!commitments.TryGetValue(commitmentId, out Commitment? c))
            {
                commitments[commitmentId] = c = new Commitment { FirstLine = line };
            }

            if (category == "Purchase")
            {
                c.HasPurchase = true;
                c.PurchaseBilled += billed;
            }
            else if (category == "Usage")
            {
                c.UsageEffective += effective;
            }
        }

        // The id hashes the parsed values, so the same charge typed in Parquet or as CSV text gets one id.
        key.Clear();
        for (int i = 0; i < f.Length; i++)
        {
            switch (i)
            {
                case Billed: key.Add(billed); break;
                case Effective: key.Add(effective); break;
                case List: key.Add(list); break;
                case Contracted: key.Add(contracted); break;
                case PricingQuantity: key.Add(pricingQuantity); break;
                case ConsumedQuantity: key.Add(consumedQuantity); break;
                case ListUnitPrice: key.Add(listUnitPrice); break;
                case ContractedUnitPrice: key.Add(contractedUnitPrice); break;
                case Start: key.Add(start); break;
                case End: key.Add(end); break;
                case Category: key.Add(category); break;
                case Currency: key.Add((string?)null); break;
                default: key.Add(f[i]); break;
            }
        }

        Guid id = occurrences.Next(key.Id(Source));
        return ImportItem<BilledRow>.Ok(line, new BilledRow
        {
            RowId = id,
            Source = Source,
            ChargeStart = start,
            ChargeEnd = end,
            Provider = f[Provider] ?? f[Issuer] ?? "(unknown)",
            Service = f[Service] ?? "(unknown)",
            Sku = f[SkuMeter] is { } meter ? $"{f[Sku]} {meter}".Trim() : f[Sku] ?? string.Empty,
            Account = f[SubAccount] ?? string.Empty,
            ChargeCategory = category,
            Description = f[Description] ?? string.Empty,
            BilledUsd = billed,
            EffectiveUsd = effective,
            ListUsd = list,
            ContractedUsd = contracted,
            ChargeClass = correction ? "Correction" : string.Empty,
            ChargeFrequency = f[Frequency] ?? string.Empty,
            ServiceCategory = f[ServiceCategory] ?? string.Empty,
            ResourceId = f[Resource] ?? string.Empty,
            Region = f[Region] ?? string.Empty,
            PricingQuantity = pricingQuantity,
            PricingUnit = f[PricingUnit] ?? string.Empty,
            ConsumedQuantity = consumedQuantity,
            ConsumedUnit = f[ConsumedUnit] ?? string.Empty,
            CommitmentId = f[CommitmentId] ?? string.Empty,
            CommitmentStatus = f[CommitmentStatus] ?? string.Empty,
            InvoiceId = f[Invoice] ?? string.Empty,
            BillingAccount = f[BillingAccount] ?? string.Empty,
            Tags = f[Tags] ?? string.Empty,
        });
    }

    private static string Defaulted(string column) => column is "ListCost" or "ContractedCost" ? "; taken as BilledCost" : column == "ChargeCategory" ? "; rows taken as Usage" : string.Empty;

    private static void Violation(List<ImportViolation> violations, long line, string rule, string message) =>
        violations.Add(new ImportViolation(line, rule, message));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) || text is "null" or "NULL" ? null : text.Trim();

    // The same cleaning on characters: empty when the field is empty, white space or null.
    private static ReadOnlySpan<char> Clean(ReadOnlySpan<char> text) => text.IsWhiteSpace() || text is "null" or "NULL" ? default : text.Trim();

    // A loop, not FirstOrDefault with a lambda: that allocated a closure and a delegate for every row.
    private static string? Canonical(string? category)
    {
        if (category is null)
        {
            return null;
        }

        foreach (string c in FocusColumns.Categories)
        {
            if (c.Equals(category, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        return category;
    }

    private static bool Money(string field, ReadOnlySpan<char> text, bool required, out decimal value, out string? error)
    {
        value = 0;
        if (!FieldText.TryMoney(field, text, text.IsEmpty, allowNegative: true, out decimal? parsed, out error))
        {
            return false;
        }

        if (parsed is null && required)
        {
            error = $"{field}: missing (a FOCUS cost is a decimal, never empty)";
            return false;
        }

        value = parsed ?? 0;
        return true;
    }

    private static bool Quantity(string field, ReadOnlySpan<char> text, out decimal? value, out string? error)
    {
        error = null;
        value = null;
        if (text.IsEmpty)
        {
            return true;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) && Math.Abs(d) < 1e27m)
        {
            value = Math.Round(d, 10, MidpointRounding.ToEven);
            return true;
        }

        error = $"{field}: {FieldText.Show(text.ToString())} is not a decimal number";
        return false;
    }

    private static string Usd(decimal usd) => usd.ToString("0.00########", CultureInfo.InvariantCulture);

    // A record's fields: the text columns as strings (f), the parsed ones as cleaned characters read from the table.
    private readonly struct Fields(TabularReader table, int[] index, string?[] texts)
    {
        private readonly string?[] _texts = texts;

        public int Length => _texts.Length;

        public string? this[int field] => _texts[field];

        public ReadOnlySpan<char> Span(int field) => Clean(table.Span(index[field]));

        public string? Text(int field) => Span(field) is { IsEmpty: false } s ? s.ToString() : null;
    }

    private sealed class Commitment
    {
        public long FirstLine { get; init; }

        public bool HasPurchase { get; set; }

        public decimal PurchaseBilled { get; set; }

        public decimal UsageEffective { get; set; }
    }
}
