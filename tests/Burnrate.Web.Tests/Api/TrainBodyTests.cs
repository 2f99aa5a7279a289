using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Burnrate.Web.Tests.Api;

/// <summary><c>POST /api/train</c> takes the training options of <c>burnrate train</c> that move the estimate: interruptions, the
/// minutes each costs, the tensor-parallel overlap and the grid's carbon intensity (each one shown as a user assumption).</summary>
public sealed class TrainBodyTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private static readonly object Base = new { model = "llama-3.1-70b", tokens = 15e12, gpu = "h100-sxm", gpus = 1024, tp = 8, pp = 4 };

    [Theory]
    [InlineData("interruptionsPerDeviceHour", 0.0, "interruptions-per-device-hour")]
    [InlineData("minutesLostPerInterruption", 120.0, "minutes-lost-per-interruption")]
    [InlineData("tpCommOverlap", 1.0, "tp-comm-overlap")]
    [InlineData("gridKgCo2PerKWh", 0.05, "grid-kg-co2-per-kwh")]
    public async Task Should_ChangeTheEstimateAndNameTheAssumption_When_ATrainingOptionIsGiven(string member, double value, string assumption)
    {
        // Given
        using HttpClient client = factory.CreateClient();
        JsonObject body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Base))!.AsObject();
        JsonNode before = await Post(client, body);
        body[member] = value;

        // When
        JsonNode after = await Post(client, body);

        // Then: the answer moved, and the value is shown as the user's (it was a default before)
        after.ToJsonString().ShouldNotBe(before.ToJsonString());
        Source(before, assumption).ShouldNotBe("user");
        Source(after, assumption).ShouldBe("user");
    }

    [Fact]
    public async Task Should_NameTheMember_When_TpCommOverlapIsOutOfRange()
    {
        // Given
        using HttpClient client = factory.CreateClient();
        JsonObject body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Base))!.AsObject();
        body["tpCommOverlap"] = 2;

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/train", body);

        // Then
        string text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        JsonNode.Parse(text)!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["tpCommOverlap"], text);
    }

    private static string Source(JsonNode report, string assumption) =>
        report["assumptions"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == assumption)!["source"]!.GetValue<string>();

    private static async Task<JsonNode> Post(HttpClient client, JsonObject body)
    {
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/train", body);
        string text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }
}
