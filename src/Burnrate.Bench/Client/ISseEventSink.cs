namespace Burnrate.Bench.Client;

/// <summary>Receives the data payload of each complete server-sent event.</summary>
public interface ISseEventSink
{
    /// <summary>Handles one event's data (multi-line data joined with '\n').</summary>
    /// <param name="data">The event's data, valid only during the call.</param>
    /// <returns>False to stop reading.</returns>
    bool OnEvent(ReadOnlySpan<byte> data);
}
