using System.Globalization;
using System.Text;

namespace Burnrate.Cli.Tests.LlamaCpp;

/// <summary>
/// A Llama-architecture model with random f16 weights (about 100M parameters), the shape shared by the GGUF file
/// llama.cpp serves and the Hugging Face config.json Burnrate's cost model reads, so both describe the same network.
/// </summary>
internal sealed record TinyLlama(
    int Layers = 12,
    int Hidden = 768,
    int Heads = 12,
    int KvHeads = 12,
    int Ffn = 2048,
    int Vocab = 8192,
    int MaxContext = 2048,
    ulong Seed = 20261203)
{
    public int HeadDim => Hidden / Heads;

    public long Parameters =>
        (2L * Vocab * Hidden) + Hidden
        + Layers * ((2L * Hidden) + (2L * Hidden * Hidden) + (2L * Hidden * KvHeads * HeadDim) + (3L * Hidden * Ffn));

    /// <summary>The file name, which names every shape field and the seed (a cached file is the same network or another name).</summary>
    public string FileName => string.Create(
        CultureInfo.InvariantCulture,
        $"tiny-llama-l{Layers}-h{Hidden}-a{Heads}-kv{KvHeads}-f{Ffn}-v{Vocab}-c{MaxContext}-s{Seed}-{TinyLlamaVocab.Version}.gguf");

    /// <summary>The config.json of the same network (transformers' LlamaConfig fields), which <c>--model-id</c> and <c>--model</c> import.</summary>
    public string ConfigJson() => string.Create(
        CultureInfo.InvariantCulture,
        $$"""
        {"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":{{Hidden}},"intermediate_size":{{Ffn}},
         "num_hidden_layers":{{Layers}},"num_attention_heads":{{Heads}},"num_key_value_heads":{{KvHeads}},"head_dim":{{HeadDim}},
         "vocab_size":{{Vocab}},"max_position_embeddings":{{MaxContext}},"tie_word_embeddings":false,"rms_norm_eps":1e-05,
         "rope_theta":10000.0,"torch_dtype":"float16","hidden_act":"silu"}
        """);

    /// <summary>
    /// Returns the GGUF file in <paramref name="cacheFolder"/>, writing it first (temp file + move) when it is not there,
    /// so repeated runs reuse it.
    /// </summary>
    public string EnsureGguf(string cacheFolder)
    {
        Directory.CreateDirectory(cacheFolder);
        string path = Path.Combine(cacheFolder, FileName);
        if (File.Exists(path))
        {
            return path;
        }

        string temp = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                GgufWriter.Write(stream, this);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return path;
    }
}

/// <summary>
/// The tokenizer vocabulary: SentencePiece-style ("llama" in GGUF) pieces — &lt;unk&gt;, &lt;s&gt;, &lt;/s&gt;, the 256 byte
/// pieces llama.cpp falls back to, printable ASCII, and every prefix of "▁word" for the words bench builds prompts from,
/// so a bench prompt of n o200k tokens is about n tokens here too. The rest of the vocabulary is filler pieces.
/// </summary>
internal static class TinyLlamaVocab
{
    public const string Version = "v1";

    public const int Unknown = 0;
    public const int Bos = 1;
    public const int Eos = 2;

    // The words bench builds prompts from, each one token with its leading space.
    private static readonly string[] Words = Burnrate.Bench.Workloads.PromptFactory.Words;

