using Burnrate.Planning.Simulation;
using FsCheck.Xunit;

namespace Burnrate.Planning.Tests.Simulation;

public sealed class KeySelectionTests
{
    [Property(MaxTest = 300)]
    public bool Should_FindTheKeysOfSortedOrder_When_KeysAreArbitrary(uint[] raw, byte spread, byte[] wanted)
    {
        // Given: keys narrowed to a range of 2^(spread % 33) values (wide ranges, narrow ones, and many ties), and some ranks
        if (raw.Length == 0)
        {
            return true;
        }

        int bits = spread % 33;
        uint[] keys = [.. raw.Select(k => bits == 32 ? k : (k & (uint)((1UL << bits) - 1)) + 0x7000_0000u)];
        uint[] sorted = [.. keys.Order()];
        long[] ranks = [.. wanted.Select(w => (long)(w % keys.Length)).Append(0).Append(keys.Length - 1).Distinct().Order()];
        var found = new uint[ranks.Length];

        // When
        new KeySelection(keys.Length).Select(keys, ranks, found);

        // Then
        return ranks.Select((r, i) => found[i] == sorted[r]).All(ok => ok);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Should_FindTheKeysOfSortedOrder_When_ManyKeysAreSpreadClusteredOrTied(int shape)
    {
        // Given: 100,000 keys of floats: spread over many magnitudes, both signs, one atom, clusters between extreme outliers,
        // a few distinct values each repeated thousands of times
        var random = new Random(shape);
        uint[] keys = [.. Enumerable.Range(0, 100_000).Select(i => FloatKey.Of(shape switch
        {
            0 => (float)Math.Exp(random.NextDouble() * 60),
            1 => (float)((random.NextDouble() - 0.4) * 3e8),
            2 => 5e8f,
            3 => i % 1000 == 0 ? (i % 2000 == 0 ? -3e38f : 3e38f) : 1e9f + (float)(random.NextDouble() * 1e3),
            _ => random.Next(0, 3) * 1e6f,
        }))];
        uint[] sorted = [.. keys.Order()];
        long[] ranks = [0, 4999, 5000, 49_999, 50_000, 94_999, 95_000, 99_999];
        var found = new uint[ranks.Length];

        // When
        new KeySelection(keys.Length).Select(keys, ranks, found);

        // Then
        found.ShouldBe(ranks.Select(r => sorted[r]).ToArray());
    }
}
