namespace Burnrate.Ledger;

/// <summary>Bad ledger input (a file, a mapping, a price list, a request field): one line a user can act on — file, line or field, bad value, what is allowed.</summary>
public sealed class LedgerInputException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="LedgerInputException"/> class.</summary>
    /// <param name="message">The one-line message.</param>
    public LedgerInputException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LedgerInputException"/> class.</summary>
    public LedgerInputException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LedgerInputException"/> class.</summary>
    /// <param name="message">The one-line message.</param>
    /// <param name="innerException">The cause.</param>
    public LedgerInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
