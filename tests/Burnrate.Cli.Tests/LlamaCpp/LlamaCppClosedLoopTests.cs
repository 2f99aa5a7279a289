using System.Globalization;
using System.Text.Json;
using Burnrate.Cli.Tests.Reliability;
using Xunit.Abstractions;

namespace Burnrate.Cli.Tests.LlamaCpp;

/// <summary>
/// The closed loop on a real engine (docs/calibrate.md "Closed loop on llama.cpp"): llama.cpp serves a ~100M-parameter Llama
/// the test writes itself; burnrate bench measures one workload, calibrate fits the cost model to it on this machine's CPU
/// core, and infer --calibration predicts a second workload of other lengths, which bench then measures.
/// </summary>
[Collection(LlamaCppAlone.Name)]
public sealed class LlamaCppClosedLoopTests(ITestOutputHelper output)
{
    private const string Gpu = HostCpu.Id;

    // Workload A (calibration) and B (prediction), prompt lengths in bench's o200k tokens; the server counts its own.
    private static readonly (int Input, int Output) A = (192, 48);
    private static readonly (int Input, int Output) B = (384, 24);

    [LlamaCppFact]
    public void InferCalibratedOnOneWorkloadPredictsAnotherOnLlamaCppWithinItsTolerance()
    {
        using var temp = new TempFolder("burnrate-llamacpp-");
        var model = new TinyLlama();
        string cache = Environment.GetEnvironmentVariable("BURNRATE_TEST_LLAMACPP_CACHE") is { Length: > 0 } c
            ? c : Path.Combine(RepoFiles.Root, "artifacts", "llamacpp-cache");
        string gguf = model.EnsureGguf(cache);
        Directory.CreateDirectory(temp.File("burnrate-tiny-llama"));
        string config = temp.Write("burnrate-tiny-llama/config.json", model.ConfigJson());

        // The accelerator: one core of this CPU (llama.cpp runs one thread: two threads on a shared 2-core machine spin at every
        // barrier while other processes hold a core, and their steps vary tenfold).
        string catalog = temp.Write("host-cpu.yaml", HostCpu.CatalogYaml(DateOnly.FromDateTime(DateTime.UtcNow)));
        string[] deployment = ["--gpu", Gpu, "--weights", "fp16", "--kv", "fp16", "--catalog", catalog];

        using LlamaFront front = LlamaFront.Start(gguf, sequences: 2, threads: 1, TimeSpan.FromSeconds(60));
        Level[] measuredA = Bench(front.Url, A, temp.File("bench-a"));
        string calibration = temp.File("calibration.json");
        CliRun fit = CliRunner.Run(["calibrate", temp.File("bench-a"), "--model", config, .. deployment, "--out", calibration]);
        Assert.True(fit.ExitCode == 0, fit.Output + fit.Error);
        Level[] measuredB = Bench(front.Url, B, temp.File("bench-b"));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model {model.Parameters / 1e6:0.0}M parameters, {HostCpu.Id}"));
        output.WriteLine(fit.Output);
        (double Ttft, double Tpot) errors = (double.NaN, double.NaN);
        foreach (Level m in measuredB)
        {
            // The prediction takes the workload's shape as the server counted it (its tokenizer is not o200k), never its times.
            CliRun infer = CliRunner.Run(["infer", config, .. deployment, "--calibration", calibration, "--json", "--gpu-hour-usd", "0.01",
                "--concurrency", Int(m.Concurrency), "--input", Int(m.InputTokens), "--output", Int(m.OutputTokens)]);
            Assert.True(infer.ExitCode == 0, infer.Output + infer.Error);
            using var json = JsonDocument.Parse(infer.Output);
            double ttft = json.RootElement.GetProperty("ttftSeconds").GetDouble();
            double tpot = json.RootElement.GetProperty("tpotSeconds").GetDouble();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"B c={m.Concurrency} ({m.InputTokens} in, {m.OutputTokens} out): TTFT predicted {ttft * 1e3:0.0} ms, measured {m.Ttft * 1e3:0.0} ms ({Error(ttft, m.Ttft):+0;-0}%); TPOT predicted {tpot * 1e3:0.00} ms, measured {m.Tpot * 1e3:0.00} ms ({Error(tpot, m.Tpot):+0;-0}%), decode step (ITL p50) {m.Itl * 1e3:0.00} ms ({Error(tpot, m.Itl):+0;-0}%)"));
            if (m.Concurrency == 1)
            {
                errors = (Error(ttft, m.Ttft), Error(tpot, m.Tpot));
            }
        }

        foreach (Level m in measuredA)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"A c={m.Concurrency} ({m.InputTokens} in, {m.OutputTokens} out): TTFT {m.Ttft * 1e3:0.0} ms, TPOT {m.Tpot * 1e3:0.00} ms, ITL p50 {m.Itl * 1e3:0.00} ms"));
        }

        Assert.InRange(errors.Tpot, -25, 25);
        Assert.InRange(errors.Ttft, -35, 35);
    }

    private static double Error(double predicted, double measured) => ((predicted / measured) - 1) * 100;

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Runs burnrate bench at concurrency 1 and 2 and reads the medians and the server's mean token counts per level.</summary>
    private static Level[] Bench(string url, (int Input, int Output) shape, string outDir)
    {
        CliRun bench = CliRunner.Run("bench", "--url", url, "--api", "completions", "--concurrency", "1,2", "--requests", "6",
            "--warmup", "1", "--input-tokens", Int(shape.Input), "--output-tokens", Int(shape.Output), "--max-seconds", "120s",
            "--timeout", "60s", "--out", outDir);
        Assert.True(bench.ExitCode == 0, bench.Output + bench.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        return [.. json.RootElement.GetProperty("levels").EnumerateArray().Select(level =>
        {
            int completed = level.GetProperty("completed").GetInt32();
            Assert.Equal(6, completed);
            Assert.Equal("server", level.GetProperty("inputTokensSource").GetString());
            Assert.Equal("server", level.GetProperty("outputTokensSource").GetString());
            return new Level(
                level.GetProperty("concurrency").GetInt32(),
                (int)Math.Round(level.GetProperty("inputTokens").GetDouble() / completed),
                (int)Math.Round(level.GetProperty("outputTokens").GetDouble() / completed),
                level.GetProperty("ttftSeconds").GetProperty("p50").GetDouble(),
                level.GetProperty("tpotSeconds").GetProperty("p50").GetDouble(),
                level.GetProperty("itlSeconds").GetProperty("p50").GetDouble());
        })];
    }

    private sealed record Level(int Concurrency, int InputTokens, int OutputTokens, double Ttft, double Tpot, double Itl);
}

/// <summary>Runs the closed loop alone, after every parallel test of the assembly: its times are the measurement, and other
/// tests on the same two cores would slow llama.cpp between workload A and B.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LlamaCppAlone
{
    public const string Name = "llama.cpp closed loop";
}