    /// <summary>The pieces with their score and GGUF token type (1 normal, 2 unknown, 3 control, 6 byte).</summary>
    public static (string Piece, float Score, int Type)[] Pieces(int size)
    {
        var pieces = new List<(string, float, int)> { ("<unk>", 0f, 2), ("<s>", 0f, 3), ("</s>", 0f, 3) };
        for (int b = 0; b < 256; b++)
        {
            pieces.Add((string.Create(CultureInfo.InvariantCulture, $"<0x{b:X2}>"), 0f, 6));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string piece)
        {
            // SentencePiece merges the highest-scoring adjacent pair first: longer pieces score higher, so words build up.
            if (seen.Add(piece))
            {
                pieces.Add((piece, -1000f + piece.Length, 1));
            }
        }

        Add("\u2581");
        for (char c = '!'; c <= '~'; c++)
        {
            Add(c.ToString());
        }

        foreach (string word in Words)
        {
            string spaced = "\u2581" + word;
            for (int length = 2; length <= spaced.Length; length++)
            {
                Add(spaced[..length]);
            }
        }

        for (int i = 0; pieces.Count < size; i++)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"\u2581t{i}"));
        }

        if (pieces.Count > size)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "the vocabulary needs at least " + pieces.Count + " pieces");
        }

        return [.. pieces];
    }

    /// <summary>Token ids generation never emits (control and byte pieces), so every streamed token is visible text.</summary>
    public static IEnumerable<int> NonText(int size) =>
        Pieces(size).Select((p, id) => (p.Type, id)).Where(t => t.Type != 1).Select(t => t.id);
}

/// <summary>Writes a GGUF v3 file (ggml's gguf.md): header, metadata key/values, tensor infos, aligned tensor data.</summary>
internal static class GgufWriter
{
    private const int Alignment = 32;
    private const uint TypeUInt32 = 4;
    private const uint TypeInt32 = 5;
    private const uint TypeFloat32 = 6;
    private const uint TypeBool = 7;
    private const uint TypeString = 8;
    private const uint TypeArray = 9;
    private const uint GgmlF32 = 0;
    private const uint GgmlF16 = 1;

    public static void Write(Stream stream, TinyLlama m)
    {
        var tensors = Tensors(m).ToList();
        (string Piece, float Score, int Type)[] vocab = TinyLlamaVocab.Pieces(m.Vocab);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write("GGUF"u8);
        w.Write(3u);
        w.Write((ulong)tensors.Count);
        var kv = new List<Action>
        {
            () => Str("general.architecture", "llama"),
            () => Str("general.name", "burnrate-tiny-llama"),
            () => U32("general.file_type", 1), // MOSTLY_F16
            () => U32("llama.context_length", (uint)m.MaxContext),
            () => U32("llama.embedding_length", (uint)m.Hidden),
            () => U32("llama.block_count", (uint)m.Layers),
            () => U32("llama.feed_forward_length", (uint)m.Ffn),
            () => U32("llama.attention.head_count", (uint)m.Heads),
            () => U32("llama.attention.head_count_kv", (uint)m.KvHeads),
            () => U32("llama.rope.dimension_count", (uint)m.HeadDim),
            () => F32("llama.rope.freq_base", 10000f),
            () => F32("llama.attention.layer_norm_rms_epsilon", 1e-5f),
            () => U32("llama.vocab_size", (uint)m.Vocab),
            () => Str("tokenizer.ggml.model", "llama"),
            () => Array("tokenizer.ggml.tokens", TypeString, vocab.Length, i => String(vocab[i].Piece)),
            () => Array("tokenizer.ggml.scores", TypeFloat32, vocab.Length, i => w.Write(vocab[i].Score)),
            () => Array("tokenizer.ggml.token_type", TypeInt32, vocab.Length, i => w.Write(vocab[i].Type)),
            () => U32("tokenizer.ggml.unknown_token_id", TinyLlamaVocab.Unknown),
            () => U32("tokenizer.ggml.bos_token_id", TinyLlamaVocab.Bos),
            () => U32("tokenizer.ggml.eos_token_id", TinyLlamaVocab.Eos),
            () => Bool("tokenizer.ggml.add_bos_token", true),
            () => Bool("tokenizer.ggml.add_eos_token", false),
        };
        w.Write((ulong)kv.Count);
        kv.ForEach(write => write());

        ulong offset = 0;
        foreach (Tensor t in tensors)
        {
            String(t.Name);
            w.Write((uint)t.Shape.Length);
            foreach (long d in t.Shape)
            {
                w.Write((ulong)d);
            }

            w.Write(t.F16 ? GgmlF16 : GgmlF32);
            w.Write(offset);
            offset += Padded(t.Bytes);
        }

        w.Flush();
        Pad(stream);

        // One seeded stream for every weight, in tensor order: the same file on any machine, any thread count.
        var random = new SplitMix(m.Seed);
        byte[] buffer = new byte[1 << 20];
        foreach (Tensor t in tensors)
        {
            long remaining = t.Bytes;
            while (remaining > 0)
            {
                int n = (int)Math.Min(buffer.Length, remaining);
                Span<byte> span = buffer.AsSpan(0, n);
                if (t.F16)
                {
                    for (int i = 0; i < n; i += 2)
                    {
                        // Uniform in ±0.05·√3 (standard deviation 0.05): activations stay finite through 12 layers.
                        BitConverter.TryWriteBytes(span[i..], (Half)((random.NextUnit() * 2 - 1) * 0.0866));
                    }
                }
                else
                {
                    for (int i = 0; i < n; i += 4)
                    {
                        BitConverter.TryWriteBytes(span[i..], 1f); // RMSNorm weights
                    }
                }

                stream.Write(span);
                remaining -= n;
            }

            Pad(stream);
        }

        void Key(string key, uint type)
        {
            String(key);
            w.Write(type);
        }

        void String(string value)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(value);
            w.Write((ulong)bytes.Length);
            w.Write(bytes);
        }

