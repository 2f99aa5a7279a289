using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Burnrate.Core.Quantities;
using Burnrate.Planning.Examples;

namespace Burnrate.Cli.Tests;

public sealed class ReportCommandTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("10000001")]
    public void Should_GiveTheLibrarysLineForPaths_When_PathsIsOutOfRange(string paths)
    {
        // Given: the range and wording come from the library (PlanOutcome.CheckPaths), which plan and the web API use too
        string expected = "error: " + Burnrate.Planning.PlanOutcome.CheckPaths(int.Parse(paths, System.Globalization.CultureInfo.InvariantCulture))[0].Describe("--paths") + "\n";

        // When
        CliRun report = CliRunner.Run("report", GoldenRunExample(), "--out", "unused-report-out", "--paths", paths);
        CliRun plan = CliRunner.Run("plan", GoldenRunExample(), "--paths", paths);

        // Then
        report.ExitCode.ShouldBe(2);
        report.Error.ShouldBe(expected);
        plan.Error.ShouldBe(expected);
        Directory.Exists("unused-report-out").ShouldBeFalse();
    }

    private static string GoldenRunExample() => Reliability.RepoFiles.Example("example-ai-api.yaml");

    [Fact]
    public void Should_WriteOneSelfContainedHtmlWithTheWorkbook_When_TheApiStartupExampleIsReported()
    {
        // Given
        using TempFolder temp = new();
        string scenario = temp.Write("api-startup.yaml", ExampleScenarios.Find("api-startup")!.Yaml);
        string dir = temp.File("out");

        // When
        CliRun run = CliRunner.Run("report", scenario, "--out", dir, "--paths", "1000");

        // Then
        run.ExitCode.ShouldBe(0, run.Error);
        File.Exists(Path.Combine(dir, "plan.xlsx")).ShouldBeTrue();
        string html = File.ReadAllText(Path.Combine(dir, "report.html"));
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<link", Case.Insensitive);
        html.ShouldNotContain("@import", Case.Insensitive);
        Regex.Matches(html, "(src|href)=\"(?<u>[^\"]*)\"").Select(m => m.Groups["u"].Value)
            .Where(u => u.Contains("//", StringComparison.Ordinal) || u.StartsWith('/')).ShouldBeEmpty("no absolute or network reference");
        Regex.Matches(html, "url\\((?<u>[^)#]*)").Select(m => m.Groups["u"].Value).Where(u => u.Length > 0).ShouldBeEmpty("no url() outside the page");
        foreach (string chart in new[] { "fan-chart", "cash-out-chart", "tornado-chart" })
        {
            Regex.IsMatch(html, $"<figure class=\"chart[^\"]*\" id=\"{chart}\"><svg[^>]*viewBox=").ShouldBeTrue(chart + " is inlined as scalable SVG");
        }
    }

    [Fact]
    public void Should_ShowTheCostModelDerivationsBehindTheScenariosFromEntries_When_TheScenarioDerivesItsCosts()
    {
        // Given
        using TempFolder temp = new();
        string scenario = temp.Write("api-startup.yaml", ExampleScenarios.Find("api-startup")!.Yaml);

        // When
        CliRun run = CliRunner.Run("report", scenario, "--out", temp.File("out"), "--paths", "500");

        // Then
        run.ExitCode.ShouldBe(0, run.Error);
        string html = File.ReadAllText(temp.File("out/report.html"));
        html.ShouldContain("Serving cost per token");
        html.ShouldContain("burnrate infer llama-3.1-70b --gpu h100-sxm --gpus 4 --weights fp8 --input 1500 --output 300 --concurrency 64");
        html.ShouldContain("Training run");
        html.ShouldContain("burnrate train llama-3.1-70b");
        html.ShouldContain("bridge");
        html.ShouldContain("revenue.api.monthlyGrowth");
    }

    [Fact]
    public void Should_ShowTheWholeInferAnswerBehindTheServingCost_When_TheScenarioDerivesItFromTheCostModel()
    {
        // Given: the api-startup example derives its serving cost with `burnrate infer` (the command its card prints, with its price)
        using TempFolder temp = new();
        string scenario = temp.Write("api-startup.yaml", ExampleScenarios.Find("api-startup")!.Yaml);
        CliRun infer = CliRunner.Run("infer", "llama-3.1-70b", "--gpu", "h100-sxm", "--gpus", "4", "--weights", "fp8", "--input", "1500", "--output", "300", "--concurrency", "64", "--gpu-hour-usd", "2.95", "--json");
        infer.ExitCode.ShouldBe(0, infer.Error);
        JsonNode expected = JsonNode.Parse(infer.Output)!;

        // When
        CliRun run = CliRunner.Run("report", scenario, "--out", temp.File("out"), "--paths", "200");

        // Then: the card's table carries that command's figures, not only the derived line
        run.ExitCode.ShouldBe(0, run.Error);
        string html = File.ReadAllText(temp.File("out/report.html"));
        string table = Regex.Match(html, "<table class=\"derived\" data-use-case=\"infer\">(?<t>.*?)</table>").Groups["t"].Value;
        string Fact(string label) => WebUtility.HtmlDecode(Regex.Match(table, $"<th scope=\"row\">{Regex.Escape(label)}</th><td>(?<v>[^<]*)</td>").Groups["v"].Value);
        double Seconds(string key) => expected[key]!.GetValue<double>();
        Fact("time to first token").ShouldBe(NumberText.Milliseconds(Seconds("ttftSeconds")) + " ms");
        Fact("time per output token").ShouldBe(NumberText.Milliseconds(Seconds("tpotSeconds"), "0.##") + " ms");
        Fact("throughput").ShouldStartWith(NumberText.Format(Seconds("outputTokensPerSecond"), "#,0") + " output tokens/s");
        Fact("cost per 1M output tokens").ShouldBe("$" + NumberText.Format(Seconds("costPerMillionOutputTokensUsd"), "0.00##"));
        Fact("cost per request").ShouldBe("$" + NumberText.Significant(Seconds("costPerRequestUsd"), 4));
        Fact("memory per GPU").ShouldEndWith(", fits");
        Fact("bound by").ShouldBe($"decode {expected["decodeBound"]!.GetValue<string>()}, prefill {expected["prefillBound"]!.GetValue<string>()}");
        Fact("deployment").ShouldStartWith("llama-3.1-70b on 4×h100-sxm, weights fp8");
    }

    [Fact]
    public void Should_ShowTheTrainAnswerBehindTheTrainingCost_When_TheScenarioDerivesATrainingRun()
    {
        // Given
        using TempFolder temp = new();
        string scenario = temp.Write("api-startup.yaml", ExampleScenarios.Find("api-startup")!.Yaml);

        // When
        CliRun run = CliRunner.Run("report", scenario, "--out", temp.File("out"), "--paths", "200");

        // Then
        run.ExitCode.ShouldBe(0, run.Error);
        string html = File.ReadAllText(temp.File("out/report.html"));
        string table = Regex.Match(html, "<table class=\"derived\" data-use-case=\"train\">(?<t>.*?)</table>").Groups["t"].Value;
        foreach (string label in new[] { "training FLOP", "MFU", "wall-clock", "GPU-hours", "energy", "cost" })
        {
            table.ShouldContain($"<th scope=\"row\">{label}</th>");
        }
    }

    [Fact]
    public void Should_HeadlineTheSameCashOutOddsAsPlanJson_When_PathsAndSeedAreTheSame()
    {
        // Given
        using TempFolder temp = new();
        string scenario = temp.Write("api-startup.yaml", ExampleScenarios.Find("api-startup")!.Yaml);
        CliRun plan = CliRunner.Run("plan", scenario, "--paths", "1000", "--seed", "9", "--json");
        double odds = JsonNode.Parse(plan.Output)!["cashOutProbability"]!.GetValue<double>();

        // When
        CliRun run = CliRunner.Run("report", scenario, "--out", temp.File("out"), "--paths", "1000", "--seed", "9");

        // Then
        run.ExitCode.ShouldBe(0, run.Error);
        string html = File.ReadAllText(temp.File("out/report.html"));
        string expected = (100 * odds).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        Regex.Match(html, "<div class=\"kpi [a-z]*\"><b>(?<v>[^<]+)</b><span>chance of running out of cash").Groups["v"].Value.ShouldBe(expected);
    }

    [Fact]
    public void Should_GiveAByteIdenticalReport_When_TheSameSeedRunsTwice()
    {
        // Given
        using TempFolder temp = new();
        string scenario = temp.Write("s.yaml", ExampleScenarios.Find("api-startup")!.Yaml);

        // When
        CliRunner.Run("report", scenario, "--out", temp.File("a"), "--paths", "300").ExitCode.ShouldBe(0);
        CliRunner.Run("report", scenario, "--out", temp.File("b"), "--paths", "300").ExitCode.ShouldBe(0);

        // Then
        File.ReadAllText(temp.File("a/report.html")).ShouldBe(File.ReadAllText(temp.File("b/report.html")));
    }

    [Fact]
    public void Should_GiveEveryElementIdOnce_When_TwoRenderedChartsAreInlined()
    {
        // Given
        using TempFolder temp = new();
        string scenario = temp.Write("s.yaml", ExampleScenarios.Find("api-startup")!.Yaml);

        // When
        CliRunner.Run("report", scenario, "--out", temp.File("out"), "--paths", "200").ExitCode.ShouldBe(0);

        // Then: the fan chart and the tornado each number their clip paths from 1; inlined together they must not collide
        string html = File.ReadAllText(temp.File("out/report.html"));
        List<string> ids = [.. Regex.Matches(html, "\\sid=\"(?<id>[^\"]+)\"").Select(m => m.Groups["id"].Value)];
        ids.Count.ShouldBeGreaterThan(3);
        ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        foreach (Match reference in Regex.Matches(html, "url\\(#(?<id>[^)]+)\\)"))
        {
            ids.ShouldContain(reference.Groups["id"].Value);
        }
    }

    [Fact]
    public void Should_ExitWithBadInputOnOneLine_When_TheScenarioFileIsMissing()
    {
        // Given
        using TempFolder temp = new();

        // When
        CliRun run = CliRunner.Run("report", temp.File("nope.yaml"), "--out", temp.File("out"));

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("nope.yaml");
        run.Error.Trim().Split('\n').Length.ShouldBe(1);
        Directory.Exists(temp.File("out")).ShouldBeFalse();
    }

    [Fact]
    public void Should_ListTheFilesAsJson_When_JsonIsAsked()
    {
        // Given
        using TempFolder temp = new();
        string scenario = temp.Write("s.yaml", ExampleScenarios.Find("api-startup")!.Yaml);

        // When
        CliRun run = CliRunner.Run("report", scenario, "--out", temp.File("out"), "--paths", "200", "--json");

        // Then
        run.ExitCode.ShouldBe(0, run.Error);
        JsonNode json = JsonNode.Parse(run.Output)!;
        json["report"]!.GetValue<string>().ShouldEndWith("report.html");
        json["files"]!.AsArray().Select(f => Path.GetFileName(f!.GetValue<string>())).ShouldContain("plan.xlsx");
    }
}
