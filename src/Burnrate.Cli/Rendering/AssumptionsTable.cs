using Burnrate.Core.Economics;
using Spectre.Console;

namespace Burnrate.Cli.Rendering;

/// <summary>The one renderer of assumptions: a name / value / source table, or the same as indented lines.</summary>
internal static class AssumptionsTable
{
    /// <summary>The title commands use when each assumption has an option of the same name.</summary>
    public const string OverridableTitle = "Assumptions (override with the option of the same name)";

    // A rounded table of three columns spends 10 columns on borders and padding: "│ a │ b │ c │".
    private const int TableOverhead = 10;

    /// <summary>Builds the table for an output <paramref name="width"/> columns wide, with column widths that keep every word
    /// of every cell whole (Spectre cuts a word longer than its column), or null when no such widths exist at that width
    /// (a long source URL): <see cref="Write"/> then lists the assumptions instead.</summary>
    public static Table? Create(IReadOnlyCollection<Assumption> assumptions, int width, string title = "Assumptions")
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        if (assumptions.Count == 0)
        {
            return null;
        }

        int name = assumptions.Max(a => a.Name.Length);
        int rest = width - TableOverhead - name;
        int valueLongest = assumptions.Max(a => a.Value.Length), valueWord = assumptions.Max(a => LongestWord(a.Value));
        int sourceLongest = assumptions.Max(a => a.Source.Length), sourceWord = assumptions.Max(a => LongestWord(a.Source));
        int valueMost = rest - sourceWord;
        if (valueWord > valueMost || rest <= 0)
        {
            return null;
        }

        int value = Math.Min(valueLongest, Math.Max(valueWord, Math.Min(valueMost, rest * 2 / 5)));
        int source = Math.Min(sourceLongest, rest - value);
        var table = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey).Title(Markup.Escape(title));
        table.AddColumn(new TableColumn("name").NoWrap().Width(name));
        table.AddColumn(new TableColumn("value").Width(value));
        table.AddColumn(new TableColumn("source").Width(source));
        foreach (Assumption a in assumptions)
        {
            table.AddRow(Markup.Escape(a.Name), Markup.Escape(a.Value), Markup.Escape(a.Source));
        }

        return table;
    }

    /// <summary>Writes the table, or, when a word of a cell could not stay whole in a table at the console's width, each
    /// assumption as <c>name = value</c> with its source wrapped and indented beneath it.</summary>
    public static void Write(IAnsiConsole console, IEnumerable<Assumption> assumptions, string title = "Assumptions")
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(assumptions);
        var list = assumptions.ToList();
        int width = console.Profile.Width;
        if (Create(list, width, title) is { } table)
        {
            console.Write(table);
            return;
        }

        TextWriter writer = console.Profile.Out.Writer;
        foreach (string line in TextWrap.Lines(title, width))
        {
            writer.WriteLine(line);
        }

        foreach (Assumption a in list)
        {
            foreach (string line in TextWrap.Lines($"  {a.Name} = {a.Value}", width, "      "))
            {
                writer.WriteLine(line);
            }

            foreach (string line in TextWrap.Lines("      " + a.Source, width, ""))
            {
                writer.WriteLine(line);
            }
        }
    }

    private static int LongestWord(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Length).DefaultIfEmpty(0).Max();

    /// <summary>Writes the table when <paramref name="show"/> (--assumptions), else one line saying how many there are and how to list them.</summary>
    public static void WriteOrCount(IAnsiConsole console, IReadOnlyCollection<Assumption> assumptions, bool show, string title = "Assumptions")
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(assumptions);
        if (show)
        {
            Write(console, assumptions, title);
        }
        else if (assumptions.Count > 0)
        {
            Output.WriteWrapped(console, $"{assumptions.Count} {(assumptions.Count == 1 ? "assumption" : "assumptions")} behind these figures: add --assumptions to list each with its source.");
        }
    }

    /// <summary>Writes "assumptions:" and one <c>  name = value (source)</c> line per assumption (the compact form), wrapped to the width with continuations indented.</summary>
    public static void WriteLines(IAnsiConsole console, IEnumerable<Assumption> assumptions)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(assumptions);
        console.WriteLine("assumptions:");
        foreach (Assumption a in assumptions)
        {
            foreach (string line in TextWrap.Lines($"  {a.Name} = {a.Value} ({a.Source})", console.Profile.Width, "    "))
            {
                console.Profile.Out.Writer.WriteLine(line);
            }
        }
    }
}
