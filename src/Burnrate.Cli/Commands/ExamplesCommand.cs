using System.CommandLine;
using System.Text;
using Burnrate.Catalog;
using Burnrate.Planning.Examples;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate examples [NAME]</c>: lists the scenarios shipped inside the tool, or prints one as YAML.</summary>
internal sealed class ExamplesCommand : Command
{
    private const int Width = 80;

    private readonly Argument<string?> _name = new("name")
    {
        Description = "The example to print (YAML on standard output); omit it to list them",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public ExamplesCommand()
        : base("examples", "List the example plan scenarios shipped with burnrate, or print one: burnrate examples NAME | burnrate plan -")
    {
        Arguments.Add(_name);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        TextWriter output = parse.InvocationConfiguration.Output;
        string? name = parse.GetValue(_name);
        if (name is null)
        {
            output.Write(List(ExampleScenarios.All));
            return ExitCodes.Success;
        }

        ExampleScenario example = ExampleScenarios.Find(name) ?? throw new UsageException(Unknown(name));
        output.Write(example.Yaml);
        return ExitCodes.Success;
    }

    /// <summary>Formats the list: each name, then its summary wrapped to 80 columns.</summary>
    internal static string List(IReadOnlyList<ExampleScenario> examples)
    {
        var text = new StringBuilder();
        text.AppendLine("Example scenarios for `burnrate plan`:");
        text.AppendLine();
        int nameWidth = examples.Max(e => e.Name.Length) + 2;
        foreach (ExampleScenario e in examples)
        {
            string indent = new(' ', 2 + nameWidth);
            List<string> lines = Wrap(e.Summary, Width - indent.Length);
            text.Append("  ").Append(e.Name.PadRight(nameWidth)).AppendLine(lines.Count > 0 ? lines[0] : "");
            foreach (string line in lines.Skip(1))
            {
                text.Append(indent).AppendLine(line);
            }
        }

        text.AppendLine();
        text.AppendLine("Print one:        burnrate examples api-startup > scenario.yaml");
        text.AppendLine("Run one directly: burnrate examples api-startup | burnrate plan -");
        return text.ToString();
    }

    private static string Unknown(string name)
    {
        IEnumerable<string> names = ExampleScenarios.All.Select(e => e.Name);
        IReadOnlyList<string> near = Suggestions.Nearest(name, names);
        string hint = near.Count > 0 ? $"; did you mean {string.Join(" or ", near)}?" : "";
        return $"no example named \"{name}\"{hint} (known: {string.Join(", ", names)})";
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }
}
