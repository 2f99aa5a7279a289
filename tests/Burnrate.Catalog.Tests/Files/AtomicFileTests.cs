using Burnrate.Catalog.Files;

namespace Burnrate.Catalog.Tests.Files;

public sealed class AtomicFileTests
{
    [Fact]
    public void Should_ReplaceTheFileWholly_When_Written()
    {
        // Given
        using var temp = new TempFolder();
        string path = temp.File("sub/out.txt");

        // When
        AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second ×");

        // Then
        File.ReadAllText(path).ShouldBe("second ×");
        File.ReadAllBytes(path)[0].ShouldBe((byte)'s'); // no byte-order mark
        Directory.GetFiles(Path.GetDirectoryName(path)!).ShouldBe([path]);
    }

    [Fact]
    public void Should_LeaveTheOldFileAndNoTempFile_When_WritingFails()
    {
        // Given
        using var temp = new TempFolder();
        string path = temp.Write("out.txt", "old");

        // When
        Should.Throw<InvalidOperationException>(() => AtomicFile.Write(path, (Stream s) =>
        {
            s.WriteByte(1);
            throw new InvalidOperationException("disk full");
        }));

        // Then
        File.ReadAllText(path).ShouldBe("old");
        Directory.GetFiles(temp.Path).ShouldBe([path]);
    }

    [Fact]
    public void Should_NameTheTargetNotTheTemporaryFile_When_WritingFailsWithAFileError()
    {
        // Given: a full disk, as .NET reports it, while the temporary file beside the target is written
        using var temp = new TempFolder();
        string path = temp.File("pareto.csv");

        // When
        IOException e = Should.Throw<IOException>(() => AtomicFile.Write(path, (string tempPath) =>
        {
            File.WriteAllText(tempPath, "partial");
            throw new IOException($"No space left on device : '{tempPath}'");
        }));

        // Then: the user's path, the kind of error kept, nothing left behind
        e.Message.ShouldBe($"No space left on device : '{path}'");
        e.InnerException.ShouldBeOfType<IOException>();
        Directory.GetFiles(temp.Path).ShouldBeEmpty();
    }

    [Fact]
    public void Should_NameTheTargetsFileNotTheTemporaryFolder_When_WritingASetFails()
    {
        // Given: a set of two files whose second write is refused
        using var temp = new TempFolder();
        string target = temp.File("plan");

        // When
        UnauthorizedAccessException e = Should.Throw<UnauthorizedAccessException>(() => AtomicFolder.Write(target, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "bands.csv"), "a");
            throw new UnauthorizedAccessException($"Access to the path '{Path.Combine(folder, "plan.xlsx")}' is denied.");
        }, _ => true));

        // Then
        e.Message.ShouldBe($"Access to the path '{Path.Combine(target, "plan.xlsx")}' is denied.");
        Directory.GetFileSystemEntries(temp.Path).ShouldBeEmpty();
    }

    [Fact]
    public void Should_QuoteCellsAsRfc4180Requires_When_FormattingCsv()
    {
        string csv = CsvWriter.Format(["name", "value"], [["a,b", "say \"hi\""], ["line\nbreak", "1.5"], ["plain", ""]]);

        csv.ShouldBe("name,value\n\"a,b\",\"say \"\"hi\"\"\"\n\"line\nbreak\",1.5\nplain,\n");
    }
}
