using Burnrate.Core.Validation;

namespace Burnrate.Planning.Fleet;

/// <summary>A validated fleet problem (read from YAML by FleetReader; schema in docs/fleet.md).</summary>
public sealed record FleetInput
{
    /// <summary>Gets the problem's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the first month of the horizon.</summary>
    public required DateOnly Start { get; init; }

    /// <summary>Gets the horizon in months.</summary>
    public required int Months { get; init; }

    /// <summary>Gets the demand of the horizon's first week, tokens per second for each hour of the week (168, Monday 00:00 first).</summary>
    public required IReadOnlyList<double> WeekTokensPerSecond { get; init; }

    /// <summary>Gets the expected monthly growth as a fraction.</summary>
    public required double MonthlyGrowth { get; init; }

    /// <summary>Gets the demand scenarios (empty: only the expected growth).</summary>
    public IReadOnlyList<DemandScenario> Scenarios { get; init; } = [];

    /// <summary>Gets the serving entries (one per accelerator setup).</summary>
    public required IReadOnlyList<ServingEntry> Servings { get; init; }

    /// <summary>Gets the capacity options.</summary>
    public required IReadOnlyList<FleetOption> Options { get; init; }

    /// <summary>Gets the share of accelerator capacity kept free for the latency SLO: units must cover served tokens × (1 + headroom).</summary>
    public double Headroom { get; init; }

    /// <summary>Gets the contracts evaluated by <c>--contracts</c>.</summary>
    public IReadOnlyList<FleetContract> Contracts { get; init; } = [];

    /// <summary>Gets where the demand's level and growth came from when not given directly (<c>demand.plan</c>: the plan's token driver), or null.</summary>
    public string? DemandSource { get; init; }

    /// <summary>Gets the file the input was read from (errors of <see cref="Validate"/> are located in it), or null when built in code.</summary>
    public string? SourceFile { get; init; }

    /// <summary>Gets the label of month <paramref name="index"/> (YYYY-MM).</summary>
    /// <param name="index">The month index.</param>
    /// <returns>The label.</returns>
    public string MonthLabel(int index) => Start.AddMonths(index).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Gets the scenarios to evaluate: the given ones, or one named "expected" at the demand's growth.</summary>
    /// <returns>The scenarios.</returns>
    public IReadOnlyList<DemandScenario> EffectiveScenarios() => Scenarios.Count > 0 ? Scenarios : [new DemandScenario("expected", MonthlyGrowth, 1)];

    /// <summary>Returns every semantic problem in the input (empty when valid): the field as a path in the fleet file
    /// (<c>horizon.months</c>, <c>options[spot].maxUnits</c>), the value given and what is allowed.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<FieldError> Validate() => FleetValidation.Check(this);

    /// <summary>Throws an <see cref="InputException"/> naming every problem <see cref="Validate"/> finds, located in <see cref="SourceFile"/>.</summary>
    /// <exception cref="InputException">The input has at least one semantic problem.</exception>
    public void ThrowIfInvalid() => InputException.ThrowIfAny(Validate(), SourceFile is null ? null : new SourceLocation(SourceFile));
}
