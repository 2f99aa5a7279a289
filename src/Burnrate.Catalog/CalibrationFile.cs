using System.Globalization;
using System.Text.Json;
using Burnrate.Core.Inference;

namespace Burnrate.Catalog;

/// <summary>
/// Reads and writes the calibration JSON of <c>burnrate calibrate</c> (the one reader and writer of the format):
/// <c>{"kind":"burnrate-calibration","computeEfficiency":0.55,"bandwidthEfficiency":0.8,"communicationEfficiency":0.7,
/// "fittedFrom":"…","model":"…","gpu":"…","gpus":1,"asOf":"2026-11-29"}</c>. The three efficiencies are required, the rest optional;
/// <c>longPrefillRatio</c> (≥ 1, default 1.5) is written only when the fit moved it;
/// <c>int8WeightRead</c> and <c>int4WeightRead</c> (weight-only read rates relative to 16-bit weights, in [0.001, 1]) are written
/// when calibrate fitted them and otherwise take the defaults.
/// </summary>
/// <param name="Efficiency">The fitted efficiency factors.</param>
/// <param name="FittedFrom">What the factors were fitted from (a bench result file, say), if given.</param>
/// <param name="Model">The model measured, if given.</param>
/// <param name="Gpu">The accelerator measured, if given.</param>
/// <param name="Gpus">The device count measured, if given.</param>
/// <param name="AsOf">The date of the fit, if given.</param>
public sealed record CalibrationFile(EfficiencyFactors Efficiency, string? FittedFrom, string? Model, string? Gpu, int? Gpus, DateOnly? AsOf)
{
    /// <summary>Gets a value indicating whether the weight-only read rates were fitted, so the file carries them.</summary>
    public bool WeightReadFitted { get; init; }

    /// <summary>The value of the <c>kind</c> field.</summary>
    public const string Kind = "burnrate-calibration";

    /// <summary>The largest prefill ratio accepted (calibrate fits it in [1, 1000]).</summary>
    public const double MaxPrefillRatio = 1000;

    /// <summary>Reads a calibration file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The calibration.</returns>
    /// <exception cref="CatalogException">Missing file, bad JSON, or a field missing or out of range (message "file: field: problem").</exception>
    public static CalibrationFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(Files.InputFile.ReadAllText(path, "calibration file"), path);
    }

    /// <summary>Parses calibration JSON text.</summary>
    /// <param name="json">The text.</param>
    /// <param name="file">The file name used in messages.</param>
    /// <returns>The calibration.</returns>
    /// <exception cref="CatalogException">Bad JSON, or a field missing or out of range.</exception>
    public static CalibrationFile Parse(string json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CatalogException(Files.JsonErrorText.Describe(file, e), e);
        }

        using (doc)
        {
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CatalogException($"{file}: expected a JSON object");
            }

            if (root.TryGetProperty("kind", out JsonElement kind) && kind.GetString() != Kind)
            {
                throw new CatalogException($"{file}: kind: expected \"{Kind}\", got \"{kind}\"");
            }

            var efficiency = new EfficiencyFactors(
                ReadEfficiency(root, file, "computeEfficiency"),
                ReadEfficiency(root, file, "bandwidthEfficiency"),
                ReadEfficiency(root, file, "communicationEfficiency"));
            if (root.TryGetProperty("longPrefillRatio", out JsonElement r))
            {
                efficiency = efficiency with
                {
                    LongPrefillRatio = r.ValueKind == JsonValueKind.Number && r.TryGetDouble(out double ratio) && ratio >= 1 && ratio <= MaxPrefillRatio
                        ? ratio
                        : throw new CatalogException($"{file}: longPrefillRatio: expected a number in [1, {MaxPrefillRatio}], got {r.GetRawText()}"),
                };
            }

            bool rates = root.TryGetProperty("int8WeightRead", out _) || root.TryGetProperty("int4WeightRead", out _);
            if (root.TryGetProperty("int8WeightRead", out _))
            {
                efficiency = efficiency with { Int8WeightRead = ReadEfficiency(root, file, "int8WeightRead") };
            }

            if (root.TryGetProperty("int4WeightRead", out _))
            {
                efficiency = efficiency with { Int4WeightRead = ReadEfficiency(root, file, "int4WeightRead") };
            }

            int? gpus = null;
            if (root.TryGetProperty("gpus", out JsonElement g))
            {
                gpus = g.ValueKind == JsonValueKind.Number && g.TryGetInt32(out int n) && n >= 1
                    ? n
                    : throw new CatalogException($"{file}: gpus: expected a whole number ≥ 1, got {g.GetRawText()}");
            }

            DateOnly? asOf = null;
            if (root.TryGetProperty("asOf", out JsonElement d))
            {
                asOf = d.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(d.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
                    ? date
                    : throw new CatalogException($"{file}: asOf: expected a date yyyy-MM-dd, got {d.GetRawText()}");
            }

            return new CalibrationFile(efficiency, Text(root, file, "fittedFrom"), Text(root, file, "model"), Text(root, file, "gpu"), gpus, asOf) { WeightReadFitted = rates };
        }
    }

    /// <summary>Formats the calibration as JSON in the fixed field order (invariant culture, base units).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("kind", Kind);
            w.WriteNumber("computeEfficiency", Efficiency.Compute);
            w.WriteNumber("bandwidthEfficiency", Efficiency.Bandwidth);
            w.WriteNumber("communicationEfficiency", Efficiency.Communication);
            if (Efficiency.LongPrefillRatio != EfficiencyFactors.DefaultLongPrefillRatio)
            {
                w.WriteNumber("longPrefillRatio", Efficiency.LongPrefillRatio);
            }

            if (WeightReadFitted)
            {
                w.WriteNumber("int8WeightRead", Efficiency.Int8WeightRead);
                w.WriteNumber("int4WeightRead", Efficiency.Int4WeightRead);
            }

            WriteOptional(w, "fittedFrom", FittedFrom);
            WriteOptional(w, "model", Model);
            WriteOptional(w, "gpu", Gpu);
            if (Gpus is { } gpus)
            {
                w.WriteNumber("gpus", gpus);
            }

            WriteOptional(w, "asOf", AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the calibration to <paramref name="path"/>: a temporary file beside it first, then moved over it,
    /// so a reader never sees half a file.</summary>
    /// <param name="path">The file path; its directory is created when missing.</param>
    public void Write(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Files.AtomicFile.WriteAllText(path, ToJson() + Environment.NewLine);
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static double ReadEfficiency(JsonElement root, string file, string field)
    {
        if (!root.TryGetProperty(field, out JsonElement e))
        {
            throw new CatalogException($"{file}: {field}: required (a number in [0.001, 1])");
        }

        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out double v) || !EfficiencyFactors.IsValid(v))
        {
            throw new CatalogException($"{file}: {field}: expected a number in [0.001, 1], got {e.GetRawText()}");
        }

        return v;
    }

    private static string? Text(JsonElement root, string file, string field) =>
        !root.TryGetProperty(field, out JsonElement e) || e.ValueKind == JsonValueKind.Null ? null
        : e.ValueKind == JsonValueKind.String ? e.GetString()
        : throw new CatalogException($"{file}: {field}: expected a string, got {e.GetRawText()}");
}
