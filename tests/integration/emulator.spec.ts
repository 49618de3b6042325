import { strict as assert } from "node:assert";
import { lmv1Authorization } from "../../provider/auth";
import { startEmulator } from "../../emulator";
import { useEmulator } from "../helpers/emulator";
import type { Emulator } from "../../emulator";

/** A raw request, signed as a client would, with full control of headers. */
async function raw(emulator: Emulator, method: string, path: string, options: { body?: string; version?: string | null; epoch?: number; key?: string; authorization?: string; query?: string } = {}) {
  const body = options.body ?? "";
  const headers: Record<string, string> = {
    authorization: options.authorization ?? lmv1Authorization({ accessId: emulator.admin.accessId, accessKey: options.key ?? emulator.admin.accessKey }, { method, path, body }, options.epoch),
  };
  if (options.version !== null) headers["X-version"] = options.version ?? "3";
  if (body) headers["content-type"] = "application/json";
  const response = await fetch(`${emulator.baseUrl}${path}${options.query ?? ""}`, { method, headers, body: body || undefined });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

describe("emulator fidelity", () => {
  const emulator = useEmulator();

  it("answers errors with LogicMonitor's body, errorCode = 1000 + status", async () => {
    const response = await raw(emulator(), "GET", "/setting/admins/999");
    assert.equal(response.status, 404);
    assert.deepEqual(response.body, { errorMessage: "No such user: 999", errorCode: 1404, errorDetail: null });
  });

  it("matches the X-Version header case-insensitively and falls back to the v1 wrapper without it", async () => {
    const v3 = await raw(emulator(), "GET", "/setting/admins/1");
    assert.equal(v3.body.username, "lmapi-admin");
    const legacy = await raw(emulator(), "GET", "/setting/admins/1", { version: null });
    assert.equal(legacy.status, 200);
    assert.equal(legacy.body.status, 200);
    assert.equal(legacy.body.data.username, "lmapi-admin");
    const viaQuery = await raw(emulator(), "GET", "/setting/admins/1", { version: null, query: "?v=3" });
    assert.equal(viaQuery.body.username, "lmapi-admin");
  });

  it("refuses a bad signature, an unknown access id, and an epoch 31 minutes off with 401/1401", async () => {
    assert.equal((await raw(emulator(), "GET", "/setting/admins/1", { key: "not-the-key" })).body.errorCode, 1401);
    assert.equal((await raw(emulator(), "GET", "/setting/admins/1", { authorization: "LMv1 nope:c2ln:1" })).status, 401);
    const stale = await raw(emulator(), "GET", "/setting/admins/1", { epoch: Date.now() - 31 * 60 * 1000 });
    assert.equal(stale.status, 401);
    assert.match(stale.body.errorMessage, /timestamp/);
    assert.equal((await raw(emulator(), "GET", "/setting/admins/1", { epoch: Date.now() - 29 * 60 * 1000 })).status, 200);
  });

  it("verifies the signature over the exact body bytes", async () => {
    const body = '{"note":"x","status":2}';
    const signed = lmv1Authorization(emulator().admin, { method: "POST", path: "/setting/admins/2/apitokens", body: body + " " });
    assert.equal((await raw(emulator(), "POST", "/setting/admins/2/apitokens", { body, authorization: signed })).status, 401);
    assert.equal((await raw(emulator(), "POST", "/setting/admins/2/apitokens", { body })).status, 200);
  });

  it("accepts bearer tokens only with API v3", async () => {
    const bearer = emulator().store.addToken({ adminId: 1, type: "Bearer", createdBy: "t" }, 0);
    const authorization = `Bearer ${bearer.accessKey}`;
    assert.equal((await raw(emulator(), "GET", "/setting/admins/1", { authorization })).status, 200);
    assert.equal((await raw(emulator(), "GET", "/setting/admins/1", { authorization, version: null })).body.status, 401);
  });

  it("shows a secret in full only in the create response, masked elsewhere (bearer keeps a 20-character prefix)", async () => {
    const created = await raw(emulator(), "POST", "/setting/admins/2/apitokens", { body: "{}", query: "?type=bearer" });
    const full = created.body.accessKey as string;
    assert.match(full, /^lmb_/);
    const listed = await raw(emulator(), "GET", "/setting/admins/2/apitokens", { query: "?type=bearer" });
    assert.equal(listed.body.items[0].accessKey, full.slice(0, 20) + "*".repeat(full.length - 20));
    const patched = await raw(emulator(), "PATCH", `/setting/admins/2/apitokens/${created.body.id}`, { body: '{"note":"n"}' });
    assert.ok(!patched.body.accessKey.includes(full.slice(20)));
  });

  it("lists LMv1 tokens without type and bearer tokens with type=bearer; POST needs a body", async () => {
    assert.equal((await raw(emulator(), "POST", "/setting/admins/2/apitokens")).status, 400);
    await raw(emulator(), "POST", "/setting/admins/2/apitokens", { body: "{}" });
    await raw(emulator(), "POST", "/setting/admins/2/apitokens", { body: "{}", query: "?type=bearer" });
    const lmv1 = await raw(emulator(), "GET", "/setting/admins/apitokens");
    const bearer = await raw(emulator(), "GET", "/setting/admins/apitokens", { query: "?type=bearer" });
    assert.deepEqual([lmv1.body.total, bearer.body.total], [2, 1]); // the seeded token and the new one
  });

  it("validates status and makes a PUT without status re-enable the token", async () => {
    const created = await raw(emulator(), "POST", "/setting/admins/2/apitokens", { body: '{"status":1}' });
    assert.equal(created.body.status, 1);
    assert.equal((await raw(emulator(), "PATCH", `/setting/admins/2/apitokens/${created.body.id}`, { body: '{"status":3}' })).body.errorCode, 1400);
    const put = await raw(emulator(), "PUT", `/setting/admins/2/apitokens/${created.body.id}`, { body: '{"note":"put"}' });
    assert.deepEqual([put.body.status, put.body.note], [2, "put"]);
  });

  it("filters by id and accessId, pages with size and offset", async () => {
    for (let i = 0; i < 5; i++) await raw(emulator(), "POST", "/setting/admins/2/apitokens", { body: `{"note":"t${i}"}` });
    const third = [...emulator().store.tokens.values()][3];
    const byId = await raw(emulator(), "GET", "/setting/admins/apitokens", { query: `?filter=id:${third.id}` });
    assert.deepEqual(byId.body.items.map((t: { id: number }) => t.id), [third.id]);
    const byAccessId = await raw(emulator(), "GET", "/setting/admins/2/apitokens", { query: `?filter=accessId:"${third.accessId}"` });
    assert.equal(byAccessId.body.items[0].note, third.note);
    const page = await raw(emulator(), "GET", "/setting/admins/2/apitokens", { query: "?size=2&offset=2&sort=-id" });
    assert.deepEqual([page.body.total, page.body.items.length], [5, 2]);
  });

  it("announces rate limits with X-Rate-Limit-* headers and answers 429 past the limit", async () => {
    emulator().setRateLimit("GET /setting/admins", { limit: 2, windowSeconds: 60 });
    const first = await raw(emulator(), "GET", "/setting/admins");
    assert.deepEqual(["limit", "remaining", "window"].map((h) => first.headers.get(`x-rate-limit-${h}`)), ["2", "1", "60"]);
    await raw(emulator(), "GET", "/setting/admins");
    const third = await raw(emulator(), "GET", "/setting/admins");
    assert.equal(third.status, 429);
    assert.equal(third.body.errorCode, 1429);
  });

  it("lets tokens it issued authenticate, until they are disabled or deleted", async () => {
    const created = (await raw(emulator(), "POST", "/setting/admins/2/apitokens", { body: "{}" })).body;
    const asNew = (options = {}) => raw({ ...emulator(), admin: { ...emulator().admin, accessId: created.accessId, accessKey: created.accessKey } }, "GET", "/setting/admins/2", options);
    assert.equal((await asNew()).status, 200);
    await raw(emulator(), "PATCH", `/setting/admins/2/apitokens/${created.id}`, { body: '{"status":1}' });
    assert.equal((await asNew()).status, 401);
    await raw(emulator(), "DELETE", `/setting/admins/2/apitokens/${created.id}`);
    assert.equal((await asNew()).status, 401);
    assert.equal((await raw(emulator(), "DELETE", `/setting/admins/2/apitokens/${created.id}`)).status, 404);
  });

  it("refuses writes to users without the User Access Manage permission (403/1403)", async () => {
    const readonly = emulator().store.addToken({ adminId: 3, type: "LMv1", createdBy: "t" }, 0);
    const as = { ...emulator(), admin: { ...emulator().admin, accessId: readonly.accessId, accessKey: readonly.accessKey } };
    assert.equal((await raw(as, "GET", "/setting/admins/apitokens")).status, 200);
    const denied = await raw(as, "POST", "/setting/admins/3/apitokens", { body: "{}" });
    assert.deepEqual([denied.status, denied.body.errorCode], [403, 1403]);
  });

  it("logs requests without secrets", async () => {
    await raw(emulator(), "POST", "/setting/admins/2/apitokens", { body: '{"note":"logged"}' });
    const log = JSON.stringify(emulator().requests);
    assert.ok(log.includes("logged"));
    assert.ok(!log.includes(emulator().admin.accessKey));
    for (const token of emulator().store.tokens.values()) assert.ok(!log.includes(token.accessKey));
  });

  it("listens on loopback only, on a port of its own", async () => {
    const second = await startEmulator();
    try {
      assert.match(second.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/santaba\/rest$/);
      assert.notEqual(second.baseUrl, emulator().baseUrl);
    } finally {
      await second.close();
    }
  });
});
