namespace Burnrate.Cli.Tests.Reliability;

/// <summary>Paths of files in the repository (examples), found from the test's output folder.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Example(string name) => Path.Combine(Root, "examples", name);

    public static string LedgerExample(string name) => Path.Combine(Root, "examples", "ledger", name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Burnrate.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Burnrate.slnx not found above " + AppContext.BaseDirectory);
    }
}
