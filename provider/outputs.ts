/**
 * The outputs a token resource records: the inputs as given, then what LogicMonitor reports, then the
 * secret. Pure. Everything here must be plain JSON: no undefined (pulumi/pulumi#2205), Date or Output.
 */
import type { ApiToken, TokenType } from "./client";
import { STATUS_DISABLED } from "./client";
import type { TokenInputs } from "./inputs";

export interface TokenOutputs {
  userId?: number;
  username?: string;
  note: string;
  disabled: boolean;
  type: TokenType;
  tokenId: number;
  adminId: number;
  adminName?: string;
  /** 1 = disabled, 2 = enabled, as LogicMonitor reports it. */
  status: number;
  accessId?: string;
  roles?: string[];
  createdOn?: number;
  lastUsedOn?: number;
  createdBy?: string;
  /** The LMv1 access key (secret). */
  accessKey?: string;
  /** The bearer token (secret). */
  bearerToken?: string;
}

/** Keys whose values are secrets: kept encrypted in state via `additionalSecretOutputs`. */
export const SECRET_OUTPUTS = ["accessKey", "bearerToken"] as const;

/** Every output key, for the SDK's declared outputs. */
export const OUTPUT_NAMES = [
  "tokenId", "adminId", "adminName", "status", "accessId", "roles",
  "createdOn", "lastUsedOn", "createdBy", ...SECRET_OUTPUTS,
] as const;

/**
 * Outputs from the inputs and a token as LogicMonitor returned it. `secret` is the full secret when it
 * is known (the create response); otherwise the caller carries the stored one forward.
 */
export function tokenOutputs(inputs: TokenInputs, token: ApiToken, secret?: string): TokenOutputs {
  const outs: TokenOutputs = {
    ...(inputs.userId !== undefined ? { userId: inputs.userId } : {}),
    ...(inputs.username !== undefined ? { username: inputs.username } : {}),
    note: token.note ?? inputs.note,
    disabled: token.status === STATUS_DISABLED,
    type: inputs.type,
    tokenId: token.id,
    adminId: token.adminId,
    status: token.status,
  };
  const optional = { adminName: token.adminName, accessId: token.accessId, roles: token.roles, createdOn: token.createdOn, lastUsedOn: token.lastUsedOn, createdBy: token.createdBy };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined && value !== null) (outs as unknown as Record<string, unknown>)[key] = value;
  }
  if (secret !== undefined) outs[inputs.type === "Bearer" ? "bearerToken" : "accessKey"] = secret;
  return outs;
}

/** The stored secret of `outs`, whichever kind it is. */
export function storedSecret(outs: Partial<TokenOutputs>): string | undefined {
  return outs.accessKey ?? outs.bearerToken;
}

/** The inputs as recorded in outputs, for when only outputs are at hand (read, delete). */
export function inputsFromOutputs(outs: TokenOutputs): TokenInputs {
  return {
    ...(outs.userId !== undefined ? { userId: outs.userId } : {}),
    ...(outs.username !== undefined ? { username: outs.username } : {}),
    note: outs.note ?? "",
    disabled: outs.disabled ?? false,
    type: outs.type ?? "LMv1",
  };
}

/** The token as last recorded, to merge a partial LogicMonitor answer into. */
export function tokenFromOutputs(outs: TokenOutputs): ApiToken {
  return {
    id: outs.tokenId,
    adminId: outs.adminId,
    adminName: outs.adminName,
    accessId: outs.accessId,
    status: outs.status,
    note: outs.note,
    roles: outs.roles,
    createdOn: outs.createdOn,
    lastUsedOn: outs.lastUsedOn,
    createdBy: outs.createdBy,
  };
}
