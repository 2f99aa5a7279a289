using System.Text.Json;
using ClosedXML.Excel;

namespace Burnrate.Cli.Tests;

public sealed class PlanCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Example(string name = "example-ai-api.yaml")
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Burnrate.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "examples", name);
    }

    private string TempYaml(string yaml) => _temp.Write("scenario.yaml", yaml);

    [Fact]
    public void Should_PrintTheContractKeys_When_JsonRequested()
    {
        // Given / When
        var (code, output, error) = CliRunner.Run("plan", Example(), "--paths", "2000", "--seed", "5", "--json", "--by", "2027-12");

        // Then
        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement root = doc.RootElement;
        root.GetProperty("paths").GetInt32().ShouldBe(2000);
        root.GetProperty("seed").GetUInt64().ShouldBe(5UL);
        root.GetProperty("months").GetArrayLength().ShouldBe(60);
        root.GetProperty("months")[0].GetString().ShouldBe("2026-01");
        foreach (string series in new[] { "cash", "revenue", "netBurn" })
        {
            foreach (string p in new[] { "p5", "p10", "p50", "p90", "p95" })
            {
                root.GetProperty(series).GetProperty(p).GetArrayLength().ShouldBe(60);
            }
        }

        root.GetProperty("cashOutProbability").GetDouble().ShouldBeInRange(0, 1);
        JsonElement cashOutMonth = root.GetProperty("cashOutMonth");
        foreach (string p in new[] { "p10", "p50", "p90" })
        {
            cashOutMonth.TryGetProperty(p, out JsonElement v).ShouldBeTrue(p);
            (v.ValueKind is JsonValueKind.String or JsonValueKind.Null).ShouldBeTrue();
        }

        root.GetProperty("cashOutProbabilityBy").GetProperty("2027-12").GetDouble().ShouldBeInRange(0, 1);
        foreach (string preset in new[] { "best", "base", "worst" })
        {
            JsonElement p = root.GetProperty("presets").GetProperty(preset);
            foreach (string key in new[] { "cash", "revenue", "netBurn", "runwayMonths" })
            {
                p.GetProperty(key).GetArrayLength().ShouldBe(60);
            }
        }

        JsonElement trigger = root.GetProperty("triggers")[0];
        trigger.GetProperty("name").GetString().ShouldBe("emergency-raise");
        trigger.GetProperty("firedProbability").GetDouble().ShouldBeInRange(0, 1);
        trigger.GetProperty("month").TryGetProperty("p50", out _).ShouldBeTrue();
        JsonElement bar = root.GetProperty("tornado")[0];
        bar.GetProperty("driver").GetString().ShouldBe("revenue.api.monthlyGrowth");
        bar.GetProperty("low").GetDouble().ShouldBeLessThan(bar.GetProperty("high").GetDouble());
        root.GetProperty("assumptions").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Should_PrintIdenticalJson_When_SameSeedOnOneAndTwoThreads()
    {
        var one = CliRunner.Run("plan", Example(), "--paths", "3000", "--seed", "9", "--json", "--threads", "1");
        var two = CliRunner.Run("plan", Example(), "--paths", "3000", "--seed", "9", "--json", "--threads", "2");

        one.ExitCode.ShouldBe(0, one.Error);
        two.Output.ShouldBe(one.Output);
    }

    [Fact]
    public void Should_PrintTablesAndWriteFiles_When_OutGiven()
    {
        // Given
        string dir = _temp.File("out");

        // When
        var (code, output, error) = CliRunner.Run("plan", Example(), "--paths", "500", "--out", dir);

        // Then
        code.ShouldBe(0, error);
        output.ShouldContain("Presets (deterministic)");
        output.ShouldContain("Tornado");
        output.ShouldContain("Assumptions");
        Directory.GetFiles(dir).Select(Path.GetFileName).Order().ShouldBe(
            ["bands.csv", "fan-chart.png", "fan-chart.svg", "plan.xlsx", "statement-base.csv", "statement-best.csv", "statement-worst.csv", "tornado.png", "tornado.svg"]);
    }

    [Fact]
    public void Should_SayTheCashRunsOutBeforeAnyCashFigure_When_BaseRunsOutAndARoundRefillsIt()
    {
        // Given: ~$494k a month of net burn against $3.2M runs out in 2026-07; a likely $1.6B round in 2026-10 refills it
        string scenario = Path.Combine(Path.GetDirectoryName(Example())!, "..", "tests", "Burnrate.Cli.Tests", "Snapshots", "Scenarios", "runs-out.yaml");

        // When
        var (code, output, error) = CliRunner.Run("plan", scenario, "--paths", "200", "--seed", "3");

        // Then: the second line says so, before the cash-at-end column, which marks the figure
        code.ShouldBe(0, error);
        string[] lines = output.Split('\n');
        (lines[1] + " " + lines[2].Trim()).ShouldBe("Cash runs out in 2026-07 (month 7 of 24) in the base case; the months after it assume spending goes on"); // wrapped to 80 columns
        lines[2].ShouldStartWith("  ");
        output.IndexOf("Cash runs out in 2026-07", StringComparison.Ordinal).ShouldBeLessThan(output.IndexOf("cash at end", StringComparison.Ordinal));
        lines.First(l => l.StartsWith("│ base ", StringComparison.Ordinal)).ShouldContain("│ 2026-07 ");
        lines.First(l => l.StartsWith("│ base ", StringComparison.Ordinal)).ShouldContain("(after cash-out)");
        lines.ShouldContain(l => l == "Cash-out (presets): best never, base 2026-07, worst 2026-07");
        lines.ShouldContain(l => l.StartsWith("Cash-out (Monte Carlo): ", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ListTheRunAssumptionsAndDerivationsInTheWorkbook_When_OutGiven()
    {
        // Given: a scenario whose serving and training costs are derived (from:), so the run has derivations
        string dir = _temp.File("out");

        // When
        var (code, _, error) = CliRunner.Run("plan", Example("api-startup.yaml"), "--paths", "300", "--seed", "13", "--out", dir);

        // Then: the Assumptions sheet lists what the console's Assumptions table lists, not only the scenario drivers
        code.ShouldBe(0, error);
        using var workbook = new XLWorkbook(Path.Combine(dir, "plan.xlsx"));
        IXLWorksheet sheet = workbook.Worksheet("Assumptions");
        Dictionary<string, (string Value, string Source)> rows = [];
        for (int row = 4; !sheet.Cell(row, 1).IsEmpty(); row++)
        {
            rows[sheet.Cell(row, 1).GetString()] = (sheet.Cell(row, 2).GetString(), sheet.Cell(row, 3).GetString());
        }

        rows["paths"].ShouldBe(("300", "--paths (default 10,000)"));
        rows["seed"].ShouldBe(("13", "--seed (default 42)"));
        rows["base preset"].Source.ShouldBe("docs/plan.md");
        rows["costs.inference.from"].Value.ShouldBe("$0.2354/1M tokens");
        rows["costs.inference.from"].Source.ShouldStartWith("burnrate infer llama-3.1-70b --gpu h100-sxm --gpus 4");
        rows["costs.training.from"].Source.ShouldStartWith("burnrate train llama-3.1-70b");
    }

    [Theory]
    [InlineData("presets:\n  worst: {revenue.api.monthlyGrowht: 0.1}\n", ":10:11: unknown driver path 'revenue.api.monthlyGrowht' in preset 'worst'; did you mean revenue.api.monthlyGrowth")]
    [InlineData("funding: [{name: f, month: 2026-02, amountUsd: 1, probability: -0.1}]\n", ":9:64: field 'funding.f.probability' must be a probability in [0, 1], got \"-0.1\"")]
    [InlineData("funding: [{name: f, month: 2031-01, amountUsd: 1}]\n", ":9:28: field 'month' in funding 'f' must be a month inside the horizon 2026-01..2026-12")]
    [InlineData("costs:\n  inference: {from: {model: llama-3.1-8bb, gpu: h100-sxm, input: 1, output: 1}}\n", ":10:21: from: unknown model 'llama-3.1-8bb'; did you mean llama-3.1-8b")]
    [InlineData("costs:\n  inference: {from: {model: deepseek-v3, gpu: l4, gpus: 1, input: 1000, output: 100}}\n", ":10:21: from: deepseek-v3 does not fit on 1×l4")]
    public void Should_ExitTwoWithLocatedOneLineError_When_ScenarioInvalid(string tail, string expected)
    {
        // Given
        string path = TempYaml("""
            name: bad
            start: 2026-01
            months: 12
            cash: 1e6
            revenue:
              - name: api
                tokensPerMonth: 1e9
                pricePerMillionTokens: 1
            """ + "\n" + tail);

        // When
        var (code, output, error) = CliRunner.Run("plan", path);

        // Then
        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldStartWith("error: " + path + expected);
        error.Trim().Split('\n').Length.ShouldBe(1);
        error.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("--paths", "0", "--paths '0' is not allowed; expected a whole number of Monte Carlo paths between 1 and 10,000,000")]
    [InlineData("--by", "2040-01", "--by must be a month YYYY-MM inside the horizon 2026-01..2030-12, got \"2040-01\"")]
    [InlineData("--threads", "-3", "--threads must be a positive number")]
    public void Should_ExitTwo_When_OptionInvalid(string option, string value, string expected)
    {
        string[] args = option == "--paths" ? ["plan", Example(), option, value] : ["plan", Example(), "--paths", "100", option, value];
        var (code, _, error) = CliRunner.Run(args);

        code.ShouldBe(2);
        error.ShouldStartWith("error: " + expected);
    }

    [Fact]
    public void Should_ExitTwo_When_FileMissing()
    {
        var (code, _, error) = CliRunner.Run("plan", "no-such-scenario.yaml");

        code.ShouldBe(2);
        error.ShouldStartWith("error: no-such-scenario.yaml: scenario file not found");
    }
}
