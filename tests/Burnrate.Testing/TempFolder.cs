namespace Burnrate.Testing;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Initializes a new instance of the <see cref="TempFolder"/> class.</summary>
    public TempFolder(string prefix = "burnrate-test-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Gets the folder's full path.</summary>
    public string Path { get; }

    /// <summary>Gets the full path of <paramref name="name"/> inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> inside the folder and returns its path.</summary>
    public string Write(string name, string text)
    {
        string path = File(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A server still holding a file open: the OS temp cleaner gets it later.
        }
        catch (UnauthorizedAccessException)
        {
            // Tests that make files read-only on purpose.
        }
    }
}
