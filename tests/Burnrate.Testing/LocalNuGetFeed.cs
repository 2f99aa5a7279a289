using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Burnrate.Catalog.Natives;

namespace Burnrate.Testing;

/// <summary>
/// A NuGet v3 flat container on 127.0.0.1 (HttpListener) that serves the native packages the build restored, straight from
/// the local NuGet package folder: what <c>BURNRATE_NATIVE_FEED</c> points at in tests, so nothing is ever downloaded
/// from nuget.org. A package can be served tampered (one byte changed) or slowly (to interrupt a download).
/// </summary>
public sealed class LocalNuGetFeed : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly Task _serving;
    private readonly CancellationTokenSource _stopped = new();
    private long _bytesSent;

    /// <summary>Initializes a new instance of the <see cref="LocalNuGetFeed"/> class serving every pinned package that is
    /// in the local package folder.</summary>
    public LocalNuGetFeed()
    {
        foreach (NativePin pin in NativePins.All)
        {
            string path = PackagePath(pin);
            if (File.Exists(path))
            {
                _files["/" + pin.RelativeUrl] = path;
            }
        }

        int port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.AbsoluteUri);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>Gets the feed's base address.</summary>
    public Uri Url { get; }

    /// <summary>Gets or sets the package id (lower case) whose bytes are served with one byte changed.</summary>
    public string? TamperedPackage { get; set; }

    /// <summary>Gets or sets the bytes of a package after which the feed stops sending (and holds the connection open until
    /// disposed), or null to send every byte.</summary>
    public long? StallAfterBytes { get; set; }

    /// <summary>Gets or sets a pause after every 64 KiB sent (zero: as fast as possible).</summary>
    public TimeSpan ChunkDelay { get; set; }

    /// <summary>Gets how many package bytes have been sent.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Gets the path of a pin's .nupkg in the local NuGet package folder.</summary>
    public static string PackagePath(NativePin pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        string root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } r
            ? r
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(root, pin.PackageId.ToLowerInvariant(), pin.Version.ToLowerInvariant(), pin.FileName);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopped.Cancel();
        _listener.Stop();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The listener was closed under a request in flight.
        }

        _stopped.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        HttpListenerResponse response = context.Response;
        try
        {
            string path = context.Request.Url?.AbsolutePath ?? "";
            if (!_files.TryGetValue(path, out string? file))
            {
                response.StatusCode = 404;
                return;
            }

            byte[] bytes = await File.ReadAllBytesAsync(file).ConfigureAwait(false);
            if (TamperedPackage is { } tampered && path.StartsWith("/" + tampered + "/", StringComparison.Ordinal))
            {
                bytes[bytes.Length / 2] ^= 0x5A;
            }

            response.ContentType = "application/octet-stream";
            response.ContentLength64 = bytes.Length;
            const int Chunk = 1 << 16;
            for (int offset = 0; offset < bytes.Length; offset += Chunk)
            {
                if (StallAfterBytes is { } stallAt && offset >= stallAt)
                {
                    await Task.Delay(Timeout.Infinite, _stopped.Token).ConfigureAwait(false);
                }

                int count = Math.Min(Chunk, bytes.Length - offset);
                await response.OutputStream.WriteAsync(bytes.AsMemory(offset, count)).ConfigureAwait(false);
                Interlocked.Add(ref _bytesSent, count);
                if (ChunkDelay > TimeSpan.Zero)
                {
                    await Task.Delay(ChunkDelay).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away (a cancelled download), or the feed was disposed while stalling.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                // Same.
            }
        }
    }
}
