namespace Burnrate.Core.Hardware;

/// <summary>A numeric format an accelerator computes in or a tensor is stored in.</summary>
public enum Precision
{
    /// <summary>IEEE single precision, 4 bytes.</summary>
    Fp32,

    /// <summary>NVIDIA TensorFloat-32 (compute only; stored as 4 bytes).</summary>
    Tf32,

    /// <summary>bfloat16, 2 bytes.</summary>
    Bf16,

    /// <summary>IEEE half precision, 2 bytes.</summary>
    Fp16,

    /// <summary>8-bit floating point (E4M3/E5M2), 1 byte.</summary>
    Fp8,

    /// <summary>8-bit integer, 1 byte.</summary>
#pragma warning disable CA1720 // "int8" is the industry name of the format, not a .NET type reference
    Int8,

    /// <summary>4-bit integer, half a byte.</summary>
    Int4,
#pragma warning restore CA1720

    /// <summary>4-bit floating point (FP4/NVFP4), half a byte.</summary>
    Fp4,
}
