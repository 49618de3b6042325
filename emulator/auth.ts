/**
 * Who is calling: verifies the LMv1 signature (or the bearer token) of a request against the tokens
 * in the store, as LogicMonitor does. Disabled or deleted tokens, bad signatures and epochs more than
 * `maxSkewMs` from the server's clock are refused.
 */
import { timingSafeEqual } from "node:crypto";
import { lmv1Signature } from "../provider/auth";
import type { Store, StoredToken, User } from "./store";

export interface Caller {
  token: StoredToken;
  user: User;
}

export interface SignedRequest {
  method: string;
  /** Path below /santaba/rest, without the query. */
  path: string;
  body: string;
  authorization: string | undefined;
  apiVersion: number;
}

export type AuthResult = { ok: true; caller: Caller } | { ok: false; reason: string };

const LMV1 = /^LMv1 ([^:\s]+):([^:\s]+):(\d+)$/;

export function authenticate(store: Store, request: SignedRequest, nowMs: number, maxSkewMs: number): AuthResult {
  const header = request.authorization?.trim();
  if (!header) return { ok: false, reason: "Authentication failed: no Authorization header" };
  let token: StoredToken | undefined;
  if (header.startsWith("Bearer ")) {
    if (request.apiVersion !== 3) return { ok: false, reason: "Authentication failed: bearer tokens need API version 3" };
    token = store.tokenByBearer(header.slice("Bearer ".length).trim());
  } else {
    const match = LMV1.exec(header);
    if (!match) return { ok: false, reason: "Authentication failed: malformed Authorization header" };
    const [, accessId, signature, epoch] = match;
    token = store.tokenByAccessId(accessId);
    if (token) {
      if (Math.abs(nowMs - Number(epoch)) > maxSkewMs) return { ok: false, reason: "Authentication failed: request timestamp is too far from server time" };
      const expected = lmv1Signature(token.accessKey, request.method, epoch, request.body, request.path);
      if (!safeEqual(expected, signature)) return { ok: false, reason: "Authentication failed" };
    }
  }
  const user = token && store.users.get(token.adminId);
  if (!token || !user) return { ok: false, reason: "Authentication failed" };
  if (token.status !== 2) return { ok: false, reason: "Authentication failed: the API token is disabled" };
  if (user.status !== "active") return { ok: false, reason: "Authentication failed: the user is suspended" };
  return { ok: true, caller: { token, user } };
}

function safeEqual(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}
