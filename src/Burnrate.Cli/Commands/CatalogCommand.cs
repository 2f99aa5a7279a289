using System.CommandLine;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate catalog gpus|models|show</c>: what Burnrate knows, with sources.</summary>
internal sealed class CatalogCommand : Command
{
    public CatalogCommand(GlobalOptions globals)
        : base("catalog", "List and show the built-in accelerators and models, each with its source and date")
    {
        Subcommands.Add(new CatalogGpusCommand(globals));
        Subcommands.Add(new CatalogModelsCommand(globals));
        Subcommands.Add(new CatalogShowCommand(globals));
    }
}
