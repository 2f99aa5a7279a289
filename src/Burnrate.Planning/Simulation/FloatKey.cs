using System.Runtime.CompilerServices;

namespace Burnrate.Planning.Simulation;

/// <summary>An unsigned key in the floats' order: flip every bit of a negative, only the sign bit of a positive (−0 sorts just below +0).</summary>
internal static class FloatKey
{
    /// <summary>The key of +0: keys below it are negative values (and −0).</summary>
    public const uint Zero = 0x80000000u;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Of(float v)
    {
        int bits = BitConverter.SingleToInt32Bits(v);
        return (uint)(bits ^ ((bits >> 31) | int.MinValue));
    }

    public static float ToFloat(uint key) => BitConverter.Int32BitsToSingle((int)(key >= Zero ? key ^ Zero : ~key));
}
