using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Burnrate.Bench.Calibration;

/// <summary>
/// The calibration file <c>burnrate calibrate</c> writes and <c>infer</c>/<c>optimize --calibration FILE</c> read (format fixed
/// in issue 5): efficiency factors of the roofline model fitted to a bench result. Only the format lives here; the fit
/// is left to the integrator, who wires it to the infer estimator.
/// </summary>
internal sealed record CalibrationFile
{
    public const string KindValue = "burnrate-calibration";

    public string Kind { get; init; } = KindValue;

    public double ComputeEfficiency { get; init; }

    public double BandwidthEfficiency { get; init; }

    public double CommunicationEfficiency { get; init; }

    /// <summary>Gets the bench result the factors were fitted from (a path or a description).</summary>
    public string FittedFrom { get; init; } = "";

    public string Model { get; init; } = "";

    public string Gpu { get; init; } = "";

    public int Gpus { get; init; } = 1;

    /// <summary>Gets the date of the fit, YYYY-MM-DD.</summary>
    public string AsOf { get; init; } = "";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads and validates a calibration file; the message names the field and the allowed range.</summary>
    public static CalibrationFile Parse(string json)
    {
        CalibrationFile file = JsonSerializer.Deserialize<CalibrationFile>(json, Json) ?? throw new InvalidDataException("empty calibration file");
        return file.Validate() is { } problem ? throw new InvalidDataException(problem) : file;
    }

    /// <summary>Returns the first problem, or null when the file is valid.</summary>
    public string? Validate()
    {
        if (Kind != KindValue)
        {
            return $"kind is '{Kind}', expected '{KindValue}'";
        }

        foreach ((string name, double value) in new[] { ("computeEfficiency", ComputeEfficiency), ("bandwidthEfficiency", BandwidthEfficiency), ("communicationEfficiency", CommunicationEfficiency) })
        {
            if (!(value > 0 && value <= 1))
            {
                return $"{name} must be in (0, 1], got {value.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        if (Gpus < 1)
        {
            return $"gpus must be at least 1, got {Gpus}";
        }

        return DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : $"asOf '{AsOf}' is not YYYY-MM-DD";
    }
}
