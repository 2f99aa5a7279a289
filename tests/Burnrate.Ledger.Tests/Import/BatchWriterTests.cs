using System.Data;
using Burnrate.Core.Validation;
using Burnrate.Ledger.Import;
using Burnrate.Ledger.Store;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Burnrate.Ledger.Tests.Import;

/// <summary>The import pipeline: the file is parsed on the calling thread while a writer thread stores the previous batch.</summary>
public sealed class BatchWriterTests
{
    private const int Batch = 100;

    [Fact]
    public void Should_RaiseTheStoreFailureAndStopParsing_When_TheWriterFailsMidFile()
    {
        // Given a store that fails on the sixth batch (the four smaller first batches make one whole), and a file far
        // longer than the batches in flight
        using LedgerDatabase ledger = LedgerDatabase.Open(":memory:");
        var store = new FailingStore(ledger.Store, failOnBatch: 6);
        var file = new CountingFile(rows: 1_000_000);

        // When
        IOException failure = Should.Throw<IOException>(() => Run(store, file.Items()));

        // Then: the store's own error, two whole batches kept, and the parser stopped within a few batches
        failure.Message.ShouldBe("disk full (batch 6)");
        RowCount(ledger).ShouldBe(2 * Batch);
        file.Pulled.ShouldBeLessThan(10 * Batch);
    }

    [Fact]
    public void Should_KeepTheWholeBatchesBeforeIt_When_TheFileTurnsUnreadableMidway()
    {
        // Given a file whose reader fails after 3.5 batches
        using LedgerDatabase ledger = LedgerDatabase.Open(":memory:");
        var file = new CountingFile(rows: 1_000, failAfter: 350);

        // When
        InputException failure = Should.Throw<InputException>(() => Run(ledger.Store, file.Items()));

        // Then: the reader's error, and exactly the three batches handed over before it
        failure.Message.ShouldContain("unreadable at row 351");
        RowCount(ledger).ShouldBe(3 * Batch);
    }

    [Fact]
    public void Should_CountEveryRowOnce_When_BatchesAreWrittenWhileTheNextIsParsed()
    {
        // Given 10,050 rows where every 10th repeats the previous row's id
        using LedgerDatabase ledger = LedgerDatabase.Open(":memory:");
        var file = new CountingFile(rows: 10_050, repeatEvery: 10);

        // When imported twice
        FileImport first = Run(ledger.Store, file.Items());
        FileImport second = Run(ledger.Store, file.Items());

        // Then
        (first.RowsRead, first.Imported, first.Duplicates).ShouldBe((10_050L, 9_045L, 1_005L));
        (second.RowsRead, second.Imported, second.Duplicates).ShouldBe((10_050L, 0L, 10_050L));
        RowCount(ledger).ShouldBe(9_045);
    }

    [Theory]
    [InlineData(int.MaxValue, int.MaxValue)]
    [InlineData(250, 6)]
    public void Should_KeepOneRowPerId_When_AnIdRepeatsBatchesLaterInAFileLoadedIntoAnEmptyTable(int fileWideIds, int batchesKnownNew)
    {
        // Given an empty ledger and 2,000 rows whose second half repeats the first half's ids (ten batches apart)
        using LedgerDatabase ledger = LedgerDatabase.Open(":memory:");
        var store = new RecordingStore(ledger.Store);
        IEnumerable<ImportItem<UsageRow>> items = Enumerable.Range(0, 2_000).Select(i => ImportItem<UsageRow>.Ok(i + 1, CountingFile.Row((i % 1_000) + 1)));

        // When: with the file-wide set of ids over the whole file, or only up to 250 ids (then the store looks ids up)
        FileImport import = BatchWriter.Run(store, LedgerTables.Usage, items, "test.jsonl", "litellm", Batch, rowsRead: null, CancellationToken.None, fileWideIds);

        // Then: the same outcome either way; the lookup was skipped only while the set covered the file (with 250 ids: the
        // batches of 12, 12, 25, 51, 100 and 100 rows, the last of them taking the set past 250)
        (import.Imported, import.Duplicates).ShouldBe((1_000L, 1_000L));
        RowCount(ledger).ShouldBe(1_000);
        store.KnownNew.TakeWhile(k => k).Count().ShouldBe(Math.Min(batchesKnownNew, store.KnownNew.Count));
        store.KnownNew.Skip(batchesKnownNew).ShouldAllBe(k => !k);
    }

