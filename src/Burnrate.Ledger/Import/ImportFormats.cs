using Burnrate.Ledger.Store;

namespace Burnrate.Ledger.Import;

/// <summary>The import formats and the reader and table behind each.</summary>
public static class ImportFormats
{
    /// <summary>Gets the format names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["litellm", "openai-usage", "openai-costs", "anthropic-usage", "anthropic-costs", "focus", "csv", "jsonl", "revenue"];

    /// <summary>Gets whether a format needs a --mapping file.</summary>
    public static bool NeedsMapping(string format) => format is "csv" or "jsonl";

    /// <summary>Imports one file.</summary>
    internal static FileImport ImportFile(
        ILedgerStore store, ImportRequest request, Pricing.PriceBook prices, string path, Action<long>? bytesRead, Action<long>? rowsRead, CancellationToken cancellationToken)
    {
        using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        FileImport Usage(IEnumerable<ImportItem<UsageRow>> items) =>
            BatchWriter.Run(store, LedgerTables.Usage, UsagePricing.Apply(items, prices), path, request.Format, request.BatchRows, rowsRead, cancellationToken);
        FileImport Billed(IEnumerable<ImportItem<BilledRow>> items) =>
            BatchWriter.Run(store, LedgerTables.Billed, items, path, request.Format, request.BatchRows, rowsRead, cancellationToken);
        FileImport Focus()
        {
            var violations = new List<ImportViolation>();
            return Billed(FocusReader.Read(path, stream, violations, bytesRead)) with { Violations = violations };
        }

        return request.Format switch
        {
            "litellm" => BatchWriter.Run(store, LedgerTables.Usage,
                UsagePricing.Apply(IsCsv(path, stream) ? LiteLlmCsvReader.Read(stream, bytesRead) : LiteLlmJsonlReader.Read(stream, bytesRead), prices),
                path, request.Format, request.BatchRows, rowsRead, cancellationToken),
            "openai-usage" => Usage(OpenAiReaders.Usage(stream)),
            "anthropic-usage" => Usage(AnthropicReaders.Usage(stream)),
            "openai-costs" => Billed(OpenAiReaders.Costs(stream)),
            "anthropic-costs" => Billed(AnthropicReaders.Costs(stream)),
            "focus" => Focus(),
            "csv" => Usage(MappedUsageReader.Csv(path, stream, UsageMapping.Read(request.MappingPath!), bytesRead)),
            "jsonl" => Usage(MappedUsageReader.Jsonl(stream, UsageMapping.Read(request.MappingPath!), bytesRead)),
            "revenue" => BatchWriter.Run(store, LedgerTables.Revenue, RevenueCsvReader.Read(stream, bytesRead),
                path, request.Format, request.BatchRows, rowsRead, cancellationToken),
            _ => throw LedgerErrors.Field("format", request.Format, "one of " + string.Join(", ", Names)),
        };
    }

    // JSON Lines start with '{'; anything else with a .csv name, or a header line, is CSV.
    private static bool IsCsv(string path, Stream stream)
    {
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        int first;
        do
        {
            first = stream.ReadByte();
        }
        while (first is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF);
        stream.Position = 0;
        return first != '{';
    }
}
