using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Burnrate.Planning.Examples;

namespace Burnrate.Web.Tests.Api;

public sealed class ExampleListTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task Should_OfferOnlyPlanScenarios_When_ThePlanPageListsTheExamples()
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        string plan = await client.GetStringAsync("/plan");
        string fleet = await client.GetStringAsync("/fleet");

        // Then: fleet-hybrid is a fleet file, not a plan scenario; every other embedded example is on the plan page
        plan.ShouldNotContain("value=\"fleet-hybrid\"");
        fleet.ShouldContain("value=\"fleet-hybrid\"");
        foreach (ExampleScenario example in ExampleScenarios.All.Where(e => !e.Name.StartsWith("fleet-", StringComparison.Ordinal)))
        {
            plan.ShouldContain($"value=\"{example.Name}\"");
            fleet.ShouldNotContain($"value=\"{example.Name}\"");
        }
    }

    [Fact]
    public async Task Should_SayItIsNotAPlanScenario_When_TheFleetExampleIsPlanned()
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/plan", new { example = "fleet-hybrid", paths = 100 });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["example"]![0]!.GetValue<string>()
            .ShouldStartWith("'fleet-hybrid' is an example but not a plan scenario");
    }

    [Fact]
    public async Task Should_RefuseToReadAServerFile_When_APlanScenarioDerivesItsCostFromAFleetFile()
    {
        // Given a scenario that would make the server read a file it names
        using HttpClient client = factory.CreateClient();
        string yaml = ExampleScenarios.Find("api-startup")!.Yaml.Replace(
            "    from: {model: llama-3.1-70b, gpu: h100-sxm, gpus: 4, weights: fp8, input: 1500, output: 300, concurrency: 64, gpuHourUsd: 2.95}",
            "    from: {fleet: /etc/passwd}", StringComparison.Ordinal);
        yaml.ShouldContain("{fleet: /etc/passwd}");

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/plan", new { scenarioYaml = yaml, paths = 100 });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        string message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["scenarioYaml"]![0]!.GetValue<string>();
        message.ShouldContain("never does");
        message.ShouldNotContain("root:");
    }
}
