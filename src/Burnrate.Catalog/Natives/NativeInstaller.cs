using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Burnrate.Catalog.Files;

namespace Burnrate.Catalog.Natives;

/// <summary>
/// Downloads the native packages the build pinned (<see cref="NativePins"/>) from a NuGet v3 flat container, refuses any
/// whose SHA-512 differs from the pin, and puts the platform's native libraries into the <see cref="NativeCache"/>: each
/// package's folder is written beside its final place and renamed into it (<see cref="AtomicFolder"/>), so a cancelled or
/// killed install leaves no half-written entry.
/// </summary>
public sealed class NativeInstaller
{
    /// <summary>Gets the environment variable that names another feed (a mirror, or a test's local server).</summary>
    public const string FeedVariable = "BURNRATE_NATIVE_FEED";

    /// <summary>Gets nuget.org's flat container, the default feed.</summary>
    public static readonly Uri DefaultFeed = new("https://api.nuget.org/v3-flatcontainer/");

    private const int BufferBytes = 1 << 16;
    private readonly HttpClient _http;
    private readonly Uri _feed;
    private readonly NativeCache _cache;

    /// <summary>Initializes a new instance of the <see cref="NativeInstaller"/> class.</summary>
    /// <param name="http">The client to download with.</param>
    /// <param name="feed">The flat container's base address (<see cref="Feed"/>).</param>
    /// <param name="cache">Where the libraries go.</param>
    public NativeInstaller(HttpClient http, Uri feed, NativeCache cache)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(cache);
        _http = http;
        _feed = feed.AbsoluteUri.EndsWith('/') ? feed : new Uri(feed.AbsoluteUri + "/");
        _cache = cache;
    }

    /// <summary>Gets the feed's base address.</summary>
    public Uri Feed => _feed;

    /// <summary>Gets how long a download may go without receiving a byte before it is given up (default 60 s): the client's
    /// own timeout covers only the wait for the response headers, and a stalled body would otherwise hang the install.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the feed the environment names (<see cref="FeedVariable"/>), else <see cref="DefaultFeed"/>.</summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The feed.</returns>
    /// <exception cref="CatalogException">The variable is not an absolute http(s) address.</exception>
    public static Uri FeedFromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? value = environment(FeedVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultFeed;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out Uri? feed) && (feed.Scheme == Uri.UriSchemeHttps || feed.Scheme == Uri.UriSchemeHttp)
            ? feed
            : throw new CatalogException($"{FeedVariable}=\"{value}\": not an http(s) address; expected a NuGet v3 flat container such as {DefaultFeed}");
    }

    /// <summary>Installs the components' libraries for a platform; packages already in the cache are not downloaded again.</summary>
    /// <param name="components">What to install.</param>
    /// <param name="runtimeIdentifier">The platform.</param>
    /// <param name="progress">Receives download progress, or null.</param>
    /// <param name="cancellationToken">Stops the install; nothing half-written stays in the cache.</param>
    /// <returns>One result per package.</returns>
    /// <exception cref="NativeInstallException">The feed could not be reached or refused a package, or a package's SHA-512
    /// differs from its pin.</exception>
    public async Task<IReadOnlyList<NativeInstallResult>> InstallAsync(IEnumerable<NativeComponent> components, string runtimeIdentifier, IProgress<NativeInstallProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(components);
        var results = new List<NativeInstallResult>();
        foreach (NativePin pin in components.SelectMany(c => NativePins.For(c, runtimeIdentifier)).Distinct())
        {
            string folder = _cache.Folder(pin);
            if (Directory.Exists(folder))
            {
                results.Add(new NativeInstallResult(pin, folder, AlreadyInstalled: true));
                continue;
            }

            Directory.CreateDirectory(_cache.Root);
            RemoveStaleDownloads(_cache.Root);
            string download = Path.Combine(_cache.Root, $"{DownloadPrefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.nupkg");
            try
            {
                await DownloadAsync(pin, download, progress, cancellationToken).ConfigureAwait(false);
                AtomicFolder.Write(folder, temp => Extract(pin, download, temp, cancellationToken), static _ => true);
            }
            finally
            {
                File.Delete(download);
            }

            results.Add(new NativeInstallResult(pin, folder, AlreadyInstalled: false));
        }

        return results;
    }

    /// <summary>Deletes the partial downloads of installs that were killed (their process is gone); a running install's file
    /// is left alone.</summary>
    internal static void RemoveStaleDownloads(string root)
    {
        foreach (string file in Directory.EnumerateFiles(root, DownloadPrefix + "*.nupkg"))
        {
            string[] parts = Path.GetFileName(file).Split('-');
            if (parts.Length >= 3 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && !IsRunning(pid))
            {
                try
                {
                    File.Delete(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Another install may be cleaning up at the same moment, or the file is not ours to delete: leave it.
                }
            }
        }
    }

    private const string DownloadPrefix = ".download-";

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private async Task DownloadAsync(NativePin pin, string path, IProgress<NativeInstallProgress>? progress, CancellationToken cancellationToken)
    {
        var url = new Uri(_feed, pin.RelativeUrl);
        string advice = $"set {FeedVariable} to a NuGet v3 flat container that serves {pin.PackageId} {pin.Version} (default {DefaultFeed}), or copy a natives cache from another machine (docs/natives.md)";
        // Re-armed before every read: it fires only when the feed sends nothing for StallTimeout.
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(StallTimeout);
        long done = 0;
        try
        {
            using HttpResponseMessage response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, stall.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new NativeInstallException($"{url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}; {advice}");
            }

            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
            Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes, useAsync: true);
                await using (file.ConfigureAwait(false))
                {
                    byte[] buffer = new byte[BufferBytes];
                    int read;
                    while ((read = await body.ReadAsync(buffer, stall.Token).ConfigureAwait(false)) > 0)
                    {
                        stall.CancelAfter(StallTimeout);
                        sha.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                        done += read;
                        progress?.Report(new NativeInstallProgress(pin, done, response.Content.Headers.ContentLength ?? pin.PackageBytes));
                    }
                }
            }

            string actual = Convert.ToBase64String(sha.GetHashAndReset());
            if (!string.Equals(actual, pin.Sha512, StringComparison.Ordinal))
            {
                throw new NativeInstallException($"{url}: SHA-512 mismatch for {pin.PackageId} {pin.Version}: the build pinned {pin.Sha512}, the download is {actual}; the package was refused and nothing was installed");
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && stall.IsCancellationRequested)
        {
            throw new NativeInstallException(
                $"{url}: no data for {StallTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s after {done.ToString("N0", CultureInfo.InvariantCulture)} bytes; the download was given up and nothing was installed; {advice}", e);
        }
        catch (HttpRequestException e)
        {
            throw new NativeInstallException($"{url}: could not download ({e.Message}); {advice}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NativeInstallException($"{url}: no answer within {_http.Timeout.TotalSeconds:0} s; {advice}", e);
        }
        catch (HttpIOException e)
        {
            throw new NativeInstallException($"{url}: the download broke off ({e.Message}); {advice}", e);
        }
    }

    // Only the platform's own folder, files directly in it: a name with a path in it cannot leave the cache folder.
    private static List<string> Extract(NativePin pin, string package, string folder, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        using ZipArchive zip = ZipFile.OpenRead(package);
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!entry.FullName.StartsWith(pin.FolderInPackage, StringComparison.Ordinal))
            {
                continue;
            }

            string name = Uri.UnescapeDataString(entry.FullName[pin.FolderInPackage.Length..]);
            if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name is "." or "..")
            {
                continue;
            }

            string path = Path.Combine(folder, name);
            entry.ExtractToFile(path);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }

            written.Add(path);
        }

        return written.Count > 0
            ? written
            : throw new NativeInstallException($"{pin.PackageId} {pin.Version} has no files in {pin.FolderInPackage}");
    }
}
