using System.Diagnostics;
using Burnrate.Catalog.Natives;

namespace Burnrate.Cli.Tests.Tool;

/// <summary>The <c>burnrate</c> tool as a user gets it: packed from this repository for this platform (the pointer package
/// and the platform package), installed with <c>dotnet tool install --tool-path</c> from those packages, in a private
/// NuGet folder. Packed once per test class.</summary>
public sealed class PackedTool : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(20);
    private readonly TempFolder _temp = new("burnrate-tool-");

    /// <summary>Initializes a new instance of the <see cref="PackedTool"/> class (packs and installs).</summary>
    public PackedTool()
    {
        Repository = FindRepository();
        Packages = _temp.File("packages");
        // The pointer package and this platform's package only: the other platforms add minutes and prove nothing here.
        Run("dotnet", ["pack", Path.Combine(Repository, "src", "Burnrate.Cli"), "-c", "Release", "--no-restore", "-nologo", "-v", "q",
            "-nodeReuse:false", "--disable-build-servers", "-o", Packages, "-p:ToolPackageRuntimeIdentifiers=" + NativeRid.Current], Repository);
        PlatformPackage = Path.Combine(Packages, $"burnrate.{NativeRid.Current}.0.1.0.nupkg");
        string tools = _temp.File("tools");
        Run("dotnet", ["tool", "install", "burnrate", "--tool-path", tools, "--add-source", Packages], _temp.Path, ("NUGET_PACKAGES", _temp.File("nuget")));
        Executable = Path.Combine(tools, OperatingSystem.IsWindows() ? "burnrate.exe" : "burnrate");
    }

    /// <summary>Gets the repository's root folder.</summary>
    public string Repository { get; }

    /// <summary>Gets the folder with the packed .nupkg files.</summary>
    public string Packages { get; }

    /// <summary>Gets this platform's tool package.</summary>
    public string PlatformPackage { get; }

    /// <summary>Gets the installed <c>burnrate</c> command.</summary>
    public string Executable { get; }

    /// <summary>Starts the installed <c>burnrate ARGS</c> in <paramref name="workingDirectory"/> with its own natives cache
    /// and feed (never the user's cache, never nuget.org).</summary>
    public Process Start(string workingDirectory, string cache, Uri feed, params string[] args)
    {
        var info = new ProcessStartInfo(Executable) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment[NativeCache.Variable] = cache;
        info.Environment[NativeInstaller.FeedVariable] = feed.AbsoluteUri;
        info.Environment["COLUMNS"] = "120";
        return Process.Start(info)!;
    }

    /// <summary>Runs the installed <c>burnrate ARGS</c> to the end (at most two minutes).</summary>
    public CliRun Run(string workingDirectory, string cache, Uri feed, params string[] args)
    {
        using Process process = Start(workingDirectory, cache, feed, args);
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"burnrate {string.Join(' ', args)} did not end within 2 minutes");
        }

        return new CliRun(process.ExitCode, output.Result, error.Result);
    }

    /// <inheritdoc />
    public void Dispose() => _temp.Dispose();

    private static string FindRepository()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Burnrate.slnx")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("no Burnrate.slnx above " + AppContext.BaseDirectory);
    }

    private static void Run(string file, string[] args, string workingDirectory, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach ((string name, string value) in environment)
        {
            info.Environment[name] = value;
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(info)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(PackTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not end within {PackTimeout}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{output.Result}\n{error.Result}");
        }
    }
}
