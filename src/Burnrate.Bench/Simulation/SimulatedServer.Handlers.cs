using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Burnrate.Bench.Simulation;

/// <summary>Request handling: parse, decide length and fault, time the tokens, write SSE or a JSON body.</summary>
public sealed partial class SimulatedServer
{
    /// <summary>The text of every generated token: " the" is one token in o200k_base and cl100k_base.</summary>
    internal const string TokenText = " the";

    private async Task HandleAsync(HttpContext context, bool chat)
    {
        long received = BenchClock.Now;
        long id = Interlocked.Increment(ref _nextId);
        CancellationToken aborted = context.RequestAborted;
        SimulatedRequest request;
        try
        {
            using JsonDocument doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: aborted).ConfigureAwait(false);
            request = SimulatedRequest.Parse(doc.RootElement, chat);
        }
        catch (JsonException e)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync(ErrorBody("invalid JSON body: " + e.Message, "invalid_request_error"), aborted).ConfigureAwait(false);
            return;
        }

        int promptTokens = _tokenizer.CountTokens(request.PromptText);
        int outputTokens = request.OutputTokens(_options);
        SimulatedFault? fault = DrawFault();
        if (fault == SimulatedFault.Http500)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync(ErrorBody("simulated internal error", "server_error"), aborted).ConfigureAwait(false);
            return;
        }

        ChannelReader<int>? batched = _engine?.Submit(promptTokens, outputTokens, aborted);
        string created = (received / System.Diagnostics.Stopwatch.Frequency).ToString(CultureInfo.InvariantCulture);
        string idText = (chat ? "chatcmpl-" : "cmpl-") + id.ToString(CultureInfo.InvariantCulture);
        string model = JsonEncodedText.Encode(_options.ModelName).ToString();
        int faultAt = outputTokens / 2;
        try
        {
            if (request.Stream)
            {
                await StreamAsync(context, chat, request, promptTokens, outputTokens, fault, faultAt, batched, received, idText, created, model).ConfigureAwait(false);
            }
            else
            {
                await RespondAsync(context, chat, promptTokens, outputTokens, fault, batched, received, idText, created, model).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private async Task StreamAsync(
        HttpContext context, bool chat, SimulatedRequest request, int promptTokens, int outputTokens, SimulatedFault? fault, int faultAt,
        ChannelReader<int>? batched, long received, string id, string created, string model)
    {
        CancellationToken aborted = context.RequestAborted;
        HttpResponse response = context.Response;
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        string head = "data: {\"id\":\"" + id + "\",\"object\":\"" + (chat ? "chat.completion.chunk" : "text_completion") + "\",\"created\":" + created + ",\"model\":\"" + model + "\",\"choices\":[{\"index\":0,";
        byte[] tokenChunk = Encoding.UTF8.GetBytes(head + (chat ? "\"delta\":{\"content\":\"" + TokenText + "\"}" : "\"text\":\"" + TokenText + "\"") + ",\"finish_reason\":null}]}\n\n");
        if (chat)
        {
            // Real servers first send a role-only chunk; it must not count as the first token.
            await response.WriteAsync(head + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n", aborted).ConfigureAwait(false);
            await response.Body.FlushAsync(aborted).ConfigureAwait(false);
        }

        for (int i = 0; i < outputTokens; i++)
        {
            await NextTokenAsync(batched, received, i, aborted).ConfigureAwait(false);
            if (i == faultAt && fault is { } f)
            {
                if (await EndedByFaultAsync(context, f).ConfigureAwait(false))
                {
                    return;
                }

                if (f == SimulatedFault.Malformed)
                {
                    await response.WriteAsync("data: {\"choices\":[{\"delta\":{\"content\":\"x\"\n\n", aborted).ConfigureAwait(false);
                }
            }

            await response.Body.WriteAsync(tokenChunk, aborted).ConfigureAwait(false);
            await response.Body.FlushAsync(aborted).ConfigureAwait(false);
        }

        string finish = head + (chat ? "\"delta\":{}" : "\"text\":\"\"") + ",\"finish_reason\":\"" + (request.IgnoreEos || outputTokens == (request.MaxTokens ?? _options.DefaultMaxTokens) ? "length" : "stop") + "\"}]}\n\n";
        var tail = new StringBuilder(finish);
        if (request.IncludeUsage)
        {
            tail.Append("data: {\"id\":\"").Append(id).Append("\",\"object\":\"").Append(chat ? "chat.completion.chunk" : "text_completion")
                .Append("\",\"created\":").Append(created).Append(",\"model\":\"").Append(model).Append("\",\"choices\":[],\"usage\":")
                .Append(Usage(promptTokens, outputTokens)).Append("}\n\n");
        }

        tail.Append("data: [DONE]\n\n");
        await response.WriteAsync(tail.ToString(), aborted).ConfigureAwait(false);
        await response.Body.FlushAsync(aborted).ConfigureAwait(false);
    }

    private async Task RespondAsync(
        HttpContext context, bool chat, int promptTokens, int outputTokens, SimulatedFault? fault, ChannelReader<int>? batched, long received, string id, string created, string model)
    {
        CancellationToken aborted = context.RequestAborted;
        for (int i = 0; i < outputTokens; i++)
        {
            await NextTokenAsync(batched, received, i, aborted).ConfigureAwait(false);
        }

        if (fault is { } f && await EndedByFaultAsync(context, f).ConfigureAwait(false))
        {
            return;
        }

        if (fault == SimulatedFault.Malformed)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"id\":\"" + id + "\",\"choices\":[{\"message\":", aborted).ConfigureAwait(false);
            return;
        }

        string text = JsonEncodedText.Encode(string.Concat(Enumerable.Repeat(TokenText, outputTokens))).ToString();
        string body = "{\"id\":\"" + id + "\",\"object\":\"" + (chat ? "chat.completion" : "text_completion") + "\",\"created\":" + created + ",\"model\":\"" + model
            + "\",\"choices\":[{\"index\":0," + (chat ? "\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\"}" : "\"text\":\"" + text + "\"")
            + ",\"finish_reason\":\"length\"}],\"usage\":" + Usage(promptTokens, outputTokens) + "}";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, aborted).ConfigureAwait(false);
    }

    /// <summary>Applies a fault that ends the response: reset aborts the connection, stall holds it open silently.</summary>
    /// <returns>Whether the response ended.</returns>
    private async Task<bool> EndedByFaultAsync(HttpContext context, SimulatedFault fault)
    {
        switch (fault)
        {
            case SimulatedFault.Reset:
                context.Abort();
                return true;
            case SimulatedFault.Stall:
                await Task.Delay(TimeSpan.FromSeconds(_options.StallHoldSeconds), context.RequestAborted).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Waits for token <paramref name="index"/>: fixed timing at received + TTFT + index·ITL, or the batching engine's next emission.</summary>
    private async ValueTask NextTokenAsync(ChannelReader<int>? batched, long received, int index, CancellationToken aborted)
    {
        if (batched is not null)
        {
            if (!await batched.WaitToReadAsync(aborted).ConfigureAwait(false) || !batched.TryRead(out _))
            {
                throw new OperationCanceledException("the batching engine stopped", aborted);
            }

            return;
        }

        long target = received + BenchClock.Ticks(_options.TtftSeconds + (index * _options.ItlSeconds));
        await BenchClock.DelayUntilAsync(target, aborted).ConfigureAwait(false);
    }

    private static string Usage(int prompt, int completion) => string.Create(
        CultureInfo.InvariantCulture, $"{{\"prompt_tokens\":{prompt},\"completion_tokens\":{completion},\"total_tokens\":{prompt + completion}}}");

    private static string ErrorBody(string message, string type) =>
        "{\"error\":{\"message\":\"" + JsonEncodedText.Encode(message) + "\",\"type\":\"" + type + "\"}}";
}
