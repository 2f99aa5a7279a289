namespace Burnrate.Bench.Tests;

/// <summary>Tests that assert wall-clock timing run alone, not beside other test classes competing for the 2 cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingTests
{
    public const string Name = "timing";
}
