namespace Burnrate.Catalog;

/// <summary>Bad catalog input or an unknown id: the message is one line a user can act on (file:line:column, field, value, what is allowed).</summary>
public sealed class CatalogException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="CatalogException"/> class.</summary>
    /// <param name="message">The one-line message.</param>
    public CatalogException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CatalogException"/> class.</summary>
    public CatalogException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CatalogException"/> class.</summary>
    /// <param name="message">The one-line message.</param>
    /// <param name="innerException">The cause.</param>
    public CatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
