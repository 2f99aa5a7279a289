namespace Burnrate.Planning.Simulation;

/// <summary>The Monte Carlo summary: percentile bands, cash-out and trigger distributions.</summary>
public sealed record MonteCarloResult
{
    /// <summary>Gets the number of paths.</summary>
    public required int Paths { get; init; }

    /// <summary>Gets the seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Gets closing cash bands.</summary>
    public required PercentileBands Cash { get; init; }

    /// <summary>Gets revenue bands.</summary>
    public required PercentileBands Revenue { get; init; }

    /// <summary>Gets net burn bands.</summary>
    public required PercentileBands NetBurn { get; init; }

    /// <summary>Gets the cash-out (first month with closing cash below 0) distribution.</summary>
    public required EventMonths CashOut { get; init; }

    /// <summary>Gets each trigger's firing distribution, in file order.</summary>
    public required IReadOnlyList<TriggerOutcome> Triggers { get; init; }
}
