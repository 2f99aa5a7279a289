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

    /// <summary>Reads standard input whole, at most <see cref="Burnrate.Catalog.Files.InputFile.MaxBytes"/> characters (a piped device
    /// such as /dev/zero fails with one line instead of filling memory).</summary>
    public string ReadInput(string what)
    {
        var buffer = new char[81920];
        var text = new System.Text.StringBuilder();
        int read;
        while ((read = Input.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > Burnrate.Catalog.Files.InputFile.MaxBytes)
            {
                throw new CatalogException($"<stdin>: larger than {Burnrate.Catalog.Files.InputFile.MaxBytes / (1024 * 1024)} MiB; a {what} is at most that large");
            }
        }

        return text.ToString();
    }

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
