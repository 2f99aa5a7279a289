namespace Burnrate.Ledger.Tests.Fixtures;

/// <summary>A self-hosted deployment for the allocation tests: 1×H100 at $2.00/GPU-hour, up Jan 1–10 2026 (240 h, $480.00), serving hosted_vllm.</summary>
internal static class DeploymentFixture
{
    public const string Name = "llama8b-h100";

    public const string Yaml =
        """
        deployments:
          - name: llama8b-h100
            model: llama-3.1-8b
            gpu: h100-sxm
            gpus: 1
            concurrency: 32
            gpuHourUsd: 2.00
            from: 2026-01-01
            to: 2026-01-10
            routes:
              - provider: hosted_vllm
        """;
}
