using System.CommandLine;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Validation;
using Burnrate.Core.Quantities;
using Burnrate.Ledger;
using Burnrate.Ledger.Import;
using Burnrate.Reports.Json;
using Spectre.Console;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate ledger import FILE... --format F</c>: streaming, idempotent import; bad lines named and skipped.</summary>
internal sealed class LedgerImportCommand : Command
{
    private const int ErrorsShown = 20;

    private readonly Argument<string[]> _files = new("files") { Description = "Files to import", Arity = ArgumentArity.OneOrMore };
    private readonly Option<string> _format = new("--format") { Description = $"Input format: {string.Join(", ", ImportFormats.Names)}", Required = true };
    private readonly Option<string?> _mapping = new("--mapping") { Description = "YAML column mapping (formats csv and jsonl)" };
    private readonly Option<string[]> _prices = new("--prices") { Description = "Price list YAML or LiteLLM model_prices_and_context_window.json for usage without a cost (repeatable)" };
    private readonly Option<int> _batchRows = new("--batch-rows") { Description = "Rows written per transaction (a crash loses at most the batch in flight)", DefaultValueFactory = _ => ImportRequest.DefaultBatchRows };
    private readonly LedgerDbOptions _db = new();
    private readonly Option<bool> _json = new("--json") { Description = "Print the import summary as JSON" };

    public LedgerImportCommand()
        : base("import", "Import usage logs, bills or revenue into the ledger (re-importing a file changes nothing)")
    {
        Arguments.Add(_files);
        foreach (Option option in new Option[] { _format, _mapping, _prices, _batchRows }.Concat(_db.All).Append(_json))
        {
            Options.Add(option);
        }

        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var request = new ImportRequest
        {
            Files = parse.GetRequiredValue(_files),
            Format = parse.GetRequiredValue(_format),
            MappingPath = parse.GetValue(_mapping),
            PricePaths = parse.GetValue(_prices) ?? [],
            BatchRows = parse.GetValue(_batchRows),
        };
        InputException.ThrowIfAny(request.Validate());

        TextWriter error = parse.InvocationConfiguration.Error;
        using LedgerDatabase ledger = _db.Open(parse);
        using var cancel = new CancelOnCtrlC();
        ImportReport report;
        using (ProgressLine line = ProgressLine.Over(error, "ledger import"))
        {
            try
            {
                report = LedgerImporter.Import(ledger, request, line.For<ImportProgress>(ProgressStep.Of), cancel.Token);
            }
            catch (OperationCanceledException)
            {
                line.Dispose();
                error.WriteLine("import stopped: the batches already written stay; re-running the same command completes it without double counting");
                return ExitCodes.Failure;
            }
        }

        if (parse.GetValue(_json))
        {
            parse.InvocationConfiguration.Output.WriteLine(BurnrateJson.Serialize(report));
        }
        else
        {
            Write(Output.Console(parse), report, ledger.Location);
        }

        return ExitCodes.Success;
    }

    private static void Write(IAnsiConsole console, ImportReport report, string location)
    {
        var table = new WideTable(null, ["file", "format", "rows read", "imported", "duplicates", "rejected"]) { Border = TableBorder.Square };
        foreach (FileImport f in report.Files)
        {
            table.AddRow(f.Path, f.Format, N(f.RowsRead), N(f.Imported), N(f.Duplicates), N(f.Rejected));
        }

        table.Write(console);
        foreach (FileImport f in report.Files.Where(f => f.Errors.Count > 0))
        {
            foreach (ImportError e in f.Errors.Take(ErrorsShown))
            {
                Output.WriteWhole(console, $"{f.Path}:{e.Line}: {e.Message}");
            }

            if (f.Errors.Count > ErrorsShown)
            {
                Output.WriteWhole(console, $"{f.Path}: … and {N(f.Errors.Count - ErrorsShown)} more rejected lines (--json lists them all)");
            }
        }

        foreach (FileImport f in report.Files.Where(f => f.Violations.Count > 0))
        {
            Output.WriteWhole(console, $"{f.Path}: {N(f.Violations.Count)} row(s) imported that break a {f.Format} invariant:");
            foreach (ImportViolation v in f.Violations.Take(ErrorsShown))
            {
                Output.WriteWhole(console, $"{f.Path}:{v.Line}: {v.Rule}: {v.Message}");
            }

            if (f.Violations.Count > ErrorsShown)
            {
                Output.WriteWhole(console, $"{f.Path}: … and {N(f.Violations.Count - ErrorsShown)} more (--json lists them all)");
            }
        }

        Output.WriteWrapped(console, $"ledger: {location}");
    }

    private static string N(long n) => NumberText.Grouped(n);

    /// <summary>Ctrl-C stops the import between batches (batches written stay; re-running completes the file).</summary>
    private sealed class CancelOnCtrlC : IDisposable
    {
        private readonly CancellationTokenSource _source = new();

        public CancelOnCtrlC() => System.Console.CancelKeyPress += OnCancel;

        public CancellationToken Token => _source.Token;

        public void Dispose()
        {
            System.Console.CancelKeyPress -= OnCancel;
            _source.Dispose();
        }

        private void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            _source.Cancel();
        }
    }
}
