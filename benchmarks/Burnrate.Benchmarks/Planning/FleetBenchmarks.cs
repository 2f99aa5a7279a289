using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Burnrate.Planning.Fleet;

namespace Burnrate.Benchmarks.Planning;

/// <summary>
/// The fleet issue's benchmark: a 36-month horizon with a weekly profile (168 distinct hourly levels), 5 options and 2 accelerators,
/// solved by SCIP to 0.1% (and to the default 0.01%). Run: <c>... -- --filter '*Fleet*' --job short</c>, or the one-shot timing with
/// the model size: <c>dotnet artifacts/bin/Burnrate.Benchmarks/release/Burnrate.Benchmarks.dll --fleet-timing</c>.
/// </summary>
[MemoryDiagnoser]
public class FleetBenchmarks
{
    private readonly FleetInput _input = Instance();

    /// <summary>Gets the benchmark instance: 20k tokens/s at night, 60k at the weekday peak, 6% a month.</summary>
    public static FleetInput Instance()
    {
        double[] week = new double[168];
        for (int w = 0; w < 168; w++)
        {
            int day = w / 24, hour = w % 24;
            double diurnal = 0.5 - (0.5 * Math.Cos(2 * Math.PI * (hour - 3) / 24)); // 0 at 03:00, 1 at 15:00
            double weekday = day < 5 ? 1 - (0.02 * day) : 0.6 - (0.05 * (day - 5));
            week[w] = Math.Round(20_000 + (40_000 * diurnal * weekday), 1);
        }

        return new FleetInput
        {
            Name = "benchmark",
            Start = new DateOnly(2027, 1, 1),
            Months = 36,
            WeekTokensPerSecond = week,
            MonthlyGrowth = 0.06,
            Headroom = 0.2,
            Servings = [new ServingEntry("h100", 2400, "given"), new ServingEntry("h200", 3600, "given")],
            Options =
            [
                new FleetOption { Name = "owned-h100", Kind = OptionKind.Owned, Serving = 0, OwnedUsdPerMonth = 317_000 / 8.0 / 48 + 600, OwnedPowerUsdPerHour = 0.78 * 1.4 * 0.08, LeadTimeMonths = 3 },
                new FleetOption { Name = "reserved-h100", Kind = OptionKind.Reserved, Serving = 0, UsdPerUnitHour = 2.45, TermMonths = 12 },
                new FleetOption { Name = "on-demand-h200", Kind = OptionKind.OnDemand, Serving = 1, UsdPerUnitHour = 4.50 },
                new FleetOption { Name = "spot-h100", Kind = OptionKind.Spot, Serving = 0, UsdPerUnitHour = 2.40, EffectiveShare = 1 - (0.05 * 10 / 60.0), MaxUnits = 40 },
                new FleetOption { Name = "api", Kind = OptionKind.Api, UsdPerMillionTokens = 0.60 },
            ],
        };
    }

    [Benchmark(Baseline = true)]
    public double WithinPointOnePercent() => FleetOptimizer.SolveExpected(_input, new SolverSettings(RelativeGap: 1e-3)).TotalCostUsd!.Value;

    [Benchmark]
    public double WithinDefaultGap() => FleetOptimizer.SolveExpected(_input, new SolverSettings()).TotalCostUsd!.Value;

    /// <summary>Solves once at each gap and prints the time, status, gap and model size.</summary>
    public static void Timing(double timeLimitSeconds = 60)
    {
        FleetInput input = Instance();
        foreach (double gap in new[] { 1e-3, 1e-4 })
        {
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            FleetSolveStats solved = FleetOptimizer.SolveExpected(input, new SolverSettings(RelativeGap: gap, TimeLimitSeconds: timeLimitSeconds));
            double seconds = clock.Elapsed.TotalSeconds, cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gap limit {gap:P2}: {seconds:F2} s wall ({cpuSeconds:F2} s CPU), status {solved.Status}, gap {solved.GapPercent:F4}%, cost ${solved.TotalCostUsd:N0}; slots {solved.Slots} (of {solved.Hours:N0} hours), variables {solved.Variables:N0} ({solved.IntegerVariables:N0} integer), constraints {solved.Constraints:N0}, non-zeros {solved.NonZeros:N0}"));
        }
    }
}
