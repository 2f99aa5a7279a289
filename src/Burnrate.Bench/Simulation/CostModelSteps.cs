using System.Globalization;
using Burnrate.Core.Inference;

namespace Burnrate.Bench.Simulation;

/// <summary>Times the simulator's continuous-batching steps with the infer cost model (one replica; docs/calibrate.md).</summary>
public static class CostModelSteps
{
    /// <summary>Maps prompt tokens → prefill seconds and (batch, total context tokens) → decode step seconds through <paramref name="timer"/>.</summary>
    public static StepModel Create(StepTimer timer, string description)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return new StepModel(
            prompt => timer.Prefill(Math.Max(1, prompt)).Seconds,
            (batch, context) => timer.DecodeStep(Math.Max(1, batch), Math.Max(0, context)).Seconds,
            "cost model: " + description + string.Create(CultureInfo.InvariantCulture, $" (e.g. prefill of 128 tokens {timer.Prefill(128).Milliseconds:0.###} ms, decode step of 1 sequence at 128 tokens {timer.DecodeStep(1, 128).Milliseconds:0.###} ms)"));
    }
}
