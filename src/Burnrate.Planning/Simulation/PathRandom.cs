using System.Runtime.CompilerServices;

namespace Burnrate.Planning.Simulation;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018), seeded per path from (seed, path index) through SplitMix64, so a path's draws never depend on
/// which thread runs it or in what order.
/// </summary>
internal struct PathRandom
{
    private ulong _s0, _s1, _s2, _s3;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PathRandom For(ulong seed, long path)
    {
        ulong x = seed ^ (0x9E3779B97F4A7C15UL * (ulong)(path + 1));
        var r = new PathRandom { _s0 = SplitMix(ref x), _s1 = SplitMix(ref x), _s2 = SplitMix(ref x), _s3 = SplitMix(ref x) };
        return r;
    }

    /// <summary>Gets a uniform double strictly inside (0, 1), so inverse CDFs never see 0 or 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpen() => ((NextULong() >> 11) + 0.5) * (1.0 / (1UL << 53));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong NextULong()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
