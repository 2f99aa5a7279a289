namespace Burnrate.Cli.Tests.Snapshots;

/// <summary>Pins the tables and --json of <c>burnrate validate</c> over the built-in validation set (no randomness, no clock).</summary>
public sealed class ValidateGoldenTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "all", [] },
        { "training", ["--group", "training"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_MatchGolden_When_Table(string name, string[] args) => Golden.Verify(GoldenRun.Run(["validate", .. args]), "Validate", name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_MatchGolden_When_Json(string name, string[] args) => Golden.Verify(GoldenRun.Run(["validate", .. args, "--json"]), "Validate", name + "-json");
}
