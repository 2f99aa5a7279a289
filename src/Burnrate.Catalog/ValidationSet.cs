using System.Reflection;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog;

/// <summary>
/// Loads Burnrate's validation set: published measurements with their exact setups (repository folder <c>validation/</c>,
/// embedded in this assembly). <c>models.yaml</c> there adds architectures the product catalog does not carry; every other
/// file is a group of cases (schema: validation/README.md).
/// </summary>
public static class ValidationSet
{
    private const string ResourcePrefix = "Burnrate.Catalog.Validation.";
    private const string ModelsFile = "models.yaml";

    /// <summary>Loads the embedded set, resolving model and accelerator ids against <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The catalog (embedded plus any user overrides).</param>
    /// <returns>The cases, ordered by file name then file order.</returns>
    /// <exception cref="CatalogException">A file is invalid (message names file, line and field).</exception>
    public static IReadOnlyList<ValidationCase> Embedded(BurnrateCatalog catalog)
    {
        Assembly assembly = typeof(ValidationSet).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (Name: "validation/" + n[ResourcePrefix.Length..], Text: ReadResource(assembly, n)));
        return Load(files, catalog);
    }

    /// <summary>Loads every <c>*.yaml</c> file of a folder laid out like the repository's <c>validation/</c>.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The cases.</returns>
    /// <exception cref="CatalogException">The folder is missing or a file is invalid.</exception>
    public static IReadOnlyList<ValidationCase> FromDirectory(string directory, BurnrateCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new CatalogException($"{directory}: validation folder not found");
        }

        var files = Directory.GetFiles(directory, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(p => (Name: p, Text: Files.InputFile.ReadAllText(p, "validation file")));
        return Load(files, catalog);
    }

    private static List<ValidationCase> Load(IEnumerable<(string Name, string Text)> files, BurnrateCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var list = files.ToList();
        foreach ((string name, string text) in list.Where(f => IsModels(f.Name)))
        {
            catalog = catalog.With(CatalogYamlReader.Read(text, name));
        }

        var cases = new List<ValidationCase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string name, string text) in list.Where(f => !IsModels(f.Name)))
        {
            foreach ((ValidationCase c, string location) in ValidationCaseReader.Read(text, name, catalog))
            {
                if (!ids.Add(c.Id))
                {
                    throw new CatalogException($"{location}: duplicate case id '{c.Id}'");
                }

                cases.Add(c);
            }
        }

        return cases;
    }

    private static bool IsModels(string name) => Path.GetFileName(name).Equals(ModelsFile, StringComparison.OrdinalIgnoreCase);

    private static string ReadResource(Assembly assembly, string name)
    {
        using Stream stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Gets the cases with every training run's tensor-parallel overlap set to one share, and its default MFU
    /// recomputed for it (<c>burnrate validate --tp-comm-overlap</c>).</summary>
    /// <param name="cases">The cases.</param>
    /// <param name="tpCommOverlap">The share of tensor-parallel all-reduces hidden behind compute, 0–1.</param>
    /// <returns>The cases, inference ones unchanged.</returns>
    public static IReadOnlyList<ValidationCase> WithTensorParallelOverlap(IReadOnlyList<ValidationCase> cases, double tpCommOverlap)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentOutOfRangeException.ThrowIfNegative(tpCommOverlap);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tpCommOverlap, 1);
        return [.. cases.Select(c => c.Run is { } run ? c with { Run = Overlapped(run) } : c)];

        Core.Training.TrainingRun Overlapped(Core.Training.TrainingRun run)
        {
            Core.Training.TrainingRun changed = run with { TensorParallelOverlap = tpCommOverlap };
            return changed with { Mfu = Core.Training.TrainingEstimator.DefaultMfuFor(changed) };
        }
    }
}
