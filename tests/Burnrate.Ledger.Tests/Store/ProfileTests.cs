using System.Globalization;
using Burnrate.Ledger.Import;
using Burnrate.Ledger.Store;
using Burnrate.Ledger.Tests.Fixtures;
using DuckDB.NET.Data;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Burnrate.Ledger.Tests.LedgerTestContext;

namespace Burnrate.Ledger.Tests.Store;

/// <summary>
/// The embedded ledger keeps a billed row's repeated text (provider, service, SKU, account, units…) once per distinct
/// profile, behind a view with the table's columns: what goes in comes out, each profile is stored once, and a ledger
/// written before (one wide table) migrates to the same content.
/// </summary>
public sealed class ProfileTests
{
    private static readonly string ProfileColumns = string.Join(", ", LedgerTables.Billed.ProfileColumns!);

    [Property(MaxTest = 200)]
    public Property Should_GiveTheSameIdAsTheMigrationsSql_When_HashingAnyProfile(NonNull<string> a, NonNull<string> b, NonNull<string> c)
    {
        // DuckDB's text holds no NUL and only whole UTF-16 pairs; ':' and digits are in the generator's alphabet.
        static string Clean(string s) => new([.. s.Where(ch => ch != '\0' && !char.IsSurrogate(ch))]);
        string[] values = [Clean(a.Get), Clean(b.Get), Clean(c.Get) + "é日本🙂"];
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = "SELECT " + ProfileIds.Sql(["x", "y", "z"]) + " FROM (SELECT "
            + string.Join(", ", values.Zip(["x", "y", "z"], (v, n) => DuckDbDialect.Instance.StringLiteral(v) + " AS " + n)) + ")";
        var sql = (Guid)command.ExecuteScalar()!;
        return (sql == ProfileIds.Of(values)).Label($"{string.Join(" | ", values)}: SQL {sql}, C# {ProfileIds.Of(values)}");
    }

    [Fact]
    public void Should_TellProfilesApart_When_TheirValuesConcatenateAlike()
    {
        ProfileIds.Of(["ab", "c"]).ShouldNotBe(ProfileIds.Of(["a", "bc"]));
        ProfileIds.Of(["1:a", ""]).ShouldNotBe(ProfileIds.Of(["", "1:a"]));
    }

