namespace Burnrate.Core.Training;

/// <summary>The layout that needs the least memory per device on the same devices (full recompute, micro-batch 1, the most
/// sharding), and whether it fits.</summary>
/// <param name="Parallelism">Its degrees.</param>
/// <param name="Sharding">Its sharding: "zero-0".."zero-3" or "fsdp".</param>
/// <param name="Recompute">Its activation recomputation: "none", "selective" or "full".</param>
/// <param name="MicroBatchSequences">Its micro-batch in sequences.</param>
/// <param name="MemoryPerGpuBytes">The memory one device needs, in bytes.</param>
/// <param name="MemoryBreakdownBytes">That memory by kind.</param>
/// <param name="FitsInMemory">Whether it fits.</param>
/// <param name="MemoryShortfallBytes">The memory missing per device, in bytes (0 when it fits).</param>
public sealed record TrainLeastMemoryLayout(
    TrainParallelism Parallelism, string Sharding, string Recompute, int MicroBatchSequences, double MemoryPerGpuBytes,
    TrainMemoryBytes MemoryBreakdownBytes, bool FitsInMemory, double MemoryShortfallBytes);
