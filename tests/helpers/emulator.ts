/** Test helpers: a fresh emulator per test, and the provider pointed at it. */
import { provider, setHttpOptions } from "../../provider";
import { startEmulator, Emulator, EmulatorOptions } from "../../emulator";
import { createHttp } from "../../provider/http";

/** Starts a fresh emulator before each test of the suite and closes it after; returns a getter. */
export function useEmulator(options: EmulatorOptions = {}): () => Emulator {
  let emulator: Emulator | undefined;
  beforeEach(async () => {
    emulator = await startEmulator(options);
  });
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });
  return () => {
    if (!emulator) throw new Error("emulator not started");
    return emulator;
  };
}

/** A dynamic-provider Config over a plain map, as the host builds it from stack config. */
export function configOf(values: Record<string, string>) {
  return {
    get: (key: string) => values[key],
    require: (key: string) => {
      if (values[key] === undefined) throw new Error(`Missing required configuration key: ${key}`);
      return values[key];
    },
  };
}

/** Configures the provider with the emulator's seeded administrator, retrying quickly. */
export async function configureProvider(emulator: Emulator): Promise<void> {
  await provider.configure!({
    config: configOf({
      "logicmonitor:baseUrl": emulator.baseUrl,
      "logicmonitor:accessId": emulator.admin.accessId,
      "logicmonitor:accessKey": emulator.admin.accessKey,
    }),
  });
  setHttpOptions({ retry: { baseDelayMs: 5 } });
}

/** The requests the emulator saw, as "METHOD /path?query", for asserting the exact calls made. */
export function calls(emulator: Emulator, from = 0): string[] {
  return emulator.requests.slice(from).map((r) => {
    const query = new URLSearchParams(r.query).toString();
    return `${r.method} ${r.path}${query ? "?" + decodeURIComponent(query) : ""}`;
  });
}

/** Does a request authenticated with this credential succeed? (what a token's consumer would check) */
export async function authenticates(emulator: Emulator, credentials: { accessId: string; accessKey: string } | { bearerToken: string }): Promise<boolean> {
  const http = createHttp({
    baseUrl: emulator.baseUrl,
    credentials: "bearerToken" in credentials ? { kind: "Bearer", ...credentials } : { kind: "LMv1", ...credentials },
  }, { retry: { limit: 0 } });
  try {
    await http.request("GET", "/setting/admins/apitokens", { query: { size: 1 } });
    return true;
  } catch (error) {
    if ((error as { status?: number }).status === 401) return false;
    throw error;
  }
}
