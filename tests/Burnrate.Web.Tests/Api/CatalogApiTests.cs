using System.Net;
using System.Text.Json.Nodes;

namespace Burnrate.Web.Tests.Api;

public sealed class CatalogApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Theory]
    [InlineData("/api/catalog/gpus", "gpus")]
    [InlineData("/api/catalog/models", "models")]
    public async Task Should_EqualTheCliJson_When_TheCatalogIsListed(string url, string command)
    {
        // Given
        using HttpClient client = factory.CreateClient();
        CliRun cli = CliRunner.Run("catalog", command, "--json");

        // When
        using HttpResponseMessage response = await client.GetAsync(new Uri(url, UriKind.Relative));

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        cli.ExitCode.ShouldBe(0);
        JsonNode api = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        JsonNode.DeepEquals(api, JsonNode.Parse(cli.Output)).ShouldBeTrue();
        api.AsArray().Count.ShouldBeGreaterThan(3);
    }

    [Fact]
    public async Task Should_DescribeEveryApiEndpoint_When_TheOpenApiDocumentIsRead()
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        JsonNode document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;

        // Then
        JsonObject paths = document["paths"]!.AsObject();
        paths.Select(p => p.Key).ShouldContain("/api/catalog/gpus");
        paths.Select(p => p.Key).ShouldContain("/api/catalog/models");
    }
}
