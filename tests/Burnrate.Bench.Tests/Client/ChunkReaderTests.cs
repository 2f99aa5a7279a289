using System.Text;
using System.Text.Json;
using Burnrate.Bench.Client;

namespace Burnrate.Bench.Tests.Client;

public sealed class ChunkReaderTests
{
    [Theory]
    [InlineData("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}")]
    [InlineData("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"},\"finish_reason\":null}]}")]
    [InlineData("{\"choices\":[{\"index\":0,\"delta\":{\"content\":null},\"finish_reason\":\"stop\"}],\"usage\":null}")]
    [InlineData("{\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7}}")]
    public void Should_NotCountAsContent_When_ChunkIsRoleOnlyEmptyOrUsage(string json)
    {
        ChunkReader.Read(Encoding.UTF8.GetBytes(json), null).HasContent.ShouldBeFalse();
    }

    [Theory]
    [InlineData("{\"choices\":[{\"delta\":{\"content\":\" the\"}}]}", " the")]
    [InlineData("{\"choices\":[{\"delta\":{\"reasoning_content\":\"hm\"}}]}", "hm")]
    [InlineData("{\"choices\":[{\"text\":\"caf\\u00e9\"}]}", "café")]
    [InlineData("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"all of it\"}}]}", "all of it")]
    public void Should_CountContentAndCopyItsText_When_ChunkCarriesGeneratedText(string json, string text)
    {
        // Given
        using var sink = new PooledByteBuffer();

        // When
        ChunkInfo info = ChunkReader.Read(Encoding.UTF8.GetBytes(json), sink);

        // Then
        info.HasContent.ShouldBeTrue();
        Encoding.UTF8.GetString(sink.WrittenSpan).ShouldBe(text);
    }

    [Fact]
    public void Should_ReadUsage_When_FinalChunkCarriesIt()
    {
        ChunkInfo info = ChunkReader.Read("{\"id\":\"x\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":34,\"total_tokens\":46}}"u8, null);
        info.PromptTokens.ShouldBe(12);
        info.CompletionTokens.ShouldBe(34);
    }

    [Fact]
    public void Should_Throw_When_JsonIsMalformed()
    {
        Should.Throw<JsonException>(() => ChunkReader.Read("{\"choices\":[{\"delta\":{\"content\":\"x\""u8, null));
    }

    [Fact]
    public void Should_FlagError_When_ChunkIsAnErrorObject()
    {
        ChunkReader.Read("{\"error\":{\"message\":\"overloaded\"}}"u8, null).IsError.ShouldBeTrue();
    }
}
