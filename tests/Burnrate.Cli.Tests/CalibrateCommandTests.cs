using System.Text.Json;
using Burnrate.Bench.Metrics;
using Burnrate.Bench;
using Burnrate.Catalog;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;

namespace Burnrate.Cli.Tests;

public sealed class CalibrateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("burnrate-cli-calibrate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Writes a bench summary whose medians are what the cost model predicts with <paramref name="planted"/>.</summary>
    private string Summary(EfficiencyFactors planted, bool stream = true, bool rateOnly = false, Precision weights = Precision.Bf16, string name = "summary.json")
    {
        ModelArchitecture model = BurnrateCatalog.Embedded.Model("llama-3.1-8b");
        var d = new InferenceDeployment { Accelerator = BurnrateCatalog.Embedded.Accelerator("h100-sxm"), Devices = 1, Weights = weights, Compute = Precision.Bf16, PricePerDeviceHour = new UsdPerGpuHour(2), DevicePower = new Watts(700) };
        var levels = new[] { 1, 16 }.Select(c =>
        {
            InferenceResult r = InferenceEstimator.Estimate(model, d, new InferenceWorkload(2048, 128, c), planted);
            return new LevelResult
            {
                Concurrency = rateOnly ? null : c, Rate = rateOnly ? c : null, Sent = 10, Completed = 10, InputTokens = 20480, OutputTokens = 1280,
                TtftSeconds = new LatencySummary { Count = 10, P50 = r.Ttft.Seconds }, ItlSeconds = new LatencySummary { Count = 1270, P50 = r.Tpot.Seconds },
            };
        }).ToList();
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, BenchResultFile.ToJson(new BenchResult { Stream = stream, Levels = levels }));
        return path;
    }

    [Fact]
    public void Should_WriteAFileInferReads_When_FittingAPlantedSummary()
    {
        // Given
        string summary = Summary(new EfficiencyFactors(0.45, 0.65, 0.7));
        string cal = Path.Combine(_dir, "calibration.json");

        // When
        var (code, output, error) = CliRunner.Run("calibrate", summary, "--model", "llama-3.1-8b", "--gpu", "h100-sxm", "--gpus", "1", "--out", cal, "--json");

        // Then
        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("computeEfficiency").GetDouble().ShouldBe(0.45, 0.45 * 0.01);
        doc.RootElement.GetProperty("bandwidthEfficiency").GetDouble().ShouldBe(0.65, 0.65 * 0.01);
        doc.RootElement.GetProperty("levels").GetArrayLength().ShouldBe(2);
        doc.RootElement.GetProperty("inferCommand").GetString()!.ShouldContain("--calibration " + cal);
        CalibrationFile file = CalibrationFile.Read(cal);
        (file.Model, file.Gpu, file.Gpus).ShouldBe(("llama-3.1-8b", "h100-sxm", 1));
        file.Efficiency.Communication.ShouldBe(EfficiencyFactors.DefaultCommunication);

        var (inferCode, inferOut, inferError) = CliRunner.Run("infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--input", "2048", "--output", "128", "--concurrency", "16", "--calibration", cal, "--json");
        inferCode.ShouldBe(0, inferError);
        double tpot = JsonDocument.Parse(inferOut).RootElement.GetProperty("tpotSeconds").GetDouble();
        tpot.ShouldBe(doc.RootElement.GetProperty("levels")[1].GetProperty("measuredDecodeStepSeconds").GetDouble(), tpot * 0.01);
    }

    [Fact]
    public void Should_FitTheInt8ReadRateAndWriteIt_When_GivenABf16AndAnInt8Summary()
    {
        // Given: the same deployment benched with bf16 and with int8 weight-only weights, planted int8 read rate 0.82
        var planted = new EfficiencyFactors(0.45, 0.65, 0.7) { Int8WeightRead = 0.82 };
        string bf16 = Summary(planted, name: "bf16.json");
        string int8 = Summary(planted, weights: Precision.Int8, name: "int8.json");
        string cal = Path.Combine(_dir, "calibration.json");

        // When
        var (code, output, error) = CliRunner.Run("calibrate", bf16, int8, "--weights", "bf16,int8", "--model", "llama-3.1-8b", "--gpu", "h100-sxm", "--out", cal, "--json");

        // Then: the rate within 1%, written to the file, and infer at int8 with the file reproduces the int8 decode step
        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("int8WeightRead").GetDouble().ShouldBe(0.82, 0.82 * 0.01);
        doc.RootElement.GetProperty("fitted").GetProperty("int8WeightRead").GetBoolean().ShouldBeTrue();
        doc.RootElement.GetProperty("fitted").GetProperty("int4WeightRead").GetBoolean().ShouldBeFalse();
        doc.RootElement.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("weights").GetString()).ShouldBe(["bf16", "bf16", "int8", "int8"]);
        CalibrationFile.Read(cal).Efficiency.Int8WeightRead.ShouldBe(0.82, 0.82 * 0.01);
        var (inferCode, inferOut, inferError) = CliRunner.Run("infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--weights", "int8", "--input", "2048", "--output", "128", "--concurrency", "16", "--calibration", cal, "--json");
        inferCode.ShouldBe(0, inferError);
        double tpot = JsonDocument.Parse(inferOut).RootElement.GetProperty("tpotSeconds").GetDouble();
        tpot.ShouldBe(doc.RootElement.GetProperty("levels")[3].GetProperty("measuredDecodeStepSeconds").GetDouble(), tpot * 0.01);
    }

    [Fact]
    public void Should_KeepTheDefaultRateAndSaySo_When_OnlyAnInt8SummaryIsGiven()
    {
        // Given: one precision only, so the int8 rate cannot be told from bandwidth
        string int8 = Summary(new EfficiencyFactors(0.45, 0.65, 0.7) { Int8WeightRead = 0.82 }, weights: Precision.Int8);
        string cal = Path.Combine(_dir, "calibration.json");

        // When
        var (code, output, error) = CliRunner.Run("calibrate", int8, "--weights", "int8", "--model", "llama-3.1-8b", "--gpu", "h100-sxm", "--out", cal, "--json");

        // Then
        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("int8WeightRead").GetDouble().ShouldBe(EfficiencyFactors.DefaultInt8WeightRead);
        doc.RootElement.GetProperty("fitted").GetProperty("int8WeightRead").GetBoolean().ShouldBeFalse();
        doc.RootElement.GetProperty("notes").EnumerateArray().ShouldContain(n => n.GetString()!.StartsWith("int8 weight-only read rate kept at the default 0.77", StringComparison.Ordinal));
        File.ReadAllText(cal).ShouldNotContain("int8WeightRead");
    }

    [Fact]
    public void Should_ExitTwo_When_WeightsDoNotMatchTheSummaries()
    {
        string a = Summary(new EfficiencyFactors(0.45, 0.65, 0.7), name: "a.json");
        string b = Summary(new EfficiencyFactors(0.45, 0.65, 0.7), name: "b.json");

        var (code, _, error) = CliRunner.Run("calibrate", a, b, a, "--weights", "bf16,int8", "--model", "llama-3.1-8b", "--gpu", "h100-sxm", "--out", Path.Combine(_dir, "c.json"));

        code.ShouldBe(2);
        error.ShouldContain("--weights 'bf16,int8' names 2 precisions for 3 bench results");
    }

    [Fact]
    public void Should_WriteIntoTheFifoAndKeepIt_When_OutIsAFifo()
    {
        // Given: --out names a FIFO with a reader on it (as root, --out /dev/null used to be renamed over)
        string summary = Summary(new EfficiencyFactors(0.45, 0.65, 0.7));
        string fifo = SpecialFiles.MakeFifo(Path.Combine(_dir, "calibration.fifo"));
        Task<byte[]> reader = SpecialFiles.StartReading(fifo);

        // When
        var (code, _, error) = CliRunner.Run("calibrate", summary, "--model", "llama-3.1-8b", "--gpu", "h100-sxm", "--gpus", "1", "--out", fifo);

        // Then: the reader got the calibration file and the FIFO is still a FIFO
        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(SpecialFiles.Drained(reader));
        doc.RootElement.GetProperty("model").GetString().ShouldBe("llama-3.1-8b");
        SpecialFiles.IsFifo(fifo).ShouldBeTrue("the FIFO was replaced by a regular file");
        Directory.GetFileSystemEntries(_dir).Order().ShouldBe([fifo, summary]);
    }

    [Fact]
    public void Should_RefuseAndWriteNothing_When_TheDeploymentCannotMatchTheMeasurement()
    {
        // Given: a run measured on an H100, calibrated as if an A10G (a sixth of the bandwidth) had served it
        string summary = Summary(new EfficiencyFactors(0.45, 0.65, 0.7));
        string cal = Path.Combine(_dir, "calibration.json");

        // When
        var (code, _, error) = CliRunner.Run("calibrate", summary, "--model", "llama-3.1-8b", "--gpu", "a10g", "--gpus", "1", "--out", cal);

        // Then: exit 2, one line that says why and how to force it, and no file
        code.ShouldBe(2, error);
        error.Trim().Split('\n').Length.ShouldBe(1, error);
        error.ShouldContain("cannot match this measurement");
        error.ShouldContain("--force");
        File.Exists(cal).ShouldBeFalse();
    }

    [Fact]
    public void Should_WriteAndWarn_When_APoorFitIsForced()
    {
        // Given
        string summary = Summary(new EfficiencyFactors(0.45, 0.65, 0.7));
        string cal = Path.Combine(_dir, "calibration.json");

        // When
        var (code, output, error) = CliRunner.Run("calibrate", summary, "--model", "llama-3.1-8b", "--gpu", "a10g", "--gpus", "1", "--out", cal, "--force");

        // Then
        code.ShouldBe(0, error);
        error.ShouldContain("warning: poor fit");
        output.ShouldContain("POOR FIT");
        File.Exists(cal).ShouldBeTrue();
    }

    [Fact]
    public void Should_PrintFactorsResidualsAndTheInferCommand_When_RunWithoutJson()
    {
        // Given
        string summary = Summary(new EfficiencyFactors(0.45, 0.65, 0.7));

        // When
        var (code, output, error) = CliRunner.Run("calibrate", _dir, "--model", "llama-3.1-8b", "--gpu", "h100-sxm", "--out", Path.Combine(_dir, "c.json"));

        // Then
        code.ShouldBe(0, error);
        output.ShouldContain("residuals per level");
        output.ShouldContain("communication efficiency kept at the default 0.7");
        output.ShouldContain("use it:\n  burnrate infer llama-3.1-8b --gpu h100-sxm"); // the command on a line of its own, whole, to copy
        summary.ShouldStartWith(_dir);
    }

    [Theory]
    [InlineData("missing", "file not found")]
    [InlineData("notjson", "1:3: not valid JSON")]
    [InlineData("nonstreaming", "non-streaming")]
    [InlineData("emptypath", "the bench summary path is empty")]
    [InlineData("rateonly", "no concurrency level")]
    [InlineData("badmodel", "llama-9")]
    [InlineData("badtp", "multiple of tp × pp")]
    [InlineData("outdir", "--out")]
    public void Should_ExitTwoWithOneLine_When_InputIsBad(string problem, string expected)
    {
        // Given
        string summary = problem switch
        {
            "missing" => Path.Combine(_dir, "none.json"),
            "emptypath" => "",
            "notjson" => Write("bad.json", "{ not json"),
            "nonstreaming" => Summary(EfficiencyFactors.Default, stream: false),
            "rateonly" => Summary(EfficiencyFactors.Default, rateOnly: true),
            _ => Summary(EfficiencyFactors.Default),
        };
        string model = problem == "badmodel" ? "llama-9" : "llama-3.1-8b";
        string[] extra = problem == "badtp" ? ["--gpus", "4", "--tp", "3"] : [];
        string cal = problem == "outdir" ? _dir : Path.Combine(_dir, "c.json");

        // When
        var (code, _, error) = CliRunner.Run(["calibrate", summary, "--model", model, "--gpu", "h100-sxm", "--out", cal, .. extra]);

        // Then
        code.ShouldBe(2);
        error.Trim().Split('\n').Length.ShouldBe(1, error);
        error.ShouldContain(expected);
    }

    [Theory]
    [InlineData(new[] { "--model", "llama-3.2-1b" }, "--gpu")]
    [InlineData(new[] { "--gpu", "h100-sxm" }, "--model")]
    [InlineData(new[] { "--model", "llama-3.2-1b", "--gpu", "h100-sxm", "--gpus", "2", "--tp", "1" }, "one replica")]
    [InlineData(new[] { "--model", "llama-3.2-1b", "--gpu", "h100-sxm", "--mode", "fixed" }, "--mode")]
    [InlineData(new[] { "--model", "llama-3.2-1b", "--gpu", "h100-sxm", "--compute-efficiency", "1.5" }, "--compute-efficiency")]
    public void Should_ExitTwoWithOneLine_When_SimulatorCostModelOptionsAreBad(string[] args, string expected)
    {
        // When
        var (code, _, error) = CliRunner.Run(["simulate", "serve", "--max-seconds", "0.1s", .. args]);

        // Then
        code.ShouldBe(2);
        error.Trim().Split('\n').Length.ShouldBe(1, error);
        error.ShouldContain(expected);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
