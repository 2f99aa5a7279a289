using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Burnrate.Cli.Tests;

/// <summary>
/// A ledger import killed midway (SIGKILL to the built CLI in a child process: no handler runs, DuckDB recovers from its
/// write-ahead log on the next open) keeps whole batches only, and running the same import again gives the totals of one
/// clean run. Bounded: the child is killed after 120 s whatever happens. POSIX only, as CI is.
/// </summary>
public sealed class LedgerKillTests : IDisposable
{
    private const int Rows = 200_000;
    private const int BatchRows = 5_000;
    private readonly TempFolder _dir = new("burnrate-ledger-kill-");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("litellm")]
    [InlineData("focus")] // billed rows and their profiles: two tables, one transaction per batch
    public async Task Should_GiveTheSameTotals_When_AnImportIsKilledMidwayAndRerun(string format)
    {
        // Given a 200,000-request LiteLLM log, or a 200,000-charge FOCUS bill
        string log = format == "focus" ? WriteBill(_dir.File("bill.csv")) : Write(_dir.File("spend.jsonl"));
        string killed = _dir.File("killed.duckdb"), clean = _dir.File("clean.duckdb");

        // When the import is killed once a few batches are committed
        using Process child = Start("ledger", "import", log, "--format", format, "--db", killed, "--batch-rows", BatchRows.ToString(CultureInfo.InvariantCulture));
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(killed + ".wal") && new FileInfo(killed + ".wal").Length > 4_000_000))
        {
            if (child.HasExited || clock.Elapsed > TimeSpan.FromSeconds(120))
            {
                child.Kill(entireProcessTree: true);
                Assert.Fail($"the import {(child.HasExited ? "finished before it could be killed" : "wrote no batch within 120 s")}");
            }

            await Task.Delay(10);
        }

        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();
        CliRun rerun = CliRunner.Run("ledger", "import", log, "--format", format, "--db", killed, "--json");
        CliRunner.Run("ledger", "import", log, "--format", format, "--db", clean).ExitCode.ShouldBe(0);

        // Then: only whole batches survived the kill, the re-run counts them as duplicates, and the reports equal a clean run's
        rerun.ExitCode.ShouldBe(0, rerun.Error);
        JsonElement file = JsonDocument.Parse(rerun.Output).RootElement.GetProperty("files")[0];
        long partial = file.GetProperty("duplicates").GetInt64();
        partial.ShouldBeInRange(BatchRows, Rows - BatchRows);
        (partial % BatchRows).ShouldBe(0);
        file.GetProperty("imported").GetInt64().ShouldBe(Rows - partial);
        Report(killed, format).ShouldBe(Report(clean, format));
    }

    private static string Report(string db, string format) => format == "focus"
        ? CliRunner.Run("ledger", "reconcile", "--db", db, "--json").Output
        : CliRunner.Run("ledger", "report", "--by", "customer,month", "--db", db, "--json").Output;

    // Charges that repeat 60 profiles (provider, SKU, account) with costs and hours that vary.
    private static string WriteBill(string path)
    {
        var random = new Random(42);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("BilledCost,EffectiveCost,ListCost,ContractedCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ServiceProviderName,ServiceName,SubAccountId,SkuId,ResourceId\n");
        for (int i = 0; i < Rows; i++)
        {
            DateTime start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(random.Next(0, 90 * 24));
            string cost = (random.Next(1, 5_000_000) / 1e4m).ToString(CultureInfo.InvariantCulture);
            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"{cost},{cost},{cost},{cost},USD,{start:yyyy-MM-ddTHH:mm:ssZ},{start.AddHours(1):yyyy-MM-ddTHH:mm:ssZ},Usage,p{i % 3},GPU,acct-{i % 4},sku-{i % 5},r{i}\n"));
        }

        return path;
    }

    private static string Write(string path)
    {
        var random = new Random(42);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        for (int i = 0; i < Rows; i++)
        {
            string time = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(0, 90 * 86_400)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            string spend = (random.Next(0, 5_000_000) / 1e8m).ToString(CultureInfo.InvariantCulture);
            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"{{\"request_id\":\"r{i}\",\"startTime\":\"{time}\",\"model\":\"m{i % 3}\",\"custom_llm_provider\":\"openai\",\"prompt_tokens\":{random.Next(1, 9_000)},\"completion_tokens\":{random.Next(1, 900)},\"spend\":{spend},\"end_user\":\"c{random.Next(40)}\"}}\n"));
        }

        return path;
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "burnrate.dll"));
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        Process process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
