using System.Text.Json;

namespace Burnrate.Cli.Tests.Fleet;

public sealed class FleetCommandTests : IDisposable
{
    private readonly TempFolder _temp = new("burnrate-fleet-");

    // Two months, a daily peak, every option kind, given capacities (no cost model): solves in well under a second.
    private const string Small = """
        name: small
        horizon: {start: 2027-02, months: 2}
        demand:
          tokensPerSecond: 1000
          daily: [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1.5, 1.5, 1, 1, 1, 1]
          monthlyGrowth: 0.1
          scenarios:
            - {name: slow, monthlyGrowth: 0, probability: 0.5}
            - {name: fast, monthlyGrowth: 0.3, probability: 0.5}
        serving:
          - {name: gpu, capacityTokensPerSecond: 400}
        headroom: 0.25
        options:
          - {name: owned, kind: owned, fixedUsdPerMonth: 900, maxUnits: 2}
          - {name: reserved, kind: reserved, usdPerUnitHour: 1.6, termMonths: 1}
          - {name: on-demand, kind: on-demand, usdPerUnitHour: 2.5}
          - {name: spot, kind: spot, usdPerUnitHour: 1.0, interruptionsPerHour: 0.1, restartMinutes: 6, maxUnits: 1}
          - {name: api, kind: api, usdPerMillionTokens: 1.5}
        contracts:
          - {name: commit, serving: gpu, discount: 0.3, of: on-demand, termMonths: 2}
        """;

    public void Dispose() => _temp.Dispose();

    private string Write(string yaml, string name = "fleet.yaml") => _temp.Write(name, yaml);

    [Fact]
    public void Should_PrintTheJsonContract_When_JsonAndContractsRequested()
    {
        // Given / When
        CliRun run = CliRunner.Run("fleet", Write(Small), "--contracts", "--json");

        // Then
        run.ExitCode.ShouldBe(0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Output);
        JsonElement root = doc.RootElement;
        foreach (string key in new[] { "status", "gapPercent", "reason", "totalCostUsd", "costPerMillionTokensUsd", "servedTokens", "options", "months", "scenarios", "contracts" })
        {
            root.TryGetProperty(key, out _).ShouldBeTrue(key);
        }

        root.GetProperty("status").GetString().ShouldBe("optimal");
        JsonElement option = root.GetProperty("options")[0];
        foreach (string key in new[] { "name", "kind", "costUsd", "unitsByMonth", "utilization", "servedTokens" })
        {
            option.TryGetProperty(key, out _).ShouldBeTrue(key);
        }

        option.GetProperty("unitsByMonth").GetArrayLength().ShouldBe(2);
        root.GetProperty("months")[1].GetProperty("month").GetString().ShouldBe("2027-03");
        root.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldBe(["slow", "fast"]);
        JsonElement contract = root.GetProperty("contracts")[0];
        foreach (string key in new[] { "name", "expectedCostUsd", "worstCostUsd", "regretUsd" })
        {
            contract.TryGetProperty(key, out _).ShouldBeTrue(key);
        }

        double total = root.GetProperty("months").EnumerateArray().Sum(m => m.GetProperty("costUsd").GetDouble());
        total.ShouldBe(root.GetProperty("totalCostUsd").GetDouble(), 1e-6);
        Golden.Verify(run.Output, "Fleet");
    }

    [Fact]
    public void Should_MatchTheGoldenTables_When_RunWithoutJson()
    {
        // Given / When
        CliRun run = CliRunner.Run("fleet", Write(Small), "--contracts");

        // Then
        run.ExitCode.ShouldBe(0, run.Error);
        Golden.Verify(run.Output.Replace(Path.GetTempPath(), "TMP/", StringComparison.Ordinal), "Fleet");
    }

    [Fact]
    public void Should_WriteChartsCsvAndWorkbook_When_OutGiven()
    {
        // Given
        string dir = Directory.CreateDirectory(_temp.File("out")).FullName;

        // When
        CliRun run = CliRunner.Run("fleet", Write(Small), "--out", dir);

        // Then
        run.ExitCode.ShouldBe(0, run.Error);
        string[] files = [.. Directory.GetFiles(dir).Select(Path.GetFileName).Order()!];
        files.ShouldBe(["capacity-horizon.png", "capacity-horizon.svg", "capacity-week.png", "capacity-week.svg", "fleet.xlsx", "months.csv", "options.csv"]);
        File.ReadAllLines(Path.Combine(dir, "months.csv"))[0].ShouldBe("month,costUsd,peakDemandTokensPerSecond,servedTokens,owned units,reserved units,on-demand units,spot units,api tokensPerSecond");
        File.ReadAllText(Path.Combine(dir, "capacity-week.svg")).ShouldContain("<svg");
    }

    [Fact]
    public void Should_ExitTwoWithTheFieldAndNearestName_When_AFieldIsMisspelt()
    {
        // Given
        string path = Write(Small.Replace("usdPerUnitHour: 2.5", "usdPerUnitHours: 2.5", StringComparison.Ordinal));

        // When
        CliRun run = CliRunner.Run("fleet", path);

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe($"error: {path}:16:40: unknown field 'usdPerUnitHours' in option 'on-demand' (on-demand; allowed: usdPerUnitHour); did you mean usdPerUnitHour?");
    }

