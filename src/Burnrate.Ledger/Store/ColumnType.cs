namespace Burnrate.Ledger.Store;

/// <summary>Engine-neutral column types; each <see cref="SqlDialect"/> names them in its own DDL.</summary>
internal enum ColumnType
{
    /// <summary>A 128-bit row id (UUID on both DuckDB and ClickHouse).</summary>
    Id,

    /// <summary>Text.</summary>
    Text,

    /// <summary>A 64-bit signed count (tokens, requests).</summary>
    Count,

    /// <summary>USD as DECIMAL(18,10): up to $99,999,999 a row at 1e-10 resolution (per-token prices need it); sums widen to 38 digits.</summary>
    Money,

    /// <summary>A nullable <see cref="Money"/> (usage not yet priced).</summary>
    NullableMoney,

    /// <summary>A UTC timestamp with microseconds.</summary>
    Timestamp,

    /// <summary>A calendar date.</summary>
    Date,

    /// <summary>A nullable quantity as DECIMAL(38,10) (FOCUS PricingQuantity, ConsumedQuantity; GPU-hours).</summary>
    NullableQuantity,
}
