/**
 * Retry policy as data, and the pure function that turns a failed attempt into a delay (0: give up).
 * Follows what LogicMonitor asks for (wait out `X-Rate-Limit-Window` on 429) and what its PowerShell
 * module does (exponential backoff on 502/503/504 and network errors, never on other 4xx or 500).
 */

export interface RetryPolicy {
  /** Retries after the first attempt. */
  limit: number;
  /** First backoff for 502/503/504 and network errors; doubles each retry. */
  baseDelayMs: number;
  /** Cap on one backoff. */
  maxDelayMs: number;
  /** Cap on one wait for a rate limit; a longer `Retry-After`/`X-Rate-Limit-Window` gives up instead. */
  maxRateLimitWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  limit: 3,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  maxRateLimitWaitMs: 120_000,
};

/** Methods that are safe to send twice. POST (create) is not: see client.ts for how it recovers. */
export const IDEMPOTENT_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"] as const;
export const TRANSIENT_STATUS_CODES = [502, 503, 504] as const;
export const TRANSIENT_ERROR_CODES = [
  "ETIMEDOUT",
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ENOTFOUND",
  "ENETUNREACH",
  "EAI_AGAIN",
] as const;

export interface FailedAttempt {
  /** 1 for the first retry. */
  attempt: number;
  method: string;
  /** HTTP status, or undefined when no response arrived. */
  status?: number;
  /** Node's error code when no response arrived (ECONNRESET, ...). */
  errorCode?: string;
  /** Response headers, lower-case names. */
  headers?: Record<string, string | string[] | undefined>;
}

/** How long to wait before retrying `failed`, in ms; 0 means do not retry. */
export function retryDelayMs(policy: RetryPolicy, failed: FailedAttempt): number {
  if (failed.attempt > policy.limit) return 0;
  if (failed.status === 429) {
    // A 429 means the request was not processed, so even a POST may be sent again.
    const wait = rateLimitWaitMs(failed.headers ?? {}) ?? backoffMs(policy, failed.attempt);
    return wait <= policy.maxRateLimitWaitMs ? Math.max(wait, 1) : 0;
  }
  if (!(IDEMPOTENT_METHODS as readonly string[]).includes(failed.method.toUpperCase())) return 0;
  const transient =
    (failed.status !== undefined && (TRANSIENT_STATUS_CODES as readonly number[]).includes(failed.status)) ||
    (failed.status === undefined && (TRANSIENT_ERROR_CODES as readonly string[]).includes(failed.errorCode ?? ""));
  return transient ? backoffMs(policy, failed.attempt) : 0;
}

export function backoffMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

/**
 * The wait a 429 response asks for: `Retry-After` (seconds or HTTP date) if present, else the rolling
 * `X-Rate-Limit-Window` (seconds) once `X-Rate-Limit-Remaining` is 0 or absent. Undefined if neither says.
 */
export function rateLimitWaitMs(headers: Record<string, string | string[] | undefined>, now: number = Date.now()): number | undefined {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const retryAfter = header("retry-after");
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const window = Number(header("x-rate-limit-window"));
  const remaining = header("x-rate-limit-remaining");
  if (Number.isFinite(window) && window > 0 && (remaining === undefined || Number(remaining) <= 0)) {
    return window * 1000;
  }
  return undefined;
}
