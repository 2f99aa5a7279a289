using System.Text.Json;

namespace Burnrate.Cli.Tests;

public sealed class LedgerCommandTests : IDisposable
{
    private readonly TempFolder _dir = new("burnrate-cli-ledger-");

    public void Dispose() => _dir.Dispose();

    private static string Example(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Burnrate.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "examples", "ledger", name);
    }

    private string Db => _dir.File("ledger.duckdb");

    private void ImportExample()
    {
        CliRunner.Run("ledger", "import", Example("spend-logs.jsonl"), "--format", "litellm", "--db", Db).ExitCode.ShouldBe(0);
        CliRunner.Run("ledger", "import", Example("revenue.csv"), "--format", "revenue", "--db", Db).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Should_PrintTheImportContract_When_ImportingWithJson()
    {
        CliRun run = CliRunner.Run("ledger", "import", Example("spend-logs.jsonl"), "--format", "litellm", "--db", Db, "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        JsonElement file = JsonDocument.Parse(run.Output).RootElement.GetProperty("files")[0];
        file.GetProperty("format").GetString().ShouldBe("litellm");
        file.GetProperty("rowsRead").GetInt64().ShouldBe(648);
        file.GetProperty("imported").GetInt64().ShouldBe(648);
        file.GetProperty("duplicates").GetInt64().ShouldBe(0);
        file.GetProperty("rejected").GetInt64().ShouldBe(0);
        file.GetProperty("errors").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void Should_MatchTheGoldenTable_When_ReportingByCustomer()
    {
        ImportExample();

        CliRun run = CliRunner.Run("ledger", "report", "--by", "customer", "--db", Db);

        run.ExitCode.ShouldBe(0, run.Error);
        Golden.Verify(run.Output, "Ledger");
    }

    [Fact]
    public void Should_MatchTheGoldenJson_When_ReportingByModelAndMonth()
    {
        ImportExample();

        CliRun run = CliRunner.Run("ledger", "report", "--by", "model,month", "--db", Db, "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        Golden.Verify(run.Output, "Ledger");
    }

    [Fact]
    public void Should_ExitWithTwoAndOneLine_When_TheFormatIsUnknown()
    {
        CliRun run = CliRunner.Run("ledger", "import", Example("revenue.csv"), "--format", "litelm", "--db", Db);

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe("error: --format 'litelm' is not allowed; expected one of litellm, openai-usage, openai-costs, anthropic-usage, anthropic-costs, focus, csv, jsonl, revenue (nearest: litellm)");
    }

    [Fact]
    public void Should_NameTheLine_When_ARevenueRowIsBad()
    {
        string bad = _dir.Write("rev.csv", "date,customer,amountUsd,kind\n2026-01-01,acme,10,subscription\n2026-13-01,acme,10,subscription\n2026-01-02,acme,ten,usage\n2026-01-03,acme,1,gift\n");

        CliRun run = CliRunner.Run("ledger", "import", bad, "--format", "revenue", "--db", Db);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("rev.csv:3: date: \"2026-13-01\" is not a date YYYY-MM-DD");
        run.Output.ShouldContain("rev.csv:4: amountUsd: \"ten\" is not a USD amount");
        run.Output.ShouldContain("rev.csv:5: kind: \"gift\" is not one of subscription, usage, credit, refund");
    }

    [Fact]
    public void Should_ExitWithTwo_When_ByNamesAnUnknownKey()
    {
        CliRun run = CliRunner.Run("ledger", "report", "--by", "customer,modle", "--db", Db);

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe("error: --by 'modle' is not allowed; expected one of customer, feature, model, provider, day, week, month (nearest: model)");
    }

    [Fact]
    public void Should_PrintTheReconcileContract_When_UsageIsPricedAndBilled()
    {
        string prices = _dir.Write("prices.yaml", "source: test\nprices:\n  - model: gpt-4o\n    inputUsdPerMillionTokens: 2.5\n    outputUsdPerMillionTokens: 10\n");
        string usage = _dir.Write("usage.json", """{"data":[{"start_time":1768003200,"end_time":1768089600,"results":[{"input_tokens":1000000,"output_tokens":100000,"num_model_requests":3,"project_id":"p","model":"gpt-4o"}]}]}""");
        string costs = _dir.Write("costs.json", """{"data":[{"start_time":1768003200,"end_time":1768089600,"results":[{"amount":{"value":3.6,"currency":"usd"},"line_item":"gpt-4o, input","project_id":"p"}]}]}""");
        CliRunner.Run("ledger", "import", usage, "--format", "openai-usage", "--prices", prices, "--db", Db).ExitCode.ShouldBe(0);
        CliRunner.Run("ledger", "import", costs, "--format", "openai-costs", "--db", Db).ExitCode.ShouldBe(0);

        CliRun run = CliRunner.Run("ledger", "reconcile", "--db", Db, "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        JsonElement row = JsonDocument.Parse(run.Output).RootElement.GetProperty("rows")[0];
        row.GetProperty("date").GetString().ShouldBe("2026-01-10");
        row.GetProperty("provider").GetString().ShouldBe("openai");
        row.GetProperty("computedUsd").GetDecimal().ShouldBe(3.5m); // 1M × 2.50/M + 100k × 10/M
        row.GetProperty("billedUsd").GetDecimal().ShouldBe(3.6m);
        row.GetProperty("differenceUsd").GetDecimal().ShouldBe(0.1m);
    }

    [Fact]
    public void Should_AllocateTheExampleDeploymentToItsCustomersWithAnIdleLine_When_RunningSelfHostedWithJson()
    {
        // Given the example logs, whose llama-3.1-70b traffic went to hosted_vllm, and the example deployments file (4×H100 at $2.49)
        ImportExample();

        // When
        CliRun run = CliRunner.Run("ledger", "selfhosted", "--deployments", Example("deployments.yaml"), "--db", Db, "--json");

        // Then six months; January is 31 days × 24 h × 4 GPUs × $2.49 = $7,410.24, split over globex, umbrella and the idle line
        run.ExitCode.ShouldBe(0, run.Error);
        JsonElement root = JsonDocument.Parse(run.Output).RootElement;
        JsonElement january = root.GetProperty("months")[0];
        root.GetProperty("months").GetArrayLength().ShouldBe(6);
        january.GetProperty("month").GetString().ShouldBe("2026-01");
        january.GetProperty("gpuHours").GetDouble().ShouldBe(2976);
        january.GetProperty("costUsd").GetDecimal().ShouldBe(7410.24m);
        (january.GetProperty("allocatedUsd").GetDecimal() + january.GetProperty("idleUsd").GetDecimal()).ShouldBe(7410.24m);
        january.GetProperty("predictedUsdPerMillionTokens").GetDouble().ShouldBeLessThan(january.GetProperty("actualUsdPerMillionTokens").GetDouble());
        var lines = root.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("month").GetString() == "2026-01").ToList();
        lines.Select(l => l.GetProperty("customer").GetString()).ShouldBe(["globex", "umbrella", "(idle)"]);
        lines.Sum(l => l.GetProperty("costUsd").GetDecimal()).ShouldBe(7410.24m, 0.015m); // each line rounded to the cent
    }

    [Fact]
    public void Should_FoldTheExampleDeploymentsCapacityIntoTheMargins_When_ReportGetsDeployments()
    {
        // Given the example ledger and deployments (llama-3.1-70b on 4×H100 for globex and umbrella's hosted_vllm traffic)
        ImportExample();
        JsonElement Json(CliRun run)
        {
            run.ExitCode.ShouldBe(0, run.Error);
            return JsonDocument.Parse(run.Output).RootElement;
        }

        decimal Cost(JsonElement report, string customer) =>
            report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetProperty("customer").GetString() == customer).GetProperty("costUsd").GetDecimal();

        JsonElement logged = Json(CliRunner.Run("ledger", "report", "--by", "customer", "--db", Db, "--json"));
        JsonElement selfHosted = Json(CliRunner.Run("ledger", "selfhosted", "--deployments", Example("deployments.yaml"), "--db", Db, "--json"));

        // When
        JsonElement report = Json(CliRunner.Run("ledger", "report", "--by", "customer", "--deployments", Example("deployments.yaml"), "--db", Db, "--json"));

        // Then the six months' capacity ($43,266.24) is in the cost: globex and umbrella pay their allocated lines, the rest is idle
        decimal capacity = selfHosted.GetProperty("months").EnumerateArray().Sum(m => m.GetProperty("costUsd").GetDecimal());
        decimal Allocated(string customer) => selfHosted.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("customer").GetString() == customer).Sum(l => l.GetProperty("costUsd").GetDecimal());
        capacity.ShouldBe(43_266.24m);
        report.GetProperty("totals").GetProperty("costUsd").GetDecimal().ShouldBe(logged.GetProperty("totals").GetProperty("costUsd").GetDecimal() + capacity);
        Cost(report, "acme").ShouldBe(Cost(logged, "acme"));
        Cost(report, "globex").ShouldBe(Cost(logged, "globex") + Allocated("globex"), 0.06m); // the lines are rounded to the cent month by month
        Cost(report, "(idle: llama70b-vllm)").ShouldBe(Allocated("(idle)"), 0.06m);
        report.GetProperty("totals").GetProperty("revenueUsd").GetDecimal().ShouldBe(logged.GetProperty("totals").GetProperty("revenueUsd").GetDecimal());
        report.GetProperty("lossMakers")[0].GetProperty("key").GetProperty("customer").GetString().ShouldBe("(idle: llama70b-vllm)");
    }

    [Fact]
    public void Should_PrintOneLineAndExit2_When_TheReportsDeploymentsFileIsMissing()
    {
        ImportExample();

        CliRun run = CliRunner.Run("ledger", "report", "--by", "customer", "--deployments", _dir.File("nope.yaml"), "--db", Db);

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().Split('\n').Length.ShouldBe(1);
        run.Error.ShouldContain("nope.yaml");
    }

    [Fact]
    public void Should_PrintOneLocatedLineAndExit2_When_TheDeploymentsFileHasATypo()
    {
        string yaml = _dir.Write("d.yaml", File.ReadAllText(Example("deployments.yaml")).Replace("gpuHourUsd:", "gpuHourUSD:", StringComparison.Ordinal));

        CliRun run = CliRunner.Run("ledger", "selfhosted", "--deployments", yaml, "--db", Db);

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe($"error: {yaml}:13:5: unknown field 'gpuHourUSD' in deployment 'llama70b-vllm'; did you mean gpuHourUsd?");
    }

    [Fact]
    public void Should_PlanFromTheLedger_When_TheExampleScenarioHasActuals()
    {
        // Given the example ledger built where examples/ledger/plan-from-actuals.yaml expects it, beside a copy of the scenario
        string db = _dir.File("example.duckdb");
        CliRunner.Run("ledger", "import", Example("spend-logs.jsonl"), "--format", "litellm", "--db", db).ExitCode.ShouldBe(0);
        CliRunner.Run("ledger", "import", Example("revenue.csv"), "--format", "revenue", "--db", db).ExitCode.ShouldBe(0);
        string scenario = _dir.File("plan-from-actuals.yaml");
        File.Copy(Example("plan-from-actuals.yaml"), scenario);

        // When
        CliRun run = CliRunner.Run("plan", scenario, "--paths", "500", "--json");

        // Then: the plan starts the month after the last actual month, with the fitted growth among its assumptions
        run.ExitCode.ShouldBe(0, run.Error);
        string json = run.Output;
        json.ShouldContain("\"2026-07\"");
        json.ShouldContain("lognormal growth fitted to ledger.tokens.monthlyGrowth");
        json.ShouldContain("6 month(s) 2026-01..2026-06");
    }

    [Fact]
    public void Should_PrintMonthlyActuals_When_AskedForJson()
    {
        ImportExample();

        CliRun run = CliRunner.Run("ledger", "actuals", "--db", Db, "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        JsonElement months = JsonDocument.Parse(run.Output).RootElement.GetProperty("months");
        months.GetArrayLength().ShouldBe(6);
        JsonElement march = months[2];
        march.GetProperty("month").GetString().ShouldBe("2026-03");
        march.GetProperty("revenueUsdByKind").GetProperty("credit").GetDecimal().ShouldBe(-5m);
        march.GetProperty("revenueUsd").GetDecimal().ShouldBe(94m); // 5 + 12 + 45 + 30 subscriptions + 7 usage − 5 credit
    }

    [Fact]
    public void Should_NameEachBrokenInvariant_When_ImportingAFocusBill()
    {
        string bill = _dir.Write("bill.csv",
            "BilledCost,EffectiveCost,ListCost,ContractedCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ChargeClass,ChargeDescription,ServiceProviderName,ServiceName,ServiceCategory,ListUnitPrice,PricingQuantity\n"
            + "10,10,10,10,USD,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,Usage,,gpu,AWS,EC2,Compute,1.25,8\n"
            + "10,10,11,10,USD,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,Usage,,gpu,AWS,EC2,Compute,1.25,8\n");

        CliRun run = CliRunner.Run("ledger", "import", bill, "--format", "focus", "--db", Db);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("bill.csv: 1 row(s) imported that break a focus invariant:");
        run.Output.ShouldContain("bill.csv:3: ListCost = ListUnitPrice × PricingQuantity: ListCost 11.00 ≠ ListUnitPrice 1.25 × PricingQuantity 8 = 10.00");
    }

    [Fact]
    public void Should_ExportFocusRows_When_AskedForFocus()
    {
        ImportExample();
        string focus = _dir.File("focus.csv");

        CliRun run = CliRunner.Run("ledger", "export", "--focus", focus, "--db", Db, "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        JsonElement summary = JsonDocument.Parse(run.Output).RootElement;
        summary.GetProperty("rows").GetInt64().ShouldBe(File.ReadAllLines(focus).Length - 1);
        decimal reported = JsonDocument.Parse(CliRunner.Run("ledger", "report", "--by", "month", "--db", Db, "--json").Output).RootElement
            .GetProperty("totals").GetProperty("costUsd").GetDecimal();
        summary.GetProperty("billedUsd").GetDecimal().ShouldBe(reported);
    }

    [Fact]
    public void Should_WriteIntoTheFifoAndKeepIt_When_TheExportTargetIsAFifo()
    {
        // Given
        ImportExample();
        string fifo = SpecialFiles.MakeFifo(_dir.File("focus.fifo"));
        Task<byte[]> reader = SpecialFiles.StartReading(fifo);

        // When
        CliRun run = CliRunner.Run("ledger", "export", "--focus", fifo, "--db", Db, "--json");

        // Then: every row went down the pipe, which is still a pipe
        run.ExitCode.ShouldBe(0, run.Error);
        string[] lines = System.Text.Encoding.UTF8.GetString(SpecialFiles.Drained(reader)).TrimEnd('\n').Split('\n');
        lines[0].ShouldStartWith("BilledCost,");
        (lines.Length - 1).ShouldBe(JsonDocument.Parse(run.Output).RootElement.GetProperty("rows").GetInt32());
        SpecialFiles.IsFifo(fifo).ShouldBeTrue("the FIFO was replaced by a regular file");
    }

    [Fact]
    public void Should_NameTheFileLineAndField_When_APriceListIsBad()
    {
        string prices = _dir.Write("prices.yaml", "source: s\nprices:\n  - model: gpt-4o\n    inputUsdPerMillionTokens: cheap\n    outputUsdPerMillionTokens: 10\n");
        string usage = _dir.Write("usage.json", """{"data":[{"start_time":1768003200,"end_time":1768089600,"results":[{"input_tokens":1,"model":"gpt-4o"}]}]}""");

        CliRun run = CliRunner.Run("ledger", "import", usage, "--format", "openai-usage", "--prices", prices, "--db", Db);

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe($"error: {prices}:4:31: field 'inputUsdPerMillionTokens' must be a USD amount ≥ 0 per 1M tokens, got \"cheap\"");
    }

    [Fact]
    public void Should_WriteCsvWorkbookAndCharts_When_ReportingWithOut()
    {
        ImportExample();
        string dir = _dir.File("out");

        CliRun run = CliRunner.Run("ledger", "report", "--by", "customer,month", "--db", Db, "--out", dir);

        run.ExitCode.ShouldBe(0, run.Error);
        Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(
            ["cost-by-model.png", "cost-by-model.svg", "ledger.xlsx", "margin-by-customer.png", "margin-by-customer.svg", "margin.csv"]);
        string[] csv = File.ReadAllLines(Path.Combine(dir, "margin.csv"));
        csv[0].ShouldBe("customer,month,requests,inputTokens,outputTokens,costUsd,revenueUsd,grossMarginUsd,grossMarginPercent,unpricedRequests");
        JsonElement totals = JsonDocument.Parse(CliRunner.Run("ledger", "report", "--by", "customer,month", "--db", Db, "--json").Output).RootElement.GetProperty("totals");
        string[] total = csv[^1].Split(',');
        total[0].ShouldBe("total");
        decimal.Parse(total[5], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(totals.GetProperty("costUsd").GetDecimal());
        decimal.Parse(total[6], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(totals.GetProperty("revenueUsd").GetDecimal());
        using var book = new ClosedXML.Excel.XLWorkbook(Path.Combine(dir, "ledger.xlsx"));
        book.Worksheets.Select(w => w.Name).ShouldBe(["by customer and month", "loss-makers", "by customer", "by model and month", "assumptions"]);
        book.Worksheet("by customer").LastRowUsed()!.Cell(4 + 1).GetValue<decimal>().ShouldBe(totals.GetProperty("costUsd").GetDecimal());
        File.ReadAllText(Path.Combine(dir, "margin-by-customer.svg")).ShouldContain("Gross margin by customer");
        File.ReadAllText(Path.Combine(dir, "cost-by-model.svg")).ShouldContain("Cost by model");
    }

    [Theory]
    [InlineData("customer", new[] { "by customer", "loss-makers", "by model and month", "assumptions" })]
    [InlineData("model,month", new[] { "by model and month", "loss-makers", "by customer", "assumptions" })]
    public void Should_WriteEachViewOnce_When_TheReportAskedForIsOneOfTheWorkbooksFixedViews(string by, string[] sheets)
    {
        // Given
        ImportExample();
        string dir = _dir.File("out");

        // When
        CliRun run = CliRunner.Run("ledger", "report", "--by", by, "--db", Db, "--out", dir);

        // Then: no second sheet of the same name (which the workbook library refuses)
        run.ExitCode.ShouldBe(0, run.Error);
        using var book = new ClosedXML.Excel.XLWorkbook(Path.Combine(dir, "ledger.xlsx"));
        book.Worksheets.Select(w => w.Name).ShouldBe(sheets);
    }

    [Theory]
    [InlineData("report", "--to", "9999-12-31", "error: --to '9999-12-31' is not allowed; expected a day from 1970-01-01 to 2105-12-31")]
    [InlineData("reconcile", "--to", "9999-12-31", "error: --to '9999-12-31' is not allowed; expected a day from 1970-01-01 to 2105-12-31")]
    [InlineData("export", "--to", "9999-12-31", "error: --to '9999-12-31' is not allowed; expected a day from 1970-01-01 to 2105-12-31")]
    [InlineData("selfhosted", "--from", "0001-01-01", "error: --from '0001-01-01' is not allowed; expected a day from 1970-01-01 to 2105-12-31")]
    public void Should_ExitTwoWithOneLine_When_ADayIsOutsideWhatALedgerHolds(string command, string option, string day, string expected)
    {
        // Given (found by FuzzTests: --to 9999-12-31 overflowed adding the day after)
        ImportExample();
        string[] args = command switch
        {
            "report" => ["ledger", "report", "--by", "customer"],
            "export" => ["ledger", "export", "--focus", _dir.File("focus.csv")],
            "selfhosted" => ["ledger", "selfhosted", "--deployments", Example("deployments.yaml")],
            _ => ["ledger", command],
        };

        // When
        CliRun run = CliRunner.Run([.. args, option, day, "--db", Db]);

        // Then
        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.ShouldBe(expected + "\n");
    }

    [Fact]
    public void Should_KeepTheNameWhole_When_TheLedgerFileNameHoldsASemicolonOrAControlCharacter()
    {
        // Given: names that are options or garbage to a connection string (found by FuzzTests: "\u001b[31m" was an internal error)
        string db = _dir.File("a;Access Mode=READ_ONLY\u001b[31m.duckdb");

        // When
        CliRun run = CliRunner.Run("ledger", "import", Example("revenue.csv"), "--format", "revenue", "--db", db);

        // Then: the ledger is that file, written
        run.ExitCode.ShouldBe(0, run.Error);
        File.Exists(db).ShouldBeTrue();
        CliRunner.Run("ledger", "actuals", "--db", db).ExitCode.ShouldBe(0);
    }
}
