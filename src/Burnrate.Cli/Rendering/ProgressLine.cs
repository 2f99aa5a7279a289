using System.Globalization;

namespace Burnrate.Cli.Rendering;

/// <summary>
/// Progress of long work on standard error, never on standard output (so <c>--json</c> and piped tables stay clean). Work
/// that ends within <see cref="QuietPeriod"/> (a terminal) or <see cref="PlainInterval"/> (anything else) prints nothing. In
/// a terminal one line is redrawn in place at most <see cref="TerminalInterval"/> apart and erased by <see cref="Dispose"/>;
/// elsewhere (a file, a pipe, CI logs) a plain line is written every <see cref="PlainInterval"/>. Each line reads
/// <c>PREFIX: STEP DONE/TOTAL UNIT (P%), RATE/s, about N s left</c>; the rate and the time left are measured per
/// step (a step that changes starts a new rate). Thread-safe: reports may come from worker threads. Commands wrap it in an
/// <see cref="IProgress{T}"/> with <see cref="For{T}"/>; the text is built only when a line is due.
/// </summary>
internal sealed class ProgressLine : IDisposable
{
    /// <summary>Gets how long work may run before its first progress line in a terminal.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1);

    /// <summary>Gets the least time between redraws of the terminal line.</summary>
    public static readonly TimeSpan TerminalInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets the time before the first plain line, and between plain lines, when standard error is not a terminal.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly TextWriter _error;
    private readonly string _prefix;
    private readonly bool _terminal;
    private readonly int _width;
    private readonly TimeProvider _time;
    private readonly long _started;
    private long? _lastLine;
    private string? _step;
    private long _stepStarted;
    private long _stepStartDone;
    private int _drawn;

    /// <summary>Initializes a new instance of the <see cref="ProgressLine"/> class.</summary>
    /// <param name="error">Standard error (or a test's writer).</param>
    /// <param name="prefix">The command's name, which starts every line (e.g. <c>plan</c>).</param>
    /// <param name="terminal">Whether <paramref name="error"/> is a terminal (redraw in place) or not (plain lines).</param>
    /// <param name="time">The clock; tests pass a fake one.</param>
    /// <param name="width">The terminal's width in columns: a redrawn line is cut to one column less.</param>
    public ProgressLine(TextWriter error, string prefix, bool terminal, TimeProvider time, int width = 80)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(time);
        _error = error;
        _prefix = prefix;
        _terminal = terminal;
        _time = time;
        _width = Math.Max(width, 20);
        _started = time.GetTimestamp();
    }

    /// <summary>Gets a progress line over the invocation's standard error: redrawn in place when it is the process's own
    /// standard error and a terminal, plain lines otherwise.</summary>
    /// <param name="error">The invocation's error writer.</param>
    /// <param name="prefix">The command's name.</param>
    /// <returns>The line; dispose it when the work ends.</returns>
    public static ProgressLine Over(TextWriter error, string prefix)
    {
        bool terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        int width = 80;
        if (terminal)
        {
            try
            {
                width = Console.WindowWidth > 0 ? Console.WindowWidth : 80;
            }
            catch (IOException)
            {
                // No window size to be had: keep 80 columns.
            }
        }

        return new ProgressLine(error, prefix, terminal, TimeProvider.System, width);
    }

    /// <summary>Gets an <see cref="IProgress{T}"/> that reports through this line, formatting a value only when a line is due.</summary>
    /// <typeparam name="T">The library's progress record.</typeparam>
    /// <param name="step">Maps a value to what the line shows.</param>
    /// <returns>The reporter.</returns>
    public IProgress<T> For<T>(Func<T, ProgressStep> step) => new Reporter<T>(this, step);

    /// <summary>Reports where the work is; draws a line when one is due.</summary>
    /// <param name="step">Where the work is.</param>
    public void Report(ProgressStep step) => Report(step, static s => s);

    /// <summary>Erases the terminal line (plain lines stay); later reports are ignored.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_drawn > 0)
            {
                _error.Write("\r" + new string(' ', _drawn) + "\r");
                _error.Flush();
            }

            _drawn = -1;
        }
    }

    private void Report<T>(T value, Func<T, ProgressStep> map)
    {
        long now = _time.GetTimestamp();
        lock (_lock)
        {
            if (_drawn < 0)
            {
                return;
            }

            ProgressStep step = map(value);
            if (!string.Equals(step.Name, _step, StringComparison.Ordinal))
            {
                _step = step.Name;
                _stepStarted = now;
                _stepStartDone = step.Done;
            }

            TimeSpan interval = _terminal ? TerminalInterval : PlainInterval;
            if (_time.GetElapsedTime(_started, now) < (_terminal ? QuietPeriod : PlainInterval) || (_lastLine is { } last && _time.GetElapsedTime(last, now) < interval))
            {
                return;
            }

            _lastLine = now;
            string line = Text(step, _time.GetElapsedTime(_stepStarted, now).TotalSeconds);
            if (_terminal)
            {
                line = line.Length >= _width ? line[..(_width - 1)] : line;
                _error.Write("\r" + line.PadRight(Math.Max(_drawn, line.Length)));
                _drawn = line.Length;
            }
            else
            {
                _error.WriteLine(line);
            }

            _error.Flush();
        }
    }

    private string Text(ProgressStep step, double stepSeconds)
    {
        var text = new System.Text.StringBuilder(_prefix).Append(": ");
        if (step.Name.Length > 0)
        {
            text.Append(step.Name).Append(' ');
        }

        text.Append(Count(step.Done));
        if (step.Total is { } total)
        {
            text.Append('/').Append(Count(total));
        }

        text.Append(' ').Append(step.Unit);
        if (step.Total is { } t && t > 0)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture, $" ({Math.Min(100.0, 100.0 * step.Done / t):0}%)"));
        }

        double rate = stepSeconds > 0 ? (step.Done - _stepStartDone) / stepSeconds : 0;
        if (rate > 0)
        {
            text.Append(", ").Append(Count((long)Math.Round(rate))).Append("/s");
            if (step.Total is { } left && left > step.Done)
            {
                text.Append(", about ").Append(Seconds((left - step.Done) / rate)).Append(" left");
            }
        }

        return text.ToString();
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(double seconds) => seconds switch
    {
        < 1 => "1 s",
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(seconds):0} s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(seconds / 60):0} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} h"),
    };

    private sealed class Reporter<T>(ProgressLine line, Func<T, ProgressStep> map) : IProgress<T>
    {
        public void Report(T value) => line.Report(value, map);
    }
}
