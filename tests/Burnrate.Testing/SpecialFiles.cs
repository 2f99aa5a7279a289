using System.Diagnostics;

namespace Burnrate.Testing;

/// <summary>FIFOs made with <c>mkfifo</c> in a test's own folder (never a real /dev node), and a reader that drains one.</summary>
public static class SpecialFiles
{
    /// <summary>Creates a FIFO at <paramref name="path"/> and returns the path.</summary>
    public static string MakeFifo(string path)
    {
        Run("mkfifo", path).ShouldBe(0, "mkfifo " + path);
        return path;
    }

    /// <summary>Gets whether <paramref name="path"/> is (still) a FIFO, as <c>test -p</c> sees it.</summary>
    public static bool IsFifo(string path) => Run("test", "-p", path) == 0;

    /// <summary>Starts reading <paramref name="fifo"/> to its end on a thread of its own (opening a FIFO blocks until a writer
    /// opens it too).</summary>
    public static Task<byte[]> StartReading(string fifo) =>
        Task.Factory.StartNew(() => File.ReadAllBytes(fifo), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Waits up to a minute for <paramref name="reader"/> and returns what it read.</summary>
    public static byte[] Drained(Task<byte[]> reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Wait(TimeSpan.FromMinutes(1)).ShouldBeTrue("the FIFO's reader never saw the end of what was written");
        return reader.Result;
    }

    private static int Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(info)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
