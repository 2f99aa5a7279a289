using System.Globalization;

namespace Burnrate.Catalog.Files;

/// <summary>
/// Checks YAML text for characters YAML does not allow (C0 and C1 control characters other than tab, line feed and carriage
/// return; YAML 1.2 §5.1 allows NEL, but YamlDotNet's scanner fails on it) before it is parsed: YamlDotNet's scanner fails on some of them with an
/// <see cref="InvalidOperationException"/> rather than a located error.
/// </summary>
public static class YamlText
{
    /// <summary>Throws a <see cref="CatalogException"/> at <c>file:line:column</c> for the first character YAML does not allow.</summary>
    /// <param name="yaml">The text.</param>
    /// <param name="file">The file as the user named it.</param>
    public static void CheckCharacters(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        int line = 1, column = 1;
        foreach (char c in yaml)
        {
            if (c is < ' ' and not ('\t' or '\n' or '\r') || c is '\u007F' || c is >= '\u0080' and <= '\u009F' || c is '\uFFFE' or '\uFFFF')
            {
                throw new CatalogException(string.Create(CultureInfo.InvariantCulture, $"{file}:{line}:{column}: not valid YAML: control character U+{(int)c:X4} is not allowed"));
            }

            if (c == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }
    }
}
