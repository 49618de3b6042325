/**
 * A stack on this machine only, for the demo, the benchmark and the end-to-end tests: the Pulumi CLI
 * from scripts/install-pulumi.sh, a local file backend in a temporary folder, passphrase secrets, no
 * update checks, and an inline program run by the Automation API (the Node.js language host that
 * `pulumi up` needs for Pulumi.yaml is not served by the Go module proxy), with the provider pointed
 * at a LogicMonitor emulator.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand, Stack } from "@pulumi/pulumi/automation";
import type { Emulator } from "../emulator";
import { BootstrapOutputs, declareTokens, TokenSpec } from "./bootstrap";

const REPO = path.resolve(__dirname, "..");
export const PROJECT = "lm-apitokens";
export const STACK = "local";
/** Protects nothing real: the backend holds only emulator tokens and is thrown away. */
export const PASSPHRASE = "local-passphrase";

let cliDir: string | undefined;

/** Installs (or finds) the Pulumi CLI; fails loudly, with the script's own message, if it cannot. */
export function pulumiBinDir(): string {
  if (!cliDir) {
    const out = execFileSync("bash", [path.join(REPO, "scripts/install-pulumi.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    cliDir = out.trim().split("\n").at(-1)!;
  }
  return cliDir;
}

export interface LocalStack {
  stack: Stack;
  /** The tokens the default inline program declares; change it between operations. */
  specs: TokenSpec[];
  /** Everything the CLI printed, over all operations (see `collect`). */
  output: string[];
  /** The environment the CLI runs with. */
  env: Record<string, string>;
  /** The stack's project folder, and the file backend's folder. */
  workDir: string;
  stateDir: string;
  /** Runs the `pulumi` CLI itself against this stack. */
  cli(args: string[]): string;
  /** Removes the project and backend folders. */
  dispose(): Promise<void>;
}

/**
 * A fresh stack whose inline program declares `specs` (or runs `program`, e.g. the root program),
 * with the provider's credentials in stack config (the access key as a secret), pointed at `emulator`.
 */
export async function createLocalStack(emulator: Emulator, specs: TokenSpec[], program?: () => Promise<BootstrapOutputs>): Promise<LocalStack> {
  const bin = pulumiBinDir();
  const scratch = path.join(REPO, ".stacks");
  mkdirSync(scratch, { recursive: true });
  // The project folder sits inside the repo so that the provider host resolves @pulumi/pulumi and got
  // from the repo's node_modules (pulumi/pulumi#5455); state and plugins go to the temporary folder.
  const workDir = mkdtempSync(path.join(scratch, "stack-"));
  const tmp = mkdtempSync(path.join(os.tmpdir(), "lm-stack-"));
  const stateDir = path.join(tmp, "state");
  mkdirSync(stateDir, { recursive: true });
  const env: Record<string, string> = {
    PATH: `${bin}:${path.dirname(process.execPath)}:${process.env.PATH}`,
    PULUMI_BACKEND_URL: `file://${stateDir}`,
    PULUMI_HOME: path.join(tmp, "home"),
    PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
  const state = { specs };
  const pulumiCommand = await PulumiCommand.get({ root: path.dirname(bin) });
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: STACK, projectName: PROJECT, program: program ?? (async () => declareTokens(state.specs)) },
    { workDir, envVars: env, pulumiCommand, projectSettings: { name: PROJECT, runtime: "nodejs" } },
  );
  await stack.setConfig("logicmonitor:baseUrl", { value: emulator.baseUrl });
  await stack.setConfig("logicmonitor:accessId", { value: emulator.admin.accessId });
  await stack.setConfig("logicmonitor:accessKey", { value: emulator.admin.accessKey, secret: true });
  const output: string[] = [];
  return {
    stack,
    get specs() {
      return state.specs;
    },
    set specs(value: TokenSpec[]) {
      state.specs = value;
    },
    output,
    env,
    workDir,
    stateDir,
    cli: (args) => {
      const text = execFileSync(path.join(bin, "pulumi"), [...args, "--stack", STACK, "--non-interactive"], { cwd: workDir, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
      output.push(text);
      return text;
    },
    dispose: async () => {
      rmSync(workDir, { recursive: true, force: true });
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Options that collect the CLI's output into `local.output`. */
export const collect = (local: LocalStack) => ({ onOutput: (text: string) => local.output.push(text) });
