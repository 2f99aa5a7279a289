using System.Globalization;
using System.Text.RegularExpressions;

namespace Burnrate.Ledger.Store;

/// <summary>A parsed <c>clickhouse://HOST[:PORT]/DATABASE[?cluster=NAME][&amp;secure=true]</c> ledger address.</summary>
internal sealed partial record ClickHouseAddress(string Host, int Port, string Database, string? Cluster, bool Secure)
{
    /// <summary>The scheme that marks a ClickHouse ledger.</summary>
    public const string Scheme = "clickhouse://";

    /// <summary>ClickHouse's HTTP port.</summary>
    public const int HttpPort = 8123;

    /// <summary>ClickHouse's HTTPS port.</summary>
    public const int HttpsPort = 8443;

    /// <summary>Gets whether a --db value names a ClickHouse ledger.</summary>
    public static bool Matches(string db) => db.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets the HTTP interface's base URI (a port equal to the scheme's default is implied, not lost).</summary>
    public Uri HttpUri => new(Endpoint);

    /// <summary>Gets the HTTP interface's address with the port always written, e.g. <c>http://127.0.0.1:80/</c>, for messages.</summary>
    public string Endpoint => $"{(Secure ? "https" : "http")}://{HostText}:{Port.ToString(CultureInfo.InvariantCulture)}/";

    private string HostText => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;

    /// <summary>Parses an address; a bad one is an InputException on the db field.</summary>
    public static ClickHouseAddress Parse(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        const string Expected = "clickhouse://HOST[:PORT]/DATABASE[?cluster=NAME] (DATABASE and NAME: letters, digits and _)";
        if (!Matches(db) || !Uri.TryCreate("http://" + db[Scheme.Length..], UriKind.Absolute, out Uri? uri) || uri.Host.Length == 0
            || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw LedgerErrors.Field("db", db, Expected);
        }

        string database = uri.AbsolutePath.Trim('/');
        if (!Identifier().IsMatch(database))
        {
            throw LedgerErrors.Field("db", db, Expected);
        }

        string? cluster = null;
        bool secure = false;
        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] kv = pair.Split('=', 2);
            string value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
            switch (kv[0])
            {
                case "cluster" when Identifier().IsMatch(value):
                    cluster = value;
                    break;
                case "secure" when value is "true" or "false":
                    secure = value == "true";
                    break;
                default:
                    throw LedgerErrors.Field("db", db, Expected + "; options: cluster=NAME, secure=true|false");
            }
        }

        // Uri treats ":80" after http:// as no port at all (IsDefaultPort), so whether a port was written is read from
        // the text: the authority's last ':' after any IPv6 bracket.
        string authority = db[Scheme.Length..].Split('/', '?', '#')[0];
        string afterHost = authority[(authority.LastIndexOf(']') + 1)..];
        bool explicitPort = afterHost.Contains(':', StringComparison.Ordinal);
        if (explicitPort && afterHost.EndsWith(':'))
        {
            throw LedgerErrors.Field("db", db, Expected);
        }

        int port = explicitPort ? uri.Port : (secure ? HttpsPort : HttpPort);
        return new ClickHouseAddress(uri.Host.Trim('[', ']'), port, database, cluster, secure);
    }

    /// <summary>Gets the address in its canonical form (the port always written), which <see cref="Parse"/> reads back to an equal address.</summary>
    public override string ToString() =>
        $"{Scheme}{HostText}:{Port.ToString(CultureInfo.InvariantCulture)}/{Database}"
        + (Cluster is null ? string.Empty : "?cluster=" + Cluster) + (Secure ? (Cluster is null ? "?" : "&") + "secure=true" : string.Empty);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex Identifier();
}
