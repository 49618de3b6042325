/**
 * LogicMonitor request authentication: the LMv1 HMAC signature and the Bearer header.
 * Pure functions; the emulator verifies with the same recipe, and the fixed test vectors in
 * tests/unit/auth.spec.ts (and LogicMonitor's own Python SDK in tests/conformance) keep both honest.
 */
import { createHmac } from "node:crypto";

/**
 * The LMv1 signature: HMAC-SHA256 over `VERB + epochMs + body + path`, keyed with the access key,
 * as lowercase hex, then base64 of that hex text. `path` is below `/santaba/rest`, without the query;
 * `body` is the exact text sent ("" when there is none: GET and DELETE sign no body).
 */
export function lmv1Signature(accessKey: string, method: string, epochMs: string, body: string, path: string): string {
  const hex = createHmac("sha256", accessKey)
    .update(method.toUpperCase() + epochMs + body + path)
    .digest("hex");
  return Buffer.from(hex, "utf8").toString("base64");
}

/** The `Authorization` header value `LMv1 {accessId}:{signature}:{epochMs}`. */
export function lmv1Authorization(
  credentials: { accessId: string; accessKey: string },
  request: { method: string; path: string; body: string },
  epochMs: number = Date.now(),
): string {
  const epoch = String(epochMs);
  const signature = lmv1Signature(credentials.accessKey, request.method, epoch, request.body, request.path);
  return `LMv1 ${credentials.accessId}:${signature}:${epoch}`;
}

/** The `Authorization` header value for a bearer token (API v3 only). */
export function bearerAuthorization(bearerToken: string): string {
  return `Bearer ${bearerToken}`;
}
