using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Burnrate.Catalog;
using Burnrate.Catalog.Natives;
using Burnrate.Core.Validation;

namespace Burnrate.Cli;

/// <summary>
/// Turns any exception a command throws into one line on standard error and an exit code (PRODUCT.md): bad input 2, any
/// other failure 1. File errors name the path and the reason; anything unexpected is one "internal error" line, with the
/// stack trace only when <c>BURNRATE_DEBUG=1</c>. Control characters in echoed values are escaped, so a message never
/// spans lines or moves the terminal's cursor.
/// </summary>
internal static partial class ErrorReport
{
    /// <summary>Gets the environment variable that adds the stack trace to an internal error.</summary>
    public const string DebugVariable = "BURNRATE_DEBUG";

    /// <summary>Writes <paramref name="e"/> as one line and returns the exit code.</summary>
    public static int Write(Exception e, TextWriter error)
    {
        (int code, string message) = Describe(Unwrap(e));
        WriteLine(error, message);
        if (code == ExitCodes.Failure && IsInternal(Unwrap(e)) && Environment.GetEnvironmentVariable(DebugVariable) == "1")
        {
            error.WriteLine(e.ToString());
        }

        return code;
    }

    /// <summary>Writes <c>error: MESSAGE</c> with control characters escaped.</summary>
    public static void WriteLine(TextWriter error, string message) => error.WriteLine("error: " + Escape(message));

    /// <summary>Gets the exit code and the one-line message for an exception.</summary>
    public static (int Code, string Message) Describe(Exception e) => e switch
    {
        // A file's errors name its own fields (horizon.months), not options; a request's fields read as the options that set them.
        InputException input => (ExitCodes.BadInput, string.Join("; ", input.Lines(input.Location is null ? OptionNames.For : static field => field))),
        CatalogException or UsageException => (ExitCodes.BadInput, e.Message),
        FileNotFoundException f => (ExitCodes.BadInput, Located(f.FileName ?? PathIn(f.Message), "no such file")),
        DirectoryNotFoundException => (ExitCodes.BadInput, Located(PathIn(e.Message), "no such folder (or a part of the path is a file)")),
        PathTooLongException => (ExitCodes.BadInput, Located(PathIn(e.Message), "the path is too long")),
        UnauthorizedAccessException => (ExitCodes.Failure, Located(PathIn(e.Message), "permission denied")),
        IOException => (ExitCodes.Failure, e.Message),
        NativeInstallException => (ExitCodes.Failure, e.Message),
        _ when NativeLoader.Missing(e) is { } component => (ExitCodes.Failure, component.MissingMessage(NativeRid.Current)),
        _ => (ExitCodes.Failure, $"internal error: {e.GetType().Name}: {e.Message} (this is a bug; set {DebugVariable}=1 for the stack trace)"),
    };

    /// <summary>Escapes control characters (C0, DEL, C1) as <c>\n</c>, <c>\t</c>, <c>\r</c> or <c>\xHH</c>/<c>\uHHHH</c>.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(IsControl))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when IsControl(c) => c <= 0xFF ? "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture) : "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static bool IsControl(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool IsInternal(Exception e) => Describe(e).Message.StartsWith("internal error", StringComparison.Ordinal);

    private static Exception Unwrap(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Unwrap(a.InnerExceptions[0]),
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => e,
    };

    private static string Located(string? path, string reason) => string.IsNullOrEmpty(path) ? reason : $"'{path}': {reason}";

    // .NET names the path in quotes: "Access to the path '/x' is denied.", "Could not find a part of the path '/x'."
    private static string? PathIn(string message) => QuotedPath().Match(message) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedPath();
}
