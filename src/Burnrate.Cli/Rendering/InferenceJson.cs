using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;

namespace Burnrate.Cli.Rendering;

/// <summary>JSON shapes of inference results: the infer contract keys (base units, unit in the name) plus the configuration.</summary>
internal static class InferenceJson
{
    public static Dictionary<string, object?> Result(string model, InferenceDeployment d, InferenceWorkload w, InferenceResult r, IReadOnlyList<Assumption>? assumptions)
    {
        var json = new Dictionary<string, object?>
        {
            ["model"] = model,
            ["gpu"] = d.Accelerator.Id,
            ["gpus"] = d.Devices,
            ["tp"] = d.TensorParallel,
            ["pp"] = d.PipelineParallel,
            ["ep"] = d.ExpertParallel,
            ["weights"] = d.Weights.Id(),
            ["kv"] = d.KvCache.Id(),
            ["compute"] = d.Compute.Id(),
            ["inputTokens"] = w.InputTokens,
            ["outputTokens"] = w.OutputTokens,
            ["concurrency"] = w.Concurrency,
            ["ttftSeconds"] = r.Ttft.Seconds,
            ["tpotSeconds"] = r.Tpot.Seconds,
            ["e2eSeconds"] = r.E2e.Seconds,
            ["outputTokensPerSecond"] = r.OutputTokensPerSecond,
            ["requestsPerSecond"] = r.RequestsPerSecond,
            ["maxConcurrency"] = r.MaxConcurrency,
            ["kvCacheBytesPerToken"] = r.KvCacheBytesPerToken.Value,
            ["weightBytesPerGpu"] = r.WeightBytesPerDevice.Value,
            ["memoryPerGpuBytes"] = r.MemoryPerDevice.Value,
            ["fitsInMemory"] = r.FitsInMemory,
            ["memoryShortfallPerGpuBytes"] = r.MemoryShortfallPerDevice.Value,
            ["decodeBound"] = Bound(r.DecodeBound),
            ["prefillBound"] = Bound(r.PrefillBound),
            ["decodeComputeSeconds"] = r.DecodeParts.Compute.Seconds,
            ["decodeMemorySeconds"] = r.DecodeParts.Memory.Seconds,
            ["decodeCommunicationSeconds"] = r.DecodeParts.Communication.Seconds,
            ["prefillComputeSeconds"] = r.PrefillParts.Compute.Seconds,
            ["prefillMemorySeconds"] = r.PrefillParts.Memory.Seconds,
            ["prefillCommunicationSeconds"] = r.PrefillParts.Communication.Seconds,
            ["prefillShare"] = r.PrefillShare,
            ["replicas"] = r.Layout.Replicas,
            ["costPerHourUsd"] = r.CostPerHour.Value,
            ["costPerMillionInputTokensUsd"] = r.CostPerMillionInputTokens.Value,
            ["costPerMillionOutputTokensUsd"] = r.CostPerMillionOutputTokens.Value,
            ["costPerRequestUsd"] = r.CostPerRequest.Value,
            ["energyJoulesPerOutputToken"] = r.EnergyPerOutputToken.Value,
        };
        if (assumptions is not null)
        {
            json["assumptions"] = assumptions.Select(a => new { a.Name, a.Value, a.Source }).ToList();
        }

        return json;
    }

    public static string Bound(ResourceBound bound) => bound switch
    {
        ResourceBound.Memory => "memory",
        ResourceBound.Compute => "compute",
        _ => "communication",
    };
}
