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

    public static TheoryData<string> Writers => new() { "text", "stream", "path" };

    // The three ways a library writes through AtomicFile: text, a stream, or a path it saves to itself (charts, workbooks).
    private static void WriteThrough(string writer, string path, string text)
    {
        switch (writer)
        {
            case "text":
                AtomicFile.WriteAllText(path, text);
                break;
            case "stream":
                AtomicFile.Write(path, (Stream s) => s.Write(System.Text.Encoding.UTF8.GetBytes(text)));
                break;
            default:
                AtomicFile.Write(path, (string temp) => File.WriteAllText(temp, text));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Should_WriteIntoTheFifoAndKeepIt_When_TheTargetIsAFifo(string writer)
    {
        // Given: a FIFO (as --out /dev/stdout or a named pipe would be) with a reader waiting on it
        using var temp = new TempFolder();
        string fifo = SpecialFiles.MakeFifo(temp.File("pipe.csv"));
        Task<byte[]> reader = SpecialFiles.StartReading(fifo);

        // When
        WriteThrough(writer, fifo, "a,b\n1,2\n");

        // Then: the reader got the bytes, the FIFO is still a FIFO, and no temporary file was left beside it
        System.Text.Encoding.UTF8.GetString(SpecialFiles.Drained(reader)).ShouldBe("a,b\n1,2\n");
        SpecialFiles.IsFifo(fifo).ShouldBeTrue("the FIFO was replaced by a regular file");
        Directory.GetFileSystemEntries(temp.Path).ShouldBe([fifo]);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Should_ReplaceTheLinksTargetAndKeepTheLink_When_TheTargetIsASymlinkToAFile(string writer)
    {
        // Given: out.csv -> data/real.csv
        using var temp = new TempFolder();
        string real = temp.File("data/real.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(real)!);
        File.WriteAllText(real, "old");
        string link = temp.File("out.csv");
        File.CreateSymbolicLink(link, Path.Combine("data", "real.csv"));

        // When
        WriteThrough(writer, link, "new");

        // Then
        File.ResolveLinkTarget(link, returnFinalTarget: false).ShouldNotBeNull("the link was replaced by a regular file");
        File.ReadAllText(real).ShouldBe("new");
        Directory.GetFileSystemEntries(temp.Path).Order().ShouldBe([temp.File("data"), link]);
        Directory.GetFiles(temp.File("data")).ShouldBe([real]);
    }

    [Fact]
    public void Should_SwapTheLinkedFolderAndKeepTheLink_When_ASetsTargetIsASymlinkToAFolder()
    {
        // Given: out -> runs/today, which holds an earlier set and a file of the user's
        using var temp = new TempFolder();
        string real = temp.File("runs/today");
        Directory.CreateDirectory(real);
        File.WriteAllText(Path.Combine(real, "bands.csv"), "old");
        File.WriteAllText(Path.Combine(real, "notes.txt"), "mine");
        string link = temp.File("out");
        Directory.CreateSymbolicLink(link, Path.Combine("runs", "today"));

        // When
        AtomicFolder.Write(link, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "bands.csv"), "new");
            return [Path.Combine(folder, "bands.csv")];
        }, name => name.EndsWith(".csv", StringComparison.Ordinal));

        // Then
        Directory.ResolveLinkTarget(link, returnFinalTarget: false).ShouldNotBeNull("the link was replaced by a folder");
        File.ReadAllText(Path.Combine(real, "bands.csv")).ShouldBe("new");
        File.ReadAllText(Path.Combine(real, "notes.txt")).ShouldBe("mine");
        Directory.GetFileSystemEntries(temp.File("runs")).ShouldBe([real]);
    }

    [Fact]
    public void Should_QuoteCellsAsRfc4180Requires_When_FormattingCsv()
    {
        string csv = CsvWriter.Format(["name", "value"], [["a,b", "say \"hi\""], ["line\nbreak", "1.5"], ["plain", ""]]);

        csv.ShouldBe("name,value\n\"a,b\",\"say \"\"hi\"\"\"\n\"line\nbreak\",1.5\nplain,\n");
    }
}
