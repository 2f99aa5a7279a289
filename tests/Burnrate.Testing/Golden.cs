using System.Runtime.CompilerServices;

namespace Burnrate.Testing;

/// <summary>
/// Snapshot assertions: compares text with <c>Expectations/&lt;Area&gt;/&lt;Test&gt;.verified.txt</c> beside the calling test's
/// source file, writes a <c>.received.txt</c> on a mismatch, and accepts the new text when UPDATE_GOLDEN=1 is set.
/// </summary>
public static class Golden
{
    /// <summary>Compares <paramref name="actual"/> with the verified snapshot of the calling test.</summary>
    public static void Verify(string actual, string area, [CallerMemberName] string test = "", [CallerFilePath] string sourceFile = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        string folder = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Expectations", area);
        string verified = Path.Combine(folder, test + ".verified.txt");
        string received = Path.Combine(folder, test + ".received.txt");
        string normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verified, normalized);
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        string expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        if (expected != normalized)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(received, normalized);
            Assert.Fail(File.Exists(verified)
                ? $"Snapshot mismatch: compare {received} with {verified} (set UPDATE_GOLDEN=1 to accept)."
                : $"No snapshot yet: review {received}, then run with UPDATE_GOLDEN=1 to accept it as {verified}.");
        }
    }
}
