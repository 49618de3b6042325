import { strict as assert } from "node:assert";
import { DEFAULT_RETRY_POLICY, rateLimitWaitMs, retryDelayMs } from "../../provider/retry";

const policy = DEFAULT_RETRY_POLICY;

describe("retry policy", () => {
  it("waits out X-Rate-Limit-Window on 429, for any method (nothing was done)", () => {
    const headers = { "x-rate-limit-limit": "5", "x-rate-limit-remaining": "0", "x-rate-limit-window": "7" };
    assert.equal(retryDelayMs(policy, { attempt: 1, method: "POST", status: 429, headers }), 7000);
  });

  it("prefers Retry-After when present", () => {
    assert.equal(retryDelayMs(policy, { attempt: 1, method: "GET", status: 429, headers: { "retry-after": "2", "x-rate-limit-window": "60" } }), 2000);
    assert.equal(rateLimitWaitMs({ "retry-after": new Date(10_000).toUTCString() }, 4_000), 6_000);
  });

  it("gives up on a rate-limit wait longer than the cap", () => {
    assert.equal(retryDelayMs({ ...policy, maxRateLimitWaitMs: 5000 }, { attempt: 1, method: "GET", status: 429, headers: { "x-rate-limit-window": "60" } }), 0);
  });

  it("backs off exponentially on 502/503/504 and network errors for idempotent methods", () => {
    assert.deepEqual(
      [1, 2, 3].map((attempt) => retryDelayMs(policy, { attempt, method: "GET", status: 503 })),
      [1000, 2000, 4000],
    );
    assert.equal(retryDelayMs(policy, { attempt: 1, method: "DELETE", errorCode: "ECONNRESET" }), 1000);
    assert.equal(retryDelayMs(policy, { attempt: 1, method: "PATCH", status: 504 }), 1000);
  });

  it("never retries a POST blindly after a 5xx or a network error", () => {
    assert.equal(retryDelayMs(policy, { attempt: 1, method: "POST", status: 503 }), 0);
    assert.equal(retryDelayMs(policy, { attempt: 1, method: "POST", errorCode: "ECONNRESET" }), 0);
  });

  it("does not retry other 4xx, 500, or beyond the limit", () => {
    for (const status of [400, 401, 403, 404, 500]) assert.equal(retryDelayMs(policy, { attempt: 1, method: "GET", status }), 0);
    assert.equal(retryDelayMs(policy, { attempt: 4, method: "GET", status: 503 }), 0);
  });

  it("caps one backoff", () => {
    assert.equal(retryDelayMs({ ...policy, limit: 10, maxDelayMs: 3000 }, { attempt: 8, method: "GET", status: 503 }), 3000);
  });
});
