namespace Burnrate.Core.Inference;

/// <summary>
/// How far an <see cref="InferenceSearch"/> is, reported after each hardware setup (one model on one accelerator at one
/// device count, with every parallel layout, precision and concurrency of it searched).
/// </summary>
/// <param name="SetupsDone">Setups searched so far.</param>
/// <param name="Setups">Setups in the search: models × accelerators × device counts.</param>
public readonly record struct SearchProgress(long SetupsDone, long Setups);
