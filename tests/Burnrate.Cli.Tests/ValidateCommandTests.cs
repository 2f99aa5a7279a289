using System.Text.Json;

namespace Burnrate.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public void Should_PrintTheJsonContract_When_RunWithJson()
    {
        // When
        var (code, output, error) = CliRunner.Run("validate", "--json");

        // Then
        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement groups = doc.RootElement.GetProperty("groups");
        groups.GetArrayLength().ShouldBe(4);
        foreach (JsonElement g in groups.EnumerateArray())
        {
            g.GetProperty("name").GetString().ShouldNotBeNullOrEmpty();
            g.GetProperty("n").GetInt32().ShouldBeGreaterThan(0);
            g.GetProperty("medianAbsErrorPercent").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
            g.GetProperty("worst").GetProperty("id").GetString().ShouldNotBeNullOrEmpty();
            g.GetProperty("worst").GetProperty("errorPercent").ValueKind.ShouldBe(JsonValueKind.Number);
        }

        JsonElement first = doc.RootElement.GetProperty("cases")[0];
        foreach (string key in new[] { "id", "group", "metric", "measured", "predicted", "errorPercent", "source", "date" })
        {
            first.TryGetProperty(key, out _).ShouldBeTrue(key);
        }

        doc.RootElement.GetProperty("cases").GetArrayLength().ShouldBeGreaterThanOrEqualTo(60);
    }

    [Fact]
    public void Should_RunOneGroupAndWriteTheScatter_When_GivenGroupAndOut()
    {
        // Given
        using var folder = new TempFolder();

        // When
        var (code, output, error) = CliRunner.Run("validate", "--group", "training", "--out", folder.Path);

        // Then
        code.ShouldBe(0, error);
        output.ShouldContain("llama2-70b");
        output.ShouldNotContain("gptfast-");
        new FileInfo(folder.File("validation.png")).Length.ShouldBeGreaterThan(1000);
        File.ReadAllText(folder.File("validation.svg")).ShouldContain("<svg");
        Directory.GetFiles(folder.Path).Length.ShouldBe(2);
    }

    [Fact]
    public void Should_ExitTwoWithTheNearestGroup_When_TheGroupIsUnknown()
    {
        var (code, _, error) = CliRunner.Run("validate", "--group", "trainng");
        code.ShouldBe(2);
        error.ShouldContain("did you mean training");
    }

    [Fact]
    public void Should_ExitTwoWithTheLocation_When_ASetFileIsBad()
    {
        // Given
        using var folder = new TempFolder();
        folder.Write("bad.yaml", "group: g\ncases:\n  - {id: a, metric: nope}\n");

        // When
        var (code, _, error) = CliRunner.Run("validate", "--set", folder.Path);

        // Then
        code.ShouldBe(2);
        error.ShouldContain("bad.yaml:3:");
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
    }
}
