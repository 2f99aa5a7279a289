namespace Burnrate.Core.Training;

/// <summary>
/// How model states are partitioned across data-parallel ranks (Rajbhandari et al. 2020, "ZeRO: Memory Optimizations
/// Toward Training Trillion Parameter Models", arXiv 1910.02054, section 5).
/// </summary>
public enum ShardingStrategy
{
    /// <summary>ZeRO-0: every data-parallel rank holds the full weights, gradients and optimizer states (plain DDP).</summary>
    None = 0,

    /// <summary>ZeRO-1 (P_os): optimizer states are partitioned across data-parallel ranks.</summary>
    Zero1 = 1,

    /// <summary>ZeRO-2 (P_os+g): optimizer states and gradients are partitioned.</summary>
    Zero2 = 2,

    /// <summary>ZeRO-3 (P_os+g+p): optimizer states, gradients and weights are partitioned.</summary>
    Zero3 = 3,

    /// <summary>PyTorch FSDP with FULL_SHARD, which partitions the same states as ZeRO-3 (Zhao et al. 2023, arXiv 2304.11277).</summary>
    Fsdp = 4,
}
