using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Burnrate.Cli.Tests.LlamaCpp;

/// <summary>
/// tools/llama-front/server.mjs (llama.cpp through node-llama-cpp) running on 127.0.0.1: started with a bound wait for its
/// ready line, killed by its PID on dispose however the test ends.
/// </summary>
internal sealed class LlamaFront : IDisposable
{
    private readonly Process _process;

    private LlamaFront(Process process, int port)
    {
        _process = process;
        Url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/v1");
    }

    /// <summary>Gets the OpenAI-compatible base URL.</summary>
    public string Url { get; }

    /// <summary>The folder holding server.mjs, and node_modules once scripts/test.sh has installed it.</summary>
    public static string Folder => Path.Combine(Reliability.RepoFiles.Root, "tools", "llama-front");

    /// <summary>Gets why the front cannot run here, or null: scripts/test.sh says why (no npm, no prebuilt binary), or nothing was installed.</summary>
    public static string? SkipReason =>
        Environment.GetEnvironmentVariable("BURNRATE_TEST_LLAMACPP_SKIP") is { Length: > 0 } skip ? "llama.cpp front not available: " + skip
        : !Directory.Exists(Path.Combine(Folder, "node_modules", "node-llama-cpp"))
            ? "tools/llama-front/node_modules is not installed: run scripts/test.sh, which installs it (npm, node-llama-cpp's prebuilt CPU binaries)"
            : null;

    /// <summary>Starts the front on a free port, serving <paramref name="gguf"/> with up to <paramref name="sequences"/> sequences decoding together.</summary>
    public static LlamaFront Start(string gguf, int sequences, int threads, TimeSpan readyWithin)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "server.mjs", "--model", gguf, "--port", "0", "--sequences", sequences.ToString(CultureInfo.InvariantCulture), "--threads", threads.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var errors = new StringWriter();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.WriteLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        try
        {
            Task<string?> line = process.StandardOutput.ReadLineAsync();
            if (!line.Wait(readyWithin) || line.Result is not { } ready)
            {
                throw new InvalidOperationException("the llama.cpp front did not say it was ready within " + readyWithin + ": " + Errors());
            }

            using var json = JsonDocument.Parse(ready);
            return new LlamaFront(process, json.RootElement.GetProperty("port").GetInt32());
        }
        catch
        {
            Kill(process);
            throw;
        }

        string Errors()
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill(_process);
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(); // SIGKILL to this PID: node has no children
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        finally
        {
            process.Dispose();
        }
    }
}
