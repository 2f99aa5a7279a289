using System.CommandLine;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate simulate</c>: simulated serving for demos and tests.</summary>
internal sealed class SimulateCommand : Command
{
    public SimulateCommand(GlobalOptions globals)
        : base("simulate", "Simulated serving: an OpenAI-compatible server with fixed or continuous-batching timing")
    {
        Subcommands.Add(new SimulateServeCommand(globals));
    }
}
