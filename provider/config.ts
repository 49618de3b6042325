/**
 * Where the provider's endpoint and credentials come from: stack config (`logicmonitor:*`, read in
 * `configure()`), then the environment. Resolved at run time only, never captured into the
 * serialized provider. Pure, given its two sources.
 */

/** The `logicmonitor:*` config keys and their environment variables, in precedence order. */
export const SETTING_SOURCES = {
  company: { config: "logicmonitor:company", env: ["LM_COMPANY"] },
  domain: { config: "logicmonitor:domain", env: ["LM_DOMAIN"] },
  baseUrl: { config: "logicmonitor:baseUrl", env: ["LM_BASE_URL"] },
  accessId: { config: "logicmonitor:accessId", env: ["LM_ACCESS_ID", "LM_API_ID"] },
  accessKey: { config: "logicmonitor:accessKey", env: ["LM_ACCESS_KEY", "LM_API_KEY"] },
  bearerToken: { config: "logicmonitor:bearerToken", env: ["LM_BEARER_TOKEN"] },
} as const;

export type SettingName = keyof typeof SETTING_SOURCES;
export type RawSettings = Partial<Record<SettingName, string>>;

export type Credentials =
  | { kind: "LMv1"; accessId: string; accessKey: string }
  | { kind: "Bearer"; bearerToken: string };

export interface Settings {
  /** e.g. https://acme.logicmonitor.com/santaba/rest, without a trailing slash. */
  baseUrl: string;
  credentials: Credentials;
}

export const DEFAULT_DOMAIN = "logicmonitor.com";

/** Picks each setting from `config(key)` first, then the first environment variable that is set. */
export function collectSettings(
  config: (key: string) => string | undefined,
  env: Record<string, string | undefined>,
): RawSettings {
  const raw: RawSettings = {};
  for (const [name, source] of Object.entries(SETTING_SOURCES) as [SettingName, (typeof SETTING_SOURCES)[SettingName]][]) {
    const value = [config(source.config), ...source.env.map((e) => env[e])].find((v) => v !== undefined && v !== "");
    if (value !== undefined) raw[name] = value;
  }
  return raw;
}

const howToSet = (name: SettingName) =>
  `\`pulumi config set ${SETTING_SOURCES[name].config}${name === "accessKey" || name === "bearerToken" ? " --secret" : ""} ...\` or the environment variable ${SETTING_SOURCES[name].env.join(" / ")}`;

/** Validates raw settings into the endpoint and credentials; throws one error that says how to fix it. */
export function resolveSettings(raw: RawSettings): Settings {
  return { baseUrl: resolveBaseUrl(raw), credentials: resolveCredentials(raw) };
}

function resolveCredentials(raw: RawSettings): Credentials {
  if (raw.accessId && raw.accessKey) return { kind: "LMv1", accessId: raw.accessId, accessKey: raw.accessKey };
  if (raw.accessId || raw.accessKey) {
    const missing: SettingName = raw.accessId ? "accessKey" : "accessId";
    throw new Error(
      `LogicMonitor credentials are half set: ${missing === "accessKey" ? "accessId" : "accessKey"} is set but ${missing} is not. ` +
        `Set ${missing} with ${howToSet(missing)}.`,
    );
  }
  if (raw.bearerToken) return { kind: "Bearer", bearerToken: raw.bearerToken };
  throw new Error(
    "LogicMonitor credentials are missing. Set an LMv1 pair, accessId with " +
      `${howToSet("accessId")} and accessKey with ${howToSet("accessKey")}, ` +
      `or a bearer token with ${howToSet("bearerToken")}.`,
  );
}

// An array, not a Set: module-level Sets do not survive closure serialization.
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]", "::1"];

function resolveBaseUrl(raw: RawSettings): string {
  if (raw.baseUrl) {
    let url: URL;
    try {
      url = new URL(raw.baseUrl);
    } catch {
      throw new Error(`LogicMonitor baseUrl "${raw.baseUrl}" is not a URL; set it to e.g. https://acme.logicmonitor.com/santaba/rest.`);
    }
    const loopback = LOOPBACK_HOSTS.includes(url.hostname) || url.hostname.startsWith("127.");
    if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
      throw new Error(`LogicMonitor baseUrl must use https (plain http is allowed only for loopback addresses such as the emulator's): got ${url.protocol}//${url.host}.`);
    }
    if (url.username || url.password || url.search) {
      throw new Error("LogicMonitor baseUrl must not carry credentials or a query string.");
    }
    return url.toString().replace(/\/+$/, "");
  }
  if (!raw.company) {
    throw new Error(
      `LogicMonitor company is missing. Set it with ${howToSet("company")} (the "acme" of acme.logicmonitor.com), ` +
        `or set a full base URL with ${howToSet("baseUrl")}.`,
    );
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(raw.company)) {
    throw new Error(`LogicMonitor company "${raw.company}" is not a portal name: use letters, digits and "-" only (the "acme" of acme.logicmonitor.com).`);
  }
  const domain = raw.domain ?? DEFAULT_DOMAIN;
  if (!/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(domain)) {
    throw new Error(`LogicMonitor domain "${domain}" is not a domain name: use e.g. ${DEFAULT_DOMAIN} or lmgov.us (GovCloud).`);
  }
  return `https://${raw.company}.${domain}/santaba/rest`;
}
