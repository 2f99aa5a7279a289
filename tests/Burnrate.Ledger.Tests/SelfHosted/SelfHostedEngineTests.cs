using Burnrate.Ledger.Import;
using Burnrate.Catalog;
using Burnrate.Catalog.Services;
using Burnrate.Core.Inference;
using Burnrate.Ledger.SelfHosted;
using Burnrate.Ledger.Tests.Fixtures;
using static Burnrate.Ledger.Tests.LedgerTestContext;

namespace Burnrate.Ledger.Tests.SelfHosted;

public sealed class SelfHostedEngineTests
{
    private const string Deployments = DeploymentFixture.Yaml;

    private static string Log(params (string Id, string Day, string Provider, string ApiBase, string Customer, int In, int Out)[] rows) => string.Join('\n', rows.Select(r =>
        $$"""{"request_id":"{{r.Id}}","startTime":"{{r.Day}}T12:00:00Z","model":"llama-3.1-8b","custom_llm_provider":"{{r.Provider}}","api_base":"{{r.ApiBase}}","prompt_tokens":{{r.In}},"completion_tokens":{{r.Out}},"spend":0,"end_user":"{{r.Customer}}"}"""));

    private static InferReport Infer(int input, int output) => InferService.Run(BurnrateCatalog.Embedded, new InferRequest
    {
        Deployment = new() { Model = "llama-3.1-8b", Gpu = "h100-sxm", Gpus = 1, Price = new() { GpuHourUsd = 2.00 } },
        InputTokens = input,
        OutputTokens = output,
        Concurrency = 32,
    });

