namespace Burnrate.Core.Training;

/// <summary>
/// A parallel layout: tensor (TP), pipeline (PP), data (DP) and expert (EP) degrees. Devices = TP·PP·DP; EP is carved out
/// of the data-parallel group (the Megatron-LM / DeepSpeed-MoE convention), so EP must divide DP.
/// </summary>
/// <param name="Tensor">Tensor-parallel degree (Megatron-LM, Shoeybi et al. 2019, arXiv 1909.08053).</param>
/// <param name="Pipeline">Pipeline-parallel degree (Narayanan et al. 2021, arXiv 2104.04473).</param>
/// <param name="Data">Data-parallel degree.</param>
/// <param name="Expert">Expert-parallel degree: routed experts are spread over this many data-parallel ranks.</param>
public readonly record struct Parallelism(int Tensor, int Pipeline, int Data, int Expert)
{
    /// <summary>Gets the number of devices the layout occupies: TP·PP·DP.</summary>
    public long Devices => (long)Tensor * Pipeline * Data;

    /// <summary>Gets the model-parallel group a device count must be a multiple of: TP·PP·EP.</summary>
    public long ModelParallelUnit => (long)Tensor * Pipeline * Expert;

    /// <summary>Gets the data-parallel degree of the expert weights: DP ÷ EP.</summary>
    public int ExpertData => Data / Expert;

    /// <summary>Formats as "TP8 PP16 DP16 EP1".</summary>
    /// <returns>The layout.</returns>
    public override string ToString() => FormattableString.Invariant($"TP{Tensor} PP{Pipeline} DP{Data} EP{Expert}");
}
