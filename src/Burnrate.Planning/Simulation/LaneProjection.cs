using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Simulation;

/// <summary>
/// Projects four paths at once, one per lane of a 256-bit vector, for the Monte Carlo's usual case (no driver drawn per month). Each
/// lane performs the scalar engine's operations in the scalar engine's order, so every path's numbers are bit for bit those of
/// <see cref="ProjectionEngine"/> (tested); the rare per-path events (a trigger firing or re-arming, cash running out) are handled
/// lane by lane with the scalar engine's rules. Set-up per path is the scalar engine's own (<see cref="ProjectionEngine.Prepare"/>).
/// </summary>
internal sealed class LaneProjection
{
    public const int Lanes = 4;
    private readonly PlanScenario _s;
    private readonly ScenarioArrays _a;
    private readonly PathTrace[] _traces;

    public LaneProjection(PlanScenario s, ScenarioArrays a)
    {
        _s = s;
        _a = a;
        _traces = Enumerable.Range(0, Lanes).Select(_ => new PathTrace(s.Months, s.Revenue.Count, s.Triggers.Count, s.Drivers.Count)).ToArray();
    }

    /// <summary>Gets whether four-lane projection applies: vector hardware, and no driver drawn per month.</summary>
    public static bool Applies(DriverSampler sampler) => Vector256.IsHardwareAccelerated && !sampler.PerMonth.Contains(true);

