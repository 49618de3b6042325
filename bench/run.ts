/**
 * Benchmark (`npm run bench`): prints the speed and size figures the README quotes.
 * - provider operations in-process against the emulator (latency per call, loopback HTTP);
 * - `pulumi up` / no-change `up` / `refresh` / `destroy` under the real engine for stacks of N tokens;
 * - the exported state's size per token, and the serialized provider's size.
 * Loops are bounded; everything talks to an emulator on 127.0.0.1.
 *   npm run bench -- --ops 300 --stacks 1,10,30
 */
import { parseArgs } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { startEmulator } from "../emulator";
import { provider, setHttpOptions } from "../provider";
import type { TokenInputs } from "../provider";
import { createLocalStack } from "../program/localStack";

const { values } = parseArgs({ options: { ops: { type: "string", default: "300" }, stacks: { type: "string", default: "1,10,30" } } });
const OPS = Math.min(5000, Number(values.ops));
const STACK_SIZES = (values.stacks as string).split(",").map(Number).filter((n) => n > 0 && n <= 200);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (n: number) => n.toFixed(2);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

async function providerOperations(): Promise<void> {
  const emulator = await startEmulator();
  await provider.configure!({ config: { get: (k: string) => ({ "logicmonitor:baseUrl": emulator.baseUrl, "logicmonitor:accessId": emulator.admin.accessId, "logicmonitor:accessKey": emulator.admin.accessKey } as Record<string, string>)[k], require: () => "" } });
  setHttpOptions(undefined);
  const times: Record<string, number[]> = { create: [], read: [], update: [], delete: [] };
  const inputs: TokenInputs = { userId: 2, note: "bench", disabled: false, type: "LMv1" };
  for (let i = 0; i < OPS; i++) {
    const [created, tc] = await timed(() => provider.create(inputs));
    const [, tr] = await timed(() => provider.read!(created.id, created.outs));
    const [, tu] = await timed(() => provider.update!(created.id, created.outs!, { ...inputs, note: `bench ${i}` }));
    const [, td] = await timed(() => provider.delete!(created.id, created.outs!));
    times.create.push(tc);
    times.read.push(tr);
    times.update.push(tu);
    times.delete.push(td);
  }
  await emulator.close();
  console.log(`\nProvider operations against the emulator, ${OPS} each (ms per call; create = snapshot GET + POST):`);
  console.log("op       median    p95    max");
  for (const [op, list] of Object.entries(times)) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(`${op.padEnd(7)} ${ms(percentile(sorted, 50)).padStart(7)} ${ms(percentile(sorted, 95)).padStart(6)} ${ms(sorted.at(-1)!).padStart(6)}`);
  }
}

async function engineRuns(): Promise<void> {
  console.log("\nUnder the Pulumi engine (local backend, wall-clock seconds; state bytes from `pulumi stack export`):");
  console.log("tokens     up  no-op up  refresh  destroy  state bytes  bytes/token");
  for (const n of STACK_SIZES) {
    const emulator = await startEmulator();
    const specs = Array.from({ length: n }, (_, i) => ({ name: `t${i}`, userId: 2 + (i % 3), type: (i % 2 ? "Bearer" : "LMv1") as "LMv1" | "Bearer", note: `bench ${i}` }));
    const local = await createLocalStack(emulator, specs);
    try {
      const [, up] = await timed(() => local.stack.up());
      const [, noop] = await timed(() => local.stack.up());
      const [, refresh] = await timed(() => local.stack.refresh());
      const state = local.cli(["stack", "export"]).length;
      const [, destroy] = await timed(() => local.stack.destroy());
      const s = (t: number) => (t / 1000).toFixed(1);
      console.log(`${String(n).padStart(6)} ${s(up).padStart(6)} ${s(noop).padStart(9)} ${s(refresh).padStart(8)} ${s(destroy).padStart(8)} ${String(state).padStart(12)} ${String(Math.round(state / n)).padStart(12)}`);
    } finally {
      await local.dispose();
      await emulator.close();
    }
  }
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  console.log(`Serialized provider (__provider, stored in each token's inputs and outputs): ${serialized.text.length} bytes`);
  await providerOperations();
  if (STACK_SIZES.length) await engineRuns();
  console.log(`\nPeak resident memory of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
