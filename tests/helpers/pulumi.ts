/**
 * The real Pulumi engine for end-to-end tests: the CLI from scripts/install-pulumi.sh, a local file
 * backend in a temporary folder, passphrase secrets, no update checks, and an inline program run by
 * the Automation API (the Node.js language host is not available from the Go module proxy).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand, Stack } from "@pulumi/pulumi/automation";
import type { Emulator } from "../../emulator";
import { BootstrapOutputs, declareTokens, TokenSpec } from "../../program/bootstrap";

const REPO = path.resolve(__dirname, "../..");
export const PROJECT = "lm-apitokens";
export const PASSPHRASE = "e2e-passphrase";

let cliDir: string | undefined;

/** Installs (or finds) the Pulumi CLI; fails loudly, with the script's own message, if it cannot. */
export function pulumiBinDir(): string {
  if (!cliDir) {
    const out = execFileSync("bash", [path.join(REPO, "scripts/install-pulumi.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    cliDir = out.trim().split("\n").at(-1)!;
  }
  return cliDir;
}

export interface E2eStack {
  stack: Stack;
  /** The tokens the inline program declares; change it between operations. */
  specs: TokenSpec[];
  /** Everything the CLI printed, over all operations. */
  output: string[];
  /** Runs the `pulumi` CLI itself against this stack. */
  cli(args: string[]): string;
  /** The environment the CLI runs with. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/**
 * A fresh stack whose inline program declares `specs`, with the provider's credentials in stack
 * config (the access key as a secret), pointed at `emulator`.
 * `program` replaces the default (declareTokens over `specs`), e.g. with the root program.
 */
export async function createStack(emulator: Emulator, specs: TokenSpec[], program?: () => Promise<BootstrapOutputs>): Promise<E2eStack> {
  const bin = pulumiBinDir();
  const scratch = path.join(REPO, ".e2e-work");
  mkdirSync(scratch, { recursive: true });
  // The work dir sits inside the repo so that the provider host resolves @pulumi/pulumi and got
  // from the repo's node_modules (pulumi/pulumi#5455); state and plugins go to /tmp.
  const workDir = mkdtempSync(path.join(scratch, "stack-"));
  const tmp = mkdtempSync(path.join(os.tmpdir(), "lm-e2e-"));
  const env: Record<string, string> = {
    PATH: `${bin}:${path.dirname(process.execPath)}:${process.env.PATH}`,
    PULUMI_BACKEND_URL: `file://${tmp}/state`,
    PULUMI_HOME: `${tmp}/home`,
    PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "false",
  };
  mkdirSync(`${tmp}/state`, { recursive: true });
  const state = { specs };
  const pulumiCommand = await PulumiCommand.get({ root: path.dirname(bin) });
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "e2e", projectName: PROJECT, program: program ?? (async () => declareTokens(state.specs)) },
    { workDir, envVars: env, pulumiCommand, projectSettings: { name: PROJECT, runtime: "nodejs" } },
  );
  await stack.setConfig("logicmonitor:baseUrl", { value: emulator.baseUrl });
  await stack.setConfig("logicmonitor:accessId", { value: emulator.admin.accessId });
  await stack.setConfig("logicmonitor:accessKey", { value: emulator.admin.accessKey, secret: true });
  const output: string[] = [];
  const result: E2eStack = {
    stack,
    get specs() {
      return state.specs;
    },
    set specs(value: TokenSpec[]) {
      state.specs = value;
    },
    output,
    env,
    cli: (args) => {
      const text = execFileSync(path.join(bin, "pulumi"), [...args, "--stack", "e2e", "--non-interactive"], { cwd: workDir, env: { ...process.env, ...env }, encoding: "utf8" });
      output.push(text);
      return text;
    },
    dispose: async () => {
      rmSync(workDir, { recursive: true, force: true });
      rmSync(tmp, { recursive: true, force: true });
    },
  };
  return result;
}

/** Options that collect the CLI's output into `e2e.output`. */
export const collect = (e2e: E2eStack) => ({ onOutput: (text: string) => e2e.output.push(text) });
