namespace Burnrate.Catalog.Files;

/// <summary>
/// Errors met while writing through a temporary file or folder are reported against the user's path: the temporary name is
/// an implementation detail, and a message naming it (".plan.burnrate-tmp-4242-1: permission denied") sends the user
/// looking for a file they never asked for.
/// </summary>
internal static class TempPaths
{
    /// <summary>Gets whether <paramref name="e"/> is a file-system error whose message names <paramref name="temp"/>.</summary>
    public static bool Names(Exception e, string temp) =>
        e is IOException or UnauthorizedAccessException && e.Message.Contains(temp, StringComparison.Ordinal);

    /// <summary>Gets an exception of the same kind whose message names <paramref name="target"/> where it named
    /// <paramref name="temp"/> (a file inside a temporary folder becomes that file inside the target), the original inside.</summary>
    public static Exception Renamed(Exception e, string temp, string target)
    {
        ArgumentNullException.ThrowIfNull(e);
        string message = e.Message.Replace(temp, target, StringComparison.Ordinal);
        return e switch
        {
            UnauthorizedAccessException => new UnauthorizedAccessException(message, e),
            FileNotFoundException f => new FileNotFoundException(message, f.FileName?.Replace(temp, target, StringComparison.Ordinal), e),
            DirectoryNotFoundException => new DirectoryNotFoundException(message, e),
            PathTooLongException => new PathTooLongException(message, e),
            _ => new IOException(message, e),
        };
    }
}
