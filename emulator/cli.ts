#!/usr/bin/env node
/**
 * Runs the LogicMonitor emulator on its own: `npm run emulator -- [options]`.
 * Prints the base URL and the seeded administrator's LMv1 credential, ready to export.
 */
import { parseArgs } from "node:util";
import { parseRateLimit } from "./ratelimit";
import { startEmulator } from "./server";

const USAGE = `usage: npm run emulator -- [options]
  --port N              port to listen on (default 0: any free port)
  --host ADDRESS        loopback address to listen on (default 127.0.0.1)
  --access-id ID        access id of the seeded administrator token (default: random)
  --access-key KEY      access key of the seeded administrator token (default: random)
  --rate-limit SPEC     METHOD /route=LIMIT/WINDOW_SECONDS, repeatable,
                        e.g. "POST /setting/admins/{id}/apitokens=5/60"
  --clock-offset SECONDS  run the server clock this far ahead (negative: behind), to try clock skew
  --exit-after SECONDS  stop by itself after this long (default: run until interrupted)
  --json                print one JSON line {baseUrl, accessId, accessKey} instead of text`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "0" },
      host: { type: "string", default: "127.0.0.1" },
      "access-id": { type: "string" },
      "access-key": { type: "string" },
      "rate-limit": { type: "string", multiple: true, default: [] },
      "exit-after": { type: "string" },
      "clock-offset": { type: "string", default: "0" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const host = values.host as string;
  if (!/^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(host)) throw new Error(`--host must be a loopback address, got ${host}`);
  if (!Number.isFinite(Number(values["clock-offset"]))) throw new Error(`--clock-offset must be a number of seconds, got ${values["clock-offset"]}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);

  const emulator = await startEmulator({
    host,
    port,
    adminAccessId: values["access-id"],
    adminAccessKey: values["access-key"],
    rateLimits: Object.fromEntries((values["rate-limit"] as string[]).map(parseRateLimit)),
    clockOffsetMs: Number(values["clock-offset"]) * 1000,
  });
  const { baseUrl, admin } = emulator;
  if (values.json) {
    console.log(JSON.stringify({ baseUrl, username: admin.username, accessId: admin.accessId, accessKey: admin.accessKey }));
  } else {
    console.log(`LogicMonitor emulator listening on ${baseUrl}`);
    console.log(`Seeded administrator "${admin.username}" (id ${admin.id}); point the provider at it with:\n`);
    console.log(`  export LM_BASE_URL=${baseUrl}`);
    console.log(`  export LM_ACCESS_ID='${admin.accessId}'`);
    console.log(`  export LM_ACCESS_KEY='${admin.accessKey.replace(/'/g, "'\\''")}'\n`);
    console.log(`Users: ${[...emulator.store.users.values()].map((u) => `${u.username} (id ${u.id}, ${u.roles.map((r) => r.name).join("/")})`).join(", ")}`);
  }

  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  if (values["exit-after"] !== undefined) setTimeout(stop, Number(values["exit-after"]) * 1000).unref();
}

main().catch((error) => {
  console.error(`emulator: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
});
