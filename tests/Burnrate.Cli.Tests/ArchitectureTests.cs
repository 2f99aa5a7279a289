using System.Text.RegularExpressions;

namespace Burnrate.Cli.Tests;

/// <summary>
/// Keeps the CLI thin (PRODUCT.md, Architecture): deployments and prices come from the library's resolvers, commands
/// do not reach into each other. These read the source, so a regression fails here with the file and line.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static string Root([System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", ".."));

    private static IEnumerable<(string File, int Line, string Text)> Lines(string folder, string pattern = "*.cs") =>
        from file in Directory.EnumerateFiles(Path.Combine(Root(), folder), pattern, SearchOption.AllDirectories)
        where !file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        from line in File.ReadAllLines(file).Select((text, i) => (Text: text, Number: i + 1))
        select (Path.GetRelativePath(Root(), file), line.Number, line.Text);

    [Fact]
    public void Should_LeaveDeploymentsAndPricesToTheLibrary_When_InTheCli()
    {
        // Given: the one deployment resolver and price policy live in Burnrate.Catalog.Resolution
        var offending = Lines("src/Burnrate.Cli")
            .Where(l => CatalogPriceOrDeployment().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        // Then
        offending.ShouldBeEmpty();
    }

    [Fact]
    public void Should_NotCallAnotherCommandsMembers_When_InTheCli()
    {
        // Given: what commands share lives in option classes (DeploymentOptions, LedgerOptions, …), renderers or the libraries
        var offending = Lines("src/Burnrate.Cli")
            .SelectMany(l => OtherCommandMember().Matches(l.Text)
                .Where(m => m.Groups["type"].Value != Path.GetFileName(l.File).Split('.')[0])
                .Select(m => $"{l.File}:{l.Line}: {m.Value}"))
            .ToList();

        // Then
        offending.ShouldBeEmpty();
    }

    [Fact]
    public void Should_UseTheWebOnlyToHostIt_When_InTheCli()
    {
        // Given: the CLI and the web are two surfaces over the same libraries; neither calls the other (PRODUCT.md, Architecture).
        // `burnrate serve` hosts the web app, so ServeCommand is the one file that may name Burnrate.Web; the report, the plan
        // and every other command call Burnrate.Reports and the application layer directly.
        var offending = Lines("src/Burnrate.Cli")
            .Where(l => Path.GetFileName(l.File) != "ServeCommand.cs" && WebNamespace().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        // Then
        offending.ShouldBeEmpty();
    }

    [Fact]
    public void Should_DeleteEveryTempFolderATestMakes_When_InTheTests()
    {
        // Given: a test's temporary folder is a TempFolder (deleted on dispose), or deleted by the file that makes it; a
        // bare Directory.CreateTempSubdirectory left about 35 folders in /tmp per test run
        var offending = Lines("tests")
            .Where(l => Path.GetFileName(l.File) != "TempFolder.cs" && l.Text.Contains("CreateTempSubdirectory(", StringComparison.Ordinal))
            .Where(l => !File.ReadAllText(Path.Combine(Root(), l.File)).Contains("Directory.Delete(", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        // Then
        offending.ShouldBeEmpty();
    }

    [GeneratedRegex(@"\bBurnrate\.Web\b")]
    private static partial Regex WebNamespace();

    [GeneratedRegex(@"\b(?<type>\w+Command)\.\w+")]
    private static partial Regex OtherCommandMember();

    [Fact]
    public void Should_OpenInternalsOnlyToTestAssemblies_When_AnyLibraryDeclaresInternalsVisibleTo()
    {
        // Given: every InternalsVisibleTo in src/ (project files and source attributes)
        var opened = Lines("src", "*.csproj").Concat(Lines("src"))
            .Select(l => (l.File, l.Line, Match: InternalsVisibleTo().Match(l.Text)))
            .Where(l => l.Match.Success)
            .Select(l => (l.File, l.Line, To: l.Match.Groups["to"].Value))
            .ToList();

        // Then: only test assemblies
        opened.ShouldNotBeEmpty();
        opened.Where(o => !o.To.EndsWith(".Tests", StringComparison.Ordinal))
            .Select(o => $"{o.File}:{o.Line}: {o.To}")
            .ShouldBeEmpty();
    }

    [GeneratedRegex(@"InternalsVisibleTo(\s+Include=""|\(\s*"")(?<to>[^""]+)""")]
    private static partial Regex InternalsVisibleTo();

    // An AcceleratorSpec's prices (a PricePoint's Amount and Provenance); the typed catalog views (PriceView) are fine.
    [GeneratedRegex(@"new\s+InferenceDeployment\b|\bCloudPricePerHour\b|\bPurchasePrice[?!]?\.(Amount|Provenance)\b|\bCloudProvider\b")]
    private static partial Regex CatalogPriceOrDeployment();
}
