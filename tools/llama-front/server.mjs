// A minimal OpenAI-compatible front for llama.cpp (node-llama-cpp's prebuilt CPU binaries), for Burnrate's closed-loop
// test (tests/Burnrate.Cli.Tests/LlamaCpp). Loopback only. One JSON line on stdout when ready: {"port": N}.
//
//   node server.mjs --model FILE.gguf [--port 0] [--sequences 2] [--threads N] [--context 2048] [--batch 512]
//
// POST /v1/completions and /v1/chat/completions (stream or not; SSE chunks of one token each; stream_options.include_usage
// adds a final usage chunk), GET /v1/models. max_tokens is honoured; ignore_eos (bench sends it with min_tokens) bans
// end-of-generation so the output has exactly max_tokens tokens. Decoding is greedy. Control and byte pieces are never
// sampled, so every streamed token carries visible text. Up to --sequences requests decode together in one llama.cpp
// batch (continuous batching); more wait for a free sequence.
import http from "node:http";
import os from "node:os";
import { getLlama, LlamaLogLevel, TokenBias } from "node-llama-cpp";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
    arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
if (!args.model) {
    console.error("usage: node server.mjs --model FILE.gguf [--port 0] [--sequences 2] [--threads N] [--context 2048]");
    process.exit(2);
}

const sequences = Number(args.sequences ?? 2);
const threads = Number(args.threads ?? os.availableParallelism());
const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error, maxThreads: threads });
const model = await llama.loadModel({ modelPath: args.model, gpuLayers: 0 });
const context = await model.createContext({
    contextSize: Number(args.context ?? 2048), sequences, batchSize: Number(args.batch ?? 512), threads,
});
const modelId = args["model-id"] ?? "tiny-llama";

// Ban control and byte pieces (node-llama-cpp reads the GGUF token types); EOS is banned only under ignore_eos.
const vocabulary = model.tokens;
const banned = [];
for (let token = 0; token < model.fileInfo.metadata.tokenizer.ggml.tokens.length; token++) {
    const type = model.fileInfo.metadata.tokenizer.ggml.token_type[token];
    if (type !== 1 && token !== vocabulary.eos) banned.push(token);
}
function bias(ignoreEos) {
    const b = new TokenBias(model.tokenizer);
    for (const token of banned) b.set(token, "never");
    if (ignoreEos && vocabulary.eos != null) b.set(vocabulary.eos, "never");
    return b;
}
const biasKeepEos = bias(false);
const biasIgnoreEos = bias(true);

const free = Array.from({ length: sequences }, () => context.getSequence());
const waiting = [];
async function acquire() {
    if (free.length > 0) return free.pop();
    return new Promise(resolve => waiting.push(resolve));
}
function release(sequence) {
    const next = waiting.shift();
    if (next) next(sequence); else free.push(sequence);
}

function promptOf(body, chat) {
    if (!chat) return Array.isArray(body.prompt) ? body.prompt.join("") : String(body.prompt ?? "");
    return (body.messages ?? []).map(m => typeof m.content === "string" ? m.content
        : (m.content ?? []).map(p => p.text ?? "").join("")).join("\n");
}

let nextId = 0;
async function complete(req, res, body, chat) {
    const stream = body.stream === true;
    const includeUsage = stream && body.stream_options?.include_usage === true;
    const maxTokens = Number.isInteger(body.max_tokens) && body.max_tokens > 0 ? body.max_tokens : 16;
    const ignoreEos = body.ignore_eos === true;
    const id = (chat ? "chatcmpl-" : "cmpl-") + (nextId++);
    const created = Math.floor(Date.now() / 1000);
    const object = chat ? "chat.completion.chunk" : "text_completion";
    let closed = false;
    res.on("close", () => { closed = true; });

    const prompt = promptOf(body, chat);
    const tokens = model.tokenize(prompt);
    if (vocabulary.bos != null && model.tokens.shouldPrependBosToken) tokens.unshift(vocabulary.bos);
    if (tokens.length + maxTokens > context.contextSize) {
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: `prompt (${tokens.length}) + max_tokens (${maxTokens}) exceeds the context (${context.contextSize})`, type: "invalid_request_error" } }));
        return;
    }

    const sequence = await acquire();
    let generated = 0;
    let finish = "length";
    let text = "";
    const chunk = (delta, finishReason) => chat
        ? { id, object, created, model: modelId, choices: [{ index: 0, delta, finish_reason: finishReason }] }
        : { id, object, created, model: modelId, choices: [{ index: 0, text: delta.content ?? "", finish_reason: finishReason }] };
    try {
        if (stream) {
            res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
            if (chat) res.write(`data: ${JSON.stringify(chunk({ role: "assistant" }, null))}\n\n`);
        }
        await sequence.clearHistory();
        const previous = [];
        for await (const token of sequence.evaluate(tokens, { temperature: 0, tokenBias: ignoreEos ? biasIgnoreEos : biasKeepEos })) {
            if (closed) { finish = "abort"; break; }
            if (token === vocabulary.eos) { finish = "stop"; break; }
            const piece = model.detokenize([token], false, previous);
            previous.push(token);
            generated++;
            if (stream) res.write(`data: ${JSON.stringify(chunk({ content: piece }, null))}\n\n`);
            else text += piece;
            if (generated >= maxTokens) break;
        }
    } finally {
        release(sequence);
    }

    if (closed) return;
    const usage = { prompt_tokens: tokens.length, completion_tokens: generated, total_tokens: tokens.length + generated };
    if (stream) {
        res.write(`data: ${JSON.stringify(chunk({}, finish))}\n\n`);
        if (includeUsage) res.write(`data: ${JSON.stringify({ id, object, created, model: modelId, choices: [], usage })}\n\n`);
        res.end("data: [DONE]\n\n");
    } else {
        const choice = chat ? { index: 0, message: { role: "assistant", content: text }, finish_reason: finish }
            : { index: 0, text, finish_reason: finish };
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ id, object: chat ? "chat.completion" : "text_completion", created, model: modelId, choices: [choice], usage }));
    }
}

const server = http.createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method === "GET" && path === "/v1/models") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ object: "list", data: [{ id: modelId, object: "model", created: 0, owned_by: "burnrate-test" }] }));
        return;
    }
    if (req.method === "POST" && (path === "/v1/completions" || path === "/v1/chat/completions")) {
        const parts = [];
        req.on("data", part => parts.push(part));
        req.on("end", () => {
            let body;
            try { body = JSON.parse(Buffer.concat(parts).toString("utf8")); } catch {
                res.writeHead(400, { "content-type": "application/json" });
                res.end(JSON.stringify({ error: { message: "the body is not JSON", type: "invalid_request_error" } }));
                return;
            }
            complete(req, res, body, path === "/v1/chat/completions").catch(error => {
                console.error(error);
                if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
                res.end(JSON.stringify({ error: { message: String(error?.message ?? error), type: "server_error" } }));
            });
        });
        return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: `no route ${req.method} ${path}`, type: "not_found" } }));
});
server.listen(Number(args.port ?? 0), "127.0.0.1", () => {
    process.stdout.write(JSON.stringify({ port: server.address().port, threads, sequences, parameters: model.fileInfo.tensorInfo?.length }) + "\n");
});
