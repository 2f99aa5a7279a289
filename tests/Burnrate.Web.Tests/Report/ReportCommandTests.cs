using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Burnrate.Planning.Examples;

namespace Burnrate.Web.Tests.Report;

public sealed class ReportCommandTests
{
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
