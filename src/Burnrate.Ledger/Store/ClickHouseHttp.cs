using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Burnrate.Ledger.Store;

/// <summary>
/// ClickHouse's HTTP interface, text formats only (TabSeparated in, TSVWithNames out): the same from Debian's 18.16 to
/// current servers, where the native-protocol drivers need a newer server. Synchronous, like the ledger's store interface.
/// Responses are read as streams, never whole into a string: a query's answer is capped (256 MiB by default) and an error
/// body is read to 16 KiB at most, of which the first line (400 characters at most) is shown.
/// </summary>
internal sealed class ClickHouseHttp : IDisposable
{
    /// <summary>The most bytes a response read into memory may have: far above any report's answer or a batch's id check.</summary>
    public const long DefaultMaxResponseBytes = 256L * 1024 * 1024;

    /// <summary>The most bytes of an error body read: ClickHouse puts the message first; the rest is a stack trace.</summary>
    public const int MaxErrorBytes = 16 * 1024;

    /// <summary>The most characters of the server's error message shown.</summary>
    public const int MaxErrorChars = 400;

    private readonly HttpClient _client;
    private readonly string _where;
    private readonly long _maxResponseBytes;

    /// <summary>Initializes a new instance of the <see cref="ClickHouseHttp"/> class.</summary>
    /// <param name="address">The server.</param>
    /// <param name="credentials">The user and password.</param>
    /// <param name="maxResponseBytes">The most bytes a response read into memory may have (tests lower it).</param>
    public ClickHouseHttp(ClickHouseAddress address, LedgerCredentials credentials, long maxResponseBytes = DefaultMaxResponseBytes)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResponseBytes);
        _maxResponseBytes = maxResponseBytes;
        _where = $"ClickHouse at {address.Endpoint}";
        _client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = address.HttpUri,
            Timeout = TimeSpan.FromMinutes(30),
        };
        if (credentials.User is not null || credentials.Password is not null)
        {
            string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.User ?? "default"}:{credentials.Password}"));
            _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }
    }

    /// <summary>Runs a statement (the body is the SQL).</summary>
    public void Execute(string sql, string? database)
    {
        using HttpResponseMessage response = Send(Url(database, null), new StringContent(sql, Encoding.UTF8), sql);
        using Stream body = Capped(response, sql);
        body.CopyTo(Stream.Null);
    }

    /// <summary>Runs a query and returns its TSVWithNames rows (the header row first), unescaped; NULL is null.</summary>
    public List<string?[]> Query(string sql, string? database, IReadOnlyDictionary<string, byte[]>? externalTables = null, string? externalStructure = null)
    {
        HttpContent content;
        string url;
        if (externalTables is null)
        {
            content = new StringContent(sql + " FORMAT TSVWithNames", Encoding.UTF8);
            url = Url(database, null);
        }
        else
        {
            // External data (the HTTP interface's temporary tables): the query goes in the URL, each table as a form file.
            var form = new MultipartFormDataContent();
            var settings = new List<string> { "query=" + Uri.EscapeDataString(sql + " FORMAT TSVWithNames") };
            foreach ((string name, byte[] data) in externalTables)
            {
                form.Add(new ByteArrayContent(data), name, name);
                settings.Add($"{name}_structure={Uri.EscapeDataString(externalStructure!)}");
                settings.Add($"{name}_format=TabSeparated");
            }

            content = form;
            url = Url(database, string.Join('&', settings));
        }

        using HttpResponseMessage response = Send(url, content, sql);
        using var reader = new StreamReader(Capped(response, sql), Encoding.UTF8);
        var rows = new List<string?[]>();
        while (reader.ReadLine() is { } line)
        {
            rows.Add(Tsv.Split(line));
        }

        return rows;
    }

    /// <summary>
    /// Runs a query and yields its TSVWithNames rows (the header row first) as the server sends them. Not capped: the caller
    /// holds one row at a time, so a table of any size streams through.
    /// </summary>
    public IEnumerable<string?[]> Lines(string sql, string? database)
    {
        using HttpResponseMessage response = Send(Url(database, null), new StringContent(sql + " FORMAT TSVWithNames", Encoding.UTF8), sql);
        using var reader = new StreamReader(response.Content.ReadAsStream(), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            yield return Tsv.Split(line);
        }
    }

    /// <summary>Inserts TabSeparated rows (UTF-8, one per line) into a table's columns.</summary>
    public void Insert(string table, string columns, HttpContent rows, string? database, bool distributedSync)
    {
        string query = Uri.EscapeDataString($"INSERT INTO {table} ({columns}) FORMAT TabSeparated");
        string settings = "query=" + query + (distributedSync ? "&insert_distributed_sync=1" : string.Empty);
        using HttpResponseMessage response = Send(Url(database, settings), rows, $"INSERT INTO {table}");
        using Stream body = Capped(response, $"INSERT INTO {table}");
        body.CopyTo(Stream.Null);
    }

    /// <inheritdoc/>
    public void Dispose() => _client.Dispose();

    private static string Url(string? database, string? settings)
    {
        var parts = new List<string>();
        if (database is not null)
        {
            parts.Add("database=" + Uri.EscapeDataString(database));
        }

        if (settings is not null)
        {
            parts.Add(settings);
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    private HttpResponseMessage Send(string url, HttpContent content, string what)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = _client.Send(request, HttpCompletionOption.ResponseHeadersRead);
        }
        catch (HttpRequestException e)
        {
            throw new IOException($"cannot reach {_where}: {e.Message}", e);
        }
        catch (TaskCanceledException e)
        {
            throw new IOException($"{_where} did not answer within {_client.Timeout.TotalMinutes:0} minutes", e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new IOException($"{_where} refused {Statement(what)}: {ErrorMessage(response)}");
        }
    }

    // The first line of the error body, from its first 16 KiB: the rest (a stack trace, or a proxy's page) is never read.
    private static string ErrorMessage(HttpResponseMessage response)
    {
        byte[] head = new byte[MaxErrorBytes];
        int length = 0;
        using (Stream body = response.Content.ReadAsStream())
        {
            int n;
            while (length < head.Length && (n = body.Read(head, length, head.Length - length)) > 0)
            {
                length += n;
            }
        }

        string first = Encoding.UTF8.GetString(head, 0, length).Split('\n', 2)[0].Trim();
        if (first.Length == 0)
        {
            return $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }

        return first.Length > MaxErrorChars ? first[..MaxErrorChars] + "…" : first;
    }

    private static string Statement(string what) => (what.Length > 120 ? what[..120] + "…" : what).ReplaceLineEndings(" ");

    // A body read into memory, failing with one line past the cap (before reading anything when the length is announced).
    private CappedReadStream Capped(HttpResponseMessage response, string what)
    {
        IOException TooLarge() => new($"{_where} answered more than {_maxResponseBytes / (1024.0 * 1024):0.##} MiB to {Statement(what)}; "
            + "the ledger reads at most that much into memory at once (narrow the query, e.g. with --from/--to)");
        if (response.Content.Headers.ContentLength > _maxResponseBytes)
        {
            throw TooLarge();
        }

        return new CappedReadStream(response.Content.ReadAsStream(), _maxResponseBytes, TooLarge);
    }
}
