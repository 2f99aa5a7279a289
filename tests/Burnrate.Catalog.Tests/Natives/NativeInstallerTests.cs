using Burnrate.Catalog.Natives;

namespace Burnrate.Catalog.Tests.Natives;

// Every download here comes from a LocalNuGetFeed on 127.0.0.1 serving the packages the build restored; never nuget.org.
public sealed class NativeInstallerTests
{
    private const string Rid = "linux-x64";

    [Fact]
    public void Should_PinTheSha512AndSizeOfTheRestoredPackages_When_Built()
    {
        // Given: the pins generated at build time and the packages NuGet restored (with its own .nupkg.sha512 records)
        NativePins.All.Select(p => p.PackageId).Distinct().Count().ShouldBeGreaterThanOrEqualTo(6);
        foreach (NativePin pin in NativePins.All)
        {
            string package = LocalNuGetFeed.PackagePath(pin);

            // Then: each pin is the restored file's hash and size, and names a native folder
            pin.Sha512.ShouldBe(File.ReadAllText(package + ".sha512").Trim(), pin.PackageId);
            pin.PackageBytes.ShouldBe(new FileInfo(package).Length, pin.PackageId);
            pin.FolderInPackage.ShouldStartWith("runtimes/");
            pin.NativeBytes.ShouldBeGreaterThan(1_000_000);
        }

        NativePins.For(NativeComponent.Ledger, Rid).Single().PackageId.ShouldBe("DuckDB.NET.Bindings.Full");
        NativePins.For(NativeComponent.Fleet, Rid).Single().PackageId.ShouldBe("Google.OrTools.runtime.linux-x64");
    }

