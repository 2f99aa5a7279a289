namespace Burnrate.Cli.Tests.Reliability;

/// <summary>Issue 11, "No stack trace": input files are capped (16 MiB), so <c>/dev/zero</c> or a huge file is one line, exit 2,
/// not gigabytes of memory; a folder given as a file says so.</summary>
public sealed class InputFileTests : IDisposable
{
    private readonly TempFolder _dir = new("burnrate-in-");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("plan", "scenario file")]
    [InlineData("catalog", "catalog file")]
    [InlineData("infer", "config.json")]
    [InlineData("fleet", "fleet file")]
    public void Should_ExitTwoWithOneLine_When_AnInputIsLargerThanTheCap(string command, string what)
    {
        // Given: 16 MiB + 1 byte (a sparse file: no disk is used)
        string big = _dir.File("big.txt");
        using (FileStream f = File.Create(big))
        {
            f.SetLength(Catalog.Files.InputFile.MaxBytes + 1);
        }

        // When
        CliRun run = command switch
        {
            "plan" => CliRunner.Run("plan", big),
            "catalog" => CliRunner.Run("--catalog", big, "catalog", "gpus"),
            "infer" => CliRunner.Run("infer", big, "--gpu", "h100-sxm"),
            _ => CliRunner.Run("fleet", big),
        };

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"error: {big}: larger than 16 MiB; a {what} is at most that large\n");
    }

    [Fact]
    public void Should_StopReadingAtTheCap_When_TheInputIsAnEndlessDevice()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // Not a POSIX system: there is no endless device to read.
        }

        // When
        CliRun plan = CliRunner.Run("plan", "/dev/zero");
        CliRun catalog = CliRunner.Run("--catalog", "/dev/zero", "catalog", "gpus");

        // Then
        plan.ExitCode.ShouldBe(2);
        plan.Error.ShouldBe("error: /dev/zero: larger than 16 MiB; a scenario file is at most that large\n");
        catalog.ExitCode.ShouldBe(2);
        catalog.Error.ShouldBe("error: /dev/zero: larger than 16 MiB; a catalog file is at most that large\n");
    }

    [Theory]
    [InlineData("report", "error: /dev/zero: larger than 16 MiB; a scenario file is at most that large")]
    [InlineData("calibrate", "error: /dev/zero: larger than 64 MiB; a bench summary is at most that large")]
    [InlineData("bench compare", "error: /dev/zero: larger than 64 MiB; a bench summary is at most that large")]
    [InlineData("ledger import revenue", "error: /dev/zero:1: a row longer than 16 MiB (an unterminated quote, or not a CSV file)")]
    [InlineData("ledger import litellm", "error: /dev/zero:1: a row longer than 16 MiB (an unterminated quote, or not a CSV file)")]
    [InlineData("ledger import focus", "error: /dev/zero:1: a row longer than 16 MiB (an unterminated quote, or not a CSV file)")]
    [InlineData("ledger import openai-usage", "error: /dev/zero: larger than 256 MiB; import API pages a month or so per file")]
    [InlineData("ledger import --prices", "error: /dev/zero: larger than 16 MiB; a price list is at most that large")]
    [InlineData("ledger import --mapping", "error: /dev/zero: larger than 16 MiB; a mapping file is at most that large")]
    public void Should_StopReadingAtTheCap_When_ACommandIsGivenAnEndlessDevice(string what, string expected)
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // Not a POSIX system: there is no endless device to read.
        }

        // Given (found by FuzzTests' exhaustive sweep: the ledger readers had no cap, and Sep's 16 MiB row limit was an internal error)
        string db = _dir.File("ledger.duckdb");
        string revenue = RepoFiles.LedgerExample("revenue.csv");
        string[] args = what switch
        {
            "report" => ["report", "/dev/zero", "--out", _dir.File("report")],
            "calibrate" => ["calibrate", "/dev/zero", "--model", "llama-3.1-8b", "--gpu", "h100-sxm", "--out", _dir.File("c.json")],
            "bench compare" => ["bench", "compare", "/dev/zero", "/dev/zero"],
            "ledger import --prices" => ["ledger", "import", revenue, "--format", "revenue", "--prices", "/dev/zero", "--db", db],
            "ledger import --mapping" => ["ledger", "import", revenue, "--format", "csv", "--mapping", "/dev/zero", "--db", db],
            _ => ["ledger", "import", "/dev/zero", "--format", what["ledger import ".Length..], "--db", db],
        };

        // When
        CliRun run = CliRunner.Run(args);

        // Then
        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.ShouldBe(expected + "\n");
    }

    [Fact]
    public void Should_ExitTwoWithOneLine_When_AJsonLinesLogHasALineLongerThanTheCap()
    {
        // Given: 64 MiB + 1 byte of zeros and no line break (a sparse file: no disk is used)
        string log = _dir.File("spend.jsonl");
        using (FileStream f = File.Create(log))
        {
            f.SetLength((64L << 20) + 1);
        }

        // When
        CliRun run = CliRunner.Run("ledger", "import", log, "--format", "litellm", "--db", _dir.File("ledger.duckdb"));

        // Then
        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.ShouldBe($"error: {log}:1: a line longer than 64 MiB (is this a log file?)\n");
    }

    [Fact]
    public void Should_StopReadingAtTheCap_When_StandardInputIsEndless()
    {
        // Given
        using var endless = new StreamReader(new EndlessStream());
        using var output = new StringWriter();
        using var error = new StringWriter();

        // When
        int code = BurnrateApp.Run(["plan", "-"], endless, output, error);

        // Then
        code.ShouldBe(2);
        error.ToString().ShouldBe("error: <stdin>: larger than 16 MiB; a scenario is at most that large\n");
    }

    [Fact]
    public void Should_SayItIsAFolder_When_AFolderIsGivenAsAScenario()
    {
        // When
        CliRun run = CliRunner.Run("plan", _dir.Path);

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"error: {_dir.Path}: is a folder, not a scenario file\n");
    }

    [Fact]
    public void Should_TreatAtSignsAsValues_When_AnArgumentStartsWithOne()
    {
        // When: System.CommandLine's response files are off, so @/dev/zero is not read
        CliRun run = CliRunner.Run("train", "@/dev/zero", "--tokens", "1T", "--gpu", "h100-sxm", "--gpus", "8");

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("error: unknown model '@/dev/zero'");
    }

    [Fact]
    public void Should_ExitTwoWithALocatedLine_When_AScenarioHoldsAControlCharacter()
    {
        // Given: found by FuzzTests (YamlDotNet's scanner threw InvalidOperationException on U+0085 and U+009E)
        string path = _dir.Write("scenario.yaml", "name: x\nstart: 2026-01\nmonths: {a: `\u0085!}\n");

        // When
        CliRun run = CliRunner.Run("plan", path);

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"error: {path}:3:14: not valid YAML: control character U+0085 is not allowed\n");
    }

    [Theory]
    [InlineData("--tokenizer")]
    [InlineData("--dataset")]
    public void Should_ExitTwoQuickly_When_BenchIsGivenADeviceAsAVocabularyOrDataset(string option)
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // Not a POSIX system.
        }

        // When: found by FuzzTests (an overflow after buffering 2 GB, and a tokenizer library exception)
        CliRun run = CliRunner.Run("bench", "--url", "http://127.0.0.1:9/v1", "--model", "m", "--requests", "1", option, "/dev/zero");

        // Then
        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.Trim().Split('\n').Length.ShouldBe(1, run.Error);
        run.Error.ShouldStartWith($"error: {option} '/dev/zero' is not allowed");
    }

    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            return count;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
