/**
 * Errors from the LogicMonitor API, shaped to read well in `pulumi up` output and to carry no secret.
 */

/** A stable code per HTTP status, like got's `ERR_NON_2XX_3XX_RESPONSE`. */
const CODES: Record<number, string> = {
  400: "ERR_LM_BAD_REQUEST",
  401: "ERR_LM_AUTHENTICATION_FAILED",
  403: "ERR_LM_PERMISSION_DENIED",
  404: "ERR_LM_NOT_FOUND",
  409: "ERR_LM_ALREADY_EXISTS",
  412: "ERR_LM_TWO_FACTOR_REQUIRED",
  413: "ERR_LM_TOO_LARGE",
  429: "ERR_LM_RATE_LIMITED",
};

export interface LmApiErrorDetails {
  /** HTTP method of the failed request. */
  method: string;
  /** Path below the REST base URL, without the query string. */
  path: string;
  /** HTTP status, or 0 when no response arrived (network error, timeout). */
  status: number;
  /** LogicMonitor's `errorCode` (1000 + status), when the body carried one. */
  errorCode?: number;
  /** LogicMonitor's `errorMessage`, or the network error's message. */
  errorMessage: string;
  /** Request headers, with credentials replaced by `[REDACTED]`. */
  requestHeaders?: Record<string, string>;
}

/** A failed LogicMonitor API call. */
export class LmApiError extends Error {
  /** Stable code, e.g. `ERR_LM_NOT_FOUND`; `ERR_LM_NETWORK` when no response arrived. */
  readonly code: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly errorCode?: number;
  readonly errorMessage: string;
  readonly requestHeaders?: Record<string, string>;

  constructor(details: LmApiErrorDetails) {
    const message = summarize(details);
    super(message);
    // Set by hand: Pulumi's closure serializer turns this class into a plain function whose
    // `Error.call(this, ...)` sets neither, and drops class-field initialisers.
    this.name = "LmApiError";
    this.message = message;
    Error.captureStackTrace?.(this, LmApiError);
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.errorMessage = details.errorMessage;
    this.requestHeaders = details.requestHeaders;
    this.code = details.status === 0 ? "ERR_LM_NETWORK" : (CODES[details.status] ?? (details.status >= 500 ? "ERR_LM_SERVER" : "ERR_LM_HTTP"));
  }
}

function summarize(d: LmApiErrorDetails): string {
  const what = `LogicMonitor API ${d.method} ${d.path}`;
  if (d.status === 0) return `${what} failed: no response (${d.errorMessage})`;
  const code = d.errorCode === undefined ? "" : ` (errorCode ${d.errorCode})`;
  return `${what} failed with HTTP ${d.status}${code}: ${d.errorMessage}`;
}

// An array, not a Set: module-level Sets do not survive closure serialization.
const SECRET_HEADERS = ["authorization", "cookie", "x-api-key"];

/** A copy of `headers` with credential headers redacted; the scheme (`LMv1`, `Bearer`) is kept for diagnosis. */
export function redactHeaders(headers: Record<string, unknown>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = String(value);
    copy[name] = SECRET_HEADERS.includes(name.toLowerCase()) ? `${text.split(" ")[0]} [REDACTED]` : text;
  }
  return copy;
}

/** Replaces every occurrence of each secret (and of its 20-character prefix, which masked lists show) in `text`. */
export function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
  let result = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 8) continue;
    result = result.split(secret).join("[REDACTED]");
    if (secret.length > 20) result = result.split(secret.slice(0, 20)).join("[REDACTED]");
  }
  return result;
}