    private static SelfHostedReport Run(TempFolder dir, string yaml, string log, DateOnly? from = null, DateOnly? to = null)
    {
        LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));
        using (ledger)
        {
            ImportFiles(ledger, "litellm", dir.Write("spend.jsonl", log)).Files.Single().Rejected.ShouldBe(0);
            return SelfHostedEngine.Run(ledger, BurnrateCatalog.Embedded, DeploymentsYaml.Read(yaml, "deployments.yaml"), from, to);
        }
    }

    [Fact]
    public void Should_AllocateTheCapacityToTheCentWithAnIdleLine_When_TheDeploymentServedLittle()
    {
        // Given 1×H100 at $2.00/GPU-hour up Jan 1–10 (240 h: $480.00), serving acme (2 requests, one logged as HOSTED_VLLM) and
        // bob; bob's Jan 15 request (after 'to') and carol's OpenAI request are not its traffic
        using var dir = new TempFolder();
        string log = Log(
            ("a1", "2026-01-02", "hosted_vllm", "", "acme", 1000, 200),
            ("a2", "2026-01-03", "HOSTED_VLLM", "", "acme", 3000, 600),
            ("b1", "2026-01-05", "hosted_vllm", "", "bob", 2000, 400),
            ("b2", "2026-01-15", "hosted_vllm", "", "bob", 9000, 900),
            ("c1", "2026-01-04", "openai", "", "carol", 5000, 500));

        // When
        SelfHostedReport report = Run(dir, Deployments, log);

        // Then: each customer pays its tokens at infer's prefill/decode prices for the mean shape (2,000 in, 400 out), the rest is idle
        InferReport infer = Infer(2000, 400);
        decimal perIn = (decimal)infer.CostPerMillionInputTokensUsd!.Value / 1e6m, perOut = (decimal)infer.CostPerMillionOutputTokensUsd!.Value / 1e6m;
        decimal acme = (4000 * perIn) + (800 * perOut), bob = (2000 * perIn) + (400 * perOut);
        SelfHostedMonth month = report.Months.Single();
        month.ShouldSatisfyAllConditions(
            m => m.Month.ShouldBe("2026-01"),
            m => m.GpuHours.ShouldBe(240),
            m => m.CostUsd.Usd.ShouldBe(480.00m),
            m => (m.AllocatedUsd + m.IdleUsd).Usd.ShouldBe(480.00m),
            m => (m.Requests, m.InputTokens, m.OutputTokens).ShouldBe((3L, 6000L, 1200L)),
            m => (m.PredictionInputTokens, m.PredictionOutputTokens, m.PredictionConcurrency).ShouldBe((2000, 400, 32)),
            m => m.ActualUsdPerMillionTokens.ShouldBe(66_666.666667m), // 480 ÷ 7,200 tokens × 1e6
            m => m.PredictedUsdPerMillionTokens!.Value.ShouldBe((double)((acme + bob) / 7200m * 1e6m), 1e-9),
            m => m.PredictedInputUsdPerMillionTokens.ShouldBe(infer.CostPerMillionInputTokensUsd),
            m => m.Utilization!.Value.ShouldBe((double)((acme + bob) / 480m), 1e-12));
        report.Lines.Select(l => (l.Customer, l.Requests)).ShouldBe([("acme", 2L), ("bob", 1L), ("(idle)", 0L)]);
        report.Lines[0].CostUsd.Usd.ShouldBe(acme, 1e-9m);
        report.Lines[1].CostUsd.Usd.ShouldBe(bob, 1e-9m);
        report.Lines[2].CostUsd.Usd.ShouldBe(480.00m - acme - bob, 1e-9m);
        report.Lines.Sum(l => l.CostUsd.Usd).ShouldBe(480.00m);
    }

    [Fact]
    public void Should_SplitTheWholeCostByTokensWithNoIdle_When_TheTrafficExceedsWhatTheModelSaysItCouldServe()
    {
        // Given one day up ($48.00) and a gateway log claiming 1.5M requests of 2,000 in / 400 out (far beyond an H100-day)
        using var dir = new TempFolder();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));
        string mapping = dir.Write("m.yaml", "source: gw\ncolumns:\n  time: ts\n  model: model\n  provider: provider\n  customer: customer\n  requests: n\n  inputTokens: in\n  outputTokens: out\n");
        string csv = dir.Write("gw.csv", "ts,model,provider,customer,n,in,out\n"
            + "2026-01-02T01:00:00Z,llama-3.1-8b,hosted_vllm,acme,1000000,2000000000,400000000\n"
            + "2026-01-02T02:00:00Z,llama-3.1-8b,hosted_vllm,bob,500000,1000000000,200000000\n");
        LedgerImporter.Import(ledger, new ImportRequest { Files = [csv], Format = "csv", MappingPath = mapping }).Files.Single().Imported.ShouldBe(2);
        string yaml = Deployments.Replace("2026-01-01", "2026-01-02", StringComparison.Ordinal).Replace("2026-01-10", "2026-01-02", StringComparison.Ordinal);

        // When
        SelfHostedReport report = SelfHostedEngine.Run(ledger, BurnrateCatalog.Embedded, DeploymentsYaml.Read(yaml, "deployments.yaml"));

        // Then $48.00 splits 2:1, nothing idle, utilization 1
        SelfHostedMonth month = report.Months.Single();
        (month.CostUsd.Usd, month.AllocatedUsd.Usd, month.IdleUsd.Usd, month.Utilization).ShouldBe((48.00m, 48.00m, 0m, 1.0));
        report.Lines.Select(l => (l.Customer, Math.Round(l.CostUsd.Usd, 8))).ShouldBe([("acme", 32.00m), ("bob", 16.00m), ("(idle)", 0m)]);
        month.PredictedUsdPerMillionTokens!.Value.ShouldBeGreaterThan((double)month.ActualUsdPerMillionTokens!.Value);
    }

    [Fact]
    public void Should_CostEveryMonthUpAndLeaveItIdle_When_ADeploymentServedNothingInAMonth()
    {
        // Given a deployment up Jan 25 – Feb 4 (7 days in January, 4 in February) with one request in January
        using var dir = new TempFolder();
        string yaml = Deployments.Replace("2026-01-01", "2026-01-25", StringComparison.Ordinal).Replace("2026-01-10", "2026-02-04", StringComparison.Ordinal);

        // When
        SelfHostedReport report = Run(dir, yaml, Log(("a1", "2026-01-26", "hosted_vllm", "", "acme", 1000, 100)));

        // Then January costs 168 h × $2, February 96 h × $2, all idle with no actual or predicted $/1M
        report.Months.Select(m => (m.Month, m.GpuHours, m.CostUsd.Usd)).ShouldBe([("2026-01", 168.0, 336.00m), ("2026-02", 96.0, 192.00m)]);
        SelfHostedMonth feb = report.Months[1];
        (feb.IdleUsd.Usd, feb.ActualUsdPerMillionTokens, feb.PredictedUsdPerMillionTokens, feb.Utilization).ShouldBe((192.00m, (decimal?)null, (double?)null, 0.0));
        report.Lines.Where(l => l.Month == "2026-02").Select(l => l.Customer).ShouldBe(["(idle)"]);
    }

    [Fact]
    public void Should_CountARowOnceForTheFirstDeploymentThatRoutesIt_When_RoutesOverlap()
    {
        // Given two deployments: 'edge' routes api_base http://edge:8000 (any provider), 'main' routes provider hosted_vllm;
        // a hosted_vllm request to the edge endpoint belongs to 'edge' (listed first), not to both
        const string yaml =
            """
            deployments:
              - {name: edge, model: llama-3.1-8b, gpu: l4, gpuHourUsd: 0.80, from: 2026-01-01, to: 2026-01-01, routes: [{apiBase: "HTTP://edge:8000"}]}
              - {name: main, model: llama-3.1-8b, gpu: h100-sxm, gpuHourUsd: 2.00, from: 2026-01-01, to: 2026-01-01, routes: [{provider: hosted_vllm}]}
            """;
        using var dir = new TempFolder();
        string log = Log(("e1", "2026-01-01", "hosted_vllm", "http://edge:8000", "acme", 100, 10), ("m1", "2026-01-01", "hosted_vllm", "http://main:8000", "bob", 100, 10));

        // When
        SelfHostedReport report = Run(dir, yaml, log);

        // Then each deployment served one request, and each month's lines add up to its cost
        report.Months.Select(m => (m.Deployment, m.Requests, m.CostUsd.Usd)).ShouldBe([("edge", 1L, 19.20m), ("main", 1L, 48.00m)]);
        report.Lines.Where(l => l.Customer != SelfHostedLine.Idle).Select(l => (l.Deployment, l.Customer)).ShouldBe([("edge", "acme"), ("main", "bob")]);
        foreach (SelfHostedMonth m in report.Months)
        {
            report.Lines.Where(l => l.Deployment == m.Deployment).Sum(l => l.CostUsd.Usd).ShouldBe(m.CostUsd.Usd);
        }
    }

    [Fact]
    public void Should_OnlyCostTheDaysAsked_When_FromAndToNarrowTheRange()
    {
        using var dir = new TempFolder();

        SelfHostedReport report = Run(dir, Deployments, Log(("a1", "2026-01-02", "hosted_vllm", "", "acme", 1000, 100)), new DateOnly(2026, 1, 3), new DateOnly(2026, 1, 4));

        // Then 2 days (48 h, $96.00), and the Jan 2 request is outside them
        report.Months.Single().ShouldSatisfyAllConditions(m => m.GpuHours.ShouldBe(48), m => m.CostUsd.Usd.ShouldBe(96.00m), m => m.Requests.ShouldBe(0));
    }

    [Fact]
    public void Should_CostEveryReplica_When_TheDeploymentGivesReplicasInsteadOfGpus()
    {
        // Given the 1×H100 deployment as 3 replicas of one GPU (no gpus field): 3 GPUs × 240 h × $2.00
        using var dir = new TempFolder();
        string yaml = Deployments.Replace("gpus: 1", "replicas: 3", StringComparison.Ordinal);

        // When
        SelfHostedReport report = Run(dir, yaml, Log(("a1", "2026-01-02", "hosted_vllm", "", "acme", 1000, 200)));

        // Then
        report.Months.Single().ShouldSatisfyAllConditions(
            m => m.Gpus.ShouldBe(3),
            m => m.GpuHours.ShouldBe(720),
            m => m.CostUsd.Usd.ShouldBe(1440.00m),
            m => m.Requests.ShouldBe(1));
    }

    [Fact]
    public void Should_NameTheDeploymentAndTheRule_When_ReplicasDoNotDivideTheGpus()
    {
        using var dir = new TempFolder();
        string yaml = Deployments.Replace("gpus: 1", "gpus: 4\n    replicas: 3", StringComparison.Ordinal);

        var e = Should.Throw<CatalogException>(() => Run(dir, yaml, Log(("a1", "2026-01-02", "hosted_vllm", "", "acme", 1000, 200))));

        e.Message.ShouldStartWith("deployments.yaml:2:5: deployment 'llama8b-h100': ");
        e.Message.ShouldContain("replicas × tp × pp = gpus");
        e.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void Should_NameTheDeploymentAndItsLine_When_ItDoesNotFitInMemory()
    {
        using var dir = new TempFolder();
        string yaml = Deployments.Replace("llama-3.1-8b", "llama-3.1-405b", StringComparison.Ordinal).Replace("h100-sxm", "l4", StringComparison.Ordinal);

        var e = Should.Throw<CatalogException>(() => Run(dir, yaml, Log(("a1", "2026-01-02", "hosted_vllm", "", "acme", 1000, 100))));

        e.Message.ShouldStartWith("deployments.yaml:2:5: deployment 'llama8b-h100': llama-3.1-405b 1×l4");
        e.Message.ShouldContain("does not fit in memory");
    }

    [Theory]
    [InlineData("gpuHourUSD: 2.00", "deployments.yaml:7:5: unknown field 'gpuHourUSD' in deployment 'llama8b-h100'; did you mean gpuHourUsd?")]
    [InlineData("gpuHourUsd: cheap", "deployments.yaml:7:17: field 'gpuHourUsd' must be a positive number (USD per GPU-hour), got \"cheap\"")]
    [InlineData("to: 2026-01-10", "deployments.yaml:9:9: field 'to' must be a day on or after 'from' (2026-01-11)")]
    [InlineData("- provider: hosted_vllm", "deployments.yaml:11:9: a route of deployment 'llama8b-h100' needs 'provider'")]
    public void Should_NameFileLineFieldAndValue_When_TheDeploymentsYamlIsBad(string replace, string expected)
    {
        // Given the example with one field spoiled
        string yaml = replace switch
        {
            "to: 2026-01-10" => Deployments.Replace("from: 2026-01-01", "from: 2026-01-11", StringComparison.Ordinal),
            "- provider: hosted_vllm" => Deployments.Replace("- provider: hosted_vllm", "- provider: \"\"", StringComparison.Ordinal),
            _ => Deployments.Replace("gpuHourUsd: 2.00", replace, StringComparison.Ordinal),
        };

        // When
        var e = Should.Throw<CatalogException>(() => DeploymentsYaml.Read(yaml, "deployments.yaml"));

        // Then one line naming where and what
        e.Message.ShouldStartWith(expected);
        e.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void Should_ReadTheOwnedPriceAndLayout_When_TheYamlGivesThem()
    {
        const string yaml =
            """
            deployments:
              - name: rack
                model: llama-3.1-70b
                gpu: h100-sxm
                gpus: 8
                tensorParallel: 4
                weights: fp8
                owned: true
                purchaseUsd: 30000
                amortizationYears: 4
                electricityUsdPerKWh: 0.12
                pue: 1.3
                from: 2026-01
                routes: [{provider: vllm, apiBase: "http://rack:8000"}]
            """;

        SelfHostedDeployment d = DeploymentsYaml.Read(yaml, "d.yaml").Single();

        d.ShouldSatisfyAllConditions(
            x => (x.Deployment.Gpus, x.Deployment.TensorParallel, x.Deployment.Weights).ShouldBe((8, (int?)4, "fp8")),
            x => (x.Deployment.Price.IsOwned, x.Deployment.Price.PurchaseUsd, x.Deployment.Price.Pue).ShouldBe((true, (double?)30000, (double?)1.3)),
            x => (x.From, x.To).ShouldBe((new DateOnly(2026, 1, 1), (DateOnly?)null)),
            x => x.Routes.ShouldBe([new DeploymentRoute("vllm", "http://rack:8000")]),
            x => x.Location.ShouldBe("d.yaml:2:5"));
    }
}
