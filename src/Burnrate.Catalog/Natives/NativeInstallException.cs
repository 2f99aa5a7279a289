namespace Burnrate.Catalog.Natives;

/// <summary>A native package could not be installed: the feed could not be reached or refused it, or the package was
/// not the one the build pinned. The message names the address, what went wrong and what to do.</summary>
public sealed class NativeInstallException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="NativeInstallException"/> class.</summary>
    public NativeInstallException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NativeInstallException"/> class.</summary>
    public NativeInstallException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NativeInstallException"/> class.</summary>
    public NativeInstallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
