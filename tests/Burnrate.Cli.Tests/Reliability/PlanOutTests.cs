namespace Burnrate.Cli.Tests.Reliability;

/// <summary>Issue 11, "Nothing lost": <c>plan --out</c> writes its set into a temporary folder beside the target and swaps it
/// in, so a failure never leaves old and new files mixed or temporary files behind, and the user's other files stay.</summary>
public sealed class PlanOutTests : IDisposable
{
    private readonly TempFolder _dir = new("burnrate-planout-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Should_ReplaceTheOldSetAndKeepOtherFiles_When_WritingIntoAnEarlierPlanFolder()
    {
        // Given: an earlier plan's files, one it no longer writes (a removed preset), and a file of the user's
        string target = Path.Combine(_dir.Path, "plan");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "bands.csv"), "old");
        File.WriteAllText(Path.Combine(target, "statement-gone.csv"), "old");
        File.WriteAllText(Path.Combine(target, "notes.md"), "mine");

        // When
        CliRun run = CliRunner.Run("plan", RepoFiles.Example("example-ai-api.yaml"), "--paths", "50", "--out", target);

        // Then
        run.ExitCode.ShouldBe(0, run.Error);
        File.ReadAllText(Path.Combine(target, "bands.csv")).ShouldNotBe("old");
        File.Exists(Path.Combine(target, "statement-gone.csv")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(target, "notes.md")).ShouldBe("mine");
        File.Exists(Path.Combine(target, "plan.xlsx")).ShouldBeTrue();
        Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName).ShouldBe(["plan"]);
        Directory.GetFiles(target, "*tmp*").ShouldBeEmpty();
    }

    [Fact]
    public void Should_LeaveTheTargetAsItWasAndNoTemporaries_When_WritingFails()
    {
        // Given: an old set, and a writer that fails half way through
        string target = Path.Combine(_dir.Path, "plan");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "bands.csv"), "old");

        // When
        Should.Throw<IOException>(() => Catalog.Files.AtomicFolder.Write(target, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "bands.csv"), "new");
            throw new IOException("No space left on device");
        }, _ => true));

        // Then
        File.ReadAllText(Path.Combine(target, "bands.csv")).ShouldBe("old");
        Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName).ShouldBe(["plan"]);
    }

    [Fact]
    public void Should_RemoveAKilledRunsTemporaryFolder_When_WritingAgain()
    {
        // Given: what a run killed mid-write leaves (its process, pid 2^22 + 1, is above Linux's pid_max so never alive)
        string target = Path.Combine(_dir.Path, "plan");
        string leftover = Path.Combine(_dir.Path, ".plan.burnrate-tmp-4194305-1");
        Directory.CreateDirectory(leftover);
        File.WriteAllText(Path.Combine(leftover, "bands.csv"), "partial");

        // When
        Catalog.Files.AtomicFolder.Write(target, folder => [Write(folder, "bands.csv")], _ => true);

        // Then
        Directory.Exists(leftover).ShouldBeFalse();
        File.ReadAllText(Path.Combine(target, "bands.csv")).ShouldBe("new");
    }

    private static string Write(string folder, string name)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, "new");
        return path;
    }
}
