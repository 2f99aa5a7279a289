using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Burnrate.Bench.Results;
using Burnrate.Cli.Rendering;
using Spectre.Console;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate bench compare A.json B.json</c>: two bench summaries side by side, level by level.</summary>
internal sealed class BenchCompareCommand : Command
{
    private readonly Argument<string> _a = new("a") { Description = "The baseline summary.json" };
    private readonly Argument<string> _b = new("b") { Description = "The summary.json to compare with it" };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON instead of a table" };

    public BenchCompareCommand()
        : base("compare", "Show two bench runs side by side with the relative change of each figure")
    {
        Arguments.Add(_a);
        Arguments.Add(_b);
        Options.Add(_json);
        SetAction(Run);
    }

    internal static BenchResult Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"'{path}': file not found (expected a bench summary.json)");
        }

        try
        {
            BenchResult result = BenchJson.Deserialize(File.ReadAllText(path));
            return result.Kind == "burnrate-bench" ? result : throw new UsageException($"'{path}': kind is '{result.Kind}', expected 'burnrate-bench'");
        }
        catch (JsonException e)
        {
            throw new UsageException($"'{path}': not a bench summary JSON ({e.Message.Split('.')[0]})");
        }
    }

    private int Run(ParseResult parse)
    {
        string pathA = parse.GetRequiredValue(_a), pathB = parse.GetRequiredValue(_b);
        IReadOnlyList<BenchComparison.Row> rows = BenchComparison.Compare(Load(pathA), Load(pathB));
        if (parse.GetValue(_json))
        {
            Output.WriteJson(parse, new
            {
                a = pathA,
                b = pathB,
                rows = rows.Select(r => new { level = r.Level, metric = r.Metric, a = r.A, b = r.B, relativeChange = r.RelativeChange }),
            });
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"A = {pathA}   B = {pathB}"));
        table.AddColumn("level");
        table.AddColumn("metric");
        table.AddColumn(new TableColumn("A").RightAligned());
        table.AddColumn(new TableColumn("B").RightAligned());
        table.AddColumn(new TableColumn("B vs A").RightAligned());
        foreach (BenchComparison.Row r in rows)
        {
            table.AddRow(r.Level, r.Metric, F(r.A), F(r.B), r.RelativeChange is { } c ? c.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) : "-");
        }

        Output.Console(parse).Write(table);
        return ExitCodes.Success;
    }

    private static string F(double? v) => v is { } x ? x.ToString("G5", CultureInfo.InvariantCulture) : "-";
}
