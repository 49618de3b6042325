/**
 * A local LogicMonitor: the REST API v3 surface for users (admins) and API tokens, on loopback.
 * Real HTTP, real LMv1/bearer authentication, LogicMonitor's error bodies, paging, filters, rate
 * limits, a request log (no secrets in it) and scripted faults.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { authenticate, Caller } from "./auth";
import { Fault, FaultQueue } from "./faults";
import { FilterError, parseFilter } from "./filter";
import { RateLimit, RateLimiter } from "./ratelimit";
import { canManageUsers, ROLES, Store, StoredToken, TokenType, User } from "./store";

export const BASE_PATH = "/santaba/rest";
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;
const DEFAULT_MAX_SKEW_MS = 30 * 60 * 1000;

export interface EmulatorOptions {
  host?: string;
  port?: number;
  /** Users to create; the default is a small team (see DEFAULT_USERS). */
  users?: (Partial<User> & { username: string })[];
  /** The seeded credential: an LMv1 token of the first user (an administrator). Random when not given. */
  adminAccessId?: string;
  adminAccessKey?: string;
  rateLimits?: Record<string, RateLimit>;
  /** Largest accepted distance between an LMv1 epoch and the server clock. */
  maxSkewMs?: number;
  /** Added to the server clock, to simulate a portal whose clock is off. */
  clockOffsetMs?: number;
}

export interface LoggedRequest {
  method: string;
  /** Path below /santaba/rest. */
  path: string;
  /** "METHOD /route/{template}", or "" when no route matched. */
  route: string;
  query: Record<string, string>;
  /** The parsed JSON body of writes. */
  body?: unknown;
  status: number;
  /** Access id of the calling token, or "bearer:<token id>"; never a secret. */
  caller?: string;
  /** Set when a scripted fault took this request. */
  fault?: string;
}

export interface Emulator {
  /** e.g. http://127.0.0.1:40123/santaba/rest */
  readonly baseUrl: string;
  /** The seeded administrator credential. */
  readonly admin: { id: number; username: string; accessId: string; accessKey: string };
  readonly store: Store;
  /** Every request, in order of arrival. */
  readonly requests: LoggedRequest[];
  fault(fault: Fault): void;
  setRateLimit(route: string, limit: RateLimit | undefined): void;
  close(): Promise<void>;
}

export const DEFAULT_USERS: (Partial<User> & { username: string })[] = [
  { username: "lmapi-admin", roles: [ROLES.administrator], firstName: "API", lastName: "Admin" },
  { username: "ci-bot", roles: [ROLES.manager], firstName: "CI", lastName: "Bot" },
  { username: "john.doe", roles: [ROLES.readonly], firstName: "John", lastName: "Doe" },
  { username: "jane.roe", roles: [ROLES.manager], firstName: "Jane", lastName: "Roe" },
];

class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

