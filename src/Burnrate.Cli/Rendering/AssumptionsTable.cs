using Burnrate.Core.Economics;
using Spectre.Console;

namespace Burnrate.Cli.Rendering;

/// <summary>The one renderer of assumptions: a name / value / source table, or the same as indented lines.</summary>
internal static class AssumptionsTable
{
    /// <summary>The title commands use when each assumption has an option of the same name.</summary>
    public const string OverridableTitle = "Assumptions (override with the option of the same name)";

    /// <summary>Builds the table.</summary>
    public static Table Create(IEnumerable<Assumption> assumptions, string title = "Assumptions")
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        var table = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey).Title(Markup.Escape(title));
        table.AddColumn(new TableColumn("name").NoWrap());
        table.AddColumn("value");
        table.AddColumn("source");
        foreach (Assumption a in assumptions)
        {
            table.AddRow(Markup.Escape(a.Name), Markup.Escape(a.Value), Markup.Escape(a.Source));
        }

        return table;
    }

    /// <summary>Writes the table.</summary>
    public static void Write(IAnsiConsole console, IEnumerable<Assumption> assumptions, string title = "Assumptions") =>
        console.Write(Create(assumptions, title));

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
