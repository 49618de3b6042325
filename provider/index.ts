/**
 * The LmApiToken dynamic provider: the Pulumi lifecycle (check, diff, create, read, update, delete)
 * over the LogicMonitor client. Decisions live in the pure modules (inputs, diff, outputs, config).
 *
 * This object is serialized into every LmApiToken's state and run by Pulumi's dynamic-provider host.
 * It therefore holds code only: endpoint and credentials are read at run time in `configure()` (or
 * from the environment) and kept in a per-process slot outside the object, so they can never be
 * captured into the serialized text.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { ApiToken, LmClient, STATUS_DISABLED, STATUS_ENABLED, TokenType } from "./client";
import { collectSettings, resolveSettings } from "./config";
import { diffToken } from "./diff";
import { LmApiError } from "./errors";
import type { HttpOptions } from "./http";
import { checkInputs, normalizeInputs, TokenInputs } from "./inputs";
import { inputsFromOutputs, storedSecret, tokenFromOutputs, TokenOutputs, tokenOutputs } from "./outputs";

interface ProviderRuntime {
  /** Stack config from `configure()`; without it, the environment alone. */
  config?: (key: string) => string | undefined;
  httpOptions?: HttpOptions;
  client?: LmClient;
  /** The settings the client was made from, to notice when they change. */
  clientSettings?: string;
}

/** The per-process slot (see above). Referenced by name at run time, never by value. */
function runtime(): ProviderRuntime {
  const slot = globalThis as unknown as { __lmApiTokenProviderRuntime?: ProviderRuntime };
  return (slot.__lmApiTokenProviderRuntime ??= {});
}

/** Sets the HTTP options (retry delays, timeout) for this process; for tests and benchmarks. */
export function setHttpOptions(options: HttpOptions | undefined): void {
  const state = runtime();
  state.httpOptions = options;
  state.client = undefined;
}

/** The client for the current settings: config from `configure()` first, then the environment. */
function client(): LmClient {
  const state = runtime();
  const raw = collectSettings(state.config ?? (() => undefined), process.env);
  const key = JSON.stringify(raw);
  if (!state.client || state.clientSettings !== key) {
    state.client = LmClient.create(resolveSettings(raw), state.httpOptions);
    state.clientSettings = key;
  }
  return state.client;
}

const statusOf = (disabled: boolean) => (disabled ? STATUS_DISABLED : STATUS_ENABLED);

/** The LogicMonitor user (admin) id the inputs name; a clear error when there is no such user. */
async function resolveAdminId(lm: LmClient, inputs: TokenInputs): Promise<number> {
  if (inputs.userId !== undefined) return inputs.userId;
  const username = inputs.username as string;
  const users = await lm.findUsersByUsername(username);
  if (users.length === 0) {
    throw new Error(`username "${username}": no LogicMonitor user has this username (the match is exact and case-sensitive)`);
  }
  if (users.length > 1) {
    throw new Error(`username "${username}" matches ${users.length} LogicMonitor users (ids ${users.map((u) => u.id).join(", ")}); set userId instead`);
  }
  return users[0].id;
}

/** A 404 while creating by userId means the user does not exist: say so in the input's terms. */
function explainMissingUser(error: unknown, inputs: TokenInputs): unknown {
  if (error instanceof LmApiError && error.status === 404 && inputs.userId !== undefined) {
    return new Error(`userId ${inputs.userId}: no LogicMonitor user has this id (${error.message})`);
  }
  return error;
}

export const provider: dynamic.ResourceProvider<TokenInputs, TokenOutputs> = {
  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    // client() notices the new settings and makes a new client for them.
    runtime().config = (key) => req.config.get(key);
  },

  async check(_olds: TokenInputs, news: TokenInputs): Promise<dynamic.CheckResult<TokenInputs>> {
    const { inputs, failures } = checkInputs(news as unknown as Record<string, unknown>);
    return failures.length ? { inputs: news, failures } : { inputs };
  },

  async diff(_id: string, olds: TokenOutputs, news: TokenInputs): Promise<dynamic.DiffResult> {
    const { changes, replaces, deleteBeforeReplace } = diffToken(olds, normalizeInputs(news));
    return { changes, replaces, deleteBeforeReplace };
  },

  async create(raw: TokenInputs): Promise<dynamic.CreateResult<TokenOutputs>> {
    const inputs = normalizeInputs(raw);
    const lm = client();
    let token: ApiToken;
    try {
      const adminId = await resolveAdminId(lm, inputs);
      token = await lm.createToken(adminId, inputs.type, { note: inputs.note, status: statusOf(inputs.disabled) });
    } catch (error) {
      throw explainMissingUser(error, inputs);
    }
    if (!token.accessKey) {
      // A live token whose secret nobody has is of no use and must not stay behind.
      await lm.deleteToken(token.adminId, token.id);
      throw new Error(`LogicMonitor created token ${token.id} but returned no secret for it; the token was revoked again`);
    }
    return { id: String(token.id), outs: tokenOutputs(inputs, token, token.accessKey) };
  },

  async read(id: string, props?: TokenOutputs): Promise<dynamic.ReadResult<TokenOutputs>> {
    if (!props?.tokenId) {
      // Import sends only an id (pulumi/pulumi#16175): there is no secret to adopt.
      throw new Error(`LmApiToken ${id}: import is not supported; the secret of an existing token cannot be read back from LogicMonitor`);
    }
    const live = await client().findToken(props.type ?? "LMv1", Number(id));
    if (!live) return { id: "", props: {} as TokenOutputs }; // revoked outside Pulumi: drop it from state
    return { id, props: tokenOutputs(inputsFromOutputs(props), live, storedSecret(props)) };
  },

  async update(id: string, olds: TokenOutputs, raw: TokenInputs): Promise<dynamic.UpdateResult<TokenOutputs>> {
    const news = normalizeInputs(raw);
    const { updates } = diffToken(olds, news);
    const patch: { note?: string; status?: number } = {};
    if (updates.includes("note")) patch.note = news.note;
    if (updates.includes("disabled")) patch.status = statusOf(news.disabled);
    let token = tokenFromOutputs(olds);
    if (Object.keys(patch).length > 0) {
      const patched = await client().patchToken(olds.adminId, Number(id), patch);
      token = { ...token, ...withoutSecret(patched) };
    }
    return { outs: tokenOutputs(news, token, storedSecret(olds)) };
  },

  async delete(id: string, props: TokenOutputs): Promise<void> {
    await client().deleteToken(props.adminId, Number(id));
  },
};

/** LogicMonitor answers PATCH with the masked secret; it must never replace the stored one. */
function withoutSecret(token: ApiToken): Partial<ApiToken> {
  const { accessKey: _masked, ...rest } = token;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== null));
}

export type { TokenInputs, TokenOutputs, TokenType };
