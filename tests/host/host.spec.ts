import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { provider } from "../../provider";
import { calls, configOf, useEmulator } from "../helpers/emulator";
import { DIFF_NONE, DIFF_SOME, Host, secretValue, startHost } from "../helpers/host";

/** The environment without any LogicMonitor credential: the host must get them through Configure. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PULUMI_NODEJS_PROJECT: "proj" };
  for (const name of Object.keys(env)) if (name.startsWith("LM_")) delete env[name];
  return env;
}

describe("the serialized provider in Pulumi's dynamic-provider host", function () {
  this.timeout(60_000);
  const emulator = useEmulator();
  let host: Host | undefined;
  let serialized: string;

  before(async () => {
    // Configure this process's provider with credentials first: serialization must still capture none.
    process.env.LM_ACCESS_KEY = "ENV-KEY-MUST-NOT-BE-CAPTURED-0123456789";
    await provider.configure!({ config: configOf({ "logicmonitor:accessKey": "CONFIG-KEY-MUST-NOT-BE-CAPTURED-012345", "logicmonitor:accessId": "cid" }) });
    serialized = (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
    delete process.env.LM_ACCESS_KEY;
  });
  afterEach(async () => {
    await host?.close();
    host = undefined;
  });

  it("serializes code only: no credential, not secret, got required by name", async () => {
    const { containsSecrets } = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
    assert.equal(containsSecrets, false);
    assert.ok(!serialized.includes("MUST-NOT-BE-CAPTURED"));
    assert.ok(!serialized.includes("cid"));
    assert.match(serialized, /require\("got"\)/);
  });

  it("runs the whole lifecycle with credentials from Configure, as the engine drives it", async () => {
    host = await startHost(cleanEnv());
    const e = emulator();
    await host.configure({
      "logicmonitor:baseUrl": e.baseUrl,
      "logicmonitor:accessId": e.admin.accessId,
      "logicmonitor:accessKey": secretValue(e.admin.accessKey),
      "proj:unrelated": "x",
    });
    const inputs = { __provider: serialized, username: "ci-bot", type: "bearer", note: "CI pipeline" };

    const checked = await host.check({}, inputs);
    assert.deepEqual(checked.failures, []);
    assert.deepEqual({ ...checked.inputs, __provider: undefined }, { username: "ci-bot", type: "Bearer", note: "CI pipeline", disabled: false, __provider: undefined });
    assert.equal(e.requests.length, 0, "check made no API call");

    const created = await host.create(checked.inputs);
    const stored = e.store.tokens.get(Number(created.id))!;
    assert.equal(stored.type, "Bearer");
    assert.equal(created.properties.bearerToken, stored.accessKey);
    assert.equal(created.properties.__provider, serialized);

    const { username: _byName, ...byId } = checked.inputs;
    const unchanged = await host.diff(created.id, created.properties, { ...byId, userId: 2 });
    assert.equal(unchanged.changes, DIFF_NONE, "userId of the same user is no change");
    const noteChange = await host.diff(created.id, created.properties, { ...checked.inputs, note: "new" });
    assert.deepEqual(noteChange, { changes: DIFF_SOME, replaces: [], deleteBeforeReplace: false });
    const typeChange = await host.diff(created.id, created.properties, { ...checked.inputs, type: "LMv1" });
    assert.deepEqual(typeChange, { changes: DIFF_SOME, replaces: ["type"], deleteBeforeReplace: false });

    const updated = await host.update(created.id, created.properties, { ...checked.inputs, note: "new", disabled: true });
    assert.equal(updated.properties.note, "new");
    assert.equal(updated.properties.status, 1);
    assert.equal(updated.properties.bearerToken, stored.accessKey, "update keeps the secret");
    assert.deepEqual(e.requests.at(-1)!.body, { note: "new", status: 1 });

    e.store.tokens.get(Number(created.id))!.note = "portal edit";
    const read = await host.read(created.id, updated.properties);
    assert.equal(read.id, created.id);
    assert.equal(read.properties.note, "portal edit");
    assert.equal(read.properties.bearerToken, stored.accessKey);

    await host.delete(created.id, read.properties);
    assert.equal(e.store.tokens.has(Number(created.id)), false);
    const gone = await host.read(created.id, read.properties);
    assert.equal(gone.id, "");

    assert.deepEqual(calls(e).map((c) => c.split("?")[0]), [
      "GET /setting/admins",
      "GET /setting/admins/2/apitokens",
      "POST /setting/admins/2/apitokens",
      `PATCH /setting/admins/2/apitokens/${created.id}`,
      "GET /setting/admins/apitokens",
      `DELETE /setting/admins/2/apitokens/${created.id}`,
      "GET /setting/admins/apitokens",
    ]);
    assert.ok(!host.output().includes(stored.accessKey), "the host printed the secret");
    assert.ok(!host.output().includes(e.admin.accessKey), "the host printed the provider's key");
  });

  it("returns check failures that name the property, before any API call", async () => {
    host = await startHost(cleanEnv());
    await host.configure({});
    const checked = await host.check({}, { __provider: serialized, userId: 1, username: "a*", type: "Foo" });
    assert.deepEqual(checked.failures.map((f) => f.property), ["userId", "username", "type"]);
    assert.equal(emulator().requests.length, 0);
  });

  it("fails create with one readable message when credentials are missing", async () => {
    host = await startHost(cleanEnv());
    await host.configure({ "logicmonitor:baseUrl": emulator().baseUrl });
    await assert.rejects(host.create({ __provider: serialized, userId: 2, note: "", disabled: false, type: "LMv1" }), /LogicMonitor credentials are missing/);
  });

  it("shows LogicMonitor's error on create without leaking the key", async () => {
    host = await startHost(cleanEnv());
    const e = emulator();
    await host.configure({ "logicmonitor:baseUrl": e.baseUrl, "logicmonitor:accessId": e.admin.accessId, "logicmonitor:accessKey": secretValue("WRONG-KEY-abcdefghijklmnopqrstuvwxyz") });
    const error = await host.create({ __provider: serialized, userId: 2, note: "", disabled: false, type: "LMv1" }).catch((err) => err);
    assert.match(error.message, /LogicMonitor API GET \/setting\/admins\/2\/apitokens failed with HTTP 401 \(errorCode 1401\): Authentication failed/);
    assert.ok(!error.message.includes("WRONG-KEY") && !host.output().includes("WRONG-KEY"));
  });

  it("keeps the client's error handling in serialized form: a dropped POST is cleaned up, a 404 delete is success", async () => {
    host = await startHost(cleanEnv());
    const e = emulator();
    await host.configure({ "logicmonitor:baseUrl": e.baseUrl, "logicmonitor:accessId": e.admin.accessId, "logicmonitor:accessKey": secretValue(e.admin.accessKey) });
    e.fault({ route: "POST /setting/admins/{id}/apitokens", drop: "after" });
    const created = await host.create({ __provider: serialized, userId: 2, note: "", disabled: false, type: "LMv1" });
    assert.deepEqual([...e.store.tokens.values()].filter((t) => t.adminId === 2).map((t) => String(t.id)), [created.id]);
    e.store.tokens.delete(Number(created.id));
    await host.delete(created.id, created.properties);
    assert.equal(e.requests.at(-1)!.status, 404);
  });
});
