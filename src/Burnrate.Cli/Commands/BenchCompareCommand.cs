using System.CommandLine;
using System.Globalization;
using Burnrate.Bench;
using Burnrate.Bench.Results;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Quantities;
using Burnrate.Reports.Json;
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

    private int Run(ParseResult parse)
    {
        string pathA = parse.GetRequiredValue(_a), pathB = parse.GetRequiredValue(_b);
        ComparisonReport report = BenchComparison.Compare(pathA, BenchResultFile.Load(pathA), pathB, BenchResultFile.Load(pathB));

        foreach (string warning in report.Warnings ?? [])
        {
            parse.InvocationConfiguration.Error.WriteLine("bench compare: warning: " + warning);
        }

        if (parse.GetValue(_json))
        {
            parse.InvocationConfiguration.Output.WriteLine(BurnrateJson.Serialize(report));
            return ExitCodes.Success;
        }

        IAnsiConsole console = Output.Console(parse);
        Output.WriteWrapped(console, "A = " + pathA);
        Output.WriteWrapped(console, "B = " + pathB);
        var table = new WideTable(null, ["level", "metric", "A", "B", "B vs A"], keyColumns: 2) { RightAlignedFrom = 2 };
        foreach (ComparisonRow r in report.Rows)
        {
            (string metric, Func<double?, string> format) = Shown(r.Metric);
            table.AddRow(r.Level, metric, format(r.A), format(r.B), r.RelativeChange is { } c ? c.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) : "-");
        }

        table.Write(console);
        return ExitCodes.Success;
    }

    /// <summary>Latencies in milliseconds as the bench table shows them ("ttftSeconds.p50" → "TTFT p50 ms"); other figures as they are.</summary>
    private static (string Metric, Func<double?, string> Format) Shown(string metric)
    {
        int dot = metric.IndexOf("Seconds.", StringComparison.Ordinal);
        if (dot < 0)
        {
            return (metric, F);
        }

        string name = metric[..dot].ToUpperInvariant() + " " + metric[(dot + "Seconds.".Length)..] + " ms";
        return (name, v => v is { } x ? (x * 1000).ToString("0.###", CultureInfo.InvariantCulture) : "-");
    }

    private static string F(double? v) => v is { } x ? NumberText.Significant(x, 5) : "-";
}
