namespace Burnrate.Core.Hardware;

/// <summary>Storage size and names of <see cref="Precision"/> values.</summary>
public static class PrecisionExtensions
{
    /// <summary>Gets the bytes one element occupies in memory (scale factors of block formats ignored).</summary>
    /// <param name="precision">The format.</param>
    /// <returns>Bytes per element: 4, 2, 1 or 0.5.</returns>
    public static double BytesPerElement(this Precision precision) => precision switch
    {
        Precision.Fp32 or Precision.Tf32 => 4,
        Precision.Bf16 or Precision.Fp16 => 2,
        Precision.Fp8 or Precision.Int8 => 1,
        Precision.Int4 or Precision.Fp4 => 0.5,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
    };

    /// <summary>Gets the bytes one weight element occupies with its quantization metadata: a group of <paramref name="groupSize"/>
    /// int8 elements shares one 16-bit scale (+2/g B, llama.cpp Q8_0); a group of int4 elements one 16-bit scale and one packed
    /// 4-bit zero point (+2.5/g B, the GPTQ/AWQ checkpoint layout: fp16 <c>scales</c> and int4-packed <c>qzeros</c> per group); an fp4 block one 8-bit scale (+1/g B, NVFP4
    /// with g = 16, MXFP4 with g = 32). Other formats, and group size 0 (one scale per output channel), add nothing.</summary>
    /// <param name="precision">The format.</param>
    /// <param name="groupSize">Elements per quantization group (0 = per channel).</param>
    /// <returns>Bytes per element, metadata included.</returns>
    public static double BytesPerElement(this Precision precision, int groupSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(groupSize);
        double metadata = groupSize == 0 ? 0 : precision switch
        {
            Precision.Int8 => 2.0 / groupSize,
            Precision.Int4 => 2.5 / groupSize,
            Precision.Fp4 => 1.0 / groupSize,
            _ => 0,
        };
        return precision.BytesPerElement() + metadata;
    }

    /// <summary>Gets the lowercase id used in files and on the command line, e.g. "bf16".</summary>
    /// <param name="precision">The format.</param>
    /// <returns>The id.</returns>
    public static string Id(this Precision precision) => precision switch
    {
        Precision.Fp32 => "fp32",
        Precision.Tf32 => "tf32",
        Precision.Bf16 => "bf16",
        Precision.Fp16 => "fp16",
        Precision.Fp8 => "fp8",
        Precision.Int8 => "int8",
        Precision.Int4 => "int4",
        Precision.Fp4 => "fp4",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
    };

    /// <summary>Gets every precision id, in enum order.</summary>
    public static IReadOnlyList<string> AllIds { get; } = Enum.GetValues<Precision>().Select(p => p.Id()).ToArray();

    /// <summary>Parses a precision id such as "bf16" (case-insensitive).</summary>
    /// <param name="id">The id.</param>
    /// <param name="precision">The parsed precision.</param>
    /// <returns>Whether the id is known.</returns>
    public static bool TryParse(string id, out Precision precision)
    {
        foreach (Precision candidate in Enum.GetValues<Precision>())
        {
            if (string.Equals(candidate.Id(), id, StringComparison.OrdinalIgnoreCase))
            {
                precision = candidate;
                return true;
            }
        }

        precision = default;
        return false;
    }
}
