namespace Burnrate.Bench.Simulation;

/// <summary>A way the simulated server can misbehave on one request.</summary>
public enum SimulatedFault
{
    /// <summary>The connection is aborted mid-stream (or before the response for non-streaming requests).</summary>
    Reset,

    /// <summary>HTTP 500 with a JSON error body.</summary>
    Http500,

    /// <summary>The stream stops sending halfway and stays open.</summary>
    Stall,

    /// <summary>A data event that is not valid JSON is sent halfway.</summary>
    Malformed,
}
