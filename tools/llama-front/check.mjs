// Exits 0 when node-llama-cpp's prebuilt CPU binary loads on this machine (scripts/test.sh runs it before the tests);
// otherwise prints why on one line and exits 1, and the closed-loop test is reported skipped with that reason.
import { getLlama, LlamaLogLevel } from "node-llama-cpp";
try {
    const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
    console.log(`node-llama-cpp prebuilt binary loads (${llama.buildType})`);
    process.exit(0);
} catch (error) {
    console.log(`node-llama-cpp's prebuilt binary does not load here: ${String(error?.message ?? error).split("\n")[0]}`);
    process.exit(1);
}
