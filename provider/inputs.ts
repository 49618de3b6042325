/**
 * Validation and normalisation of LmApiToken inputs (the `check` step). Pure: nothing here talks to
 * LogicMonitor, so bad input is refused before any API call.
 */
import type { TokenType } from "./client";

/** Inputs after check: exactly one of userId / username, defaults filled in. */
export interface TokenInputs {
  userId?: number;
  username?: string;
  note: string;
  disabled: boolean;
  type: TokenType;
}

export interface CheckFailure {
  property: string;
  reason: string;
}

/** The value the engine sends for an input that is not known yet (during preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const isUnknown = (value: unknown): boolean => value === UNKNOWN;

export const INPUT_NAMES = ["userId", "username", "note", "disabled", "type"] as const;
export const TOKEN_TYPES: readonly TokenType[] = ["LMv1", "Bearer"];
/** Keys the host adds; an array, not a Set: module-level Sets do not survive closure serialization. */
const IGNORED = ["__provider"];

/**
 * Checks raw inputs. Returns the normalised inputs (userId as a number, type in its canonical case,
 * defaults for note, disabled and type), and one failure per bad property. Unknown values pass.
 */
export function checkInputs(raw: Record<string, unknown>): { inputs: TokenInputs; failures: CheckFailure[] } {
  const failures: CheckFailure[] = [];
  const fail = (property: string, reason: string) => failures.push({ property, reason });
  const inputs: TokenInputs = { note: "", disabled: false, type: "LMv1" };

  for (const key of Object.keys(raw)) {
    if (!IGNORED.includes(key) && !(INPUT_NAMES as readonly string[]).includes(key) && raw[key] !== undefined) {
      fail(key, `unknown property "${key}"; LmApiToken takes ${INPUT_NAMES.join(", ")}`);
    }
  }

  const { userId, username, note, disabled, type } = raw;
  const hasUserId = userId !== undefined && userId !== null;
  const hasUsername = username !== undefined && username !== null;
  if (hasUserId && hasUsername) {
    fail("userId", "set exactly one of userId or username, not both");
  } else if (!hasUserId && !hasUsername) {
    fail("userId", "missing required property: set userId (a LogicMonitor user id) or username");
  }

  if (hasUserId && isUnknown(userId)) {
    inputs.userId = userId as number;
  } else if (hasUserId) {
    const id = parseUserId(userId);
    if (typeof id === "string") fail("userId", id);
    else inputs.userId = id;
  }
  if (hasUsername) {
    const problem = usernameProblem(username);
    if (problem) fail("username", problem);
    else inputs.username = username as string;
  }
  if (note !== undefined && note !== null) {
    if (typeof note === "string") inputs.note = note;
    else fail("note", `note must be a string, got ${describeValue(note)}`);
  }
  if (disabled !== undefined && disabled !== null) {
    if (typeof disabled === "boolean" || isUnknown(disabled)) inputs.disabled = disabled as boolean;
    else fail("disabled", `disabled must be true or false, got ${describeValue(disabled)}`);
  }
  if (type !== undefined && type !== null) {
    const canonical = isUnknown(type) ? (type as TokenType) : TOKEN_TYPES.find((t) => typeof type === "string" && t.toLowerCase() === type.toLowerCase());
    if (canonical) inputs.type = canonical;
    else fail("type", `type must be "LMv1" or "Bearer", got ${describeValue(type)}`);
  }
  return { inputs, failures };
}

/**
 * The checked inputs, for lifecycle calls that may get raw inputs (a caller driving the provider
 * without the engine's check step); throws, naming each bad property, before any API call.
 */
export function normalizeInputs(raw: object): TokenInputs {
  const { inputs, failures } = checkInputs(raw as Record<string, unknown>);
  if (failures.length) throw new Error(`Invalid LmApiToken inputs: ${failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
  return inputs;
}

/** A user id as a number, or the reason it is not one. */
function parseUserId(value: unknown): number | string {
  if (Array.isArray(value)) {
    return `userId must be a single user id, got a list of ${value.length}; declare one LmApiToken per user`;
  }
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : undefined;
  if (text !== undefined && /^[0-9]+$/.test(text)) {
    const id = Number(text);
    if (id >= 1 && id <= 2_147_483_647) return id;
  }
  return `userId must be a positive whole number (a LogicMonitor user id, e.g. 12345), got ${describeValue(value)}`;
}

function usernameProblem(value: unknown): string | undefined {
  if (isUnknown(value)) return undefined;
  if (typeof value !== "string") return `username must be a string, got ${describeValue(value)}`;
  if (value.trim() === "") return "username must not be empty";
  if (value.includes("*")) return `username must be an exact username; "*" wildcards are not allowed, got "${value}"`;
  if (/["\\]|[\u0000-\u001f]/.test(value)) return `username must not contain double quotes, backslashes or control characters, got ${JSON.stringify(value)}`;
  if (value !== value.trim()) return `username must not start or end with spaces, got ${JSON.stringify(value)}`;
  return undefined;
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "a list";
  return value === null ? "null" : typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}
