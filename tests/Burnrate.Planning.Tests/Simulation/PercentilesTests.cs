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
            double expected = sorted[lo] + ((h - lo) * ((lo + 1 < sorted.Length ? sorted[lo + 1] : sorted[lo]) - sorted[lo]));
            if (Math.Abs(got[i] - expected) > 1e-6 * Math.Max(1, Math.Abs(expected)))
            {
                return false;
            }
        }

        return true;
    }
}
