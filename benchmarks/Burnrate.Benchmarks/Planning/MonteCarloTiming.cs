using System.Diagnostics;
using System.Globalization;
using Burnrate.Planning.Scenario;
using Burnrate.Planning.Simulation;

namespace Burnrate.Benchmarks.Planning;

/// <summary>
/// Times the example scenario's Monte Carlo in this process, the way benchmarks/plan-numpy/compare.sh times numpy inside its script:
/// one warm-up run, then <c>runs</c> timed runs on all cores, each line "wall ms / CPU ms", then the median wall time.
/// <code>dotnet artifacts/bin/Burnrate.Benchmarks/release/Burnrate.Benchmarks.dll --montecarlo-timing [paths] [runs]</code>
/// </summary>
internal static class MonteCarloTiming
{
    public static void Run(int paths, int runs)
    {
        PlanScenario scenario = MonteCarloBenchmarks.ReadExample();
        MonteCarlo.Run(scenario, paths, 42);
        var walls = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            MonteCarlo.Run(scenario, paths, 42);
            walls.Add(clock.Elapsed.TotalMilliseconds);
            double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {i + 1}: {walls[^1]:F1} ms wall, {cpuMs:F1} ms CPU"));
        }

        walls.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median wall: {walls[walls.Count / 2]:F1} ms"));
    }
}
