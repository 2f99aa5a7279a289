using System.Text;
using Burnrate.Bench.Client;

namespace Burnrate.Bench.Tests.Client;

public sealed class SseParserTests
{
    private sealed class Collector : ISseEventSink
    {
        public List<string> Events { get; } = [];

        public bool OnEvent(ReadOnlySpan<byte> data)
        {
            Events.Add(Encoding.UTF8.GetString(data));
            return data.SequenceEqual("[DONE]"u8) is false;
        }
    }

    private const string Stream =
        "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n" +
        ": keep-alive comment\n\n" +
        "data: {\"choices\":[{\"delta\":{\"content\":\" the\"}}]}\r\n\r\n" +
        "event: message\ndata: {\"choices\":[{\"delta\":{\"content\":\" caf\\u00e9\"}}]}\n\n" +
        "data: [DONE]\n\n";

    [Fact]
    public void Should_EmitEveryEvent_When_StreamArrivesWhole()
    {
        // Given
        var collector = new Collector();
        using var parser = new SseParser();

        // When
        parser.Feed(Encoding.UTF8.GetBytes(Stream), collector);

        // Then
        collector.Events.Count.ShouldBe(4);
        collector.Events[^1].ShouldBe("[DONE]");
    }

    [Fact]
    public void Should_EmitTheSameEvents_When_EveryByteArrivesInItsOwnBuffer()
    {
        // Given
        byte[] bytes = Encoding.UTF8.GetBytes(Stream);
        var whole = new Collector();
        var split = new Collector();
        using var a = new SseParser();
        using var b = new SseParser();

        // When
        a.Feed(bytes, whole);
        foreach (byte x in bytes)
        {
            if (!b.Feed([x], split))
            {
                break;
            }
        }

        // Then
        split.Events.ShouldBe(whole.Events);
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool Should_NotDependOnBufferBoundaries_When_SplitAnywhere(FsCheck.PositiveInt cut1, FsCheck.PositiveInt cut2)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Stream);
        int i = cut1.Get % bytes.Length, j = Math.Max(i, cut2.Get % bytes.Length);
        var whole = new Collector();
        var split = new Collector();
        using var a = new SseParser();
        using var b = new SseParser();
        a.Feed(bytes, whole);
        _ = b.Feed(bytes.AsSpan(0, i), split) && b.Feed(bytes.AsSpan(i, j - i), split) && b.Feed(bytes.AsSpan(j), split);
        return split.Events.SequenceEqual(whole.Events);
    }

    [Fact]
    public void Should_JoinDataLines_When_AnEventHasSeveral()
    {
        // Given
        var collector = new Collector();
        using var parser = new SseParser();

        // When
        parser.Feed("data: a\ndata: b\n\n"u8, collector);

        // Then
        collector.Events.ShouldBe(["a\nb"]);
    }

    [Fact]
    public void Should_DispatchThePendingEvent_When_TheStreamEndsWithoutABlankLine()
    {
        // Given
        var collector = new Collector();
        using var parser = new SseParser();
        parser.Feed("data: [DONE]"u8, collector);

        // When
        parser.Complete(collector);

        // Then
        collector.Events.ShouldBe(["[DONE]"]);
    }
}
