namespace Burnrate.Cli;

/// <summary>Bad command-line input: printed as one line, exit code 2.</summary>
public sealed class UsageException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="UsageException"/> class.</summary>
    /// <param name="message">The one-line message.</param>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="UsageException"/> class.</summary>
    public UsageException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="UsageException"/> class.</summary>
    /// <param name="message">The one-line message.</param>
    /// <param name="innerException">The cause.</param>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
