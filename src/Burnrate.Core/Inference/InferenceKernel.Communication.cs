namespace Burnrate.Core.Inference;

/// <summary>The communication part of the serving kernel (docs/infer.md "Communication").</summary>
internal static partial class InferenceKernel
{
    /// <summary>Tensor-parallel all-reduces (ring: 2(tp−1)/tp of the message per device; 2 per layer, after attention and after
    /// the FFN) and, with EP, the MoE layers' exchange. EP inside the TP group (ep divides tp) needs no all-to-all: every device
    /// of the group already holds every token after the attention all-reduce, computes its own experts' share and the FFN
    /// all-reduce combines the results, so those layers keep their all-reduce. EP beyond the TP group replaces the FFN all-reduce
    /// by dispatch and combine all-to-alls; a token goes to the distinct devices holding its k experts, ep·(1 − (1 − 1/ep)^k) on
    /// average, (ep−1)/ep of them remote. Each collective also costs a latency: base + 2(n − 1) hops for an all-reduce over n
    /// devices, base + (n − 1) hops for an all-to-all (NCCL's ring model, src/graph/tuning.cc).</summary>
    private static double Communication(in ServingSetup s, double tokens, double layers, double moeLayers)
    {
        double bytes = 0;
        double latency = 0;
        double message = tokens * s.Model.Hidden * ServingSetup.ActivationBytes;
        double allReduces = layers * AllReducesPerLayer;
        bool epInsideTp = s.Ep > 1 && s.Tp % s.Ep == 0;
        if (s.Ep > 1 && !epInsideTp)
        {
            allReduces -= moeLayers;
            bytes += moeLayers * 2 * message * s.EpDevicesPerToken * (s.Ep - 1) / s.Ep;
            latency += moeLayers * 2 * (s.CollectiveLatencySeconds + ((s.Ep - 1) * s.HopLatencySeconds));
        }

        if (s.Tp > 1)
        {
            bytes += allReduces * 2.0 * (s.Tp - 1) / s.Tp * message;
            latency += allReduces * (s.CollectiveLatencySeconds + (2.0 * (s.Tp - 1) * s.HopLatencySeconds));
        }

        return bytes == 0 ? 0 : (bytes / s.LinkRate) + latency;
    }
}
