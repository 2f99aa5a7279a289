using Burnrate.Core.Quantities;

namespace Burnrate.Core.Training;

/// <summary>A parallel layout with the sharding and recomputation chosen for it, and the memory per device it needs.</summary>
/// <param name="Layout">The TP/PP/DP/EP degrees.</param>
/// <param name="Sharding">The state sharding.</param>
/// <param name="Recompute">The recomputation policy.</param>
/// <param name="MicroBatch">The micro-batch in sequences.</param>
/// <param name="Memory">The memory per device.</param>
public sealed record LayoutMemory(Parallelism Layout, ShardingStrategy Sharding, RecomputeMode Recompute, int MicroBatch, MemoryBreakdown Memory)
{
    /// <summary>Gets the total memory per device.</summary>
    public Bytes Total => Memory.Total;
}
