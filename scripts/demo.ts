/**
 * The main job in one command (`npm run demo`): start the bundled LogicMonitor emulator, run the root
 * program against it on a local backend, print the tokens it made (secrets masked), prove one by
 * calling the emulator with it, and destroy the stack (unless --keep).
 */
import { parseArgs } from "node:util";
import { startEmulator } from "../emulator";
import { bootstrapFromConfig, TokenSpec, TokenSummary } from "../program/bootstrap";
import { createLocalStack } from "../program/localStack";
import { createHttp } from "../provider/http";

const DEMO_TOKENS: TokenSpec[] = [
  { name: "ci", username: "ci-bot", type: "Bearer", note: "CI pipeline" },
  { name: "automation", userId: 4, note: "API Token for automation" },
  { name: "spare", username: "john.doe", disabled: true, note: "created disabled" },
];

/** Shows only the public `lmb_` marker of bearer tokens, and the length. */
const mask = (secret: string) => `${secret.startsWith("lmb_") ? "lmb_" : ""}${"*".repeat(8)} (${secret.length} chars)`;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r, n) => r.map((c, i) => c.padEnd(widths[i])).join("  ") + (n === 0 ? "\n" + widths.map((w) => "-".repeat(w)).join("  ") : "")).join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { keep: { type: "boolean", default: false }, quiet: { type: "boolean", default: false } } });
  const emulator = await startEmulator();
  console.log(`1. LogicMonitor emulator on ${emulator.baseUrl}`);
  const local = await createLocalStack(emulator, [], async () => bootstrapFromConfig());
  try {
    await local.stack.setConfig("tokens", { value: JSON.stringify(DEMO_TOKENS) });
    console.log(`2. pulumi up: the root program declares ${DEMO_TOKENS.length} tokens from stack config (state in ${local.stateDir})`);
    const up = await local.stack.up({ onOutput: values.quiet ? undefined : (text) => process.stdout.write(text) });
    const tokens = up.outputs.tokens.value as Record<string, TokenSummary>;
    const secrets = up.outputs.secrets.value as Record<string, string>;

    console.log("\n3. Tokens in LogicMonitor (secrets masked; `pulumi stack output secrets --show-secrets` reveals them):\n");
    const rows = [["name", "user", "type", "token id", "access id", "status", "secret"]];
    for (const [name, t] of Object.entries(tokens)) {
      rows.push([name, `${t.adminName} (${t.adminId})`, t.type, String(t.tokenId), t.accessId, t.disabled ? "disabled" : "enabled", mask(secrets[name])]);
    }
    console.log(table(rows));

    const proof = createHttp({ baseUrl: emulator.baseUrl, credentials: { kind: "Bearer", bearerToken: secrets.ci } });
    const me = await proof.request<{ username: string }>("GET", `/setting/admins/${tokens.ci.adminId}`);
    console.log(`\n4. Proof: GET /setting/admins/${tokens.ci.adminId} with the "ci" bearer token answered as user "${me.username}".`);

    if (values.keep) {
      console.log(`\n5. Kept. The emulator runs until you press Ctrl-C. To look around:\n`);
      console.log(Object.entries(local.env).filter(([k]) => k !== "PATH").map(([k, v]) => `  export ${k}=${v}`).join("\n"));
      console.log(`  export PATH=${local.env.PATH.split(":")[0]}:$PATH`);
      console.log(`  cd ${local.workDir} && pulumi stack output --show-secrets`);
      await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
    } else {
      const destroyed = await local.stack.destroy({ onOutput: values.quiet ? undefined : (text) => process.stdout.write(text) });
      const left = [...emulator.store.tokens.values()].filter((t) => t.accessId !== emulator.admin.accessId).length;
      console.log(`5. pulumi destroy: ${destroyed.summary.resourceChanges?.delete ?? 0} resources deleted; tokens left in the emulator besides its seed: ${left}.`);
    }
  } finally {
    await local.dispose();
    await emulator.close();
  }
}

main().catch((error) => {
  console.error(`demo failed: ${(error as Error).message}`);
  process.exit(1);
});
