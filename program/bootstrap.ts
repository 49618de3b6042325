/**
 * The root program: declares the LogicMonitor API tokens listed in stack config (environment
 * bootstrap) and exports their public details, and their secrets as secret outputs.
 *
 *   pulumi config set --path 'tokens[0].name' ci
 *   pulumi config set --path 'tokens[0].username' ci-bot
 *   pulumi config set --path 'tokens[0].type' Bearer
 */
import * as pulumi from "@pulumi/pulumi";
import { LmApiToken, LmApiTokenArgs } from "../sdk";

export interface TokenSpec extends LmApiTokenArgs {
  /** The resource name, unique within the stack. */
  name: string;
}

export interface TokenSummary {
  tokenId: number;
  adminId: number;
  adminName: string;
  type: string;
  accessId: string;
  status: number;
  disabled: boolean;
  note: string;
}

export interface BootstrapOutputs {
  /** Public details of each token, by name. */
  tokens: pulumi.Output<Record<string, TokenSummary>>;
  /** The secret of each token (access key or bearer token), by name; a secret output. */
  secrets: pulumi.Output<Record<string, string>>;
}

/** Declares one LmApiToken per spec; the names are checked first, so a bad list creates nothing. */
export function declareTokens(specs: TokenSpec[]): BootstrapOutputs {
  const names = new Set<string>();
  specs.forEach((spec, index) => {
    const name = spec?.name;
    if (typeof name !== "string" || !/^[A-Za-z0-9._-]+$/.test(name)) {
      throw new Error(`tokens[${index}].name must be a name of letters, digits, ".", "_" or "-", got ${JSON.stringify(name)}`);
    }
    if (names.has(name)) throw new Error(`tokens[${index}].name "${name}" is used twice; names must be unique`);
    names.add(name);
  });
  const tokens = specs.map(({ name, ...args }) => [name, new LmApiToken(name, args)] as const);
  const summary = (t: LmApiToken) =>
    pulumi.all([t.tokenId, t.adminId, t.adminName, t.type, t.accessId, t.status, t.disabled, t.note]).apply(
      ([tokenId, adminId, adminName, type, accessId, status, disabled, note]) => ({ tokenId, adminId, adminName, type, accessId, status, disabled, note }),
    );
  return {
    tokens: pulumi.all(Object.fromEntries(tokens.map(([name, t]) => [name, summary(t)]))),
    secrets: pulumi.secret(pulumi.all(Object.fromEntries(tokens.map(([name, t]) => [name, pulumi.all([t.accessKey, t.bearerToken]).apply(([k, b]) => (k ?? b) as string)])))),
  };
}

/** Reads `tokens` from the project's stack config and declares them. */
export function bootstrapFromConfig(): BootstrapOutputs {
  const specs = new pulumi.Config().getObject<TokenSpec[]>("tokens") ?? [];
  if (!Array.isArray(specs)) throw new Error("config `tokens` must be a list of tokens, e.g. [{name: ci, username: ci-bot, type: Bearer}]");
  return declareTokens(specs);
}