    [Fact]
    public void Should_StoreEachProfileOnceAndReadEveryRowBack_When_ABillRepeatsItsText()
    {
        // Given the hand bill (4 rows, 4 profiles) with its GPU row repeated on 19 more days, and 2,000 generated charges (each
        // its own description, so its own profile)
        using var dir = new TempFolder();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));
        string gpu = FocusFixture.Bill.Split('\n')[1];
        string bill = FocusFixture.Bill + string.Concat(Enumerable.Range(12, 19).Select(day =>
            gpu.Replace("2026-01-10T00:00:00Z,2026-01-11T00:00:00Z", $"2026-01-{day}T00:00:00Z,2026-01-{day + 1}T00:00:00Z", StringComparison.Ordinal) + "\n"));
        List<FocusFixture.Charge> charges = FocusFixture.Generate(2_000, seed: 5);

        // When both are imported
        ImportFiles(ledger, "focus", dir.Write("bill.csv", bill), FocusFixture.Write(dir.Path, "gen.csv", charges));

        // Then every row reads back through the view, and each profile is stored once
        Count(ledger, "billed_costs").ShouldBe(2_023);
        Count(ledger, "billed_costs_rows").ShouldBe(2_023);
        Count(ledger, "billed_costs_profiles").ShouldBe(2_004);
        Count(ledger, $"(SELECT DISTINCT {ProfileColumns} FROM billed_costs)").ShouldBe(2_004);
        ledger.Store.Query("SELECT DISTINCT provider, service, sku, account, description, pricing_unit, resource_id, tags FROM billed_costs WHERE billed_usd = 98.32",
            r => string.Join('|', Enumerable.Range(0, 8).Select(r.GetString)))
            .ShouldBe(["AWS|Amazon EC2|p5|acct-1|p5.48xlarge|Hours|i-0abc|{\"team\": \"ml\"}"]);
        Count(ledger, "billed_costs WHERE billed_usd = 98.32").ShouldBe(20);
    }

    [Fact]
    public void Should_KeepEveryRowAndAgreeOnProfileIds_When_AVersionTwoLedgerIsMigrated()
    {
        // Given a ledger as version 2 wrote it: billed rows in one wide table
        using var dir = new TempFolder();
        string db = dir.File("v2.duckdb");
        string before;
        using (LedgerDatabase ledger = LedgerDatabase.Open(db))
        {
            ImportFiles(ledger, "focus", dir.Write("bill.csv", FocusFixture.Bill), FocusFixture.Write(dir.Path, "a.csv", FocusFixture.Generate(1_000, seed: 1)));
            before = Rows(ledger);
            foreach (string sql in new[]
            {
                "CREATE TABLE wide AS SELECT * FROM billed_costs", "DROP VIEW billed_costs", "DROP TABLE billed_costs_rows", "DROP TABLE billed_costs_profiles",
                "ALTER TABLE wide RENAME TO billed_costs", "DELETE FROM ledger_schema WHERE version = 3", "INSERT INTO ledger_schema VALUES (2)",
            })
            {
                ledger.Store.Execute(sql);
            }
        }

        // When it is opened, and a second bill sharing many of the first's profiles is imported
        using LedgerDatabase migrated = LedgerDatabase.Open(db);
        string after = Rows(migrated);
        long profiles = Count(migrated, "billed_costs_profiles");
        FileImport second = ImportFiles(migrated, "focus", FocusFixture.Write(dir.Path, "b.csv", FocusFixture.Generate(1_000, seed: 2))).Files.Single();

        // Then the rows read as before, and the importer's ids match the migration's (no profile's text stored twice)
        after.ShouldBe(before);
        migrated.Store.Query("SELECT max(version) FROM ledger_schema", r => Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture))[0].ShouldBe(3);
        second.Imported.ShouldBe(1_000);
        Count(migrated, "billed_costs_profiles").ShouldBeLessThan(profiles + 1_000);
        Count(migrated, "billed_costs_profiles").ShouldBe(Count(migrated, $"(SELECT DISTINCT {ProfileColumns} FROM billed_costs)"));
    }

    [Fact]
    public void Should_StoreTheProfileWithTheNextBatch_When_TheBatchThatFirstHadItFailed()
    {
        // Given a batch that fails on its second row after its first brought a new profile
        using var dir = new TempFolder();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));
        BilledRow row = Billed(Guid.NewGuid());
        Should.Throw<InvalidOperationException>(() => ledger.Store.InsertNew(LedgerTables.Billed, [new Failing(row, false), new Failing(Billed(Guid.NewGuid()), true)]));

        // When a later batch has the same profile
        ledger.Store.InsertNew(LedgerTables.Billed, [new Failing(row, false)]).ShouldBe(1);

        // Then the row is there, profile and all (the failed batch stored nothing)
        Count(ledger, "billed_costs").ShouldBe(1);
        Count(ledger, "billed_costs_profiles").ShouldBe(1);
    }

    [Fact]
    public async Task Should_FailTheSecondCommitRatherThanReadRowsTwice_When_TwoWritersAddTheSameProfileAtOnce()
    {
        // Given two ledgers open on one file in one process, each writing a batch with the same new profile, both
        // transactions open at once (the rows appended, the profile not yet)
        using var dir = new TempFolder();
        string db = dir.File("l.duckdb");
        using LedgerDatabase first = LedgerDatabase.Open(db), second = LedgerDatabase.Open(db);
        using var bothWriting = new Barrier(2);
        Exception? Write(LedgerDatabase ledger) =>
            Record.Exception(() => ledger.Store.InsertNew(LedgerTables.Billed, [new Waiting(Billed(Guid.NewGuid()), bothWriting)]));

        // When both commit
        Exception?[] failures = await Task.WhenAll(Task.Run(() => Write(first)), Task.Run(() => Write(second))).WaitAsync(TimeSpan.FromSeconds(60));

        // Then one batch is in, its profile once; the other failed whole
        failures.Count(f => f is null).ShouldBe(1, string.Join("; ", failures.Select(f => f?.Message)));
        Count(first, "billed_costs_profiles").ShouldBe(1);
        Count(first, "billed_costs").ShouldBe(1);
        Count(first, "billed_costs_rows").ShouldBe(1);
    }

    private static BilledRow Billed(Guid id) => new()
    {
        RowId = id, Source = "focus", ChargeStart = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), ChargeEnd = new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc),
        Provider = "AWS", Service = "Amazon EC2", Sku = "p5", Account = "acct", ChargeCategory = "Usage", Description = "gpu", BilledUsd = 1m, EffectiveUsd = 1m, ListUsd = 1m,
    };

    private static long Count(LedgerDatabase ledger, string from) =>
        ledger.Store.Query($"SELECT count(*) FROM {from}", r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture))[0];

    // Every column of every billed row, in a stable order, as text.
    private static string Rows(LedgerDatabase ledger) =>
        string.Join('\n', ledger.Store.Query($"SELECT {LedgerTables.Billed.ColumnList} FROM billed_costs ORDER BY row_id",
            r => string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "NULL" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)))));

    // A row that waits, once written, for the other writer's row to be written too.
    private readonly record struct Waiting(BilledRow Row, Barrier Others) : ILedgerRow
    {
        public Guid RowId => Row.RowId;

        public void Write<TWriter>(TWriter writer)
            where TWriter : IRowWriter
        {
            Row.Write(writer);
            Others.SignalAndWait(TimeSpan.FromSeconds(30)).ShouldBeTrue();
        }
    }

    // A row that throws while being written when told to: a batch failing midway.
    private readonly record struct Failing(BilledRow Row, bool Fail) : ILedgerRow
    {
        public Guid RowId => Row.RowId;

        public void Write<TWriter>(TWriter writer)
            where TWriter : IRowWriter
        {
            if (Fail)
            {
                writer.Id(RowId);
                writer.Text("focus");
                throw new InvalidOperationException("failed midway");
            }

            Row.Write(writer);
        }
    }
}
