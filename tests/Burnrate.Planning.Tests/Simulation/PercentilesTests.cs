using Burnrate.Planning.Simulation;
using FsCheck.Xunit;

namespace Burnrate.Planning.Tests.Simulation;

public sealed class PercentilesTests
{
    [Property(MaxTest = 300)]
    public bool Should_MatchSortedType7Percentiles_When_ValuesAreArbitrary(float[] raw)
    {
        // Given: finite values (selection and sorting must agree exactly)
        float[] values = raw.Where(float.IsFinite).ToArray();
        if (values.Length == 0)
        {
            return true;
        }

        float[] sorted = values.Order().ToArray();

        // When
        double[] got = Percentiles.Of(values.ToArray(), PercentileBands.Levels);

        // Then
        for (int i = 0; i < got.Length; i++)
        {
            double h = (sorted.Length - 1) * PercentileBands.Levels[i];
            int lo = (int)Math.Floor(h);
            double next = lo + 1 < sorted.Length ? sorted[lo + 1] : sorted[lo];
            double expected = sorted[lo] + ((h - lo) * (next - sorted[lo])); // in double, as float subtraction would round
            if (Math.Abs(got[i] - expected) > 1e-12 * Math.Max(1, Math.Abs(expected)))
            {
                return false;
            }
        }

        return true;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Should_MatchSortedType7Percentiles_When_ManyValuesAreSkewedTiedOrExtreme(int shape)
    {
        // Given: 50,000 values: spread, skewed, with negatives, all equal, clustered between extreme outliers,
        // and signed zeros with ties
        var random = new Random(shape);
        float[] values = Enumerable.Range(0, 50_000).Select(i => shape switch
        {
            0 => (float)(random.NextDouble() * 1e9),
            1 => (float)Math.Exp(random.NextDouble() * 30),
            2 => (float)((random.NextDouble() - 0.7) * 3e8) + (i % 7 == 0 ? 5 : 0),
            3 => 5e8f,
            4 => i % 1000 == 0 ? (i % 2000 == 0 ? -3e38f : 3e38f) : 1e9f + (float)(random.NextDouble() * 1e3),
            _ => i % 3 == 0 ? -0f : i % 3 == 1 ? 0f : (float)random.Next(-3, 4),
        }).ToArray();
        float[] sorted = values.Order().ToArray();

        // When
        double[] got = Percentiles.Of(values, PercentileBands.Levels);

        // Then
        for (int i = 0; i < got.Length; i++)
        {
            double h = (sorted.Length - 1) * PercentileBands.Levels[i];
            int lo = (int)Math.Floor(h);
            double expected = sorted[lo] + ((h - lo) * ((double)sorted[lo + 1] - sorted[lo]));
            got[i].ShouldBe(expected, 1e-6 * Math.Abs(expected) + 1e-9);
        }
    }
}
