using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Burnrate.Planning.Simulation;

/// <summary>
/// The only pass over the paths when their figures are kept: each path's values go, as <see cref="FloatKey"/> keys, to its own place in
/// one array shared by every worker (series j of path p at j × paths + p, so workers write disjoint ranges and the array is the same
/// whatever the thread count), and each worker counts cash-outs and first firings.
/// </summary>
internal sealed class KeptPass(uint[] keys, int paths, int months, int triggers) : IPathSink
{
    public EventCounts Events { get; } = new(months, triggers);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(PathBlock block)
    {
        float[] values = block.Values;
        int count = block.Count;
        var top = new Vector<int>(int.MinValue);
        for (int j = 0; j < block.Series; j++)
        {
            ReadOnlySpan<int> bits = MemoryMarshal.Cast<float, int>(values.AsSpan(j * PathBlock.Size, count));
            Span<int> to = MemoryMarshal.Cast<uint, int>(keys.AsSpan((j * paths) + block.First, count));
            int k = 0;
            for (; k <= count - Vector<int>.Count; k += Vector<int>.Count)
            {
                var v = new Vector<int>(bits[k..]);
                (v ^ (Vector.ShiftRightArithmetic(v, 31) | top)).CopyTo(to[k..]);
            }

            for (; k < count; k++)
            {
                to[k] = bits[k] ^ ((bits[k] >> 31) | int.MinValue);
            }
        }

        Events.Add(block);
    }
}
