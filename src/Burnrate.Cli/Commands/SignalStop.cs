using System.Runtime.InteropServices;

namespace Burnrate.Cli.Commands;

/// <summary>
/// Graceful stop on Ctrl-C (SIGINT) and SIGTERM for long-running commands: the first signal cancels <see cref="Token"/>
/// so the command can finish what it owes (bench writes its summary from what it measured) and exit with 128 + the
/// signal number (130, 143); a second signal is left to the runtime's default action, so the process ends at once.
/// </summary>
internal sealed class SignalStop : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TextWriter _error;
    private readonly string _message;
    private int _signals;

    public SignalStop(TextWriter error, string message, CancellationToken outer)
    {
        _cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _error = error;
        _message = message;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public CancellationToken Token => _cts.Token;

    /// <summary>Gets 130 after SIGINT, 143 after SIGTERM, or null when no signal came.</summary>
    public int? ExitCode { get; private set; }

    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }

        _cts.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _signals) > 1)
        {
            context.Cancel = false;
            return;
        }

        context.Cancel = true;
        ExitCode = context.Signal == PosixSignal.SIGTERM ? 143 : 130;
        try
        {
            _error.WriteLine(_message);
            _error.Flush();
        }
        catch (ObjectDisposedException)
        {
            // The command already ended.
        }

        _cts.Cancel();
    }
}
