using System.Globalization;

namespace Burnrate.Bench.Simulation;

/// <summary>
/// Probabilities with which the simulated server misbehaves on a request: reset the connection, answer HTTP 500,
/// stall the stream, or send a malformed SSE event. Drawn per request from a seeded generator.
/// </summary>
public sealed record FaultProfile
{
    /// <summary>No faults.</summary>
    public static readonly FaultProfile None = new();

    /// <summary>Gets the probability of a connection reset per request.</summary>
    public double Reset { get; init; }

    /// <summary>Gets the probability of an HTTP 500 per request.</summary>
    public double Http500 { get; init; }

    /// <summary>Gets the probability of a stream that stops halfway and stays open.</summary>
    public double Stall { get; init; }

    /// <summary>Gets the probability of a data event that is not JSON.</summary>
    public double Malformed { get; init; }

    /// <summary>Gets the probability of any fault.</summary>
    public double Total => Reset + Http500 + Stall + Malformed;

    /// <summary>Parses "reset:0.05,http500:0.02,stall:0.01,malformed:0.01".</summary>
    public static bool TryParse(string? text, out FaultProfile profile, out string error)
    {
        profile = None;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        FaultProfile p = None;
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] kv = part.Split(':', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || !double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !(v >= 0 && v <= 1))
            {
                error = $"'{part}' is not KIND:PROBABILITY with a probability in [0, 1]";
                return false;
            }

            switch (kv[0].ToLowerInvariant())
            {
                case "reset": p = p with { Reset = v }; break;
                case "http500": p = p with { Http500 = v }; break;
                case "stall": p = p with { Stall = v }; break;
                case "malformed": p = p with { Malformed = v }; break;
                default:
                    error = $"unknown fault kind '{kv[0]}'; allowed: reset, http500, stall, malformed";
                    return false;
            }
        }

        if (p.Total > 1 + 1e-12)
        {
            error = $"fault probabilities add up to {p.Total.ToString("0.###", CultureInfo.InvariantCulture)}, more than 1";
            return false;
        }

        profile = p;
        return true;
    }

    /// <summary>Maps a uniform draw in [0, 1) to the fault it selects, or null for a healthy request.</summary>
    public SimulatedFault? Pick(double u)
    {
        double edge = Reset;
        if (u < edge)
        {
            return SimulatedFault.Reset;
        }

        edge += Http500;
        if (u < edge)
        {
            return SimulatedFault.Http500;
        }

        edge += Stall;
        if (u < edge)
        {
            return SimulatedFault.Stall;
        }

        edge += Malformed;
        return u < edge ? SimulatedFault.Malformed : null;
    }

    /// <summary>Returns the profile as --fault takes it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"reset:{Reset},http500:{Http500},stall:{Stall},malformed:{Malformed}");
}
