using System.Reflection;
using Burnrate.Core.Hardware;
using Burnrate.Core.Models;

namespace Burnrate.Catalog;

/// <summary>The accelerators and models Burnrate knows: the embedded, sourced catalog plus any user files that add or override entries.</summary>
public sealed class BurnrateCatalog
{
    private static readonly Lazy<BurnrateCatalog> EmbeddedCatalog = new(LoadEmbedded);

    private readonly Dictionary<string, AcceleratorSpec> _accelerators;
    private readonly Dictionary<string, ModelArchitecture> _models;

    private BurnrateCatalog(IEnumerable<AcceleratorSpec> accelerators, IEnumerable<ModelArchitecture> models)
    {
        _accelerators = accelerators.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        _models = models.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the catalog embedded in the assembly.</summary>
    public static BurnrateCatalog Embedded => EmbeddedCatalog.Value;

    /// <summary>Gets every accelerator, ordered by id.</summary>
    public IReadOnlyList<AcceleratorSpec> Accelerators => _accelerators.Values.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();

    /// <summary>Gets every model, ordered by id.</summary>
    public IReadOnlyList<ModelArchitecture> Models => _models.Values.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();

    /// <summary>Returns a catalog where the entries of <paramref name="overrides"/> replace or add to these.</summary>
    /// <param name="overrides">Entries from a user file.</param>
    /// <returns>The combined catalog.</returns>
    public BurnrateCatalog With(CatalogEntries overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var accelerators = new Dictionary<string, AcceleratorSpec>(_accelerators, StringComparer.OrdinalIgnoreCase);
        var models = new Dictionary<string, ModelArchitecture>(_models, StringComparer.OrdinalIgnoreCase);
        foreach (AcceleratorSpec a in overrides.Accelerators)
        {
            accelerators[a.Id] = a;
        }

        foreach (ModelArchitecture m in overrides.Models)
        {
            models[m.Id] = m;
        }

        return new BurnrateCatalog(accelerators.Values, models.Values);
    }

    /// <summary>Returns a catalog with the entries of the YAML file at <paramref name="path"/> added or overriding.</summary>
    /// <param name="path">A catalog YAML file.</param>
    /// <returns>The combined catalog.</returns>
    /// <exception cref="CatalogException">The file is missing or invalid.</exception>
    public BurnrateCatalog WithFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return With(CatalogYamlReader.Read(Files.InputFile.ReadAllText(path, "catalog file"), path));
    }

    /// <summary>Finds an accelerator by id (case-insensitive).</summary>
    /// <param name="id">The id, e.g. "h100-sxm".</param>
    /// <returns>The accelerator.</returns>
    /// <exception cref="CatalogException">No such id; the message suggests the nearest ones.</exception>
    public AcceleratorSpec Accelerator(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _accelerators.TryGetValue(id, out AcceleratorSpec? spec) ? spec : throw Unknown("accelerator", id, _accelerators.Keys);
    }

    /// <summary>Finds a model by catalog id, or reads a Hugging Face <c>config.json</c> when <paramref name="idOrPath"/> is a file path.</summary>
    /// <param name="idOrPath">A catalog id such as "llama-3.1-8b" or a path to config.json.</param>
    /// <returns>The architecture.</returns>
    /// <exception cref="CatalogException">No such id or the file is invalid.</exception>
    public ModelArchitecture Model(string idOrPath)
    {
        ArgumentNullException.ThrowIfNull(idOrPath);
        if (_models.TryGetValue(idOrPath, out ModelArchitecture? model))
        {
            return model;
        }

        if (idOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || File.Exists(idOrPath))
        {
            return HuggingFaceConfig.ReadFile(idOrPath);
        }

        throw Unknown("model", idOrPath, _models.Keys);
    }

    /// <summary>Gets whether an accelerator id is known.</summary>
    /// <param name="id">The id.</param>
    /// <returns>Whether it is in the catalog.</returns>
    public bool HasAccelerator(string id) => _accelerators.ContainsKey(id);

    private static CatalogException Unknown(string what, string id, IEnumerable<string> known)
    {
        IReadOnlyList<string> near = Suggestions.Nearest(id, known);
        string hint = near.Count > 0
            ? $"; did you mean {string.Join(", ", near)}?"
            : $"; known: {string.Join(", ", known.Order(StringComparer.Ordinal))}";
        return new CatalogException($"unknown {what} '{id}'{hint}");
    }

    private static BurnrateCatalog LoadEmbedded()
    {
        Assembly assembly = typeof(BurnrateCatalog).Assembly;
        var accelerators = new List<AcceleratorSpec>();
        var models = new List<ModelArchitecture>();
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Burnrate.Catalog.Data.", StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            CatalogEntries entries = CatalogYamlReader.Read(reader.ReadToEnd(), "embedded:" + name);
            accelerators.AddRange(entries.Accelerators);
            models.AddRange(entries.Models);
        }

        return new BurnrateCatalog(accelerators, models);
    }
}
