using System.CommandLine;
using Burnrate.Catalog;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Inference;
using Burnrate.Core.Validation;
using Burnrate.Reports.Validation;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate validate</c>: the cost model against published measurements (docs/validate.md).</summary>
internal sealed partial class ValidateCommand : Command
{
    private readonly GlobalOptions _globals;
    private readonly Option<string?> _group = new("--group") { Description = "Only this group: decode-batch1, ttft, throughput or training" };
    private readonly Option<string?> _set = new("--set") { Description = "A folder of validation YAML files to run instead of the built-in set" };
    private readonly Option<string?> _out = new("--out") { Description = "Folder for the predicted-vs-measured scatter (validation.png, validation.svg)" };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON instead of tables" };
    private readonly Option<double?> _tpCommOverlap = new("--tp-comm-overlap") { Description = "Share of the training cases' tensor-parallel all-reduces hidden behind compute, 0–1 (default: each case's own, else 0)" };

    public ValidateCommand(GlobalOptions globals)
        : base("validate", "Run the cost model over published measurements and show how far it is from each")
    {
        _globals = globals;
        foreach (Option option in new Option[] { _group, _set, _out, _json, _tpCommOverlap })
        {
            Options.Add(option);
        }

        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        BurnrateCatalog catalog = _globals.LoadCatalog(parse);
        IReadOnlyList<ValidationCase> cases = parse.GetValue(_set) is { } folder
            ? ValidationSet.FromDirectory(folder, catalog)
            : ValidationSet.Embedded(catalog);
        if (parse.GetValue(_group) is { } group)
        {
            var names = cases.Select(c => c.Group).Distinct(StringComparer.Ordinal).ToList();
            if (!names.Contains(group, StringComparer.Ordinal))
            {
                string near = Suggestions.Nearest(group, names) is { Count: > 0 } n ? $"; did you mean {string.Join(", ", n)}?" : "";
                throw new UsageException($"--group: unknown group '{group}'; groups: {string.Join(", ", names)}{near}");
            }

            cases = cases.Where(c => c.Group == group).ToList();
        }

        if (parse.GetValue(_tpCommOverlap) is { } overlap)
        {
            cases = overlap is >= 0 and <= 1
                ? ValidationSet.WithTensorParallelOverlap(cases, overlap)
                : throw new UsageException(FormattableString.Invariant($"--tp-comm-overlap: must be a number in [0, 1], got {overlap}"));
        }

        ValidationReport report = Validator.Run(cases, EfficiencyFactors.Default);
        IReadOnlyList<string> charts = parse.GetValue(_out) is { } outDir ? ValidationCharts.Save(outDir, report) : [];
        if (parse.GetValue(_json))
        {
            Output.WriteJson(parse, Json(report));
        }
        else
        {
            Render(parse, report, charts);
        }

        return ExitCodes.Success;
    }
}
