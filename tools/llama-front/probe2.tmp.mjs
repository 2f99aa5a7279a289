import { getLlama, LlamaLogLevel } from "node-llama-cpp";
const threads = Number(process.argv[3] ?? 1);
const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error, maxThreads: threads });
const model = await llama.loadModel({ modelPath: process.argv[2], gpuLayers: 0 });
const context = await model.createContext({ contextSize: 2048, sequences: 2, batchSize: 512, threads });
const [a, b] = [context.getSequence(), context.getSequence()];
const base = model.tokenize(" people time year day man thing woman life child world school state family student group");
const sizes = [1, 2, 3, 4, 8, 16];
const res = Object.fromEntries(sizes.map(n => [n, []]));
for (let r = 0; r < 15; r++) for (const n of sizes) {
  await a.clearHistory(); await a.evaluateWithoutGeneratingNewTokens(base.slice(0, 8));
  const toks = Array.from({length: n}, (_, i) => base[i % base.length]);
  const t = performance.now(); await a.evaluateWithoutGeneratingNewTokens(toks); res[n].push(performance.now() - t);
}
const q = (xs, p) => xs.slice().sort((x, y) => x - y)[Math.floor(p * (xs.length - 1))];
for (const n of sizes) console.log(`threads ${threads} batch ${n}: min ${q(res[n],0).toFixed(1)} p25 ${q(res[n],0.25).toFixed(1)} median ${q(res[n],0.5).toFixed(1)} ms`);
async function gen(seq, n) { const ts = []; let last = performance.now(); let i = 0; for await (const t of seq.evaluate(base.slice(0, 8), {temperature: 0})) { const now = performance.now(); ts.push(now - last); last = now; if (++i >= n) break; } return ts.slice(1); }
await a.clearHistory(); const one = await gen(a, 60);
await a.clearHistory(); await b.clearHistory();
const [x, y] = await Promise.all([gen(a, 60), gen(b, 60)]);
console.log("decode 1 seq step min/p25/median", q(one,0).toFixed(1), q(one,.25).toFixed(1), q(one,.5).toFixed(1), "| 2 seqs", q(x,0).toFixed(1), q(x,.25).toFixed(1), q(x,.5).toFixed(1));
process.exit(0);
