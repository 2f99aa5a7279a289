namespace Burnrate.Core.Inference;

/// <summary>The kernel's raw output in base units (seconds, bytes, USD, joules); a struct so the search allocates nothing.</summary>
internal struct InferenceFigures
{
    public StepTime Prefill;
    public StepTime Decode;
    public double TtftSeconds;
    public double TpotSeconds;
    public double E2eSeconds;
    public double RequestsPerSecond;
    public double OutputTokensPerSecond;
    public double PrefillShare;
    public int MaxConcurrency;
    public double MemoryPerDeviceBytes;
    public bool Fits;
    public double CostPerRequestUsd;
    public double CostPerMillionInputUsd;
    public double CostPerMillionOutputUsd;
    public double EnergyJoulesPerOutputToken;
}
