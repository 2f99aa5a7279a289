using Microsoft.ML.Tokenizers;

namespace Burnrate.Bench;

/// <summary>Tokenizers used to size prompts and count tokens (Microsoft.ML.Tokenizers with the bundled tiktoken data).</summary>
internal static class BenchTokenizer
{
    private static readonly Lazy<Tokenizer> O200kLazy = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));
    private static readonly Lazy<Tokenizer> Cl100kLazy = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    /// <summary>Gets the o200k_base encoding (GPT-4o family).</summary>
    public static Tokenizer O200k => O200kLazy.Value;

    /// <summary>Gets whether <paramref name="name"/> names a tokenizer <see cref="ByName"/> can make.</summary>
    public static bool IsKnown(string name) =>
        name.ToLowerInvariant() is "o200k" or "o200k_base" or "cl100k" or "cl100k_base" || File.Exists(name);

    // A vocabulary file is a regular file of at most 64 MiB (o200k_base's is 3.6 MB); a device or a file that is not a
    // vocabulary is bad input, one line.
    private static TiktokenTokenizer FromFile(string path)
    {
        var info = new FileInfo(path);
        if ((info.Attributes & (FileAttributes.Device | FileAttributes.Directory)) != 0 || info.Length is 0 or > 64L * 1024 * 1024)
        {
            throw new Core.Validation.InputException("tokenizer", path, "o200k_base, cl100k_base, or a tiktoken vocabulary file (a regular file of at most 64 MiB)");
        }

        try
        {
            return TiktokenTokenizer.Create(path, preTokenizer: null, normalizer: null);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or IOException or OverflowException)
        {
            throw new Core.Validation.InputException("tokenizer", path, "a tiktoken vocabulary file (" + e.Message.Split('\n')[0] + ")");
        }
    }

    /// <summary>Gets a tokenizer by name: o200k_base, cl100k_base, or a path to a tiktoken vocabulary file.</summary>
    public static Tokenizer ByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            "o200k" or "o200k_base" => O200kLazy.Value,
            "cl100k" or "cl100k_base" => Cl100kLazy.Value,
            _ when File.Exists(name) => FromFile(name),
            _ => throw new ArgumentException($"unknown tokenizer '{name}'; allowed: o200k_base, cl100k_base, or a tiktoken vocabulary file", nameof(name)),
        };
    }
}
