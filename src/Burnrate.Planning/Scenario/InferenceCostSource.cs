namespace Burnrate.Planning.Scenario;

/// <summary>The <c>costs.inference.from</c> fields: <c>{model, gpu, gpus, weights, input, output, concurrency, gpuHourUsd}</c>.</summary>
/// <param name="Model">A catalog model id or config.json path.</param>
/// <param name="Gpu">A catalog accelerator id.</param>
/// <param name="Gpus">Accelerators per replica.</param>
/// <param name="Weights">The weight precision (e.g. "bf16", "fp8"), or null for the model's default.</param>
/// <param name="InputTokens">Prompt tokens per request.</param>
/// <param name="OutputTokens">Generated tokens per request.</param>
/// <param name="Concurrency">Concurrent requests per replica.</param>
/// <param name="GpuHourUsd">The accelerator-hour price in USD, or null for the catalog's.</param>
/// <param name="Location">Where the mapping is (file:line:column), for errors.</param>
public sealed record InferenceCostSource(string Model, string Gpu, int Gpus, string? Weights, double InputTokens, double OutputTokens, int Concurrency, double? GpuHourUsd, string Location);
