import { strict as assert } from "node:assert";
import { LmClient } from "../../provider/client";
import { LmApiError } from "../../provider/errors";
import { calls, useEmulator } from "../helpers/emulator";
import type { Emulator } from "../../emulator";

const clientFor = (emulator: Emulator, retry = { baseDelayMs: 5 }) =>
  LmClient.create({ baseUrl: emulator.baseUrl, credentials: { kind: "LMv1", accessId: emulator.admin.accessId, accessKey: emulator.admin.accessKey } }, { retry });

describe("LogicMonitor client against the emulator", () => {
  const emulator = useEmulator();

  it("sends X-Version 3 and a signature the emulator verifies", async () => {
    const lm = clientFor(emulator());
    await lm.patchToken(1, 1, { note: "signed body" });
    assert.equal(emulator().requests[0].status, 200);
    assert.equal(emulator().requests[0].caller, emulator().admin.accessId);
    assert.equal(emulator().store.tokens.get(1)!.note, "signed body");
  });

  it("pages with size and offset until total is reached", async () => {
    for (let i = 0; i < 1500; i++) emulator().store.addToken({ adminId: 2, type: "LMv1", createdBy: "t" }, 0);
    const tokens = await clientFor(emulator()).listTokens("LMv1", { adminId: 2 });
    assert.equal(tokens.length, 1500);
    assert.deepEqual(calls(emulator()), [
      "GET /setting/admins/2/apitokens?size=1000&offset=0",
      "GET /setting/admins/2/apitokens?size=1000&offset=1000",
    ]);
  });

  it("waits out X-Rate-Limit-Window on 429 and no longer, then succeeds", async () => {
    emulator().setRateLimit("GET /setting/admins/{id}", { limit: 1, windowSeconds: 1 });
    const lm = clientFor(emulator());
    await lm.getUser(2);
    const started = Date.now();
    await lm.getUser(2);
    const waited = Date.now() - started;
    assert.deepEqual(emulator().requests.map((r) => r.status), [200, 429, 200]);
    assert.ok(waited >= 900, `waited ${waited} ms, the window is 1 s`);
    assert.ok(waited < 5000, `waited ${waited} ms, longer than the window asks`);
  });

  it("retries a GET after 503 and a dropped connection, with backoff", async () => {
    emulator().fault({ route: "GET /setting/admins/{id}", status: 503 });
    emulator().fault({ route: "GET /setting/admins/{id}", drop: "before" });
    const user = await clientFor(emulator()).getUser(3);
    assert.equal(user.username, "john.doe");
    assert.deepEqual(emulator().requests.map((r) => r.status), [503, 0, 200]);
  });

  it("gives up after the retry limit with the last error", async () => {
    emulator().fault({ route: "GET /setting/admins/{id}", status: 502, times: 10 });
    await assert.rejects(clientFor(emulator()).getUser(3), { code: "ERR_LM_SERVER", status: 502, errorCode: 1502 });
    assert.equal(emulator().requests.length, 4);
  });

  it("never puts the access key or the Authorization header in an error", async () => {
    const key = "WRONG-KEY-0123456789-0123456789-01234567";
    const lm = LmClient.create({ baseUrl: emulator().baseUrl, credentials: { kind: "LMv1", accessId: emulator().admin.accessId, accessKey: key } });
    const error = (await lm.getUser(1).catch((e) => e)) as LmApiError;
    assert.equal(error.status, 401);
    assert.equal(error.code, "ERR_LM_AUTHENTICATION_FAILED");
    assert.match(error.message, /GET \/setting\/admins\/1 failed with HTTP 401 \(errorCode 1401\): Authentication failed/);
    assert.match(error.requestHeaders!.authorization, /^LMv1 \[REDACTED\]$/);
    const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    assert.ok(!everything.includes(key), "the access key leaked");
    assert.ok(!everything.includes(emulator().admin.accessKey));
    assert.ok(!/LMv1 [^ []/.test(everything), "a signed Authorization header leaked");
  });

  it("redacts a bearer token that LogicMonitor echoes in an error message", async () => {
    const bearer = emulator().store.addToken({ adminId: 1, type: "Bearer", createdBy: "t" }, 0);
    emulator().store.tokens.get(bearer.id)!.status = 1; // disabled: 401
    const lm = LmClient.create({ baseUrl: emulator().baseUrl, credentials: { kind: "Bearer", bearerToken: bearer.accessKey } });
    const error = (await lm.getUser(1).catch((e) => e)) as LmApiError;
    assert.equal(error.status, 401);
    assert.ok(!JSON.stringify({ ...error, m: error.message }).includes(bearer.accessKey));
  });

  it("reports a network failure with status 0 and no secret", async () => {
    const base = emulator().baseUrl;
    await emulator().close();
    const lm = LmClient.create({ baseUrl: base, credentials: { kind: "LMv1", accessId: "id", accessKey: "SECRET-KEY-SHOULD-NOT-LEAK" } }, { retry: { limit: 0 } });
    const error = (await lm.getUser(1).catch((e) => e)) as LmApiError;
    assert.equal(error.status, 0);
    assert.equal(error.code, "ERR_LM_NETWORK");
    assert.match(error.message, /GET \/setting\/admins\/1 failed: no response \(ECONNREFUSED/);
    assert.ok(!JSON.stringify({ ...error, m: error.message }).includes("SECRET-KEY"));
  });
});
