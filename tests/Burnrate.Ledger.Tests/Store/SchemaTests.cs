namespace Burnrate.Ledger.Tests.Store;

public sealed class SchemaTests
{
    [Fact]
    public void Should_KeepData_When_ReopeningTheLedger()
    {
        using var dir = new TempFolder();
        string db = dir.File("l.duckdb");
        using (LedgerDatabase ledger = LedgerDatabase.Open(db))
        {
            LedgerTestContext.ImportFiles(ledger, "revenue", dir.Write("r.csv", Fixtures.HandFixture.Revenue));
        }

        using LedgerDatabase again = LedgerDatabase.Open(db);
        LedgerTestContext.Report(again, "customer").Totals.RevenueUsd.Usd.ShouldBe(24m);
    }

    [Fact]
    public void Should_RefuseTheLedger_When_ItsSchemaIsNewer()
    {
        using var dir = new TempFolder();
        string db = dir.File("l.duckdb");
        using (LedgerDatabase ledger = LedgerDatabase.Open(db))
        {
            ledger.Store.Execute("UPDATE ledger_schema SET version = 99");
        }

        Should.Throw<LedgerInputException>(() => LedgerDatabase.Open(db)).Message.ShouldContain("schema version 99 is newer");
    }
}
