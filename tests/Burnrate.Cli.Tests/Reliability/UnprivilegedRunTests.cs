using System.Diagnostics;

namespace Burnrate.Cli.Tests.Reliability;

/// <summary>
/// Issue 11, "Permissions", as an unprivileged user would meet them: the built CLI run as nobody (uid/gid 65534 through
/// setpriv) against a read-only --out folder and an unreadable input prints one line naming the path and the reason, exit 1,
/// never a stack trace. Root ignores permissions, so the test needs root (to drop to nobody) and setpriv; elsewhere it says why
/// it did nothing.
/// </summary>
public sealed class UnprivilegedRunTests : IDisposable
{
    private readonly TempFolder _dir = new("burnrate-unpriv-");

    public void Dispose()
    {
        if (OperatingSystem.IsWindows())
        {
            _dir.Dispose();
            return;
        }

        foreach (string path in Directory.EnumerateFileSystemEntries(_dir.Path, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        _dir.Dispose();
    }

    [Fact]
    public void Should_PrintOneLineNamingThePath_When_NobodyWritesToAReadOnlyFolderOrReadsAnUnreadableFile()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/setpriv"))
        {
            Console.WriteLine("skipped: needs Linux, root (to drop to uid 65534) and /usr/bin/setpriv");
            return;
        }

        // Given: a folder nobody may not write into, and a scenario nobody may not read (the temp folder is world-traversable)
        File.SetUnixFileMode(_dir.Path, (UnixFileMode)0b111_101_101);
        string readOnly = Path.Combine(_dir.Path, "read-only");
        Directory.CreateDirectory(readOnly);
        File.SetUnixFileMode(readOnly, (UnixFileMode)0b101_101_101);
        string secret = Path.Combine(_dir.Path, "secret.yaml");
        File.Copy(RepoFiles.Example("example-ai-api.yaml"), secret);
        File.SetUnixFileMode(secret, UnixFileMode.None);

        // When
        (int planOut, string planOutError) = RunAsNobody("plan", RepoFiles.Example("example-ai-api.yaml"), "--paths", "20", "--out", Path.Combine(readOnly, "plan"));
        (int optimizeOut, string optimizeError) = RunAsNobody("optimize", "llama-3.1-8b", "--out", readOnly);
        (int planIn, string planInError) = RunAsNobody("plan", secret);

        // The rest of the audit's list: infer and bench into the read-only folder; a catalog, a config.json and a bench summary
        // nobody may read
        string secretJson = Path.Combine(_dir.Path, "secret.json");
        File.WriteAllText(secretJson, "{}");
        File.SetUnixFileMode(secretJson, UnixFileMode.None);
        (string Command, string Path, int Code, string Error)[] more =
        [
            With("infer --out", readOnly, RunAsNobody("infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--sweep-concurrency", "1,8", "--out", readOnly)),
            With("bench --out", readOnly, RunAsNobody("bench", "--url", "http://127.0.0.1:9/v1", "--model", "m", "--requests", "1", "--out", Path.Combine(readOnly, "bench"))),
            With("--catalog", secret, RunAsNobody("--catalog", secret, "catalog", "gpus")),
            With("infer config.json", secretJson, RunAsNobody("infer", secretJson, "--gpu", "h100-sxm")),
            With("bench compare", secretJson, RunAsNobody("bench", "compare", secretJson, secretJson)),
        ];

        // Then
        foreach ((string command, string path, int code, string error) in more)
        {
            code.ShouldBe(1, command + ": " + error);
            error.ShouldContain(path, Case.Sensitive, command);
            error.ShouldContain("permission denied", Case.Sensitive, command + ": " + error);
            error.Trim().Split('\n').Length.ShouldBe(1, command + ": " + error);
            error.ShouldNotContain("   at ", Case.Sensitive, command);
        }

        planOut.ShouldBe(1, planOutError);
        planOutError.ShouldStartWith($"error: '{readOnly}");
        planOutError.ShouldContain("permission denied");
        optimizeOut.ShouldBe(1, optimizeError);
        optimizeError.ShouldStartWith($"error: '{readOnly}");
        optimizeError.ShouldContain("permission denied");
        planIn.ShouldBe(1, planInError);
        planInError.ShouldBe($"error: '{secret}': permission denied (cannot read the scenario file)\n");
        foreach (string e in new[] { planOutError, optimizeError, planInError })
        {
            e.Trim().Split('\n').Length.ShouldBe(1, e);
        }

        Directory.GetFileSystemEntries(readOnly).ShouldBeEmpty();
    }

    [Fact]
    public void Should_NameTheUsersPathNeverATemporaryOne_When_OutCannotBeWritten()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/setpriv"))
        {
            Console.WriteLine("skipped: needs Linux, root (to drop to uid 65534) and /usr/bin/setpriv");
            return;
        }

        // Given: a folder nobody may write into, inside one nobody may write into either
        File.SetUnixFileMode(_dir.Path, (UnixFileMode)0b111_101_101);
        string readOnly = Path.Combine(_dir.Path, "read-only");
        Directory.CreateDirectory(readOnly);
        File.SetUnixFileMode(readOnly, (UnixFileMode)0b101_101_101);
        string scenario = RepoFiles.Example("example-ai-api.yaml");

        static (string Target, int Code, string Error) Run(string target, params string[] args)
        {
            (int code, string error) = RunAsNobody(args);
            return (target, code, error);
        }

        // When: a set written into a new folder, a set written over the read-only folder itself, single files, and a report
        (string Target, int Code, string Error)[] runs =
        [
            Run(Path.Combine(readOnly, "plan"), "plan", scenario, "--paths", "20", "--out", Path.Combine(readOnly, "plan")),
            Run(readOnly, "plan", scenario, "--paths", "20", "--out", readOnly),
            Run(readOnly, "optimize", "llama-3.1-8b", "--out", readOnly),
            Run(Path.Combine(readOnly, "report"), "report", scenario, "--paths", "20", "--out", Path.Combine(readOnly, "report")),
        ];

        // Then: one line naming the folder the user gave (or a file the user asked for inside it), never a temporary name
        foreach ((string target, int code, string error) in runs)
        {
            code.ShouldBe(1, error);
            System.Text.RegularExpressions.Match m = System.Text.RegularExpressions.Regex.Match(error, "^error: '(?<path>[^']+)': permission denied\n$");
            m.Success.ShouldBeTrue(error);
            string path = m.Groups["path"].Value;
            (path == target || (Path.GetDirectoryName(path) == target && !Path.GetFileName(path).Contains("tmp", StringComparison.Ordinal))).ShouldBeTrue(error);
        }

        runs[0].Error.ShouldBe($"error: '{Path.Combine(readOnly, "plan")}': permission denied\n");
        runs[1].Error.ShouldBe($"error: '{readOnly}': permission denied\n");
        Directory.GetFileSystemEntries(readOnly).ShouldBeEmpty();
    }

    private static (string Command, string Path, int Code, string Error) With(string command, string path, (int Code, string Error) run) =>
        (command, path, run.Code, run.Error);

    private static (int Code, string Error) RunAsNobody(params string[] args)
    {
        var info = new ProcessStartInfo("/usr/bin/setpriv") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Path.Combine(AppContext.BaseDirectory, "burnrate.dll"), .. args])
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["HOME"] = Path.GetTempPath();
        info.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        using Process process = Process.Start(info)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the CLI did not end within 90 s: " + string.Join(" ", args));
        }

        output.Wait();
        return (process.ExitCode, error.Result);
    }
}
