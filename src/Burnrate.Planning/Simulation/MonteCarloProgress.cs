namespace Burnrate.Planning.Simulation;

/// <summary>
/// How far a Monte Carlo run is, reported after each block of paths. A run whose figures fit in memory makes one pass; a larger one
/// makes a first pass over every path and then usually one more (rarely a few) that regenerates the paths to find the exact
/// percentiles, so <see cref="Pass"/> counts up from 1 and <see cref="PathsDone"/> starts again at each pass.
/// </summary>
/// <param name="Pass">The pass, from 1.</param>
/// <param name="PathsDone">Paths done in this pass.</param>
/// <param name="Paths">Paths in every pass (the run's path count).</param>
public readonly record struct MonteCarloProgress(int Pass, long PathsDone, long Paths);