        void Str(string key, string value)
        {
            Key(key, TypeString);
            String(value);
        }

        void U32(string key, uint value)
        {
            Key(key, TypeUInt32);
            w.Write(value);
        }

        void F32(string key, float value)
        {
            Key(key, TypeFloat32);
            w.Write(value);
        }

        void Bool(string key, bool value)
        {
            Key(key, TypeBool);
            w.Write(value);
        }

        void Array(string key, uint type, int count, Action<int> item)
        {
            Key(key, TypeArray);
            w.Write(type);
            w.Write((ulong)count);
            for (int i = 0; i < count; i++)
            {
                item(i);
            }
        }
    }

    private static ulong Padded(long bytes) => (ulong)((bytes + Alignment - 1) / Alignment * Alignment);

    private static void Pad(Stream stream)
    {
        long pad = (long)Padded(stream.Position) - stream.Position;
        stream.Write(new byte[pad]);
    }

    // ggml shapes list the fastest-varying dimension first: a [rows × cols] PyTorch weight is {cols, rows}.
    private static IEnumerable<Tensor> Tensors(TinyLlama m)
    {
        int kv = m.KvHeads * m.HeadDim;
        yield return new("token_embd.weight", [m.Hidden, m.Vocab], true);
        for (int i = 0; i < m.Layers; i++)
        {
            string b = "blk." + i.ToString(CultureInfo.InvariantCulture) + ".";
            yield return new(b + "attn_norm.weight", [m.Hidden], false);
            yield return new(b + "attn_q.weight", [m.Hidden, m.Hidden], true);
            yield return new(b + "attn_k.weight", [m.Hidden, kv], true);
            yield return new(b + "attn_v.weight", [m.Hidden, kv], true);
            yield return new(b + "attn_output.weight", [m.Hidden, m.Hidden], true);
            yield return new(b + "ffn_norm.weight", [m.Hidden], false);
            yield return new(b + "ffn_gate.weight", [m.Hidden, m.Ffn], true);
            yield return new(b + "ffn_up.weight", [m.Hidden, m.Ffn], true);
            yield return new(b + "ffn_down.weight", [m.Ffn, m.Hidden], true);
        }

        yield return new("output_norm.weight", [m.Hidden], false);
        yield return new("output.weight", [m.Hidden, m.Vocab], true);
    }

    private sealed record Tensor(string Name, long[] Shape, bool F16)
    {
        public long Bytes => Shape.Aggregate(1L, (a, d) => a * d) * (F16 ? 2 : 4);
    }

    /// <summary>SplitMix64 (Steele et al. 2014): a fast seeded generator whose sequence never depends on the runtime.</summary>
    private sealed class SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public double NextUnit()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
    }
}