    /// <summary>Projects the paths of <paramref name="inputs"/> (four) into block paths k..k + 3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(PathInputs[] inputs, PathBlock block, int k)
    {
        int months = _s.Months, streamCount = _a.Revenue.Length;
        TriggerRule[] rules = _a.TriggerRules;
        PathTrace t0 = _traces[0], t1 = _traces[1], t2 = _traces[2], t3 = _traces[3];
        ProjectionEngine.PathStart s0 = ProjectionEngine.Prepare(_s, _a, inputs[0], t0), s1 = ProjectionEngine.Prepare(_s, _a, inputs[1], t1);
        ProjectionEngine.PathStart s2 = ProjectionEngine.Prepare(_s, _a, inputs[2], t2), s3 = ProjectionEngine.Prepare(_s, _a, inputs[3], t3);

        // Per stream: volume, price factor, price step, volume factor, price, tokens per customer.
        Span<Vector256<double>> streams = stackalloc Vector256<double>[6 * streamCount];
        for (int i = 0; i < streamCount; i++)
        {
            StreamState a = t0.Streams[i], b = t1.Streams[i], c = t2.Streams[i], d = t3.Streams[i];
            streams[6 * i] = Vector256.Create(a.Volume, b.Volume, c.Volume, d.Volume);
            streams[(6 * i) + 1] = Vector256.Create(a.PriceFactor, b.PriceFactor, c.PriceFactor, d.PriceFactor);
            streams[(6 * i) + 2] = Vector256.Create(a.PriceStep, b.PriceStep, c.PriceStep, d.PriceStep);
            streams[(6 * i) + 3] = Vector256.Create(a.Factor, b.Factor, c.Factor, d.Factor);
            streams[(6 * i) + 4] = Vector256.Create(a.Price, b.Price, c.Price, d.Price);
            streams[(6 * i) + 5] = Vector256.Create(a.TokensPer, b.TokensPer, c.TokensPer, d.TokensPer);
        }

        Vector256<double> costPerMillion = Vector256.Create(s0.Current.CostPerMillion, s1.Current.CostPerMillion, s2.Current.CostPerMillion, s3.Current.CostPerMillion);
        Vector256<double> headcount = Vector256.Create(s0.Current.Headcount, s1.Current.Headcount, s2.Current.Headcount, s3.Current.Headcount);
        Vector256<double> hires = Vector256.Create(s0.Current.Hires, s1.Current.Hires, s2.Current.Hires, s3.Current.Hires);
        Vector256<double> loaded = Vector256.Create(s0.Current.LoadedPerMonth, s1.Current.LoadedPerMonth, s2.Current.LoadedPerMonth, s3.Current.LoadedPerMonth);
        Vector256<double> other = Vector256.Create(s0.Current.Other, s1.Current.Other, s2.Current.Other, s3.Current.Other);
        Vector256<double> costStep = Vector256.Create(s0.CostStep, s1.CostStep, s2.CostStep, s3.CostStep);
        Vector256<double> cash = Vector256.Create(s0.Cash, s1.Cash, s2.Cash, s3.Cash);
        Vector256<double> costFactor = Vector256<double>.One, opexFactor = Vector256<double>.One;
        Vector256<double> burn1 = Vector256<double>.Zero, burn2 = Vector256<double>.Zero;
        Vector256<double> infinity = Vector256.Create(double.PositiveInfinity), perMillion = Vector256.Create(1e-6);
        double[] f0 = t0.Flows, f1 = t1.Flows, f2 = t2.Flows, f3 = t3.Flows;
        Span<int> cashOutMonth = [-1, -1, -1, -1];
        Span<double> lanes = stackalloc double[Lanes], opex = stackalloc double[Lanes];
        Span<float> values = block.Values.AsSpan(k);
        for (int m = 0; m < months; m++)
        {
            Vector256<double> revenue = Vector256<double>.Zero, tokens = Vector256<double>.Zero;
            for (int i = 0; i < streamCount; i++)
            {
                ref Vector256<double> volume = ref streams[6 * i];
                ref Vector256<double> priceFactor = ref streams[(6 * i) + 1];
                if (m > 0)
                {
                    volume *= streams[(6 * i) + 3];
                    priceFactor *= streams[(6 * i) + 2];
                }

                Vector256<double> price = streams[(6 * i) + 4];
                bool usage = _a.Usage[i];
                Vector256<double> earned = usage ? volume * perMillion * price * priceFactor : volume * price * priceFactor;
                tokens += usage ? volume : volume * streams[(6 * i) + 5];
                revenue += earned;
            }

            if (m > 0)
            {
                costFactor *= costStep;
            }

            Vector256<double> serving = tokens * perMillion * costPerMillion * costFactor;
            Vector256<double> training = Vector256.Create(f0[3 * m], f1[3 * m], f2[3 * m], f3[3 * m]);
            Vector256<double> capex = Vector256.Create(f0[(3 * m) + 1], f1[(3 * m) + 1], f2[(3 * m) + 1], f3[(3 * m) + 1]);
            Vector256<double> financing = Vector256.Create(f0[(3 * m) + 2], f1[(3 * m) + 2], f2[(3 * m) + 2], f3[(3 * m) + 2]);
            Vector256<double> staff = Vector256.Max(Vector256<double>.Zero, headcount + (hires * Vector256.Create((double)m))) * loaded * opexFactor;
            Vector256<double> cashOut = serving + training + staff + (other * opexFactor) + capex;
            Vector256<double> netBurn = cashOut - revenue;
            cash = cash + revenue + financing - cashOut;
            Vector256<double> meanBurn = m >= 2 ? (netBurn + burn1 + burn2) * Vector256.Create(1.0 / 3) : m == 1 ? (netBurn + burn1) * Vector256.Create(0.5) : netBurn;
            Vector256<double> runway = Vector256.ConditionalSelect(
                Vector256.LessThanOrEqual(meanBurn, Vector256<double>.Zero), infinity, Vector256.Max(Vector256<double>.Zero, cash) / meanBurn);
            if (Vector256.LessThanAny(cash, Vector256<double>.Zero))
            {
                for (int l = 0; l < Lanes; l++)
                {
                    if (cash.GetElement(l) < 0 && cashOutMonth[l] < 0)
                    {
                        cashOutMonth[l] = m;
                    }
                }
            }

            for (int t = 0; t < rules.Length; t++)
            {
                TriggerRule rule = rules[t];
                Vector256<double> holds = Vector256.LessThan(runway, Vector256.Create(rule.RunwayBelow)) | Vector256.LessThan(cash, Vector256.Create(rule.CashBelow));
                if (Vector256.ExtractMostSignificantBits(holds) == 0 && !rule.Repeat)
                {
                    continue; // nothing can fire, and only a repeating trigger re-arms
                }

                // Lane by lane, exactly as the scalar engine: fire (once per arming), land the raise, cut opex; or re-arm.
                cash.CopyTo(lanes);
                opexFactor.CopyTo(opex);
                for (int l = 0; l < Lanes; l++)
                {
                    ref TriggerState state = ref _traces[l].Triggers[t];
                    bool holdsHere = runway.GetElement(l) < rule.RunwayBelow || lanes[l] < rule.CashBelow;
                    if (holdsHere && state.Armed)
                    {
                        state.Armed = false;
                        if (state.FirstFiring < 0)
                        {
                            state.FirstFiring = m;
                        }

                        int lands = m + rule.CloseMonths;
                        state.ClosingUntil = lands;
                        if (rule.RaiseUsd > 0 && lands == m)
                        {
                            lanes[l] += rule.RaiseUsd;
                        }
                        else if (rule.RaiseUsd > 0 && lands < months)
                        {
                            _traces[l].Flows[(3 * lands) + 2] += rule.RaiseUsd;
                        }

                        opex[l] *= rule.OpexFactor;
                    }
                    else if (!holdsHere && rule.Repeat && m >= state.ClosingUntil)
                    {
                        state.Armed = true;
                    }
                }

                cash = Vector256.Create(lanes[0], lanes[1], lanes[2], lanes[3]);
                opexFactor = Vector256.Create(opex[0], opex[1], opex[2], opex[3]);
            }

            // The four paths sit side by side in each series row: one narrowing store per figure.
            Vector256.Narrow(cash, cash).GetLower().CopyTo(values.Slice(3 * m * PathBlock.Size, Lanes));
            Vector256.Narrow(revenue, revenue).GetLower().CopyTo(values.Slice(((3 * m) + 1) * PathBlock.Size, Lanes));
            Vector256.Narrow(netBurn, netBurn).GetLower().CopyTo(values.Slice(((3 * m) + 2) * PathBlock.Size, Lanes));
            burn2 = burn1;
            burn1 = netBurn;
        }

        for (int l = 0; l < Lanes; l++)
        {
            block.SetEvents(k + l, cashOutMonth[l], _traces[l]);
        }
    }
}
