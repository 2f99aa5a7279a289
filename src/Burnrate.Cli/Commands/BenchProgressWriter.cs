using System.Globalization;
using Burnrate.Bench;

namespace Burnrate.Cli.Commands;

/// <summary>
/// Bench progress on standard error (never on standard output, so --json stays clean): a line when a level starts, then
/// at most one line every few seconds with requests done of the level's total, the rate and the time left. In a terminal
/// the periodic line is rewritten in place.
/// </summary>
internal sealed class BenchProgressWriter(TextWriter error) : IProgress<BenchProgress>
{
    private static readonly long Interval = System.Diagnostics.Stopwatch.Frequency * 2;
    private readonly Lock _lock = new();
    private readonly bool _terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
    private long _last = System.Diagnostics.Stopwatch.GetTimestamp();
    private bool _open;

    public void Report(BenchProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            long now = System.Diagnostics.Stopwatch.GetTimestamp();
            if (value.Done == 0 && value.Phase != "prompts")
            {
                EndLine();
                error.WriteLine("bench: " + Start(value));
                _last = now;
                return;
            }

            bool last = value.Total is { } t && value.Done >= t;
            if (value.Done == 0 || (now - _last < Interval && !(last && _open)))
            {
                return;
            }

            _last = now;
            string line = string.Create(CultureInfo.InvariantCulture, $"bench: {value.Level} {value.Done}{(value.Total is { } total ? "/" + total : "")} done ({value.Failed} failed), {value.RatePerSecond:0.#} req/s{(value.EtaSeconds is { } eta ? $", about {eta:0} s left" : "")}");
            if (_terminal)
            {
                error.Write("\r" + line.PadRight(Math.Min(Console.WindowWidth - 1, 100)));
                _open = !last;
                if (last)
                {
                    error.WriteLine();
                }
            }
            else
            {
                error.WriteLine(line);
            }
        }
    }

    private static string Start(BenchProgress p) => p.Phase switch
    {
        "warmup" => $"warm-up: {p.Total} requests",
        "search" => "search " + p.Level.Replace("=", " ", StringComparison.Ordinal) + "/s",
        _ when p.Level.StartsWith("rate=", StringComparison.Ordinal) => p.Level.Replace("=", " ", StringComparison.Ordinal) + "/s",
        _ => p.Level.Replace("=", " ", StringComparison.Ordinal),
    };

    private void EndLine()
    {
        if (_open)
        {
            error.WriteLine();
            _open = false;
        }
    }
}
