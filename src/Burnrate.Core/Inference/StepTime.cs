namespace Burnrate.Core.Inference;

/// <summary>A roofline step: compute, memory, communication and overhead seconds; the step takes
/// max(compute, memory) + communication + overhead (docs/infer.md "Step times").</summary>
/// <param name="ComputeSeconds">FLOPs ÷ effective FLOP/s.</param>
/// <param name="MemorySeconds">Bytes ÷ effective bandwidth.</param>
/// <param name="CommunicationSeconds">Parallel-communication bytes ÷ effective one-way link bandwidth + collective latencies.</param>
/// <param name="OverheadSeconds">Time neither compute nor memory explains: dequantization stalls of weight-only kernels beyond the
/// roofline, and the fixed per-step overhead.</param>
internal readonly record struct StepTime(double ComputeSeconds, double MemorySeconds, double CommunicationSeconds, double OverheadSeconds = 0)
{
    /// <summary>Gets the step time: max(compute, memory) + communication + overhead (communication is not overlapped).</summary>
    public double Seconds => Math.Max(ComputeSeconds, MemorySeconds) + CommunicationSeconds + OverheadSeconds;

    /// <summary>Gets the binding resource: communication when it exceeds both others, else the larger of compute and memory.</summary>
    public ResourceBound Bound =>
        CommunicationSeconds > ComputeSeconds && CommunicationSeconds > MemorySeconds ? ResourceBound.Communication
        : ComputeSeconds > MemorySeconds ? ResourceBound.Compute
        : ResourceBound.Memory;
}
