using System.Diagnostics;
using System.Globalization;

namespace Burnrate.Cli.Tests;

/// <summary>The built CLI (the burnrate.dll beside the tests) in a child process, for what an in-process run cannot show:
/// signals and servers that run until stopped. POSIX only (signals sent with kill(1)), as CI is.</summary>
internal static class ChildCli
{
    /// <summary>Starts <c>burnrate ARGS</c> with standard output redirected (read it from the process) and standard error
    /// collected into <paramref name="error"/>.</summary>
    public static Process Start(System.Text.StringBuilder? error, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "burnrate.dll"));
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        Process process = Process.Start(info)!;
        process.ErrorDataReceived += (_, e) =>
        {
            if (error is not null && e.Data is not null)
            {
                lock (error)
                {
                    error.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Sends SIGINT ("INT") or SIGTERM ("TERM") with kill(1).</summary>
    public static void Signal(Process process, string signal)
    {
        using Process kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>Waits for the child to exit, killing it and failing the test after <paramref name="seconds"/>.</summary>
    public static async Task WaitForExit(Process process, double seconds = 60)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the child did not exit within {seconds} s");
        }
    }
}
