using System.Runtime.CompilerServices;

namespace Burnrate.Core.Tests;

/// <summary>
/// Snapshot assertions: compares text with <c>Expectations/&lt;Area&gt;/&lt;Test&gt;.verified.txt</c> beside the test source, writes a
/// <c>.received.txt</c> on a mismatch, and accepts the new text when the environment variable UPDATE_GOLDEN=1 is set.
/// </summary>
internal static class Golden
{
    public static void Verify(string actual, string area, [CallerMemberName] string test = "", [CallerFilePath] string sourceFile = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Expectations", area);
        string verified = Path.Combine(folder, test + ".verified.txt");
        string received = Path.Combine(folder, test + ".received.txt");
        string normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verified, normalized);
            return;
        }

        string expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        if (expected != normalized)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(received, normalized);
            Assert.Fail($"Snapshot mismatch: compare {received} with {verified} (set UPDATE_GOLDEN=1 to accept).");
        }
    }
}
