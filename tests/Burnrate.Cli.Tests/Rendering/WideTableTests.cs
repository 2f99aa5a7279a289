using Burnrate.Cli.Rendering;
using FsCheck;
using FsCheck.Xunit;
using Spectre.Console;

namespace Burnrate.Cli.Tests.Rendering;

public sealed class WideTableTests
{
    [Property(MaxTest = 100)]
    public bool Should_ShowEveryCellWithinTheWidth_When_ColumnsAreSplitIntoGroups(PositiveInt columnsSeed, PositiveInt rowsSeed, PositiveInt widthSeed, int cellSeed)
    {
        // Given: 1..14 columns of cells up to 12 characters, 1..6 rows, a width of 40..120
        int columns = 1 + (columnsSeed.Get % 14);
        int rows = 1 + (rowsSeed.Get % 6);
        int width = 40 + (widthSeed.Get % 81);
        var random = new Random(cellSeed);
        string Cell() => new string('x', 1 + random.Next(11)) + random.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var table = new WideTable("title", [.. Enumerable.Range(0, columns).Select(c => "c" + c.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var cells = new List<string[]>();
        for (int r = 0; r < rows; r++)
        {
            string[] row = [.. Enumerable.Range(0, columns).Select(_ => Cell())];
            cells.Add(row);
            table.AddRow(row);
        }

        // When
        string text = Render(table, width);

        // Then: no line wider than the console, every header present, each row's cells in its lines
        string[] lines = text.Split('\n');
        return lines.All(l => l.TrimEnd('\r').Length <= width)
            && Enumerable.Range(0, columns).All(c => text.Contains("c" + c.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ", StringComparison.Ordinal))
            && cells.All(row => row.All(cell => text.Contains(" " + cell + " ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Should_NumberTheRows_When_ATableWithoutKeyColumnsIsSplit()
    {
        // Given
        var table = new WideTable("configurations", ["model", "gpu", "devices", "tp×pp", "weights/kv", "concurrency", "TTFT", "TPOT", "$/1M out"], keyColumns: 0);
        table.AddRow("llama-3.1-70b", "h100-sxm", "4", "4×1", "fp8/fp8", "512", "122 ms", "37.4 ms", "$0.3236");

        // When
        IReadOnlyList<Table> narrow = table.Tables(60);
        IReadOnlyList<Table> wide = table.Tables(200);

        // Then
        narrow.Count.ShouldBeGreaterThan(1);
        Render(table, 60).ShouldContain("│ # │");
        wide.Count.ShouldBe(1);
        Render(table, 200).ShouldNotContain("│ # │");
    }

    [Fact]
    public void Should_RepeatTheKeyColumn_When_Split()
    {
        // Given
        var table = new WideTable("sweep", ["concurrency", "TTFT", "TPOT", "output tok/s", "req/s", "$/1M in", "$/1M out", "$/request", "J/out token"]);
        table.AddRow("64", "160 ms", "23.8 ms", "1,529", "3.06", "$0.0547", "$0.2878", "$0.0003", "0.34");

        // When
        string text = Render(table, 60);

        // Then: each group starts with the key column, and the groups after the first are named as parts
        text.Split('\n').Count(l => l.StartsWith("│ concurrency │", StringComparison.Ordinal)).ShouldBeGreaterThan(1);
        text.ShouldContain("(2 of ");
    }

    private static string Render(WideTable table, int width)
    {
        using var writer = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        table.Write(console);
        return writer.ToString();
    }
}