type Handler = (ctx: Context) => unknown;
interface Context {
  params: number[];
  query: URLSearchParams;
  body: unknown;
  caller: Caller;
}
interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  write: boolean;
  handle: Handler;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const store = new Store();
  for (const user of options.users ?? DEFAULT_USERS) store.addUser(user);
  const now = () => Date.now() + (options.clockOffsetMs ?? 0);
  const seconds = () => Math.floor(now() / 1000);
  const first = [...store.users.values()][0];
  if (!first) throw new Error("the emulator needs at least one user for its seeded credential");
  const seeded = store.addToken(
    { adminId: first.id, type: "LMv1", createdBy: "system", note: "emulator seed", accessId: options.adminAccessId, accessKey: options.adminAccessKey },
    seconds(),
  );
  const requests: LoggedRequest[] = [];
  const faults = new FaultQueue();
  const limiter = new RateLimiter();
  for (const [route, limit] of Object.entries(options.rateLimits ?? {})) limiter.set(route, limit);

  const routes = buildRoutes(store, seconds);
  const sockets = new Set<Socket>();

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://emulator");
    const path = url.pathname.startsWith(BASE_PATH) ? url.pathname.slice(BASE_PATH.length) : url.pathname;
    const query = Object.fromEntries(url.searchParams);
    const entry: LoggedRequest = { method: req.method ?? "GET", path, route: "", query, status: 0 };
    requests.push(entry);
    const rawBody = await readBody(req);
    const apiVersion = Number(req.headers["x-version"] ?? url.searchParams.get("v") ?? 1);
    const headers: Record<string, string> = {};
    const send = (status: number, payload: unknown) => {
      entry.status = status;
      respond(res, status, payload, apiVersion, headers);
    };
    try {
      if (!url.pathname.startsWith(BASE_PATH + "/")) throw new ApiError(404, `No such resource: ${url.pathname}`);
      const match = matchRoute(routes, entry.method, path);
      entry.route = match.route.method + " " + match.route.template;

      const fault = faults.take(entry.route);
      if (fault) entry.fault = JSON.stringify(fault);
      if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault?.drop === "before") return void dropConnection(req, entry);
      if (fault?.status) throw new ApiError(fault.status, statusText(fault.status));

      const rate = limiter.take(entry.route, now());
      Object.assign(headers, rate.headers);
      if (!rate.allowed) throw new ApiError(429, "Too many requests: the rate limit of this endpoint is exceeded");

      const auth = authenticate(store, { method: entry.method, path, body: rawBody, authorization: req.headers.authorization, apiVersion }, now(), options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS);
      if (!auth.ok) throw new ApiError(401, auth.reason);
      const caller = auth.caller;
      entry.caller = caller.token.type === "Bearer" ? `bearer:${caller.token.id}` : caller.token.accessId;
      caller.token.lastUsedOn = seconds();
      caller.token.lastAuthIp = req.socket.remoteAddress ?? "";

      if (match.route.write && !canManageUsers(caller.user)) {
        throw new ApiError(403, "Permission denied: this needs the User Access Manage permission");
      }
      const body = parseBody(rawBody, match.route.method);
      if (body !== undefined) entry.body = body;
      const result = match.route.handle({ params: match.params, query: url.searchParams, body, caller });
      if (fault?.drop === "after") return void dropConnection(req, entry);
      send(200, result);
    } catch (error) {
      if (error instanceof ApiError) send(error.status, { errorMessage: error.message, errorCode: 1000 + error.status, errorDetail: null });
      else if (error instanceof FilterError) send(400, { errorMessage: error.message, errorCode: 1400, errorDetail: null });
      else send(500, { errorMessage: "Internal error", errorCode: 1500, errorDetail: null });
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    baseUrl: `http://${host}:${address.port}${BASE_PATH}`,
    admin: { id: first.id, username: first.username, accessId: seeded.accessId, accessKey: seeded.accessKey },
    store,
    requests,
    fault: (fault) => faults.add(fault),
    setRateLimit: (route, limit) => limiter.set(route, limit),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function buildRoutes(store: Store, seconds: () => number): Route[] {
  const route = (method: string, template: string, write: boolean, handle: Handler): Route => ({
    method,
    template,
    write,
    handle,
    pattern: new RegExp("^" + template.replace(/\{[a-zA-Z]+\}/g, "([^/]+)") + "/?$"),
  });
  const userOf = (id: number) => {
    const user = store.users.get(id);
    if (!user) throw new ApiError(404, `No such user: ${id}`);
    return user;
  };
  const tokenOf = (adminId: number, tokenId: number) => {
    userOf(adminId);
    const token = store.tokens.get(tokenId);
    if (!token || token.adminId !== adminId) throw new ApiError(404, `No such API token: ${tokenId}`);
    return token;
  };
  const listTokens = (ctx: Context, adminId?: number) => {
    const type: TokenType = ctx.query.get("type")?.toLowerCase() === "bearer" ? "Bearer" : "LMv1";
    const tokens = [...store.tokens.values()].filter((t) => t.type === type && (adminId === undefined || t.adminId === adminId));
    return paginate(tokens.map((t) => store.present(t)), ctx.query);
  };
  const update = (ctx: Context, replace: boolean) => {
    const token = tokenOf(ctx.params[0], ctx.params[1]);
    const fields = tokenFields(ctx.body);
    if (replace) {
      // PUT replaces: an omitted status falls back to its default, enabled (LogicMonitor's v1 docs).
      token.status = fields.status ?? 2;
      token.note = fields.note ?? token.note;
    } else {
      if (fields.status !== undefined) token.status = fields.status;
      if (fields.note !== undefined) token.note = fields.note;
    }
    return store.present(token);
  };
  return [
    route("GET", "/setting/admins", false, (ctx) => paginate([...store.users.values()].map((u) => store.presentUser(u)), ctx.query)),
    route("GET", "/setting/admins/apitokens", false, (ctx) => listTokens(ctx)),
    route("GET", "/setting/admins/{id}", false, (ctx) => store.presentUser(userOf(ctx.params[0]))),
    route("GET", "/setting/admins/{id}/apitokens", false, (ctx) => listTokens(ctx, userOf(ctx.params[0]).id)),
    route("POST", "/setting/admins/{id}/apitokens", true, (ctx) => {
      const user = userOf(ctx.params[0]);
      const fields = tokenFields(ctx.body);
      const type: TokenType = ctx.query.get("type")?.toLowerCase() === "bearer" ? "Bearer" : "LMv1";
      const token = store.addToken({ adminId: user.id, type, status: fields.status ?? 2, note: fields.note ?? "", createdBy: ctx.caller.user.username }, seconds());
      return store.present(token, true);
    }),
    route("PATCH", "/setting/admins/{id}/apitokens/{tokenId}", true, (ctx) => update(ctx, false)),
    route("PUT", "/setting/admins/{id}/apitokens/{tokenId}", true, (ctx) => update(ctx, true)),
    route("DELETE", "/setting/admins/{id}/apitokens/{tokenId}", true, (ctx) => {
      const token = tokenOf(ctx.params[0], ctx.params[1]);
      store.tokens.delete(token.id);
      return {};
    }),
  ];
}

function matchRoute(routes: Route[], method: string, path: string): { route: Route; params: number[] } {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const params = match.slice(1).map((p) => {
      if (!/^\d+$/.test(p)) throw new ApiError(400, `Invalid id: ${p}`);
      return Number(p);
    });
    return { route, params };
  }
  if (pathMatched) throw new ApiError(405, `Method ${method} is not allowed on ${path}`);
  throw new ApiError(404, `No such resource: ${path}`);
}

