namespace Burnrate.Planning.Scenario;

/// <summary>The <c>costs.training[].from</c> fields: <c>{model, tokens, gpu, gpus, mfu, gpuHourUsd}</c>.</summary>
/// <param name="Model">A catalog model id or config.json path.</param>
/// <param name="Tokens">Training tokens.</param>
/// <param name="Gpu">A catalog accelerator id.</param>
/// <param name="Gpus">Accelerators in the run.</param>
/// <param name="Mfu">Model FLOP utilisation (0..1), or null for the estimator's default.</param>
/// <param name="GpuHourUsd">The accelerator-hour price in USD, or null for the catalog's.</param>
/// <param name="Location">Where the mapping is (file:line:column), for errors.</param>
public sealed record TrainingCostSource(string Model, double Tokens, string Gpu, int Gpus, double? Mfu, double? GpuHourUsd, string Location);
