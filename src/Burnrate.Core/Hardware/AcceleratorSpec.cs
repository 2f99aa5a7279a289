using Burnrate.Core.Quantities;

namespace Burnrate.Core.Hardware;

/// <summary>An accelerator (GPU, TPU, NPU) as the cost model sees it: dense peak compute per precision, memory, bandwidths, power, prices.</summary>
public sealed record AcceleratorSpec
{
    /// <summary>Gets the catalog id, e.g. "h100-sxm".</summary>
    public required string Id { get; init; }

    /// <summary>Gets the marketing name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the vendor.</summary>
    public required string Vendor { get; init; }

    /// <summary>Gets the dense (not sparse) peak FLOP/s per supported precision, from the datasheet.</summary>
    public required IReadOnlyDictionary<Precision, FlopPerSecond> PeakFlops { get; init; }

    /// <summary>Gets the device memory capacity (HBM/GDDR).</summary>
    public required Bytes Memory { get; init; }

    /// <summary>Gets the peak device memory bandwidth.</summary>
    public required BytesPerSecond MemoryBandwidth { get; init; }

    /// <summary>Gets the board power (TDP), which the energy model treats as the draw at full load; null where the vendor does not publish it (Google TPUs).</summary>
    public Watts? Tdp { get; init; }

    /// <summary>Gets the scale-up interconnect bandwidth per device (NVLink, Infinity Fabric, ICI), bidirectional aggregate.</summary>
    public required BytesPerSecond InterconnectBandwidth { get; init; }

    /// <summary>Gets the source and date of the specifications.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>Gets the purchase price per device, where public.</summary>
    public PricePoint? PurchasePrice { get; init; }

    /// <summary>Gets an on-demand cloud price per device-hour, where public.</summary>
    public PricePoint? CloudPricePerHour { get; init; }

    /// <summary>Gets the cloud provider the on-demand price comes from.</summary>
    public string? CloudProvider { get; init; }

    /// <summary>Gets whether the chip supports a precision natively.</summary>
    /// <param name="precision">The precision.</param>
    /// <returns>Whether a dense peak is known for it.</returns>
    public bool Supports(Precision precision) => PeakFlops.ContainsKey(precision);
}
