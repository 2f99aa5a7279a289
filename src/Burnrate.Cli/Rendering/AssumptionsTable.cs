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
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        table.AddColumn("name");
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

    /// <summary>Writes "assumptions:" and one <c>  name = value (source)</c> line per assumption (the compact form).</summary>
    public static void WriteLines(IAnsiConsole console, IEnumerable<Assumption> assumptions)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(assumptions);
        console.WriteLine("assumptions:");
        foreach (Assumption a in assumptions)
        {
            console.WriteLine($"  {a.Name} = {a.Value} ({a.Source})");
        }
    }
}
