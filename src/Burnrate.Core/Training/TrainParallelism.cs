namespace Burnrate.Core.Training;

/// <summary>A training layout as the train JSON contract states it.</summary>
/// <param name="Tp">Tensor-parallel degree.</param>
/// <param name="Pp">Pipeline-parallel degree.</param>
/// <param name="Dp">Data-parallel degree.</param>
/// <param name="Ep">Expert-parallel degree (carved out of data parallelism).</param>
public sealed record TrainParallelism(int Tp, int Pp, int Dp, int Ep)
{
    /// <summary>Reports a layout.</summary>
    /// <param name="layout">The layout.</param>
    /// <returns>Its degrees.</returns>
    public static TrainParallelism From(Parallelism layout) => new(layout.Tensor, layout.Pipeline, layout.Data, layout.Expert);
}
