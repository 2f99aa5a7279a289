namespace Burnrate.Bench.Simulation;

/// <summary>How the simulated server times tokens.</summary>
public enum SimulationMode
{
    /// <summary>Every request: first token after a fixed TTFT, then one token per fixed ITL.</summary>
    Fixed,

    /// <summary>A discrete-event simulation of continuous batching, stepped on the wall clock.</summary>
    Batching,
}
