using System.Text;
using Microsoft.ML.Tokenizers;

namespace Burnrate.Bench.Workloads;

/// <summary>
/// Builds prompts of an exact token length with a real tokenizer: seeded random common words are encoded and the
/// token ids cut to the length, then decoded. Re-encoding decoded text can merge differently at the cut, so the
/// client count is re-measured and kept as the prompt's client-side token count.
/// </summary>
internal sealed class PromptFactory
{
    private static readonly string[] Words =
    [
        "time", "year", "people", "way", "day", "man", "thing", "woman", "life", "child", "world", "school", "state", "family",
        "student", "group", "country", "problem", "hand", "part", "place", "case", "week", "company", "system", "program",
        "question", "work", "government", "number", "night", "point", "home", "water", "room", "mother", "area", "money",
        "story", "fact", "month", "lot", "right", "study", "book", "eye", "job", "word", "business", "issue", "side", "kind",
        "head", "house", "service", "friend", "father", "power", "hour", "game", "line", "end", "member", "law", "car", "city",
    ];

    private readonly Tokenizer _tokenizer;
    private readonly Random _random;
    private readonly string _sharedPrefix;
    private readonly int _sharedPrefixTokens;

    public PromptFactory(Tokenizer tokenizer, int seed, int sharedPrefixTokens = 0)
    {
        _tokenizer = tokenizer;
        _random = new Random(seed);
        _sharedPrefix = sharedPrefixTokens > 0 ? Text(sharedPrefixTokens) : "";
        _sharedPrefixTokens = sharedPrefixTokens > 0 ? _tokenizer.CountTokens(_sharedPrefix) : 0;
    }

    public int SharedPrefixTokens => _sharedPrefixTokens;

    /// <summary>Makes a prompt of about <paramref name="tokens"/> tokens in total (shared prefix included).</summary>
    public WorkItem Make(int tokens, int outputTokens)
    {
        int own = Math.Max(1, tokens - _sharedPrefixTokens);
        string prompt = _sharedPrefix + Text(own);
        return new WorkItem(prompt, _tokenizer.CountTokens(prompt), outputTokens);
    }

    private string Text(int tokens)
    {
        var text = new StringBuilder(tokens * 6);
        int count = 0;
        while (count < tokens + 8)
        {
            for (int i = 0; i < 32; i++)
            {
                text.Append(' ').Append(Words[_random.Next(Words.Length)]);
            }

            count = _tokenizer.CountTokens(text.ToString());
        }

        IReadOnlyList<int> ids = _tokenizer.EncodeToIds(text.ToString());
        return _tokenizer.Decode(ids.Take(tokens));
    }
}
