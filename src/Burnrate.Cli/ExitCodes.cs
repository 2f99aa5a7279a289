namespace Burnrate.Cli;

/// <summary>Process exit codes (PRODUCT.md): 0 success, 2 bad input or usage, 1 anything else.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}