    [Fact]
    public async Task Should_UnpackThePlatformNativesIntoTheCache_And_NotDownloadAgain_When_Installed()
    {
        using var feed = new LocalNuGetFeed();
        using var temp = new TempFolder();
        using var http = new HttpClient();
        var cache = new NativeCache(temp.File("natives"));
        var installer = new NativeInstaller(http, feed.Url, cache);

        // When: the fleet optimizer's natives are installed twice
        IReadOnlyList<NativeInstallResult> first = await installer.InstallAsync([NativeComponent.Fleet], Rid, null, CancellationToken.None);
        long sent = feed.BytesSent;
        IReadOnlyList<NativeInstallResult> second = await installer.InstallAsync([NativeComponent.Fleet], Rid, null, CancellationToken.None);

        // Then: the platform folder's files are in the cache, checked, executable; the second run downloads nothing
        NativeInstallResult result = first.Single();
        result.AlreadyInstalled.ShouldBeFalse();
        result.Folder.ShouldBe(Path.Combine(cache.Root, Rid, "google.ortools.runtime.linux-x64", result.Pin.Version));
        string[] files = Directory.GetFiles(result.Folder);
        files.Select(Path.GetFileName).ShouldContain("google-ortools-native.so");
        files.Select(Path.GetFileName).ShouldContain("libortools.so.9");
        files.Sum(f => new FileInfo(f).Length).ShouldBe(result.Pin.NativeBytes);
        sent.ShouldBe(result.Pin.PackageBytes);
        cache.Has(NativeComponent.Fleet, Rid).ShouldBeTrue();
        cache.Has(NativeComponent.Ledger, Rid).ShouldBeFalse();
        second.Single().AlreadyInstalled.ShouldBeTrue();
        feed.BytesSent.ShouldBe(sent);
        Directory.GetFiles(cache.Root).ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_RefuseThePackage_And_InstallNothing_When_ItsSha512DiffersFromThePin()
    {
        using var feed = new LocalNuGetFeed { TamperedPackage = "google.ortools.runtime.linux-x64" };
        using var temp = new TempFolder();
        using var http = new HttpClient();
        var cache = new NativeCache(temp.File("natives"));

        NativeInstallException e = await Should.ThrowAsync<NativeInstallException>(
            () => new NativeInstaller(http, feed.Url, cache).InstallAsync([NativeComponent.Fleet], Rid, null, CancellationToken.None));

        e.Message.ShouldContain("SHA-512 mismatch for Google.OrTools.runtime.linux-x64");
        e.Message.ShouldContain(feed.Url.AbsoluteUri + "google.ortools.runtime.linux-x64/");
        e.Message.ShouldContain("refused");
        Directory.GetFiles(cache.Root, "*", SearchOption.AllDirectories).ShouldBeEmpty();
        cache.Has(NativeComponent.Fleet, Rid).ShouldBeFalse();
    }

    [Fact]
    public async Task Should_LeaveNoCacheEntry_When_CancelledMidDownload()
    {
        using var feed = new LocalNuGetFeed { ChunkDelay = TimeSpan.FromMilliseconds(5) };
        using var temp = new TempFolder();
        using var http = new HttpClient();
        var cache = new NativeCache(temp.File("natives"));
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.BytesDone > 2_000_000)
            {
                cancel.Cancel();
            }
        });

        await Should.ThrowAsync<OperationCanceledException>(
            () => new NativeInstaller(http, feed.Url, cache).InstallAsync([NativeComponent.Fleet], Rid, progress, cancel.Token));

        feed.BytesSent.ShouldBeGreaterThan(2_000_000);
        Directory.GetFileSystemEntries(cache.Root, "*", SearchOption.AllDirectories).Where(File.Exists).ShouldBeEmpty();
        Directory.Exists(Path.Combine(cache.Root, Rid, "google.ortools.runtime.linux-x64")).ShouldBeFalse();
    }

    [Fact]
    public async Task Should_GiveUpAndInstallNothing_When_TheFeedStopsSendingMidDownload()
    {
        // Given: a feed that sends 1 MiB of the package, then nothing, holding the connection open
        using var feed = new LocalNuGetFeed { StallAfterBytes = 1 << 20 };
        using var temp = new TempFolder();
        using var http = new HttpClient();
        var cache = new NativeCache(temp.File("natives"));
        var installer = new NativeInstaller(http, feed.Url, cache) { StallTimeout = TimeSpan.FromSeconds(1) };

        // When
        NativeInstallException e = await Should.ThrowAsync<NativeInstallException>(
            () => installer.InstallAsync([NativeComponent.Fleet], Rid, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        // Then: the message says what happened and what to do; no entry and no partial download stay
        e.Message.ShouldContain("no data for 1 s after 1,048,576 bytes");
        e.Message.ShouldContain("set BURNRATE_NATIVE_FEED");
        Directory.GetFileSystemEntries(cache.Root, "*", SearchOption.AllDirectories).Where(File.Exists).ShouldBeEmpty();
        cache.Has(NativeComponent.Fleet, Rid).ShouldBeFalse();
    }

    [Fact]
    public void Should_DeleteThePartialDownloadsOfKilledInstalls_But_NotOfARunningOne()
    {
        // Given: what a killed install leaves (its process id no longer runs) and a download of this running process
        using var temp = new TempFolder();
        string root = temp.File("natives");
        Directory.CreateDirectory(root);
        string killed = Path.Combine(root, ".download-2147483646-0123456789abcdef.nupkg");
        string running = Path.Combine(root, $".download-{Environment.ProcessId}-fedcba9876543210.nupkg");
        string other = Path.Combine(root, "notes.txt");
        foreach (string f in new[] { killed, running, other })
        {
            File.WriteAllText(f, "x");
        }

        // When
        NativeInstaller.RemoveStaleDownloads(root);

        // Then
        File.Exists(killed).ShouldBeFalse();
        File.Exists(running).ShouldBeTrue();
        File.Exists(other).ShouldBeTrue();
    }

    [Theory]
    [InlineData("linux", System.Runtime.InteropServices.Architecture.X64, false, "linux-x64")]
    [InlineData("linux", System.Runtime.InteropServices.Architecture.X64, true, "linux-musl-x64")]
    [InlineData("linux", System.Runtime.InteropServices.Architecture.Arm64, true, "linux-musl-arm64")]
    [InlineData("osx", System.Runtime.InteropServices.Architecture.Arm64, false, "osx-arm64")]
    [InlineData("win", System.Runtime.InteropServices.Architecture.X64, false, "win-x64")]
    public void Should_NameMuslLinuxApart_When_ThePlatformIsIdentified(string os, System.Runtime.InteropServices.Architecture architecture, bool musl, string expected)
    {
        NativeRid.For(os, architecture, musl).ShouldBe(expected);
        NativePins.RuntimeIdentifiers.Contains(expected).ShouldBe(!musl);
    }

    [Fact]
    public async Task Should_NameTheAddressAndTheVariable_When_TheFeedCannotBeReached()
    {
        using var temp = new TempFolder();
        using var http = new HttpClient();
        var cache = new NativeCache(temp.File("natives"));

        NativeInstallException e = await Should.ThrowAsync<NativeInstallException>(
            () => new NativeInstaller(http, new Uri("http://127.0.0.1:1/feed"), cache).InstallAsync([NativeComponent.Ledger], Rid, null, CancellationToken.None));

        e.Message.ShouldStartWith("http://127.0.0.1:1/feed/duckdb.net.bindings.full/");
        e.Message.ShouldContain("set BURNRATE_NATIVE_FEED");
        cache.Has(NativeComponent.Ledger, Rid).ShouldBeFalse();
    }

    [Fact]
    public void Should_TakeTheCacheFromTheVariable_ThenXdgCacheHome_ThenHome()
    {
        static Func<string, string?> Env(params (string Name, string Value)[] vars) => name => vars.FirstOrDefault(v => v.Name == name).Value;

        NativeCache.FromEnvironment(Env(("BURNRATE_NATIVE_CACHE", "/n"), ("XDG_CACHE_HOME", "/x"), ("HOME", "/h"))).Root.ShouldBe("/n");
        NativeCache.FromEnvironment(Env(("XDG_CACHE_HOME", "/x"), ("HOME", "/h"))).Root.ShouldBe("/x/burnrate/natives");
        NativeCache.FromEnvironment(Env(("XDG_CACHE_HOME", "relative"), ("HOME", "/h"))).Root.ShouldBe("/h/.cache/burnrate/natives");
        NativeCache.FromEnvironment(Env(("HOME", "/h"))).Root.ShouldBe("/h/.cache/burnrate/natives");
        new NativeCache("/n").Folder(NativePins.For(NativeComponent.Ledger, Rid).Single()).ShouldBe($"/n/{Rid}/duckdb.net.bindings.full/{NativePins.For(NativeComponent.Ledger, Rid).Single().Version}");
    }

    [Fact]
    public void Should_RefuseAFeedThatIsNotAnHttpAddress()
    {
        NativeInstaller.FeedFromEnvironment(_ => null).ShouldBe(NativeInstaller.DefaultFeed);
        NativeInstaller.FeedFromEnvironment(_ => "http://127.0.0.1:5000/v3/").AbsoluteUri.ShouldBe("http://127.0.0.1:5000/v3/");
        Should.Throw<CatalogException>(() => NativeInstaller.FeedFromEnvironment(_ => "ftp://mirror/")).Message.ShouldContain("BURNRATE_NATIVE_FEED=\"ftp://mirror/\"");
        Should.Throw<CatalogException>(() => NativeInstaller.FeedFromEnvironment(_ => "mirror"));
    }

    [Fact]
    public void Should_NameTheComponentAndTheCommand_When_ALibraryIsMissing()
    {
        var missing = new TypeInitializationException("DuckDB.NET.Native.NativeMethods", new DllNotFoundException("Unable to load shared library 'duckdb' or one of its dependencies."));

        NativeLoader.Missing(missing).ShouldBe(NativeComponent.Ledger);
        NativeLoader.Missing(new DllNotFoundException("Unable to load shared library 'google-ortools-native'")).ShouldBe(NativeComponent.Fleet);
        NativeLoader.Missing(new DllNotFoundException("Unable to load shared library 'libc'")).ShouldBeNull();
        NativeComponent.Ledger.MissingMessage(Rid).ShouldMatch(@"^the ledger needs DuckDB's native library \(\d+ MB\): run `burnrate natives install ledger` \(docs/natives\.md\)$");
    }

    // Progress<T> posts to the thread pool; the test needs the report before the next chunk is read.
    private sealed class SynchronousProgress(Action<NativeInstallProgress> report) : IProgress<NativeInstallProgress>
    {
        public void Report(NativeInstallProgress value) => report(value);
    }
}
