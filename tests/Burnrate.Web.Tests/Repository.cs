namespace Burnrate.Web.Tests;

/// <summary>Files of the repository the tests run from (the folder holding Burnrate.slnx).</summary>
internal static class Repository
{
    /// <summary>Gets the full path of a file given relative to the repository root.</summary>
    public static string File(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Burnrate.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, relative);
    }
}
