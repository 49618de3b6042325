/**
 * The HTTP layer: one got instance per endpoint and credential, with `X-Version: 3`, JSON, timeouts,
 * the retry policy of retry.ts and a signing hook; every failure becomes an LmApiError with no secret in it.
 */
import type { Got, NormalizedOptions, Options, RequestError } from "got";
import { bearerAuthorization, lmv1Authorization } from "./auth";
import type { Settings } from "./config";
import { LmApiError, redactHeaders, redactSecrets } from "./errors";
import { DEFAULT_RETRY_POLICY, IDEMPOTENT_METHODS, RetryPolicy, TRANSIENT_ERROR_CODES, retryDelayMs } from "./retry";

export interface HttpOptions {
  /** Overrides of the retry policy (tests shorten the delays). */
  retry?: Partial<RetryPolicy>;
  /** Whole-request timeout per attempt, ms. */
  timeoutMs?: number;
}

export type Query = Record<string, string | number>;

export interface LmHttp {
  /** Sends one request (with retries) and returns the parsed JSON body. */
  request<T>(method: string, path: string, options?: { query?: Query; body?: unknown }): Promise<T>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export function createHttp(settings: Settings, options: HttpOptions = {}): LmHttp {
  // got is ESM-only: loaded here, at run time, so the serialized provider refers to it by name.
  const { got } = require("got") as typeof import("got");
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const basePath = new URL(settings.baseUrl).pathname.replace(/\/+$/, "");
  const credentials = settings.credentials;
  const secrets = credentials.kind === "LMv1" ? [credentials.accessKey] : [credentials.bearerToken];

  const sign = (opts: NormalizedOptions) => {
    const url = opts.url as URL;
    const body = typeof opts.body === "string" ? opts.body : "";
    const path = url.pathname.slice(basePath.length);
    opts.headers.authorization =
      credentials.kind === "LMv1"
        ? lmv1Authorization(credentials, { method: opts.method, path, body })
        : bearerAuthorization(credentials.bearerToken);
  };

  const client: Got = got.extend({
    prefixUrl: settings.baseUrl,
    headers: { "x-version": "3", accept: "application/json", "user-agent": "pulumi-logicmonitor-apitoken" },
    responseType: "json",
    throwHttpErrors: true,
    timeout: { request: options.timeoutMs ?? DEFAULT_TIMEOUT_MS },
    retry: {
      limit: policy.limit,
      methods: [...IDEMPOTENT_METHODS, "POST"],
      statusCodes: [429, 502, 503, 504],
      errorCodes: [...TRANSIENT_ERROR_CODES],
      maxRetryAfter: policy.maxRateLimitWaitMs,
      enforceRetryRules: true,
      calculateDelay: ({ attemptCount, error }) =>
        retryDelayMs(policy, {
          attempt: attemptCount,
          method: error.options.method,
          status: error.response?.statusCode,
          errorCode: error.code,
          headers: error.response?.headers,
        }),
    },
    hooks: { beforeRequest: [sign] },
  });

  return {
    async request<T>(method: string, path: string, { query, body }: { query?: Query; body?: unknown } = {}) {
      const text = body === undefined ? undefined : JSON.stringify(body);
      try {
        const response = await client(path.replace(/^\//, ""), {
          method: method as Options["method"],
          searchParams: query,
          body: text,
          headers: text === undefined ? {} : { "content-type": "application/json" },
        });
        return response.body as T;
      } catch (error) {
        throw toLmApiError(error as RequestError, method, path, secrets);
      }
    },
  };
}

function toLmApiError(error: RequestError, method: string, path: string, secrets: readonly string[]): LmApiError {
  const response = error.response;
  const requestHeaders = error.options?.headers ? redactHeaders(error.options.headers) : undefined;
  if (!response) {
    const reason = [error.code, error.message].filter(Boolean).join(" ");
    return new LmApiError({ method, path, status: 0, errorMessage: redactSecrets(reason, secrets), requestHeaders });
  }
  let body: unknown = response.body;
  if (typeof body === "string") {
    try {
      body = JSON.parse(body);
    } catch {
      // not JSON: keep the text
    }
  }
  const lm = (typeof body === "object" && body !== null ? body : {}) as { errorCode?: unknown; errorMessage?: unknown };
  const errorMessage =
    typeof lm.errorMessage === "string" && lm.errorMessage !== ""
      ? lm.errorMessage
      : typeof body === "string" && body !== ""
        ? body.slice(0, 200)
        : response.statusMessage || "no error message";
  return new LmApiError({
    method,
    path,
    status: response.statusCode,
    errorCode: typeof lm.errorCode === "number" ? lm.errorCode : undefined,
    errorMessage: redactSecrets(errorMessage, secrets),
    requestHeaders,
  });
}
