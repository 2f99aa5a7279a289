namespace Burnrate.Core.Inference;

/// <summary>A roofline step: compute, memory and communication seconds, and the resulting time max(compute, memory) + communication.</summary>
/// <param name="ComputeSeconds">FLOPs ÷ effective FLOP/s.</param>
/// <param name="MemorySeconds">Bytes ÷ effective bandwidth.</param>
/// <param name="CommunicationSeconds">Parallel-communication bytes ÷ effective one-way link bandwidth.</param>
internal readonly record struct StepTime(double ComputeSeconds, double MemorySeconds, double CommunicationSeconds)
{
    /// <summary>Gets the step time: max(compute, memory) + communication (communication is not overlapped).</summary>
    public double Seconds => Math.Max(ComputeSeconds, MemorySeconds) + CommunicationSeconds;

    /// <summary>Gets the binding resource: communication when it exceeds both others, else the larger of compute and memory.</summary>
    public ResourceBound Bound =>
        CommunicationSeconds > ComputeSeconds && CommunicationSeconds > MemorySeconds ? ResourceBound.Communication
        : ComputeSeconds > MemorySeconds ? ResourceBound.Compute
        : ResourceBound.Memory;
}
