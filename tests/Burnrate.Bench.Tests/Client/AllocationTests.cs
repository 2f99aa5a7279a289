using System.Text;
using Burnrate.Bench.Client;

namespace Burnrate.Bench.Tests.Client;

public sealed class AllocationTests
{
    private sealed class ContentCounter(PooledByteBuffer text) : ISseEventSink
    {
        public int Content { get; private set; }

        public bool OnEvent(ReadOnlySpan<byte> data)
        {
            if (ChunkReader.Read(data, text).HasContent)
            {
                Content++;
            }

            return true;
        }
    }

    [Fact]
    public void Should_AllocateNothingPerToken_When_ParsingAStream()
    {
        // Given: 2,000 content chunks, fed in 61-byte pieces so lines straddle buffers
        byte[] chunk = Encoding.UTF8.GetBytes("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" the\"},\"finish_reason\":null}]}\n\n");
        byte[] stream = [.. Enumerable.Repeat(chunk, 2000).SelectMany(c => c)];
        using var text = new PooledByteBuffer(16 * 1024);
        using var parser = new SseParser();
        var counter = new ContentCounter(text);
        parser.Feed(chunk, counter); // warm up (JIT, pool)
        text.Clear();

        // When
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < stream.Length; i += 61)
        {
            parser.Feed(stream.AsSpan(i, Math.Min(61, stream.Length - i)), counter);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then
        counter.Content.ShouldBe(2001);
        allocated.ShouldBeLessThan(1024);
    }
}
