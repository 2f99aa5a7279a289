using Burnrate.Cli.Tests.Reliability;

namespace Burnrate.Cli.Tests.Rendering;

/// <summary>One wording for written files: every command that writes files lists each one as <c>wrote PATH</c> (not
/// "Wrote", not "written:"), and lists every file it put in its --out folder.</summary>
public sealed class WrittenFilesTests : IDisposable
{
    private readonly TempFolder _dir = new("burnrate-wrote-");

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string[]> FolderCommands => new()
    {
        { "infer", ["infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--sweep-concurrency", "1,8", "--compare", "llama-3.1-8b:a100-80gb:fp8"] },
        { "optimize", ["optimize", "llama-3.1-8b", "--gpus-allowed", "h100-sxm", "--max-devices", "2"] },
        { "plan", ["plan", RepoFiles.Example("example-ai-api.yaml"), "--paths", "10"] },
        { "fleet", ["fleet", RepoFiles.Example("fleet-hybrid.yaml")] },
        { "validate", ["validate", "--group", "training"] },
        { "ledger report", ["ledger", "report", "--by", "customer"] },
    };

    [Theory]
    [MemberData(nameof(FolderCommands))]
    public void Should_ListEveryFileWrittenAsWrotePath_When_OutIsGiven(string name, string[] args)
    {
        // Given
        string outDir = _dir.File("out");
        if (name == "ledger report")
        {
            args = [.. args, "--db", ImportedLedger()];
        }

        // When
        CliRun run = CliRunner.Run([.. args, "--out", outDir]);

        // Then
        run.ExitCode.ShouldBe(0, name + ": " + run.Error);
        string[] listed = [.. Lines(run.Output).Where(l => l.StartsWith("wrote ", StringComparison.Ordinal)).Select(l => l["wrote ".Length..])];
        listed.Order().ShouldBe(Directory.GetFiles(outDir, "*", SearchOption.AllDirectories).Order(), name);
        run.Output.ShouldNotContain("Wrote", Case.Sensitive, name);
        run.Output.ShouldNotContain("written:", Case.Sensitive, name);
    }

    [Fact]
    public void Should_StartWithWrotePath_When_ExportingFocusRows()
    {
        // Given
        string db = ImportedLedger();
        string focus = _dir.File("focus.csv");

        // When
        CliRun run = CliRunner.Run("ledger", "export", "--focus", focus, "--db", db);

        // Then
        run.ExitCode.ShouldBe(0, run.Error);
        Lines(run.Output).ShouldBe([$"wrote {focus}", "560 FOCUS 1.2 rows, BilledCost 87.05 USD"]);
    }

    private string ImportedLedger()
    {
        string db = _dir.File("ledger.duckdb");
        CliRunner.Run("ledger", "import", RepoFiles.LedgerExample("spend-logs.jsonl"), "--format", "litellm", "--db", db).ExitCode.ShouldBe(0);
        CliRunner.Run("ledger", "import", RepoFiles.LedgerExample("revenue.csv"), "--format", "revenue", "--db", db).ExitCode.ShouldBe(0);
        return db;
    }

    // A "wrote PATH" line is never wrapped here: the temp folder's paths are far shorter than 80 columns.
    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
