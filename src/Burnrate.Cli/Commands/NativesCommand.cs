using System.CommandLine;
using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Catalog.Natives;
using Burnrate.Cli.Rendering;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate natives install [ledger|fleet|all] [--rid RID]</c>: fetches the native libraries the tool package
/// leaves out (docs/natives.md).</summary>
internal sealed class NativesCommand : Command
{
    public NativesCommand()
        : base("natives", "The ledger's and the fleet optimizer's native libraries (DuckDB, OR-Tools), which the tool package leaves out")
    {
        Subcommands.Add(new NativesInstallCommand());
    }
}

/// <summary><c>burnrate natives install</c>.</summary>
internal sealed class NativesInstallCommand : Command
{
    private const string All = "all";

    private readonly Argument<string> _what = new("what")
    {
        Description = "What to install: ledger (DuckDB), fleet (OR-Tools) or all",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => All,
    };

    private readonly Option<string> _rid = new("--rid")
    {
        Description = $"The platform ({string.Join(", ", NativePins.RuntimeIdentifiers)}; default: this machine's)",
    };

    public NativesInstallCommand()
        : base("install", $"Download the pinned NuGet packages (from {NativeInstaller.FeedVariable}, default nuget.org), check their SHA-512 and unpack the natives into the cache ({NativeCache.Variable})")
    {
        Arguments.Add(_what);
        Options.Add(_rid);
        SetAction((parse, cancellationToken) => RunAsync(parse, cancellationToken));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        IReadOnlyList<NativeComponent> components = Components(parse.GetValue(_what) ?? All);
        string rid = Rid(parse.GetValue(_rid));
        Uri feed = NativeInstaller.FeedFromEnvironment(Environment.GetEnvironmentVariable);
        NativeCache cache = NativeCache.Current;
        TextWriter output = parse.InvocationConfiguration.Output;
        TextWriter error = parse.InvocationConfiguration.Error;

        using var http = new HttpClient();
        var installer = new NativeInstaller(http, feed, cache);
        using var stop = new SignalStop(error, "natives install: stopping; nothing half-written stays in the cache (press Ctrl-C again to quit at once)", cancellationToken);
        IReadOnlyList<NativeInstallResult> results;
        using (ProgressLine line = ProgressLine.Over(error, "natives install"))
        {
            try
            {
                results = await installer.InstallAsync(components, rid, line.For<NativeInstallProgress>(Step), stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.ExitCode is { } code)
            {
                line.Dispose();
                error.WriteLine("natives install stopped: the packages already unpacked stay; run the same command again to finish");
                return code;
            }
        }

        foreach (NativeInstallResult r in results)
        {
            string size = string.Create(CultureInfo.InvariantCulture, $"{r.Pin.NativeBytes / 1e6:0.0} MB");
            output.WriteLine(r.AlreadyInstalled
                ? $"{r.Pin.PackageId} {r.Pin.Version} ({rid}): already in {r.Folder}"
                : $"{r.Pin.PackageId} {r.Pin.Version} ({rid}): SHA-512 checked, {size} of native libraries in {r.Folder}");
        }

        return ExitCodes.Success;
    }

    private static ProgressStep Step(NativeInstallProgress p) => new(p.Pin.PackageId, p.BytesDone / 1000, p.TotalBytes / 1000, "kB");

    private static IReadOnlyList<NativeComponent> Components(string what)
    {
        if (string.Equals(what, All, StringComparison.OrdinalIgnoreCase))
        {
            return NativeComponent.All;
        }

        if (NativeComponent.Find(what) is { } component)
        {
            return [component];
        }

        string[] names = [.. NativeComponent.All.Select(c => c.Name), All];
        IReadOnlyList<string> near = Suggestions.Nearest(what, names);
        string hint = near.Count > 0 ? $"; did you mean {string.Join(" or ", near)}?" : "";
        throw new UsageException($"natives install: \"{what}\" is not something to install{hint} (known: {string.Join(", ", names)})");
    }

    private static string Rid(string? rid)
    {
        if (rid is null)
        {
            return NativePins.RuntimeIdentifiers.Contains(NativeRid.Current, StringComparer.Ordinal)
                ? NativeRid.Current
                : throw new UsageException($"natives install: no native packages are pinned for this platform ({NativeRid.Current}); pinned: {string.Join(", ", NativePins.RuntimeIdentifiers)}");
        }

        if (NativePins.RuntimeIdentifiers.Contains(rid, StringComparer.Ordinal))
        {
            return rid;
        }

        IReadOnlyList<string> near = Suggestions.Nearest(rid, NativePins.RuntimeIdentifiers);
        string hint = near.Count > 0 ? $"; did you mean {string.Join(" or ", near)}?" : "";
        throw new UsageException($"--rid \"{rid}\": no native packages are pinned for it{hint} (pinned: {string.Join(", ", NativePins.RuntimeIdentifiers)})");
    }
}
