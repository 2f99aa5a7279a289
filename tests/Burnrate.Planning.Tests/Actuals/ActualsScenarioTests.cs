using Burnrate.Catalog;
using Burnrate.Core.Validation;
using Burnrate.Planning.Actuals;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Tests.Actuals;

public sealed class ActualsScenarioTests
{
    private sealed class FakeSource : IActualsSource
    {
        public LedgerReference? Loaded { get; private set; }

        public string? LoadedPath => Loaded?.Location;

        public ActualsHistory Load(LedgerReference ledger)
        {
            Loaded = ledger;
            // tokens 1.0M, 1.1M, 1.21M (10 % a month); revenue 50, 55, 60; cost 5, 6, 7
            return new ActualsHistory("fake ledger", [.. new[] { (1.0e6, 50.0, 5.0), (1.1e6, 55.0, 6.0), (1.21e6, 60.0, 7.0) }.Select((m, i) =>
                new ActualsMonth(new DateOnly(2026, 1 + i, 1), m.Item1, m.Item2, new Dictionary<string, double> { ["subscription"] = m.Item2 }, m.Item3))]);
        }
    }

    private const string Yaml =
        """
        name: from actuals
        actuals: {ledger: books/ledger.duckdb}
        months: 12
        cash: 1000
        revenue:
          - name: api
            kind: usage
            tokensPerMonth: {actual: ledger.tokens.lastMonth}
            monthlyGrowth: {fit: ledger.tokens.monthlyGrowth}
            pricePerMillionTokens: {actual: ledger.revenue.perMillionTokens.lastMonth}
        costs:
          inference: {costPerMillionTokens: {actual: ledger.cost.perMillionTokens.lastMonth}}
        """;

    [Fact]
    public void Should_StartAfterTheLastActualMonthAndResolveReferences_When_TheScenarioHasActuals()
    {
        var source = new FakeSource();

        PlanScenario s = ScenarioReader.Read(Yaml, "/plans/s.yaml", null, source);

        source.LoadedPath.ShouldBe(Path.Combine("/plans", "books/ledger.duckdb"));
        s.Start.ShouldBe(new DateOnly(2026, 4, 1));
        s.Drivers[s.Revenue[0].Volume].Value.ShouldBe(1.21e6);
        Driver growth = s.Drivers[s.Revenue[0].MonthlyGrowth];
        growth.PerMonth.ShouldBeTrue();
        growth.Central.ShouldBe(0.1, 1e-9); // both log-returns are ln 1.1: σ = 0
        s.Drivers[s.Revenue[0].Price].Value.ShouldBe(60 / 1.21, 1e-9);
        s.Drivers[s.InferenceCostPerMillionTokens].Value.ShouldBe(7 / 1.21, 1e-9);
        s.Assumptions.Select(a => a.Name).ShouldBe(["actuals", "revenue.api.tokensPerMonth", "revenue.api.monthlyGrowth", "revenue.api.pricePerMillionTokens", "costs.inference.costPerMillionTokens"]);
    }

    [Fact]
    public void Should_NameTheAllowedSeries_When_AReferenceIsUnknown()
    {
        string yaml = Yaml.Replace("ledger.tokens.monthlyGrowth", "ledger.tokenz.monthlyGrowth", StringComparison.Ordinal);

        var e = Should.Throw<InputException>(() => ScenarioReader.Read(yaml, "s.yaml", null, new FakeSource()));

        e.Message.ShouldStartWith("s.yaml:9:");
        e.Message.ShouldContain("\"ledger.tokenz.monthlyGrowth\" is not one of ledger.tokens.monthlyGrowth, ledger.revenue.monthlyGrowth");
    }

    [Fact]
    public void Should_Fail_When_AReferenceHasNoActuals()
    {
        string yaml = Yaml.Replace("actuals: {ledger: books/ledger.duckdb}\n", "start: 2026-01\n", StringComparison.Ordinal);

        var e = Should.Throw<InputException>(() => ScenarioReader.Read(yaml, "s.yaml", null, new FakeSource()));

        e.Message.ShouldContain("refers to 'ledger.tokens.lastMonth' but the scenario has no 'actuals: {ledger: PATH}'");
    }

    [Fact]
    public void Should_PassTheAddressAndVariableNamesAsWritten_When_TheLedgerIsClickHouse()
    {
        string yaml = Yaml.Replace("actuals: {ledger: books/ledger.duckdb}", "actuals: {ledger: 'clickhouse://ch1:8123/books?cluster=prod', userEnv: CH_USER, passwordEnv: CH_PASSWORD}", StringComparison.Ordinal);
        var source = new FakeSource();

        ScenarioReader.Read(yaml, "/plans/s.yaml", null, source);

        source.Loaded.ShouldBe(new LedgerReference("clickhouse://ch1:8123/books?cluster=prod", "CH_USER", "CH_PASSWORD"));
        source.Loaded!.IsServer.ShouldBeTrue();
    }

    [Fact]
    public void Should_NameTheSchemeAndWhatIsAllowed_When_TheLedgerHasAnUnknownScheme()
    {
        string yaml = Yaml.Replace("actuals: {ledger: books/ledger.duckdb}", "actuals: {ledger: 'postgres://db/books'}", StringComparison.Ordinal);
        var source = new FakeSource();

        var e = Should.Throw<InputException>(() => ScenarioReader.Read(yaml, "s.yaml", null, source));

        e.Message.ShouldStartWith("s.yaml:2:");
        e.Message.ShouldContain("unknown scheme 'postgres://' in \"postgres://db/books\"; allowed: a DuckDB file path or clickhouse://HOST[:PORT]/DATABASE[?cluster=NAME]");
        source.Loaded.ShouldBeNull();
    }

    [Fact]
    public void Should_RejectCredentialVariables_When_TheLedgerIsAFile()
    {
        string yaml = Yaml.Replace("actuals: {ledger: books/ledger.duckdb}", "actuals: {ledger: books/ledger.duckdb, userEnv: CH_USER}", StringComparison.Ordinal);

        var e = Should.Throw<InputException>(() => ScenarioReader.Read(yaml, "s.yaml", null, new FakeSource()));

        e.Message.ShouldContain("userEnv and passwordEnv apply to a clickhouse:// ledger only");
    }

    [Fact]
    public void Should_PlaceTheSourcesErrorAtTheLedgerField_When_TheSourceRefusesTheLedger()
    {
        string yaml = Yaml.Replace("actuals: {ledger: books/ledger.duckdb}", "actuals:\n  ledger: 'clickhouse://ch1/books'\n  userEnv: CH_USER", StringComparison.Ordinal);

        var e = Should.Throw<InputException>(() => ScenarioReader.Read(yaml, "s.yaml", null, new RefusingSource()));

        e.Message.ShouldBe("s.yaml:3:11: actuals.userEnv: environment variable 'CH_USER' is not set");
    }

    private sealed class RefusingSource : IActualsSource
    {
        public ActualsHistory Load(LedgerReference ledger) => throw new CatalogException($"actuals.userEnv: environment variable '{ledger.UserEnv}' is not set");
    }
}
