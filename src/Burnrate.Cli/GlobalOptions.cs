using System.CommandLine;
using Burnrate.Catalog;

namespace Burnrate.Cli;

/// <summary>Options every command accepts.</summary>
internal sealed class GlobalOptions
{
    public Option<string[]> Catalog { get; } = new("--catalog")
    {
        Description = "A catalog YAML file whose accelerators/models add to or override the built-in ones (repeatable)",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Gets standard input (<c>plan -</c> reads its scenario from it); empty under tests unless they give one.</summary>
    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>Gets the embedded catalog with the user's --catalog files applied in order.</summary>
    public BurnrateCatalog LoadCatalog(ParseResult parse)
    {
        BurnrateCatalog catalog = BurnrateCatalog.Embedded;
        foreach (string file in parse.GetValue(Catalog) ?? [])
        {
            catalog = catalog.WithFile(file);
        }

        return catalog;
    }
}
