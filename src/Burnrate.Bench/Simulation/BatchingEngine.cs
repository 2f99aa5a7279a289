using System.Threading.Channels;

namespace Burnrate.Bench.Simulation;

/// <summary>
/// A discrete-event simulation of continuous batching (vLLM/Orca style), stepped on the wall clock. Arrivals queue;
/// at each step boundary waiting sequences are admitted up to the batch limit; a step costs one prefill over all the
/// admitted prompts' tokens plus one decode step for the running batch (<see cref="StepModel"/>); at the end of the step
/// every admitted sequence emits its first token and every running one its next token. Step k ends at the sum of the
/// durations of steps 1..k, so timer jitter does not accumulate.
/// </summary>
internal sealed class BatchingEngine : IAsyncDisposable
{
    private readonly StepModel _steps;
    private readonly int _maxBatch;
    private readonly Channel<Sequence> _arrivals = Channel.CreateUnbounded<Sequence>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public BatchingEngine(StepModel steps, int maxBatch)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _steps = steps;
        _maxBatch = maxBatch;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Gets the number of steps run so far.</summary>
    public long StepsRun { get; private set; }

    /// <summary>Queues a sequence; the returned reader yields one item per generated token (its index) and completes after the last.</summary>
    public ChannelReader<int> Submit(int promptTokens, int outputTokens, CancellationToken aborted)
    {
        var tokens = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var sequence = new Sequence(promptTokens, outputTokens, tokens.Writer, aborted);
        if (outputTokens <= 0 || !_arrivals.Writer.TryWrite(sequence))
        {
            tokens.Writer.TryComplete();
        }

        return tokens.Reader;
    }

    public async ValueTask DisposeAsync()
    {
        _arrivals.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var waiting = new Queue<Sequence>();
        var running = new List<Sequence>();
        var admitted = new List<Sequence>();
        long stepStart = BenchClock.Now;
        while (!stop.IsCancellationRequested)
        {
            while (_arrivals.Reader.TryRead(out Sequence? s))
            {
                waiting.Enqueue(s);
            }

            running.RemoveAll(s => s.Aborted.IsCancellationRequested && s.Finish());
            if (running.Count == 0 && waiting.Count == 0)
            {
                if (!await _arrivals.Reader.WaitToReadAsync(stop).ConfigureAwait(false))
                {
                    return;
                }

                stepStart = BenchClock.Now;
                continue;
            }

            admitted.Clear();
            while (waiting.Count > 0 && running.Count + admitted.Count < _maxBatch)
            {
                Sequence s = waiting.Dequeue();
                if (!s.Aborted.IsCancellationRequested)
                {
                    admitted.Add(s);
                }
                else
                {
                    s.Finish();
                }
            }

            // The admitted prompts are prefilled together in one forward pass over all their tokens.
            double seconds = 0;
            if (admitted.Count > 0)
            {
                long promptTokens = 0;
                foreach (Sequence s in admitted)
                {
                    promptTokens += s.PromptTokens;
                }

                seconds += _steps.PrefillSeconds((int)Math.Min(int.MaxValue, promptTokens));
            }

            if (running.Count > 0)
            {
                long context = 0;
                foreach (Sequence s in running)
                {
                    context += s.PromptTokens + s.Emitted;
                }

                seconds += _steps.DecodeStepSeconds(running.Count, (int)Math.Min(int.MaxValue, context));
            }

            long stepEnd = stepStart + BenchClock.Ticks(seconds);
            await BenchClock.DelayUntilAsync(stepEnd, stop).ConfigureAwait(false);
            StepsRun++;
            foreach (Sequence s in running)
            {
                s.Emit();
            }

            foreach (Sequence s in admitted)
            {
                s.Emit();
                running.Add(s);
            }

            running.RemoveAll(s => s.Emitted >= s.OutputTokens && s.Finish());
            // The next step starts when this one ended, unless the host fell behind by more than a step.
            long now = BenchClock.Now;
            stepStart = now - stepEnd > BenchClock.Ticks(seconds) ? now : stepEnd;
        }
    }

    private sealed class Sequence(int promptTokens, int outputTokens, ChannelWriter<int> tokens, CancellationToken aborted)
    {
        public int PromptTokens { get; } = promptTokens;

        public int OutputTokens { get; } = outputTokens;

        public CancellationToken Aborted { get; } = aborted;

        public int Emitted { get; private set; }

        public void Emit()
        {
            tokens.TryWrite(Emitted);
            Emitted++;
        }

        public bool Finish()
        {
            tokens.TryComplete();
            return true;
        }
    }
}