    [Fact]
    public void Should_ExitTwoNamingTheEntries_When_AnOptionNamesAnUnknownServing()
    {
        // Given
        string path = Write(Small.Replace("{name: on-demand, kind: on-demand,", "{name: on-demand, kind: on-demand, serving: gpu2,", StringComparison.Ordinal));

        // When
        CliRun run = CliRunner.Run("fleet", path);

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("'on-demand' needs 'serving' naming a serving entry; entries: gpu");
    }

    [Fact]
    public void Should_ExitTwoWithOneLocatedLineNamingEachBadField_When_TheFileIsWellFormedButInvalid()
    {
        // Given: scenario probabilities that sum to 0.8
        string path = Write(Small.Replace("probability: 0.5}\n    - {name: fast", "probability: 0.3}\n    - {name: fast", StringComparison.Ordinal));

        // When
        CliRun run = CliRunner.Run("fleet", path, "--json");

        // Then: exit 2, nothing on standard output, one line: the file, the field's path in it, the value and what is allowed
        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Error.TrimEnd('\n').Split('\n').Length.ShouldBe(1);
        run.Error.Trim().ShouldBe($"error: {path}: demand.scenarios 'probabilities summing to 0.8' is not allowed; expected probabilities that sum to 1");
    }

    [Fact]
    public void Should_ExitTwoWithTheLineAndColumn_When_AValueIsOutOfRange()
    {
        // Given
        string path = Write(Small.Replace("headroom: 0.25", "headroom: 25", StringComparison.Ordinal));

        // When
        CliRun run = CliRunner.Run("fleet", path);

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe($"error: {path}:12:11: field 'headroom' must be a number in [0, 10], got \"25\"");
    }

    [Fact]
    public void Should_ExitOneNamingTheSlot_When_NoMixCanCoverDemand()
    {
        // Given: only two capped on-demand units
        string yaml = """
            name: short
            horizon: {start: 2027-02, months: 1}
            demand: {tokensPerSecond: 1000}
            serving: [{name: gpu, capacityTokensPerSecond: 400}]
            options: [{name: od, kind: on-demand, usdPerUnitHour: 2, maxUnits: 2}]
            """;

        // When
        CliRun run = CliRunner.Run("fleet", Write(yaml), "--json");

        // Then
        run.ExitCode.ShouldBe(1);
        using JsonDocument doc = JsonDocument.Parse(run.Output);
        doc.RootElement.GetProperty("status").GetString().ShouldBe("infeasible");
        doc.RootElement.GetProperty("reason").GetString().ShouldBe("slot 2027-02 Mon 00:00 (scenario 'expected') needs 1000 tokens/s including headroom; the options give at most 800: short by 200 tokens/s");
    }

    [Fact]
    public void Should_DeriveCapacityFromTheCostModel_When_ServingSaysFrom()
    {
        // Given
        string yaml = """
            name: derived
            horizon: {start: 2027-02, months: 1}
            demand: {tokensPerSecond: 5000}
            serving:
              - name: h100
                from: {model: llama-3.1-8b, gpu: h100-sxm, gpus: 1, input: 1000, output: 200, sloTtft: 1s, sloTpot: 40ms}
            options: [{name: od, kind: on-demand, usdPerUnitHour: 4}]
            """;

        // When
        CliRun run = CliRunner.Run("fleet", Write(yaml), "--json");

        // Then
        run.ExitCode.ShouldBe(0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Output);
        JsonElement serving = doc.RootElement.GetProperty("assumptions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "serving h100");
        serving.GetProperty("source").GetString()!.ShouldStartWith("burnrate infer llama-3.1-8b --gpu h100-sxm --gpus 1");
    }

    [Theory]
    [InlineData("weights: fp3", "serving.from: weights 'fp3' is not allowed; expected one of bf16, fp16, fp8, int8, int4, fp4")]
    [InlineData("model: llama-3.1-8c", "serving.from: unknown model 'llama-3.1-8c'")]
    [InlineData("gpu: h100-sxn", "serving.from: unknown accelerator 'h100-sxn'")]
    public void Should_ExitTwoWithOneLineLocatedAtTheFromEntry_When_ItsDeploymentIsBad(string field, string expected)
    {
        // Given: serving.from resolved by the same deployment resolver as `burnrate infer`
        string from = "{model: llama-3.1-8b, gpu: h100-sxm, gpus: 1, input: 1000, output: 200, sloTtft: 1s, sloTpot: 40ms}";
        string key = field.Split(':')[0];
        from = System.Text.RegularExpressions.Regex.Replace(from, key + @": [^,]+", field, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        if (!from.Contains(field, StringComparison.Ordinal))
        {
            from = from.Replace("{", "{" + field + ", ", StringComparison.Ordinal);
        }

        string path = Write($$"""
            name: derived
            horizon: {start: 2027-02, months: 1}
            demand: {tokensPerSecond: 5000}
            serving:
              - name: h100
                from: {{from}}
            options: [{name: od, kind: on-demand, usdPerUnitHour: 4}]
            """);

        // When
        CliRun run = CliRunner.Run("fleet", path, "--json");

        // Then: exit 2, nothing on standard output, one line at the from: mapping (line 6, column 11)
        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Error.TrimEnd('\n').Split('\n').ShouldHaveSingleItem().ShouldStartWith($"error: {path}:6:11: {expected}");
        if (key != "weights")
        {
            run.Error.ShouldContain("did you mean");
        }
    }
}
