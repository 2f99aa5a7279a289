namespace Burnrate.Bench.Simulation;

/// <summary>Settings of <see cref="SimulatedServer"/>.</summary>
public sealed record SimulatorOptions
{
    /// <summary>Fixed timing (every request gets <see cref="TtftSeconds"/> and <see cref="ItlSeconds"/>) or continuous batching.</summary>
    public SimulationMode Mode { get; init; } = SimulationMode.Fixed;

    /// <summary>Gets the fixed mode's time to first token in seconds.</summary>
    public double TtftSeconds { get; init; } = 0.2;

    /// <summary>Gets the fixed mode's time between tokens in seconds.</summary>
    public double ItlSeconds { get; init; } = 0.02;

    /// <summary>Gets the batching mode's step times.</summary>
    public StepModel Steps { get; init; } = StepModel.Linear();

    /// <summary>Most sequences decoded together in batching mode (vLLM's max_num_seqs default is 256).</summary>
    public int MaxBatchSize { get; init; } = 256;

    /// <summary>Gets the fault probabilities.</summary>
    public FaultProfile Faults { get; init; } = FaultProfile.None;

    /// <summary>Gets the seed of the fault draws.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Output length when the request neither forces a length (ignore_eos/min_tokens) nor caps it lower.</summary>
    public int NaturalOutputTokens { get; init; } = 128;

    /// <summary>max_tokens used when the request gives none.</summary>
    public int DefaultMaxTokens { get; init; } = 256;

    /// <summary>How long a stalled stream is held open before the server gives up on it.</summary>
    public double StallHoldSeconds { get; init; } = 300;

    /// <summary>Gets the model name the server lists and reports.</summary>
    public string ModelName { get; init; } = "burnrate-sim";

    /// <summary>Port to bind on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }
}
