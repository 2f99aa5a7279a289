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
    public void Should_QuoteCellsAsRfc4180Requires_When_FormattingCsv()
    {
        string csv = CsvWriter.Format(["name", "value"], [["a,b", "say \"hi\""], ["line\nbreak", "1.5"], ["plain", ""]]);

        csv.ShouldBe("name,value\n\"a,b\",\"say \"\"hi\"\"\"\n\"line\nbreak\",1.5\nplain,\n");
    }
}
