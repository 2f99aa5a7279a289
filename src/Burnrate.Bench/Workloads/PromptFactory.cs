using Microsoft.ML.Tokenizers;

namespace Burnrate.Bench.Workloads;

/// <summary>
/// Builds prompts of an exact token length with a real tokenizer, in time linear in the length: each common word's
/// token ids (with its leading space) are encoded once, seeded random words fill the wanted number of ids, and the ids
/// are decoded once. Re-encoding decoded text can merge differently at the cut, so the client count is re-measured and
/// kept as the prompt's client-side token count.
/// </summary>
internal sealed class PromptFactory
{
    /// <summary>The words prompts are built from (one o200k token each with a leading space); the llama.cpp closed-loop test's
    /// tokenizer holds the same words so that a prompt of n tokens is about n tokens on its server too.</summary>
    internal static readonly string[] Words =
    [
        "time", "year", "people", "way", "day", "man", "thing", "woman", "life", "child", "world", "school", "state", "family",
        "student", "group", "country", "problem", "hand", "part", "place", "case", "week", "company", "system", "program",
        "question", "work", "government", "number", "night", "point", "home", "water", "room", "mother", "area", "money",
        "story", "fact", "month", "lot", "right", "study", "book", "eye", "job", "word", "business", "issue", "side", "kind",
        "head", "house", "service", "friend", "father", "power", "hour", "game", "line", "end", "member", "law", "car", "city",
    ];

    private readonly Tokenizer _tokenizer;
    private readonly Random _random;
    private readonly int[][] _wordIds;
    private readonly int[] _sharedPrefix;

    public PromptFactory(Tokenizer tokenizer, int seed, int sharedPrefixTokens = 0)
    {
        _tokenizer = tokenizer;
        _random = new Random(seed);
        _wordIds = [.. Words.Select(w => tokenizer.EncodeToIds(" " + w).ToArray())];
        _sharedPrefix = sharedPrefixTokens > 0 ? Ids(sharedPrefixTokens) : [];
        SharedPrefixTokens = _sharedPrefix.Length;
    }

    public int SharedPrefixTokens { get; }

    /// <summary>Makes a prompt of about <paramref name="tokens"/> tokens in total (shared prefix included).</summary>
    public WorkItem Make(int tokens, int outputTokens)
    {
        int own = Math.Max(1, tokens - SharedPrefixTokens);
        int[] ids = new int[SharedPrefixTokens + own];
        _sharedPrefix.CopyTo(ids, 0);
        Ids(own).CopyTo(ids, SharedPrefixTokens);
        string prompt = _tokenizer.Decode(ids);
        return new WorkItem(prompt, _tokenizer.CountTokens(prompt), outputTokens);
    }

    /// <summary>Draws words until <paramref name="tokens"/> token ids are filled (the last word's ids cut to fit): linear in the length.</summary>
    private int[] Ids(int tokens)
    {
        int[] ids = new int[tokens];
        int filled = 0;
        while (filled < tokens)
        {
            int[] word = _wordIds[_random.Next(_wordIds.Length)];
            int take = Math.Min(word.Length, tokens - filled);
            Array.Copy(word, 0, ids, filled, take);
            filled += take;
        }

        return ids;
    }
}
