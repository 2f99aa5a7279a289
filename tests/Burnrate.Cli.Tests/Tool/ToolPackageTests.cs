using System.IO.Compression;
using Burnrate.Catalog.Natives;

namespace Burnrate.Cli.Tests.Tool;

// The packed tool, installed into a temporary tool path; natives come from a LocalNuGetFeed on 127.0.0.1 (never nuget.org).
public sealed class ToolPackageTests(PackedTool tool) : IClassFixture<PackedTool>
{
    private const long Limit = 30_000_000;

    [Fact]
    public void Should_PackThisPlatformsToolUnder30MB_WithTheManagedAssembliesButNotTheDuckDbOrOrToolsNatives()
    {
        new FileInfo(tool.PlatformPackage).Length.ShouldBeLessThan(Limit);
        using ZipArchive package = ZipFile.OpenRead(tool.PlatformPackage);
        string[] names = [.. package.Entries.Select(e => Path.GetFileName(e.FullName))];
        names.ShouldContain("DuckDB.NET.Bindings.dll");
        names.ShouldContain("Google.OrTools.dll");
        names.ShouldContain("burnrate.dll");
        names.ShouldNotContain(n => n.Contains("duckdb", StringComparison.OrdinalIgnoreCase) && !n.EndsWith(".dll", StringComparison.Ordinal));
        names.ShouldNotContain(n => n.Contains("ortools", StringComparison.OrdinalIgnoreCase) && !n.EndsWith(".dll", StringComparison.Ordinal));
        names.ShouldNotContain(n => n.StartsWith("libabsl_", StringComparison.Ordinal) || n.StartsWith("libscip", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ImportReportAndOptimize_When_TheNativesAreInstalledFromAFeed()
    {
        using var feed = new LocalNuGetFeed();
        using var work = new TempFolder();
        string cache = work.File("natives");
        string empty = Directory.CreateDirectory(work.File("empty")).FullName;

        CliRun install = tool.Run(empty, cache, feed.Url, "natives", "install");
        install.ExitCode.ShouldBe(0, install.Error);
        install.Output.ShouldContain($"DuckDB.NET.Bindings.Full {Pin(NativeComponent.Ledger).Version} ({NativeRid.Current}): SHA-512 checked");
        install.Output.ShouldContain($"{Pin(NativeComponent.Fleet).PackageId} {Pin(NativeComponent.Fleet).Version} ({NativeRid.Current}): SHA-512 checked");
        feed.BytesSent.ShouldBe(Pin(NativeComponent.Ledger).PackageBytes + Pin(NativeComponent.Fleet).PackageBytes);

        string logs = Path.Combine(tool.Repository, "examples", "ledger", "spend-logs.jsonl");
        CliRun import = tool.Run(empty, cache, feed.Url, "ledger", "import", logs, "--format", "litellm", "--db", "ledger.duckdb", "--json");
        import.ExitCode.ShouldBe(0, import.Error);
        File.Exists(Path.Combine(empty, "ledger.duckdb")).ShouldBeTrue();

        CliRun report = tool.Run(empty, cache, feed.Url, "ledger", "report", "--by", "model", "--db", "ledger.duckdb");
        report.ExitCode.ShouldBe(0, report.Error);
        report.Output.ShouldContain("Gross margin by model");
        report.Output.ShouldContain("gpt-4o-mini");

        CliRun fleet = tool.Run(empty, cache, feed.Url, "fleet", Path.Combine(tool.Repository, "examples", "fleet-hybrid.yaml"));
        fleet.ExitCode.ShouldBe(0, fleet.Error);
        fleet.Output.ShouldContain("optimal");
        fleet.Output.ShouldContain("Mix by option");

        // A second install finds everything in the cache and downloads nothing.
        long sent = feed.BytesSent;
        CliRun again = tool.Run(empty, cache, feed.Url, "natives", "install", "all");
        again.ExitCode.ShouldBe(0, again.Error);
        again.Output.ShouldContain("already in");
        feed.BytesSent.ShouldBe(sent);
    }

    [Fact]
    public void Should_SayWhichNativesToInstall_When_ALedgerOrFleetCommandRunsWithoutThem()
    {
        using var feed = new LocalNuGetFeed();
        using var work = new TempFolder();
        string cache = work.File("natives");

        CliRun ledger = tool.Run(work.Path, cache, feed.Url, "ledger", "report", "--by", "model", "--db", "ledger.duckdb");
        CliRun fleet = tool.Run(work.Path, cache, feed.Url, "fleet", Path.Combine(tool.Repository, "examples", "fleet-hybrid.yaml"));

        ledger.ExitCode.ShouldBe(1);
        ledger.Error.ShouldMatch(@"^error: the ledger needs DuckDB's native library \(\d+ MB\): run `burnrate natives install ledger` \(docs/natives\.md\)\r?\n$");
        fleet.ExitCode.ShouldBe(1);
        fleet.Error.ShouldMatch(@"^error: the fleet optimizer needs OR-Tools' native libraries \(\d+ MB\): run `burnrate natives install fleet` \(docs/natives\.md\)\r?\n$");
        feed.BytesSent.ShouldBe(0);
    }

    [Fact]
    public void Should_RefuseATamperedPackage_And_LeaveTheCacheEmpty()
    {
        using var feed = new LocalNuGetFeed { TamperedPackage = Pin(NativeComponent.Fleet).PackageId.ToLowerInvariant() };
        using var work = new TempFolder();
        string cache = work.File("natives");

        CliRun install = tool.Run(work.Path, cache, feed.Url, "natives", "install", "fleet");

        install.ExitCode.ShouldBe(1);
        install.Error.ShouldStartWith("error: " + feed.Url.AbsoluteUri);
        install.Error.ShouldContain($"SHA-512 mismatch for {Pin(NativeComponent.Fleet).PackageId} {Pin(NativeComponent.Fleet).Version}");
        install.Error.ShouldNotContain("   at ");
        Files(cache).ShouldBeEmpty();
    }

    [Fact]
    public void Should_NameTheFeedAndWhatToSet_When_TheFeedCannotBeReached()
    {
        using var work = new TempFolder();

        CliRun install = tool.Run(work.Path, work.File("natives"), new Uri("http://127.0.0.1:1/"), "natives", "install", "ledger");

        install.ExitCode.ShouldBe(1);
        install.Error.ShouldStartWith("error: http://127.0.0.1:1/duckdb.net.bindings.full/");
        install.Error.ShouldContain("set BURNRATE_NATIVE_FEED");
        install.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public void Should_ExitTwoWithTheChoices_When_TheComponentOrPlatformIsUnknown()
    {
        using var work = new TempFolder();
        var unused = new Uri("http://127.0.0.1:1/");

        CliRun what = tool.Run(work.Path, work.File("natives"), unused, "natives", "install", "legder");
        CliRun rid = tool.Run(work.Path, work.File("natives"), unused, "natives", "install", "--rid", "linux-x46");

        what.ExitCode.ShouldBe(2);
        what.Error.ShouldContain("did you mean ledger?");
        rid.ExitCode.ShouldBe(2);
        rid.Error.ShouldContain("did you mean linux-x64?");
    }

    [Fact]
    public async Task Should_LeaveNoHalfWrittenCacheEntry_When_InterruptedWithCtrlC()
    {
        using var feed = new LocalNuGetFeed { ChunkDelay = TimeSpan.FromMilliseconds(10) };
        using var work = new TempFolder();
        string cache = work.File("natives");
        using System.Diagnostics.Process install = tool.Start(work.Path, cache, feed.Url, "natives", "install", "fleet");
        Task<string> error = install.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (feed.BytesSent < 2_000_000 && !install.HasExited)
        {
            await Task.Delay(50, bound.Token);
        }

        ChildCli.Signal(install, "INT");
        await ChildCli.WaitForExit(install);

        install.ExitCode.ShouldBe(130, await error);
        (await error).ShouldContain("nothing half-written stays in the cache");
        feed.BytesSent.ShouldBeLessThan(Pin(NativeComponent.Fleet).PackageBytes);
        Files(cache).ShouldBeEmpty();
        Directory.Exists(Path.Combine(cache, NativeRid.Current, Pin(NativeComponent.Fleet).PackageId.ToLowerInvariant(), Pin(NativeComponent.Fleet).Version)).ShouldBeFalse();
    }

    private static NativePin Pin(NativeComponent component) => NativePins.For(component, NativeRid.Current).Single();

    private static string[] Files(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
}
