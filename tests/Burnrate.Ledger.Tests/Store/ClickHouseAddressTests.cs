using Burnrate.Core.Validation;
using Burnrate.Ledger.Store;
using FsCheck;
using FsCheck.Xunit;

namespace Burnrate.Ledger.Tests.Store;

public sealed class ClickHouseAddressTests
{
    [Theory]
    [InlineData("clickhouse://ch1/books", "ch1", 8123, false, "http://ch1:8123/")]
    [InlineData("clickhouse://ch1/books?secure=true", "ch1", 8443, true, "https://ch1:8443/")]
    [InlineData("clickhouse://ch1:80/books", "ch1", 80, false, "http://ch1:80/")]
    [InlineData("clickhouse://ch1:443/books?secure=true", "ch1", 443, true, "https://ch1:443/")]
    [InlineData("clickhouse://ch1:443/books", "ch1", 443, false, "http://ch1:443/")]
    [InlineData("clickhouse://ch1:80/books?secure=true", "ch1", 80, true, "https://ch1:80/")]
    [InlineData("clickhouse://[::1]:8123/books", "::1", 8123, false, "http://[::1]:8123/")]
    [InlineData("clickhouse://[::1]/books?secure=false", "::1", 8123, false, "http://[::1]:8123/")]
    [InlineData("CLICKHOUSE://ch1:9000/books", "ch1", 9000, false, "http://ch1:9000/")]
    public void Should_KeepAnExplicitPortAndDefaultByScheme_When_Parsing(string db, string host, int port, bool secure, string endpoint)
    {
        ClickHouseAddress a = ClickHouseAddress.Parse(db);

        (a.Host, a.Port, a.Secure, a.Database, a.Endpoint).ShouldBe((host, port, secure, "books", endpoint));
        a.HttpUri.Port.ShouldBe(port);
        a.HttpUri.Scheme.ShouldBe(secure ? "https" : "http");
    }

    [Theory]
    [InlineData("clickhouse://ch1:80/books", "clickhouse://ch1:80/books")]
    [InlineData("clickhouse://ch1/books?secure=true&cluster=prod", "clickhouse://ch1:8443/books?cluster=prod&secure=true")]
    [InlineData("clickhouse://ch1:443/books?cluster=prod&secure=true", "clickhouse://ch1:443/books?cluster=prod&secure=true")]
    [InlineData("clickhouse://[::1]/books", "clickhouse://[::1]:8123/books")]
    public void Should_WriteTheCanonicalForm_When_Formatted(string db, string canonical)
    {
        ClickHouseAddress.Parse(db).ToString().ShouldBe(canonical);
    }

    [Theory]
    [InlineData("clickhouse://ch1:/books")]
    [InlineData("clickhouse://ch1:99999/books")]
    [InlineData("clickhouse://ch1/books?secure=yes")]
    [InlineData("clickhouse://ch1/books?cluster=")]
    [InlineData("clickhouse:///books")]
    public void Should_RefuseTheAddressOnTheDbField_When_ItIsMalformed(string db)
    {
        InputException e = Should.Throw<InputException>(() => ClickHouseAddress.Parse(db));

        e.Errors[0].Field.ShouldBe("db");
        e.Errors[0].Value.ShouldBe(db);
    }

    [Property(MaxTest = 300)]
    public bool Should_ReadBackAnEqualAddress_When_FormattedAndParsedAgain(PositiveInt host, PositiveInt port, PositiveInt cluster, bool secure)
    {
        string[] hosts = ["ch1", "127.0.0.1", "::1", "clickhouse.internal.example.com", "fe80::1"];
        int[] ports = [80, 443, 8123, 8443];
        string?[] clusters = [null, "prod", "burnrate_test"];
        var a = new ClickHouseAddress(
            hosts[host.Get % hosts.Length],
            port.Get % 2 == 0 ? ports[port.Get / 2 % ports.Length] : 1 + (port.Get % 65535),
            "books",
            clusters[cluster.Get % clusters.Length],
            secure);

        ClickHouseAddress again = ClickHouseAddress.Parse(a.ToString());

        return again == a && again.HttpUri.Port == a.Port && again.ToString() == a.ToString();
    }
}
