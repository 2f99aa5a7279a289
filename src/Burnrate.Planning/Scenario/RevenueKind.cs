namespace Burnrate.Planning.Scenario;

/// <summary>How a revenue stream earns.</summary>
public enum RevenueKind
{
    /// <summary>Tokens × price per million tokens.</summary>
    Usage,

    /// <summary>Customers × price per month.</summary>
    Subscription,
}