/** The writable APIToken fields of a POST/PATCH/PUT body; read-only fields are ignored as LogicMonitor does. */
function tokenFields(body: unknown): { note?: string; status?: 1 | 2 } {
  const fields = body as { note?: unknown; status?: unknown };
  if (fields.note !== undefined && fields.note !== null && typeof fields.note !== "string") throw new ApiError(400, "Invalid note: must be a string");
  if (fields.status !== undefined && fields.status !== null && fields.status !== 1 && fields.status !== 2) {
    throw new ApiError(400, "Invalid status: must be 1 (disabled) or 2 (enabled)");
  }
  return { note: (fields.note ?? undefined) as string | undefined, status: (fields.status ?? undefined) as 1 | 2 | undefined };
}

function parseBody(raw: string, method: string): unknown {
  if (method !== "POST" && method !== "PATCH" && method !== "PUT") return undefined;
  if (raw.trim() === "") throw new ApiError(400, "Request body is required: send at least {}");
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new ApiError(400, "Request body is not valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ApiError(400, "Request body must be a JSON object");
  return body;
}

/** `filter`, `sort`, `fields`, `size` (default 50, at most 1000; -1 means the most) and `offset`. */
function paginate(items: Record<string, unknown>[], query: URLSearchParams): Record<string, unknown> {
  const filter = query.get("filter");
  let selected = filter ? items.filter(parseFilter(filter)) : items;
  const sort = query.get("sort");
  if (sort) {
    const descending = sort.startsWith("-");
    const field = sort.replace(/^[+-]/, "");
    selected = [...selected].sort((a, b) => {
      const [x, y] = [a[field], b[field]] as [number | string, number | string];
      return (x < y ? -1 : x > y ? 1 : 0) * (descending ? -1 : 1);
    });
  }
  const sizeText = query.get("size");
  const size = sizeText === null ? DEFAULT_PAGE_SIZE : Number(sizeText);
  const offset = Number(query.get("offset") ?? 0);
  if (!Number.isInteger(size) || size < -1) throw new ApiError(400, `Invalid size: ${sizeText}`);
  if (!Number.isInteger(offset) || offset < 0) throw new ApiError(400, `Invalid offset: ${query.get("offset")}`);
  const pageSize = size <= 0 ? MAX_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
  const fields = query.get("fields")?.split(",").map((f) => f.trim()).filter(Boolean);
  const page = selected.slice(offset, offset + pageSize).map((item) => (fields ? Object.fromEntries(fields.filter((f) => f in item).map((f) => [f, item[f]])) : item));
  return { total: selected.length, searchId: null, items: page };
}

function respond(res: ServerResponse, status: number, payload: unknown, apiVersion: number, headers: Record<string, string>): void {
  // Without X-Version: 3, LogicMonitor answers in the oldest format: HTTP 200 and a {status, errmsg, data} wrapper.
  const legacy = apiVersion !== 3;
  const body = legacy
    ? { status, errmsg: status === 200 ? "OK" : (payload as { errorMessage?: string }).errorMessage, data: status === 200 ? payload : null }
    : payload;
  res.writeHead(legacy ? 200 : status, { ...headers, "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function dropConnection(req: IncomingMessage, entry: LoggedRequest): void {
  entry.status = 0;
  req.socket.destroy();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function statusText(status: number): string {
  const texts: Record<number, string> = { 400: "Bad request", 401: "Authentication failed", 403: "Permission denied", 404: "No such resource", 429: "Too many requests", 500: "Internal error", 502: "Bad gateway", 503: "Service unavailable", 504: "Gateway timeout" };
  return texts[status] ?? `HTTP ${status}`;
}

export type { Fault, RateLimit, StoredToken };
