namespace Burnrate.Bench.Client;

/// <summary>Receives the data payload of each complete server-sent event.</summary>
internal interface ISseEventHandler
{
    /// <summary>Handles one event's data (multi-line data joined with '\n'); returns false to stop reading.</summary>
    bool OnEvent(ReadOnlySpan<byte> data);
}
