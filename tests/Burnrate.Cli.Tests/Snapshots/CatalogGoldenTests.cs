namespace Burnrate.Cli.Tests.Snapshots;

/// <summary>Pins every table and --json of <c>burnrate catalog</c> (regenerate with UPDATE_GOLDEN=1 after a catalog edit).</summary>
public sealed class CatalogGoldenTests
{
    [Theory]
    [InlineData("gpus")]
    [InlineData("models")]
    public void Should_MatchGolden_When_ListingTable(string what) => Golden.Verify(GoldenRun.Run("catalog", what), "Catalog", "list-" + what);

    [Theory]
    [InlineData("gpus")]
    [InlineData("models")]
    public void Should_MatchGolden_When_ListingJson(string what) => Golden.Verify(GoldenRun.Run("catalog", what, "--json"), "Catalog", "list-" + what + "-json");

    [Theory]
    [InlineData("h100-sxm")]
    [InlineData("llama-3.1-70b")]
    [InlineData("mixtral-8x7b")]
    [InlineData("deepseek-v3")]
    [InlineData("tpu-v6e")]
    [InlineData("h800")]
    public void Should_MatchGolden_When_ShowingTable(string id) => Golden.Verify(GoldenRun.Run("catalog", "show", id), "Catalog", "show-" + id);

    [Theory]
    [InlineData("h100-sxm")]
    [InlineData("llama-3.1-70b")]
    [InlineData("mixtral-8x7b")]
    public void Should_MatchGolden_When_ShowingJson(string id) => Golden.Verify(GoldenRun.Run("catalog", "show", id, "--json"), "Catalog", "show-" + id + "-json");
}