    [Fact]
    public void Should_PutTheThreadSettingBack_When_AFileHasLoaded()
    {
        // Given a ledger with DuckDB's thread count set
        using LedgerDatabase ledger = LedgerDatabase.Open(":memory:");
        ledger.Store.Execute("SET threads = 3");

        // When
        Run(ledger.Store, new CountingFile(rows: 500).Items());

        // Then: loading ran on one thread, and the setting is the database's again
        ledger.Store.Query("SELECT current_setting('threads')", r => Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)).Single().ShouldBe(3);
    }

    [Property(MaxTest = 300)]
    public Property Should_EndBatchesOnMultiplesOfTheBatchSize_When_TheFirstBatchesAreSmaller(PositiveInt batchRows)
    {
        // Given any batch size, the rows of the first ten batches
        int[] sizes = [.. Enumerable.Range(0, 10).Select(i => BatchWriter.Size(i, batchRows.Get))];
        long[] ends = [.. sizes.Select((_, i) => sizes.Take(i + 1).Sum(s => (long)s))];

        // Then: no batch is empty or larger than the size, the first is smaller when the size allows, and from the
        // fourth on every batch ends on a multiple of the size (a crash keeps whole batches of --batch-rows, as before)
        bool bounded = sizes.All(s => s >= 1 && s <= batchRows.Get);
        bool smallerFirst = batchRows.Get < 8 || sizes[0] <= batchRows.Get / 8;
        bool aligned = ends.Skip(3).All(e => e % batchRows.Get == 0);
        return (bounded && smallerFirst && aligned).Label($"sizes {string.Join(",", sizes)}");
    }

    private static FileImport Run(ILedgerStore store, IEnumerable<ImportItem<UsageRow>> items) =>
        BatchWriter.Run(store, LedgerTables.Usage, items, "test.jsonl", "litellm", Batch, rowsRead: null, CancellationToken.None);

    private static long RowCount(LedgerDatabase ledger) => ledger.Store.Query("SELECT count(*) FROM usage_events", r => r.GetInt64(0)).Single();

    private sealed class CountingFile(int rows, int failAfter = int.MaxValue, int repeatEvery = 0)
    {
        public int Pulled { get; private set; }

        public IEnumerable<ImportItem<UsageRow>> Items()
        {
            Pulled = 0;
            for (int i = 1; i <= rows; i++)
            {
                if (i > failAfter)
                {
                    throw new InputException([new FieldError("FILE", "test.jsonl", $"unreadable at row {i}")]);
                }

                Pulled++;
                int id = repeatEvery > 0 && i % repeatEvery == 0 ? i - 1 : i;
                yield return ImportItem<UsageRow>.Ok(i, Row(id));
            }
        }

        public static UsageRow Row(int id) => new()
        {
            RowId = RowIds.FromKey("test", id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Source = "test",
            RequestId = "r" + id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StartedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(id),
            Provider = "openai",
            Model = "m",
            Customer = "c",
            Feature = Features.Untagged,
            ApiBase = string.Empty,
            Requests = 1,
            InputTokens = 10,
            OutputTokens = 1,
            CostUsd = 0.01m,
            CostSource = "test",
        };
    }

    // A real store that notes, for each batch, whether the writer told it the ids were new.
    private sealed class RecordingStore(ILedgerStore inner) : ForwardingStore(inner)
    {
        public List<bool> KnownNew { get; } = [];

        public override long InsertNew<TRow>(LedgerTable table, IReadOnlyList<TRow> rows, bool knownNew = false)
        {
            KnownNew.Add(knownNew);
            return base.InsertNew(table, rows, knownNew);
        }
    }

    // A real store that fails one batch the way a full disk or a lost server does.
    private sealed class FailingStore(ILedgerStore inner, int failOnBatch) : ForwardingStore(inner)
    {
        private int _batches;

        public override long InsertNew<TRow>(LedgerTable table, IReadOnlyList<TRow> rows, bool knownNew = false) =>
            ++_batches == failOnBatch ? throw new IOException($"disk full (batch {_batches})") : base.InsertNew(table, rows, knownNew);
    }

    // Passes everything to a real store (which its test disposes).
    private abstract class ForwardingStore(ILedgerStore inner) : ILedgerStore
    {
        public SqlDialect Dialect => inner.Dialect;

        public string Location => inner.Location;

        public long Execute(string sql) => inner.Execute(sql);

        public void ExecuteAtomically(IReadOnlyList<string> statements) => inner.ExecuteAtomically(statements);

        public List<T> Query<T>(string sql, Func<IDataRecord, T> map) => inner.Query(sql, map);

        public IEnumerable<T> Stream<T>(string sql, Func<IDataRecord, T> map) => inner.Stream(sql, map);

        public IDisposable BulkLoad() => inner.BulkLoad();

        public virtual long InsertNew<TRow>(LedgerTable table, IReadOnlyList<TRow> rows, bool knownNew = false)
            where TRow : ILedgerRow => inner.InsertNew(table, rows, knownNew);

        public void Dispose()
        {
        }
    }
}
