namespace Burnrate.Planning.Examples;

/// <summary>A ready-to-run scenario shipped inside Burnrate (the repository's <c>examples/</c> folder, embedded).</summary>
/// <param name="Name">The name to ask for, the file name without <c>.yaml</c> (e.g. <c>api-startup</c>).</param>
/// <param name="Summary">The scenario's first comment line: what company it describes.</param>
/// <param name="Yaml">The scenario file's full text, comments and sources included.</param>
public sealed record ExampleScenario(string Name, string Summary, string Yaml);
