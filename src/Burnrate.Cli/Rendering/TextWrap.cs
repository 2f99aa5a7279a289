using System.Text;

namespace Burnrate.Cli.Rendering;

/// <summary>Word-wraps plain lines of text to the output width, continuation lines indented so a wrapped line reads as one.</summary>
internal static class TextWrap
{
    /// <summary>The indent of a wrapped line's continuation.</summary>
    public const string Continuation = "  ";

    /// <summary>
    /// Splits <paramref name="text"/> into lines of at most <paramref name="width"/> columns at spaces; continuation lines
    /// start with <paramref name="indent"/>. A word longer than the width (a path, a URL) stays whole on a line of its own.
    /// </summary>
    public static IReadOnlyList<string> Lines(string text, int width, string indent = Continuation)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(indent);
        string lead = text[..(text.Length - text.TrimStart(' ').Length)];
        var lines = new List<string>();
        var line = new StringBuilder(lead);
        bool empty = true;
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear().Append(lead).Append(indent);
                empty = true;
            }

            line.Append(empty ? "" : " ").Append(word);
            empty = false;
        }

        if (!empty || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>Writes <paramref name="text"/> wrapped to <paramref name="width"/>.</summary>
    public static void WriteLine(TextWriter writer, string text, int width)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (string line in Lines(text, width))
        {
            writer.WriteLine(line);
        }
    }
}
