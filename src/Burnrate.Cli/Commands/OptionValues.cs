using System.CommandLine;

namespace Burnrate.Cli.Commands;

/// <summary>Reads options for request records, where null means "not given: take the library's sourced default".</summary>
internal static class OptionValues
{
    /// <summary>Gets the option's value when the user gave it, or null when it was left out (its default then comes from the library).</summary>
    public static T? Given<T>(this ParseResult parse, Option<T> option)
        where T : struct => parse.GetResult(option) is null or { Implicit: true } ? null : parse.GetValue(option);

    /// <summary>Gets the option's text when the user gave it, or null when it was left out.</summary>
    public static string? GivenText(this ParseResult parse, Option<string> option) =>
        parse.GetResult(option) is null or { Implicit: true } ? null : parse.GetValue(option);
}
