namespace Burnrate.Cli.Tests.Reliability;

/// <summary>Issue 11, "Permissions": <c>--out ""</c>, <c>--out</c> naming a file, or a path under a file is exit 2 with one
/// clear line, for every command with --out, before any work is done.</summary>
public sealed class OutPathTests : IDisposable
{
    private readonly TempFolder _dir = new("burnrate-out-");

    public void Dispose() => _dir.Dispose();

    // Each command with a folder --out, with the least input that gets it past parsing.
    public static TheoryData<string, string[]> FolderCommands => new()
    {
        { "infer", ["infer", "llama-3.1-8b", "--gpu", "h100-sxm"] },
        { "optimize", ["optimize", "llama-3.1-8b"] },
        { "plan", ["plan", RepoFiles.Example("example-ai-api.yaml"), "--paths", "10"] },
        { "bench", ["bench", "--url", "http://127.0.0.1:9/v1", "--model", "m", "--requests", "1"] },
        { "fleet", ["fleet", RepoFiles.Example("fleet-hybrid.yaml")] },
        { "validate", ["validate", "--group", "training"] },
        { "report", ["report", RepoFiles.Example("example-ai-api.yaml"), "--paths", "10"] },
    };

    [Theory]
    [MemberData(nameof(FolderCommands))]
    public void Should_ExitTwoWithOneLine_When_OutIsEmpty(string name, string[] args)
    {
        // When
        CliRun run = CliRunner.Run([.. args, "--out", ""]);

        // Then
        run.ExitCode.ShouldBe(2, name + ": " + run.Error);
        run.Error.ShouldBe("error: --out is empty; give a folder path\n", name);
    }

    [Theory]
    [MemberData(nameof(FolderCommands))]
    public void Should_ExitTwoWithOneLine_When_OutNamesAFile(string name, string[] args)
    {
        // Given
        string file = _dir.Write("a-file.txt", "keep me");

        // When
        CliRun run = CliRunner.Run([.. args, "--out", file]);

        // Then: refused before anything was written, and the file is untouched
        run.ExitCode.ShouldBe(2, name + ": " + run.Error);
        run.Error.ShouldBe($"error: --out '{file}' is a file; give a folder (it is created when missing)\n", name);
        File.ReadAllText(file).ShouldBe("keep me");
    }

    [Theory]
    [MemberData(nameof(FolderCommands))]
    public void Should_ExitTwoAndKeepTheFifo_When_OutIsAFifo(string name, string[] args)
    {
        // Given: a FIFO where a folder belongs (as --out /dev/null would be; never a real device here)
        string fifo = SpecialFiles.MakeFifo(_dir.File("pipe"));

        // When
        CliRun run = CliRunner.Run([.. args, "--out", fifo]);

        // Then: refused before any work, and the FIFO is left a FIFO
        run.ExitCode.ShouldBe(2, name + ": " + run.Error);
        run.Error.ShouldBe($"error: --out '{fifo}' is a file; give a folder (it is created when missing)\n", name);
        SpecialFiles.IsFifo(fifo).ShouldBeTrue(name);
    }

    [Theory]
    [MemberData(nameof(FolderCommands))]
    public void Should_ExitTwoWithOneLine_When_OutIsUnderAFile(string name, string[] args)
    {
        // Given
        string file = _dir.Write("a-file.txt", "keep me");
        string under = Path.Combine(file, "sub", "deeper");

        // When
        CliRun run = CliRunner.Run([.. args, "--out", under]);

        // Then
        run.ExitCode.ShouldBe(2, name + ": " + run.Error);
        run.Error.ShouldBe($"error: --out '{under}' is under '{file}', which is a file, not a folder\n", name);
    }

    [Fact]
    public void Should_ExitTwo_When_CalibrateOutIsAFolderEmptyOrUnderAFile()
    {
        // Given: calibrate's --out names a file
        string file = _dir.Write("a-file.txt", "x");
        string[] args = ["calibrate", _dir.File("summary.json"), "--model", "llama-3.1-8b", "--gpu", "h100-sxm", "--out"];

        // When
        CliRun folder = CliRunner.Run([.. args, _dir.Path]);
        CliRun empty = CliRunner.Run([.. args, ""]);
        CliRun under = CliRunner.Run([.. args, Path.Combine(file, "c.json")]);

        // Then
        folder.ExitCode.ShouldBe(2);
        folder.Error.ShouldStartWith($"error: --out '{_dir.Path}' is a folder; give a file path");
        empty.ExitCode.ShouldBe(2);
        empty.Error.ShouldBe("error: --out is empty; give a file path\n");
        under.ExitCode.ShouldBe(2);
        under.Error.ShouldBe($"error: --out '{Path.Combine(file, "c.json")}' is under '{file}', which is a file, not a folder\n");
    }
}
