/**
 * Per-endpoint, per-method rolling-window rate limits, account-wide as LogicMonitor applies them,
 * announced with `X-Rate-Limit-Limit`, `X-Rate-Limit-Remaining` and `X-Rate-Limit-Window` (seconds).
 */

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

export class RateLimiter {
  private readonly limits = new Map<string, RateLimit>();
  private readonly hits = new Map<string, number[]>();

  /** `route` is "METHOD /path/{template}", e.g. "POST /setting/admins/{id}/apitokens"; undefined lifts it. */
  set(route: string, limit: RateLimit | undefined): void {
    if (limit) this.limits.set(route, limit);
    else this.limits.delete(route);
    this.hits.delete(route);
  }

  /** Counts one request to `route` at `nowMs` if it fits in the window. */
  take(route: string, nowMs: number): RateDecision {
    const limit = this.limits.get(route);
    if (!limit) return { allowed: true, headers: {} };
    const since = nowMs - limit.windowSeconds * 1000;
    const recent = (this.hits.get(route) ?? []).filter((t) => t > since);
    const allowed = recent.length < limit.limit;
    if (allowed) recent.push(nowMs);
    this.hits.set(route, recent);
    return {
      allowed,
      headers: {
        "X-Rate-Limit-Limit": String(limit.limit),
        "X-Rate-Limit-Remaining": String(Math.max(0, limit.limit - recent.length)),
        "X-Rate-Limit-Window": String(limit.windowSeconds),
      },
    };
  }
}

/** Parses the CLI form `METHOD /route=LIMIT/WINDOW_SECONDS`, e.g. `POST /setting/admins/{id}/apitokens=5/60`. */
export function parseRateLimit(spec: string): [string, RateLimit] {
  const match = /^([A-Z]+ \/\S*)=(\d+)\/(\d+)$/.exec(spec.trim());
  if (!match) throw new Error(`--rate-limit "${spec}": expected METHOD /route=LIMIT/WINDOW_SECONDS, e.g. "POST /setting/admins/{id}/apitokens=5/60"`);
  return [match[1], { limit: Number(match[2]), windowSeconds: Number(match[3]) }];
}
