using Microsoft.ML.Tokenizers;

namespace Burnrate.Bench.Workloads;

/// <summary>A deterministic sequence of requests: synthetic lengths with a seeded generator, or a dataset cycled in order.</summary>
internal sealed class Workload
{
    private readonly IReadOnlyList<WorkItem> _items;

    private Workload(IReadOnlyList<WorkItem> items, string description)
    {
        _items = items;
        Description = description;
    }

    public string Description { get; }

    public int Count => _items.Count;

    /// <summary>Gets request <paramref name="index"/> (the list repeats).</summary>
    public WorkItem this[int index] => _items[index % _items.Count];

    /// <summary>Pre-builds <paramref name="count"/> synthetic requests (prompts are built before timing starts).</summary>
    public static Workload Synthetic(Tokenizer tokenizer, LengthDistribution input, LengthDistribution output, int count, int seed, int sharedPrefixTokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var lengths = new Random(seed);
        var prompts = new PromptFactory(tokenizer, seed + 1, sharedPrefixTokens);
        var items = new List<WorkItem>(count);
        for (int i = 0; i < count && !cancellationToken.IsCancellationRequested; i++)
        {
            int inTokens = input.Draw(lengths);
            int outTokens = output.Draw(lengths);
            WorkItem item = prompts.Make(inTokens, outTokens);
            items.Add(item);
        }

        if (items.Count == 0)
        {
            items.Add(prompts.Make(1, 1));
        }

        return new Workload(items, $"synthetic: input {input}, output {output}, seed {seed}" + (sharedPrefixTokens > 0 ? $", shared prefix {sharedPrefixTokens} tokens" : ""));
    }

    public static Workload FromItems(IReadOnlyList<WorkItem> items, string description) => new(items, description);
}
