using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;

// Run locally: dotnet run -c Release --project benchmarks/Burnrate.Benchmarks -- --filter '*'
// Monte Carlo in-process timing for benchmarks/plan-numpy/compare.sh: ... -- --montecarlo-timing [paths] [runs]
if (args is ["--montecarlo-timing", .. var rest])
{
    int paths = rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
    int runs = rest.Length > 1 ? int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture) : 7;
    Burnrate.Benchmarks.Planning.MonteCarloTiming.Run(paths, runs);
    return;
}

if (args is ["--fleet-timing", .. var limit])
{
    Burnrate.Benchmarks.Planning.FleetBenchmarks.Timing(limit.Length > 0 ? double.Parse(limit[0], System.Globalization.CultureInfo.InvariantCulture) : 60);
    return;
}

IConfig config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
