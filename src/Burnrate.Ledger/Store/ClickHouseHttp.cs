using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Burnrate.Ledger.Store;

/// <summary>
/// ClickHouse's HTTP interface, text formats only (TabSeparated in, TSVWithNames out): the same from Debian's 18.16 to
/// current servers, where the native-protocol drivers need a newer server. Synchronous, like the ledger's store interface.
/// </summary>
internal sealed class ClickHouseHttp : IDisposable
{
    private readonly HttpClient _client;
    private readonly string _where;

    /// <summary>Initializes a new instance of the <see cref="ClickHouseHttp"/> class.</summary>
    public ClickHouseHttp(ClickHouseAddress address, LedgerCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(credentials);
        _where = $"ClickHouse at {address.HttpUri}";
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
        using Stream body = response.Content.ReadAsStream();
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
        using var reader = new StreamReader(response.Content.ReadAsStream(), Encoding.UTF8);
        var rows = new List<string?[]>();
        while (reader.ReadLine() is { } line)
        {
            rows.Add(Tsv.Split(line));
        }

        return rows;
    }

    /// <summary>Runs a query and yields its TSVWithNames rows (the header row first) as the server sends them.</summary>
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
        using Stream body = response.Content.ReadAsStream();
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
            string text = new StreamReader(response.Content.ReadAsStream(), Encoding.UTF8).ReadToEnd();
            string first = text.Split('\n', 2)[0].Trim();
            if (first.Length > 400)
            {
                first = first[..400] + "…";
            }

            string statement = what.Length > 120 ? what[..120] + "…" : what;
            throw new IOException($"{_where} refused {statement.ReplaceLineEndings(" ")}: {first}");
        }
    }
}
