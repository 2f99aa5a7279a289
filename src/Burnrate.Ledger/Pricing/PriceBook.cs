namespace Burnrate.Ledger.Pricing;

/// <summary>
/// Token prices by model with effective dates: a usage record gets the latest price whose date is on or before the
/// record's day. Models match exactly, or as "provider/model" (LiteLLM's keys), case-insensitively.
/// </summary>
public sealed class PriceBook
{
    private readonly Dictionary<string, List<TokenPrice>> _byModel = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Initializes a new instance of the <see cref="PriceBook"/> class.</summary>
    /// <param name="prices">The prices; a later one with the same model and date replaces an earlier one.</param>
    public PriceBook(IEnumerable<TokenPrice> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        foreach (TokenPrice p in prices)
        {
            if (!_byModel.TryGetValue(p.Model, out List<TokenPrice>? list))
            {
                _byModel[p.Model] = list = [];
            }

            list.RemoveAll(q => q.EffectiveFrom == p.EffectiveFrom);
            list.Add(p);
            list.Sort((a, b) => Nullable.Compare(b.EffectiveFrom, a.EffectiveFrom));
        }
    }

    /// <summary>Gets an empty price book.</summary>
    public static PriceBook Empty { get; } = new([]);

    /// <summary>Gets the number of models priced.</summary>
    public int Models => _byModel.Count;

    /// <summary>Loads and merges price files: a price-list YAML (.yaml/.yml) or LiteLLM's model_prices_and_context_window.json.</summary>
    public static PriceBook Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var prices = new List<TokenPrice>();
        foreach (string path in paths)
        {
            prices.AddRange(path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? LiteLlmPriceMap.Read(path) : PriceListYaml.Read(path));
        }

        return new PriceBook(prices);
    }

    /// <summary>Finds the price in force for a model on a day.</summary>
    public TokenPrice? Find(string provider, string model, DateOnly day)
    {
        if (!_byModel.TryGetValue(model, out List<TokenPrice>? list) && !_byModel.TryGetValue(provider + "/" + model, out list))
        {
            int slash = model.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0 || !_byModel.TryGetValue(model[(slash + 1)..], out list))
            {
                return null;
            }
        }

        return list.FirstOrDefault(p => p.EffectiveFrom is null || p.EffectiveFrom <= day);
    }
}
