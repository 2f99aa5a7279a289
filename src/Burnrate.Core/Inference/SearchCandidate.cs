using Burnrate.Core.Hardware;

namespace Burnrate.Core.Inference;

/// <summary>One evaluated configuration that met every limit, with its headline figures (seconds, USD).</summary>
/// <param name="Model">Index into <see cref="SearchSpace.Models"/>.</param>
/// <param name="Accelerator">Index into <see cref="SearchSpace.Accelerators"/>.</param>
/// <param name="Devices">Device count.</param>
/// <param name="Tp">Tensor-parallel degree.</param>
/// <param name="Pp">Pipeline-parallel degree.</param>
/// <param name="Ep">Expert-parallel degree (1, or TP × PP for MoE models).</param>
/// <param name="Weights">Weight precision.</param>
/// <param name="KvCache">KV cache precision.</param>
/// <param name="Compute">Matmul precision.</param>
/// <param name="Concurrency">Requests in flight.</param>
/// <param name="TtftSeconds">Time to first token.</param>
/// <param name="TpotSeconds">Time per output token.</param>
/// <param name="CostPerRequestUsd">All-in cost of one request.</param>
/// <param name="CostPerHourUsd">Cost of the deployment per hour.</param>
public readonly record struct SearchCandidate(
    int Model, int Accelerator, int Devices, int Tp, int Pp, int Ep, Precision Weights, Precision KvCache, Precision Compute, int Concurrency,
    double TtftSeconds, double TpotSeconds, double CostPerRequestUsd, double CostPerHourUsd);
