using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Burnrate.Ledger.Store;

namespace Burnrate.Ledger.Tests.Store;

/// <summary>The HTTP client's limits: a capped answer, a bounded error body, one line naming the server.</summary>
public sealed class ClickHouseHttpTests
{
    private const string Numbers = "SELECT number FROM system.numbers LIMIT 100000"; // about 590 KB as TSV

    private static ClickHouseHttp Server1(long maxResponseBytes = ClickHouseHttp.DefaultMaxResponseBytes) =>
        new(ClickHouseAddress.Parse(ClickHouseTestServers.Server1 + "/default"), new LedgerCredentials(ClickHouseTestServers.User, ClickHouseTestServers.Password), maxResponseBytes);

    [ClickHouseFact]
    public void Should_FailWithOneLine_When_AnAnswerExceedsTheCap()
    {
        using ClickHouseHttp http = Server1(maxResponseBytes: 64 * 1024);

        IOException e = Should.Throw<IOException>(() => http.Query(Numbers, "default"));

        e.Message.ShouldStartWith($"ClickHouse at {ClickHouseTestServers.Server1!.Replace("clickhouse://", "http://", StringComparison.Ordinal)}/ answered more than 0.06 MiB to {Numbers}");
        e.Message.ShouldNotContain('\n');
    }

    [ClickHouseFact]
    public void Should_ReadEveryRow_When_TheAnswerIsUnderTheCapOrStreamed()
    {
        using ClickHouseHttp capped = Server1(maxResponseBytes: 64 * 1024);
        using ClickHouseHttp http = Server1();

        List<string?[]> rows = http.Query(Numbers, "default");
        long streamed = capped.Lines(Numbers, "default").LongCount(); // streamed rows are not held, so not capped

        rows.Count.ShouldBe(100_001);
        rows[^1][0].ShouldBe("99999");
        streamed.ShouldBe(100_001);
    }

    [ClickHouseFact]
    public void Should_ShowTheServersFirstLine_When_AStatementIsRefused()
    {
        using ClickHouseHttp http = Server1();

        IOException e = Should.Throw<IOException>(() => http.Execute("SELEC 1", "default"));

        e.Message.ShouldContain("refused SELEC 1: Code: 62");
        e.Message.ShouldNotContain('\n');
    }

    [Fact]
    public async Task Should_ReadSixteenKiBAndShowFourHundredCharacters_When_AnErrorBodyIsHuge()
    {
        // Given a loopback server that answers 500 announcing a 10 MiB body, sends 64 KiB of it on one line and then stalls
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var done = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Task server = Task.Run(async () =>
        {
            using TcpClient client = await listener.AcceptTcpClientAsync(done.Token);
            NetworkStream stream = client.GetStream();
            var request = new StringBuilder();
            byte[] buffer = new byte[4096];
            while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                int n = await stream.ReadAsync(buffer, done.Token);
                if (n == 0)
                {
                    return;
                }

                request.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }

            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: 10485760\r\n\r\n"), done.Token);
            await stream.WriteAsync(Encoding.ASCII.GetBytes("Code: 999, " + new string('x', 64 * 1024)), done.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, done.Token); // never sends the rest: reading it all would hang
            }
            catch (OperationCanceledException)
            {
            }
        });
        using var http = new ClickHouseHttp(ClickHouseAddress.Parse($"clickhouse://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/default"), LedgerCredentials.None);
        var clock = Stopwatch.StartNew();

        // When
        IOException e = Should.Throw<IOException>(() => http.Execute("SELECT 1", "default"));

        // Then
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        e.Message.ShouldBe($"ClickHouse at http://127.0.0.1:{port}/ refused SELECT 1: Code: 999, {new string('x', ClickHouseHttp.MaxErrorChars - "Code: 999, ".Length)}…");
        await done.CancelAsync();
        await server;
    }
}
