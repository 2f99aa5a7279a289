using Burnrate.Cli.Rendering;
using FsCheck;
using FsCheck.Xunit;

namespace Burnrate.Cli.Tests.Rendering;

/// <summary>Issue 12: progress on long work, on standard error only, redrawn in a terminal, plain periodic lines elsewhere.</summary>
public sealed class ProgressLineTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Should_PrintNothing_When_TheWorkEndsBeforeTheFirstLineIsDue(bool terminal)
    {
        // Given
        var clock = new ManualClock();
        var error = new StringWriter();

        // When: 0.9 s of work (a terminal's first line is due at 1 s, a log's at 10 s)
        using (var line = new ProgressLine(error, "plan", terminal, clock))
        {
            for (int i = 1; i <= 9; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(0.1));
                line.Report(new ProgressStep("pass 1", i * 1000, 10_000, "paths"));
            }
        }

        // Then
        error.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void Should_RedrawOneLineInPlaceAndEraseIt_When_StandardErrorIsATerminal()
    {
        // Given
        var clock = new ManualClock();
        var error = new StringWriter();
        var line = new ProgressLine(error, "plan", terminal: true, clock);

        // When: 20,000 of 100,000 paths after 2 s, then 60,000 after 4 s
        clock.Advance(TimeSpan.FromSeconds(2));
        line.Report(new ProgressStep("pass 1", 20_000, 100_000, "paths"));
        clock.Advance(TimeSpan.FromSeconds(2));
        line.Report(new ProgressStep("pass 1", 60_000, 100_000, "paths"));
        string drawn = error.ToString();
        line.Dispose();

        // Then: carriage returns, no newline; the rate is measured from the step's first report; the line is blanked at the end
        drawn.ShouldNotContain('\n');
        drawn.Split('\r', StringSplitOptions.RemoveEmptyEntries).Select(s => s.TrimEnd()).ShouldBe(
        [
            "plan: pass 1 20,000/100,000 paths (20%)",
            "plan: pass 1 60,000/100,000 paths (60%), 20,000/s, about 2 s left",
        ]);
        string erased = error.ToString()[drawn.Length..];
        erased.ShouldBe("\r" + new string(' ', "plan: pass 1 60,000/100,000 paths (60%), 20,000/s, about 2 s left".Length) + "\r");
    }

    [Fact]
    public void Should_WritePlainLinesTenSecondsApart_When_StandardErrorIsNotATerminal()
    {
        // Given
        var clock = new ManualClock();
        var error = new StringWriter();

        // When: a report every second for 35 s
        using (var line = new ProgressLine(error, "optimize", terminal: false, clock))
        {
            for (int s = 1; s <= 35; s++)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                line.Report(new ProgressStep("searched", s, 40, "setups"));
            }
        }

        // Then: lines at 10, 20 and 30 s, nothing erased
        error.ToString().ShouldBe(
            "optimize: searched 10/40 setups (25%), 1/s, about 30 s left\n"
            + "optimize: searched 20/40 setups (50%), 1/s, about 20 s left\n"
            + "optimize: searched 30/40 setups (75%), 1/s, about 10 s left\n",
            StringCompareShould.IgnoreLineEndings);
    }

    [Fact]
    public void Should_StartANewRate_When_TheStepChanges()
    {
        // Given: pass 1 ran at 50,000/s; pass 2 starts at 3 s
        var clock = new ManualClock();
        var error = new StringWriter();
        var line = new ProgressLine(error, "plan", terminal: false, clock);
        clock.Advance(TimeSpan.FromSeconds(2));
        line.Report(new ProgressStep("pass 1", 100_000, 100_000, "paths"));
        clock.Advance(TimeSpan.FromSeconds(1));
        line.Report(new ProgressStep("pass 2", 1, 100_000, "paths"));

        // When: pass 2 is at 40,000 paths 8 s later (11 s in)
        clock.Advance(TimeSpan.FromSeconds(8));
        line.Report(new ProgressStep("pass 2", 40_001, 100_000, "paths"));

        // Then: 5,000/s, not pass 1's pace
        error.ToString().ShouldBe("plan: pass 2 40,001/100,000 paths (40%), 5,000/s, about 12 s left" + Environment.NewLine);
    }

    [Fact]
    public void Should_CutTheLineToTheTerminalWidth_When_ItIsWider()
    {
        // Given
        var clock = new ManualClock();
        var error = new StringWriter();
        var line = new ProgressLine(error, "ledger import", terminal: true, clock, width: 40);

        // When
        clock.Advance(TimeSpan.FromSeconds(5));
        line.Report(new ProgressStep("a-very-long-file-name-from-the-billing-export.csv", 123_456, null, "rows"));

        // Then: 39 columns, so the cursor never wraps to a new line
        error.ToString().TrimStart('\r').Length.ShouldBe(39);
    }

    [Fact]
    public void Should_ReportThroughIProgress_When_WrappingALibraryRecord()
    {
        // Given
        var clock = new ManualClock();
        var error = new StringWriter();
        var line = new ProgressLine(error, "plan", terminal: false, clock);
        IProgress<Burnrate.Planning.Simulation.MonteCarloProgress> progress = line.For<Burnrate.Planning.Simulation.MonteCarloProgress>(ProgressStep.Of);

        // When
        clock.Advance(TimeSpan.FromSeconds(12));
        progress.Report(new(2, 512, 1024));

        // Then
        error.ToString().ShouldStartWith("plan: pass 2 512/1,024 paths (50%)");
    }

    [Property(MaxTest = 200)]
    public bool Should_KeepEveryPlainLineWholeAndTenSecondsApart_When_ReportsComeAtAnyPace(PositiveInt[] gapsMs, NonNegativeInt[] done)
    {
        // Given
        var clock = new ManualClock();
        var error = new StringWriter();
        int lines = 0;
        TimeSpan? lastLine = null;
        bool apart = true;

        // When
        using (var line = new ProgressLine(error, "plan", terminal: false, clock))
        {
            for (int i = 0; i < gapsMs.Length; i++)
            {
                clock.Advance(TimeSpan.FromMilliseconds(gapsMs[i].Get % 20_000));
                int before = error.ToString().Length;
                line.Report(new ProgressStep("pass 1", done.Length > 0 ? done[i % done.Length].Get : 0, 1_000_000, "paths"));
                if (error.ToString().Length > before)
                {
                    apart &= clock.Now >= TimeSpan.FromSeconds(10) && (lastLine is null || clock.Now - lastLine >= TimeSpan.FromSeconds(10));
                    lastLine = clock.Now;
                    lines++;
                }
            }
        }

        // Then: whole lines that start with the command, never a carriage return, and at most one per 10 s
        string[] written = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        return apart && written.Length == lines && written.All(l => l.StartsWith("plan: pass 1 ", StringComparison.Ordinal)) && !error.ToString().Contains('\r', StringComparison.Ordinal);
    }

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public TimeSpan Now => TimeSpan.FromTicks(_ticks);

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    [Fact]
    public void Should_ShowRowsPerSecondAndTheShareOfTheFileRead_When_ALedgerImportReports()
    {
        // Given a ledger import 2 s in: 250,000 rows from the first quarter of a 400 MB file, then 500,000 rows at half after 4 s
        var clock = new ManualClock();
        var error = new StringWriter();
        var line = new ProgressLine(error, "ledger import", terminal: false, clock);
        IProgress<Burnrate.Ledger.Import.ImportProgress> progress = line.For<Burnrate.Ledger.Import.ImportProgress>(ProgressStep.Of);

        // When
        progress.Report(new("/data/spend.jsonl", 0, 0, 400_000_000));
        clock.Advance(TimeSpan.FromSeconds(5));
        progress.Report(new("/data/spend.jsonl", 250_000, 100_000_000, 400_000_000));
        clock.Advance(TimeSpan.FromSeconds(5));
        progress.Report(new("/data/spend.jsonl", 500_000, 200_000_000, 400_000_000));
        line.Dispose();

        // Then one plain line at 10 s: the file's name, rows of the estimated 1,000,000, 50%, 50,000 rows/s
        string text = error.ToString();
        text.ShouldStartWith("ledger import: spend.jsonl 500,000/1,000,000 rows (50%)");
        text.ShouldContain("50,000/s");
    }
}
