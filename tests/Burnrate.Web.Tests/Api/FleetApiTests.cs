using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Burnrate.Planning.Examples;
using Burnrate.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Burnrate.Web.Tests.Api;

public sealed class FleetApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task Should_EqualTheCliJson_When_TheFleetExampleIsSolved()
    {
        // Given
        using TempFolder temp = new();
        string file = temp.Write("fleet-hybrid.yaml", ExampleScenarios.Find("fleet-hybrid")!.Yaml);
        CliRun cli = CliRunner.Run("fleet", file, "--json");
        using HttpClient client = factory.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/fleet", new { example = "fleet-hybrid" });

        // Then
        cli.ExitCode.ShouldBe(0, cli.Error);
        string body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse(cli.Output)).ShouldBeTrue();
    }

    [Fact]
    public async Task Should_RefuseToReadAServerFile_When_TheFleetNamesADemandTrace()
    {
        // Given a fleet whose demand would be read from a file on the server
        using HttpClient client = factory.CreateClient();
        string yaml = ExampleScenarios.Find("fleet-hybrid")!.Yaml.Replace("  tokensPerSecond: 20000", "  trace: /etc/passwd\n  tokensPerSecond: 20000", StringComparison.Ordinal);

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/fleet", new { fleetYaml = yaml });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        string message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["fleetYaml"]![0]!.GetValue<string>();
        message.ShouldContain("demand.trace reads a file on the server");
        message.ShouldNotContain("root:");
    }

    [Fact]
    public async Task Should_RefuseToReadAServerFile_When_TheFleetTakesItsDemandFromAPlan()
    {
        // Given
        using HttpClient client = factory.CreateClient();
        string yaml = ExampleScenarios.Find("fleet-hybrid")!.Yaml.Replace("  tokensPerSecond: 20000", "  plan: {file: /etc/passwd}", StringComparison.Ordinal)
            .Replace("  monthlyGrowth: 0.06\n", "", StringComparison.Ordinal);

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/fleet", new { fleetYaml = yaml });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        string message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["fleetYaml"]![0]!.GetValue<string>();
        message.ShouldContain("demand.plan reads a file on the server");
        message.ShouldNotContain("root:");
    }

    [Fact]
    public async Task Should_NameEachBadOptionWithItsValueAndWhatIsAllowed_When_OptionsAreInvalid()
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/fleet", new { example = "fleet-hybrid", solver = "gurobi", timeLimitSeconds = 600 });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        JsonNode solver = problem["fields"]!.AsArray().Single(f => f!["field"]!.GetValue<string>() == "solver")!;
        solver["value"]!.GetValue<string>().ShouldBe("gurobi");
        solver["allowed"]!.GetValue<string>().ShouldBe("scip or cp-sat");
        problem["errors"]!["timeLimitSeconds"]![0]!.GetValue<string>().ShouldBe("timeLimitSeconds '600' is not allowed; expected seconds in (0, 60] per solve over the API");
    }

    [Fact]
    public async Task Should_SayItIsNotAFleet_When_APlanExampleIsAskedFor()
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/fleet", new { example = "api-startup" });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["example"]![0]!.GetValue<string>()
            .ShouldStartWith("'api-startup' is an example but not a fleet file");
    }

    [Fact]
    public async Task Should_AnswerAProblemNamingTheFieldInTheFile_When_TheFleetIsInvalid()
    {
        // Given: the example with scenario probabilities that no longer sum to 1
        using HttpClient client = factory.CreateClient();
        string yaml = ExampleScenarios.Find("fleet-hybrid")!.Yaml;
        string bad = System.Text.RegularExpressions.Regex.Replace(yaml, @"probability: 0\.25", "probability: 0.2", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        bad.ShouldNotBe(yaml, "the example must have a scenario of probability 0.25 for this test");

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/fleet", new { fleetYaml = bad });

        // Then: RFC 7807 with the library's field error under the request member that carried the file
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonNode problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        string message = problem["errors"]!["fleetYaml"]![0]!.GetValue<string>();
        message.ShouldStartWith("fleet.yaml: demand.scenarios 'probabilities summing to ");
        message.ShouldEndWith("is not allowed; expected probabilities that sum to 1");
        JsonNode field = problem["fields"]!.AsArray().Single()!;
        field["field"]!.GetValue<string>().ShouldBe("fleetYaml");
        field["allowed"]!.GetValue<string>().ShouldBe(message);
    }

    [Fact]
    public async Task Should_AnswerAProblemLocatedAtTheFromEntry_When_AServingDeploymentIsBad()
    {
        // Given: serving.from with a weight precision no serving deployment allows
        using HttpClient client = factory.CreateClient();
        string yaml = """
            name: derived
            horizon: {start: 2027-02, months: 1}
            demand: {tokensPerSecond: 5000}
            serving:
              - name: h100
                from: {model: llama-3.1-8b, gpu: h100-sxm, weights: fp3, input: 1000, output: 200, sloTtft: 1s, sloTpot: 40ms}
            options: [{name: od, kind: on-demand, usdPerUnitHour: 4}]
            """;

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/fleet", new { fleetYaml = yaml });

        // Then: 400 with the same one line as the CLI
        string body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        JsonNode.Parse(body)!["errors"]!["fleetYaml"]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>()
            .ShouldBe("fleet.yaml:6:11: serving.from: weights 'fp3' is not allowed; expected one of bf16, fp16, fp8, int8, int4, fp4");
    }

    [Fact]
    public async Task Should_NeverReadAFile_When_ServingFromNamesAModelByPath()
    {
        // Given: serving.from whose model the CLI would read as a config.json path
        using HttpClient client = factory.CreateClient();
        string yaml = """
            name: derived
            horizon: {start: 2027-02, months: 1}
            demand: {tokensPerSecond: 5000}
            serving:
              - name: h100
                from: {model: /etc/passwd, gpu: h100-sxm, input: 1000, output: 200, sloTtft: 1s, sloTpot: 40ms}
            options: [{name: od, kind: on-demand, usdPerUnitHour: 4}]
            """;

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/fleet", new { fleetYaml = yaml });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["fleetYaml"]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>()
            .ShouldBe("fleet.yaml:6:11: serving.from: model '/etc/passwd' is not allowed; expected a catalog model id (the API reads no config.json files)");
    }

    [Fact]
    public async Task Should_AnswerGatewayTimeout_When_TheRunOutlastsTheServersLimit()
    {
        // Given: a server that allows a fleet run 1 ms
        using WebApplicationFactory<ServeSettings> limited = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(new ServeSettings { FleetRunLimit = TimeSpan.FromMilliseconds(1) })));
        using HttpClient client = limited.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/fleet", new { example = "fleet-hybrid", contracts = true });

        // Then: the solve was interrupted and the client told why, as a problem
        response.StatusCode.ShouldBe(HttpStatusCode.GatewayTimeout);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>().ShouldContain("stopped after 0.001 s");
    }
}
