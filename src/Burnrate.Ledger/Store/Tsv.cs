using System.Text;

namespace Burnrate.Ledger.Store;

/// <summary>ClickHouse's TabSeparated escaping: backslash escapes for tab, newline, backslash and friends; NULL as \N.</summary>
internal static class Tsv
{
    /// <summary>Appends a text value, escaped.</summary>
    public static void Escape(StringBuilder sb, string value)
    {
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\t': sb.Append(@"\t"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                case '\0': sb.Append(@"\0"); break;
                case '\b': sb.Append(@"\b"); break;
                case '\f': sb.Append(@"\f"); break;
                default: sb.Append(c); break;
            }
        }
    }

    /// <summary>Splits one TabSeparated line into unescaped values (null for \N).</summary>
    public static string?[] Split(string line)
    {
        var values = new List<string?>();
        var sb = new StringBuilder();
        bool isNull = false;
        for (int i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || line[i] == '\t')
            {
                values.Add(isNull && sb.Length == 0 ? null : sb.ToString());
                sb.Clear();
                isNull = false;
                continue;
            }

            char c = line[i];
            if (c != '\\' || i + 1 == line.Length)
            {
                sb.Append(c);
                continue;
            }

            char next = line[++i];
            if (next == 'N' && sb.Length == 0 && (i + 1 == line.Length || line[i + 1] == '\t'))
            {
                isNull = true;
                continue;
            }

            sb.Append(next switch { 't' => '\t', 'n' => '\n', 'r' => '\r', '0' => '\0', 'b' => '\b', 'f' => '\f', 'a' => '\a', 'v' => '\v', _ => next });
        }

        return [.. values];
    }
}
