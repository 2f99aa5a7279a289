using Burnrate.Bench.Client;

namespace Burnrate.Bench.Metrics;

/// <summary>Derives a <see cref="LevelResult"/> from the raw request records of one level, per docs/metrics.md.</summary>
internal static class LevelStats
{
    /// <summary>Computes the level's figures. Warm-up records must already be excluded.</summary>
    /// <param name="records">Every request sent in the level (completed and failed).</param>
    /// <param name="level">The level with its concurrency or rate set.</param>
    /// <param name="slo">The SLOs for goodput.</param>
    /// <param name="deploymentUsdPerHour">The deployment's price per hour, when known.</param>
    public static LevelResult Compute(IReadOnlyList<RequestRecord> records, LevelResult level, SloSettings slo, double? deploymentUsdPerHour)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(slo);
        List<double> ttft = [], ttftSched = [], tpot = [], itl = [], e2e = [], e2eSched = [], lag = [];
        var errors = new SortedDictionary<string, int>(StringComparer.Ordinal);
        long firstSent = long.MaxValue, lastDone = long.MinValue, lastSent = long.MinValue;
        long outputTokens = 0, inputTokens = 0, goodTokens = 0, chunks = 0;
        int completed = 0, met = 0, mismatches = 0, sent = 0;
        bool allServerOutput = true, allServerInput = true;
        foreach (RequestRecord r in records)
        {
            if (r.SentAt == 0)
            {
                // Failed before it reached the client (e.g. cancelled while queued): still a recorded request, so counted.
                if (r.ErrorKind is { } early)
                {
                    sent++;
                    errors[early] = errors.GetValueOrDefault(early) + 1;
                }

                continue;
            }

            sent++;
            firstSent = Math.Min(firstSent, r.SentAt);
            lastSent = Math.Max(lastSent, r.SentAt);
            lag.Add(BenchClock.Seconds(r.SentAt - r.ScheduledAt));
            if (r.DoneAt != 0)
            {
                lastDone = Math.Max(lastDone, r.DoneAt);
            }

            if (!r.Completed)
            {
                string kind = r.ErrorKind ?? "incomplete";
                errors[kind] = errors.GetValueOrDefault(kind) + 1;
                continue;
            }

            completed++;
            double? t = null, p = null;
            if (r.FirstTokenAt != 0)
            {
                t = BenchClock.Seconds(r.FirstTokenAt - r.SentAt);
                ttft.Add(t.Value);
                ttftSched.Add(BenchClock.Seconds(r.FirstTokenAt - r.ScheduledAt));
            }

            int outTokens = r.OutputTokens ?? 0;
            // TPOT needs the tokens to arrive over time: a whole answer in one chunk (non-streaming) has none to measure.
            if (r.FirstTokenAt != 0 && outTokens >= 2 && r.Chunks >= 2)
            {
                p = BenchClock.Seconds(r.LastTokenAt - r.FirstTokenAt) / (outTokens - 1);
                tpot.Add(p.Value);
            }

            ReadOnlySpan<long> at = r.ChunkAt;
            for (int i = 1; i < at.Length; i++)
            {
                itl.Add(BenchClock.Seconds(at[i] - at[i - 1]));
            }

            chunks += at.Length;
            double e = BenchClock.Seconds(r.DoneAt - r.SentAt);
            e2e.Add(e);
            e2eSched.Add(BenchClock.Seconds(r.DoneAt - r.ScheduledAt));
            outputTokens += outTokens;
            inputTokens += r.PromptTokensServer ?? r.PromptTokensClient;
            allServerOutput &= r.OutputTokensServer is not null;
            allServerInput &= r.PromptTokensServer is not null;
            if (r.OutputTokensServer is { } s && r.OutputTokensTokenizer is { } k && s != k)
            {
                mismatches++;
            }

            if (slo.Met(t, p, e))
            {
                met++;
                goodTokens += outTokens;
            }
        }

        double window = sent > 0 && lastDone > firstSent ? BenchClock.Seconds(lastDone - firstSent) : 0;
        double PerSecond(double x) => window > 0 ? x / window : 0;
        double? Cost(double tokens) => deploymentUsdPerHour is { } usd && tokens > 0 && window > 0 ? usd * (window / 3600.0) / tokens * 1e6 : null;
        return level with
        {
            Sent = sent,
            Completed = completed,
            Failed = sent - completed,
            ErrorsByKind = errors,
            TtftSeconds = LatencySummary.Of(ttft),
            TtftFromScheduleSeconds = LatencySummary.Of(ttftSched),
            TpotSeconds = LatencySummary.Of(tpot),
            ItlSeconds = LatencySummary.Of(itl),
            E2eSeconds = LatencySummary.Of(e2e),
            E2eFromScheduleSeconds = LatencySummary.Of(e2eSched),
            DispatchLagSeconds = LatencySummary.Of(lag),
            WindowSeconds = window,
            RequestsPerSecond = PerSecond(completed),
            AchievedSendRatePerSecond = sent > 1 && lastSent > firstSent ? (sent - 1) / BenchClock.Seconds(lastSent - firstSent) : null,
            OutputTokensPerSecond = PerSecond(outputTokens),
            TotalTokensPerSecond = PerSecond(outputTokens + inputTokens),
            OutputTokens = outputTokens,
            InputTokens = inputTokens,
            MeanTokensPerChunk = chunks > 0 ? (double)outputTokens / chunks : 0,
            GoodputRequestsPerSecond = PerSecond(met),
            GoodputOutputTokensPerSecond = PerSecond(goodTokens),
            MetSlo = met,
            OutputTokensSource = completed > 0 && allServerOutput ? "server" : "tokenizer",
            InputTokensSource = completed > 0 && allServerInput ? "server" : "tokenizer",
            OutputTokenCountMismatches = mismatches,
            CostPerMillionOutputTokensUsd = Cost(outputTokens),
            CostPerMillionTotalTokensUsd = Cost(outputTokens + inputTokens),
            CostPerRequestUsd = Cost(completed) / 1e6,
            CostPerMillionOutputTokensAtGoodputUsd = Cost(goodTokens),
        };
    }
}
