using System.CommandLine;
using System.Text;
using System.Text.Json;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Quantities;
using Burnrate.Ledger;
using Spectre.Console;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate ledger migrate --from PATH.duckdb --to clickhouse://…</c>: copies a ledger, adding only the rows the target lacks.</summary>
internal sealed class LedgerMigrateCommand : Command
{
    private readonly LedgerDbOptions _from = new("--from", "--from", withDefault: false);
    private readonly LedgerDbOptions _to = new("--to", "--to", withDefault: false);
    private readonly Option<int> _batchRows = new("--batch-rows") { Description = "Rows sent per insert", DefaultValueFactory = _ => 100_000 };
    private readonly Option<bool> _json = new("--json") { Description = "Print the copy summary as JSON" };

    public LedgerMigrateCommand()
        : base("migrate", "Copy a ledger into another, e.g. the embedded DuckDB file into a ClickHouse cluster (copying again adds nothing twice)")
    {
        foreach (Option option in _from.All.Concat(_to.All).Append(_batchRows).Append(_json))
        {
            Options.Add(option);
        }

        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        string from = parse.GetRequiredValue(_from.Db), to = parse.GetRequiredValue(_to.Db);
        int batchRows = parse.GetValue(_batchRows);
        if (batchRows < 1)
        {
            throw new UsageException($"--batch-rows: {batchRows} is not allowed; expected at least 1");
        }

        if (!LedgerDatabase.IsServer(from) && !File.Exists(from))
        {
            throw new UsageException($"--from: ledger file '{from}' not found");
        }

        if (string.Equals(from, to, StringComparison.Ordinal))
        {
            throw new UsageException("--to: the same ledger as --from; expected another ledger");
        }

        using LedgerDatabase source = _from.Open(parse);
        using LedgerDatabase target = _to.Open(parse);
        MigrationReport report;
        using (ProgressLine line = ProgressLine.Over(parse.InvocationConfiguration.Error, "ledger migrate"))
        {
            report = LedgerMigration.Copy(source, target, batchRows, line.For<MigrationProgress>(p => new ProgressStep(p.Table, p.RowsRead, p.TotalRows, "rows")));
        }

        if (parse.GetValue(_json))
        {
            parse.InvocationConfiguration.Output.WriteLine(Json(report));
            return ExitCodes.Success;
        }

        var table = new Table().AddColumn("table");
        foreach (string c in new[] { "rows read", "copied", "already present" })
        {
            table.AddColumn(new TableColumn(c).RightAligned());
        }

        foreach (MigratedTable t in report.Tables)
        {
            table.AddRow(t.Table, NumberText.Grouped(t.RowsRead), NumberText.Grouped(t.Copied), NumberText.Grouped(t.AlreadyPresent));
        }

        IAnsiConsole console = Output.Console(parse);
        console.Write(table);
        Rendering.Output.WriteWrapped(console, $"from {report.From} to {report.To}");
        return ExitCodes.Success;
    }

    private static string Json(MigrationReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("from", report.From);
            w.WriteString("to", report.To);
            w.WriteStartArray("tables");
            foreach (MigratedTable t in report.Tables)
            {
                w.WriteStartObject();
                w.WriteString("table", t.Table);
                w.WriteNumber("rowsRead", t.RowsRead);
                w.WriteNumber("copied", t.Copied);
                w.WriteNumber("alreadyPresent", t.AlreadyPresent);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
