using System.Runtime.CompilerServices;

namespace Burnrate.Planning.Projection;

/// <summary>The driver values of one path: drawn once (<see cref="Once"/>) or per month (<see cref="Monthly"/>, month-major), and which funding rounds happen.</summary>
internal sealed class PathInputs
{
    public PathInputs(int drivers, int months, int rounds, bool[] perMonth)
    {
        Once = new double[drivers];
        Monthly = perMonth.Any(p => p) ? new double[drivers * months] : [];
        PerMonth = perMonth;
        FundingIncluded = new bool[rounds];
    }

    public double[] Once { get; }

    public double[] Monthly { get; }

    public bool[] PerMonth { get; }

    public bool[] FundingIncluded { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Get(int driver, int month) => PerMonth[driver] ? Monthly[(month * Once.Length) + driver] : Once[driver];
}
