using Burnrate.Core.Validation;

namespace Burnrate.Ledger.Import;

/// <summary>What to import: files in one format (with a column mapping for the generic formats).</summary>
public sealed record ImportRequest
{
    /// <summary>Gets the files to import, in order.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>Gets the format name (see <see cref="ImportFormats.Names"/>).</summary>
    public required string Format { get; init; }

    /// <summary>Gets the YAML column mapping (formats csv and jsonl only).</summary>
    public string? MappingPath { get; init; }

    /// <summary>Gets price files (price-list YAML or LiteLLM price JSON) that price usage the source gave no cost for.</summary>
    public IReadOnlyList<string> PricePaths { get; init; } = [];

    /// <summary>
    /// The default rows per transaction: two of DuckDB's 122,880-row row groups, so a batch is compressed straight into the
    /// file's row groups at commit instead of going through the write-ahead log and a checkpoint (about 4× cheaper per row
    /// than 100,000-row batches).
    /// </summary>
    public const int DefaultBatchRows = 245_760;

    /// <summary>Gets the rows written per transaction (default <see cref="DefaultBatchRows"/>): a crash loses at most the batch in flight.</summary>
    public int BatchRows { get; init; } = DefaultBatchRows;

    /// <summary>Gets every problem with the request, one line each (empty when valid).</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new FieldChecks().Require(Files.Count > 0, "FILE", string.Empty, "at least one file to import");
        foreach (string file in Files.Where(f => !File.Exists(f)))
        {
            errors.Add("FILE", file, "an existing file");
        }

        if (!ImportFormats.Names.Contains(Format, StringComparer.Ordinal))
        {
            string near = string.Join(", ", Catalog.Suggestions.Nearest(Format, ImportFormats.Names));
            errors.Add("format", Format, $"one of {string.Join(", ", ImportFormats.Names)}{(near.Length > 0 ? $" (nearest: {near})" : string.Empty)}");
        }
        else if (ImportFormats.NeedsMapping(Format) && MappingPath is null)
        {
            errors.Add("mapping", string.Empty, $"a YAML column mapping for format {Format} (see docs/ledger.md)");
        }
        else if (MappingPath is not null && !File.Exists(MappingPath))
        {
            errors.Add("mapping", MappingPath, "an existing YAML column mapping");
        }

        foreach (string prices in PricePaths.Where(p => !File.Exists(p)))
        {
            errors.Add("prices", prices, "an existing price list YAML or LiteLLM price JSON");
        }

        return errors.Whole("batchRows", BatchRows, 1, 10_000_000, "rows");
    }
}
