using System.Text.Json;
using Burnrate.Cli.Tests.Reliability;

namespace Burnrate.Cli.Tests;

/// <summary>The example ledger imported once into DuckDB and once into one ClickHouse server (with the test user's credentials).</summary>
public sealed class ExampleLedgers : IDisposable
{
    private readonly TempFolder _dir = new("burnrate-cli-every-command-");
    private ClickHouseLedger? _single;

    public ExampleLedgers()
    {
        if (ClickHouseTestServers.SkipReason is not null)
        {
            return;
        }

        _single = new ClickHouseLedger(cluster: false);
        foreach (string[] db in new[] { new[] { "--db", Duck }, ["--db", _single.Address, .. ClickHouseLedger.Credentials] })
        {
            ClickHouseLedger.ImportExample(db);
            ImportBills(db);
        }
    }

    // OpenAI usage priced from a price list and OpenAI's bill for it, on two days, so reconcile has rows to compare.
    private void ImportBills(string[] db)
    {
        string prices = _dir.Write("prices.yaml", "source: test\nprices:\n  - model: gpt-4o\n    inputUsdPerMillionTokens: 2.5\n    outputUsdPerMillionTokens: 10\n");
        string usage = _dir.Write("usage.json", """{"data":[{"start_time":1768003200,"end_time":1768089600,"results":[{"input_tokens":1000000,"output_tokens":100000,"num_model_requests":3,"project_id":"p","model":"gpt-4o"}]},{"start_time":1768089600,"end_time":1768176000,"results":[{"input_tokens":2000000,"output_tokens":50000,"num_model_requests":7,"project_id":"p","model":"gpt-4o"}]}]}""");
        string costs = _dir.Write("costs.json", """{"data":[{"start_time":1768003200,"end_time":1768089600,"results":[{"amount":{"value":3.6,"currency":"usd"},"line_item":"gpt-4o, input","project_id":"p"}]},{"start_time":1768089600,"end_time":1768176000,"results":[{"amount":{"value":5.55,"currency":"usd"},"line_item":"gpt-4o, input","project_id":"p"}]}]}""");
        CliRun u = CliRunner.Run(["ledger", "import", usage, "--format", "openai-usage", "--prices", prices, .. db]);
        u.ExitCode.ShouldBe(0, u.Error);
        CliRun c = CliRunner.Run(["ledger", "import", costs, "--format", "openai-costs", .. db]);
        c.ExitCode.ShouldBe(0, c.Error);
    }

    /// <summary>Gets the DuckDB file.</summary>
    public string Duck => _dir.File("ledger.duckdb");

    /// <summary>Gets the server ledger's address.</summary>
    public string Server => _single!.Address;

    /// <summary>Gets a file path in the test's folder.</summary>
    public string File(string name) => _dir.File(name);

    public void Dispose()
    {
        _single?.Dispose();
        _dir.Dispose();
    }
}

/// <summary>Every <c>ledger</c> subcommand takes <c>--db clickhouse://…</c> (migrate: <c>--to</c>) and prints what it prints on DuckDB.</summary>
public sealed class LedgerEveryCommandClickHouseTests(ExampleLedgers ledgers) : IClassFixture<ExampleLedgers>
{
    // Each subcommand's arguments before --db; {out} is replaced by a file of the run's own.
    public static TheoryData<string, string[]> Commands => new()
    {
        { "report", ["ledger", "report", "--by", "customer,month", "--json"] },
        { "report by model, a window", ["ledger", "report", "--by", "model", "--from", "2026-02-01", "--to", "2026-04-30", "--json"] },
        { "reconcile", ["ledger", "reconcile", "--json"] },
        { "actuals", ["ledger", "actuals", "--json"] },
        { "selfhosted", ["ledger", "selfhosted", "--deployments", RepoFiles.LedgerExample("deployments.yaml"), "--json"] },
        { "report with deployments", ["ledger", "report", "--by", "customer,month", "--deployments", RepoFiles.LedgerExample("deployments.yaml"), "--json"] },
        { "export", ["ledger", "export", "--focus", "{out}", "--json"] },
    };

    [ClickHouseTheory]
    [MemberData(nameof(Commands))]
    public void Should_PrintWhatDuckDbPrints_When_TheLedgerIsOneClickHouseServer(string name, string[] command)
    {
        // When
        string duckFile = ledgers.File($"{name.Replace(' ', '-')}-duck.csv"), clickFile = ledgers.File($"{name.Replace(' ', '-')}-clickhouse.csv");
        CliRun duck = CliRunner.Run([.. command.Select(a => a == "{out}" ? duckFile : a), "--db", ledgers.Duck]);
        CliRun click = CliRunner.Run([.. command.Select(a => a == "{out}" ? clickFile : a), "--db", ledgers.Server, .. ClickHouseLedger.Credentials]);

        // Then
        duck.ExitCode.ShouldBe(0, duck.Error);
        click.ExitCode.ShouldBe(0, click.Error);
        click.Output.Replace(clickFile, duckFile, StringComparison.Ordinal).ShouldBe(duck.Output);
        duck.Output.Length.ShouldBeGreaterThan(100);
        if (command.Contains("{out}"))
        {
            System.IO.File.ReadAllText(clickFile).ShouldBe(System.IO.File.ReadAllText(duckFile));
        }
    }

    [ClickHouseFact]
    public void Should_ReportEveryRowAsADuplicate_When_TheSameFileIsImportedAgain()
    {
        CliRun again = CliRunner.Run(["ledger", "import", RepoFiles.LedgerExample("revenue.csv"), "--format", "revenue", "--json", "--db", ledgers.Server, .. ClickHouseLedger.Credentials]);

        again.ExitCode.ShouldBe(0, again.Error);
        JsonElement file = JsonDocument.Parse(again.Output).RootElement.GetProperty("files")[0];
        file.GetProperty("imported").GetInt64().ShouldBe(0);
        file.GetProperty("duplicates").GetInt64().ShouldBeGreaterThan(0);
    }

    [ClickHouseFact]
    public void Should_CopyTheDuckDbLedger_When_MigratingToOneServer()
    {
        using var target = new ClickHouseLedger(cluster: false);

        CliRun migrate = CliRunner.Run("ledger", "migrate", "--from", ledgers.Duck, "--to", target.Address, "--to-user-env", "BURNRATE_TEST_CLICKHOUSE_USER", "--to-password-env", "BURNRATE_TEST_CLICKHOUSE_PASSWORD", "--json");
        CliRun report = CliRunner.Run(["ledger", "report", "--by", "customer,month", "--json", "--db", target.Address, .. ClickHouseLedger.Credentials]);

        migrate.ExitCode.ShouldBe(0, migrate.Error);
        foreach (JsonElement table in JsonDocument.Parse(migrate.Output).RootElement.GetProperty("tables").EnumerateArray())
        {
            table.GetProperty("copied").GetInt64().ShouldBe(table.GetProperty("rowsRead").GetInt64());
            table.GetProperty("copied").GetInt64().ShouldBeGreaterThan(0);
        }

        report.Output.ShouldBe(CliRunner.Run("ledger", "report", "--by", "customer,month", "--json", "--db", ledgers.Duck).Output);
        CliRunner.Run(["ledger", "reconcile", "--json", "--db", target.Address, .. ClickHouseLedger.Credentials]).Output
            .ShouldBe(CliRunner.Run("ledger", "reconcile", "--json", "--db", ledgers.Duck).Output);
    }
}
