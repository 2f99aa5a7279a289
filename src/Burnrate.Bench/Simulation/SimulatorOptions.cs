namespace Burnrate.Bench.Simulation;

/// <summary>Settings of <see cref="SimulatedServer"/>.</summary>
internal sealed record SimulatorOptions
{
    /// <summary>Fixed timing (every request gets <see cref="TtftSeconds"/> and <see cref="ItlSeconds"/>) or continuous batching.</summary>
    public SimulationMode Mode { get; init; } = SimulationMode.Fixed;

    public double TtftSeconds { get; init; } = 0.2;

    public double ItlSeconds { get; init; } = 0.02;

    public StepModel Steps { get; init; } = StepModel.Linear();

    /// <summary>Most sequences decoded together in batching mode (vLLM's max_num_seqs default is 256).</summary>
    public int MaxBatchSize { get; init; } = 256;

    public FaultProfile Faults { get; init; } = FaultProfile.None;

    public int Seed { get; init; } = 1;

    /// <summary>Output length when the request neither forces a length (ignore_eos/min_tokens) nor caps it lower.</summary>
    public int NaturalOutputTokens { get; init; } = 128;

    /// <summary>max_tokens used when the request gives none.</summary>
    public int DefaultMaxTokens { get; init; } = 256;

    /// <summary>How long a stalled stream is held open before the server gives up on it.</summary>
    public double StallHoldSeconds { get; init; } = 300;

    public string ModelName { get; init; } = "burnrate-sim";

    /// <summary>Port to bind on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }
}
