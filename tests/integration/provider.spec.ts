import { strict as assert } from "node:assert";
import { provider, setHttpOptions } from "../../provider";
import type { TokenInputs, TokenOutputs } from "../../provider";
import { authenticates, calls, configOf, configureProvider, useEmulator } from "../helpers/emulator";

const lmv1 = (extra: Partial<TokenInputs> = {}): TokenInputs => ({ userId: 2, note: "automation", disabled: false, type: "LMv1", ...extra });

describe("provider against the emulator", () => {
  const emulator = useEmulator();
  beforeEach(() => configureProvider(emulator()));

  describe("create", () => {
    it("creates an LMv1 token by user id with exactly a snapshot GET and one POST", async () => {
      const { id, outs } = await provider.create(lmv1());
      assert.deepEqual(calls(emulator()), [
        "GET /setting/admins/2/apitokens?size=1000&offset=0",
        "POST /setting/admins/2/apitokens",
      ]);
      assert.deepEqual(emulator().requests[1].body, { note: "automation", status: 2 });
      const stored = emulator().store.tokens.get(Number(id))!;
      assert.equal(stored.type, "LMv1");
      assert.deepEqual(outs, {
        userId: 2, note: "automation", disabled: false, type: "LMv1", tokenId: stored.id, adminId: 2, adminName: "ci-bot",
        status: 2, accessId: stored.accessId, roles: ["manager"], createdOn: stored.createdOn, lastUsedOn: 0, createdBy: "lmapi-admin",
        accessKey: stored.accessKey,
      });
      assert.equal(await authenticates(emulator(), { accessId: stored.accessId, accessKey: outs!.accessKey! }), true);
    });

    it("creates a disabled Bearer token by username, with ?type=bearer and status 1", async () => {
      const { id, outs } = await provider.create({ username: "ci-bot", note: "CI pipeline", disabled: true, type: "Bearer" });
      assert.deepEqual(calls(emulator()), [
        'GET /setting/admins?filter=username:"ci-bot"&size=1000&offset=0',
        "GET /setting/admins/2/apitokens?type=bearer&size=1000&offset=0",
        "POST /setting/admins/2/apitokens?type=bearer",
      ]);
      assert.deepEqual(emulator().requests[2].body, { note: "CI pipeline", status: 1 });
      const stored = emulator().store.tokens.get(Number(id))!;
      assert.equal(stored.type, "Bearer");
      assert.equal(outs!.bearerToken, stored.accessKey);
      assert.equal(outs!.accessKey, undefined);
      assert.equal(outs!.disabled, true);
      assert.equal(outs!.username, "ci-bot");
      // disabled tokens do not authenticate
      assert.equal(await authenticates(emulator(), { bearerToken: outs!.bearerToken! }), false);
    });

    it("matches usernames exactly and case-sensitively, though LogicMonitor's filter ignores case", async () => {
      emulator().store.addUser({ username: "CI-BOT" });
      const { outs } = await provider.create({ username: "CI-BOT", note: "", disabled: false, type: "LMv1" });
      assert.equal(outs!.adminName, "CI-BOT");
      assert.notEqual(outs!.adminId, 2);
    });

    it("names the username when no user has it, and creates nothing", async () => {
      await assert.rejects(provider.create({ username: "nobody", note: "", disabled: false, type: "LMv1" }), {
        message: 'username "nobody": no LogicMonitor user has this username (the match is exact and case-sensitive)',
      });
      assert.deepEqual(calls(emulator()), ['GET /setting/admins?filter=username:"nobody"&size=1000&offset=0']);
    });

    it("refuses a username that more than one user has", async () => {
      emulator().store.addUser({ username: "twin" });
      emulator().store.addUser({ username: "twin" });
      await assert.rejects(provider.create({ username: "twin", note: "", disabled: false, type: "LMv1" }), /username "twin" matches 2 LogicMonitor users \(ids 5, 6\); set userId instead/);
      assert.equal(emulator().requests.filter((r) => r.method === "POST").length, 0);
    });

    it("names the user id when no user has it", async () => {
      await assert.rejects(provider.create(lmv1({ userId: 99 })), /^Error: userId 99: no LogicMonitor user has this id \(LogicMonitor API GET \/setting\/admins\/99\/apitokens failed with HTTP 404 \(errorCode 1404\)/);
      assert.equal(emulator().store.tokens.size, 1); // only the seeded credential
    });

    it("reports LogicMonitor's refusal (403) with method, path and errorCode, and creates nothing", async () => {
      const readonly = emulator().store.addToken({ adminId: 3, type: "LMv1", createdBy: "test" }, 0);
      await provider.configure!({ config: configOf({ "logicmonitor:baseUrl": emulator().baseUrl, "logicmonitor:accessId": readonly.accessId, "logicmonitor:accessKey": readonly.accessKey }) });
      await assert.rejects(provider.create(lmv1()), {
        name: "LmApiError",
        code: "ERR_LM_PERMISSION_DENIED",
        message: "LogicMonitor API POST /setting/admins/2/apitokens failed with HTTP 403 (errorCode 1403): Permission denied: this needs the User Access Manage permission",
      });
      assert.equal(emulator().store.tokens.size, 2);
    });

    it("says how to set credentials when there are none", async () => {
      const saved = { ...process.env };
      for (const name of ["LM_ACCESS_ID", "LM_ACCESS_KEY", "LM_API_ID", "LM_API_KEY", "LM_BEARER_TOKEN"]) delete process.env[name];
      try {
        await provider.configure!({ config: configOf({ "logicmonitor:baseUrl": emulator().baseUrl }) });
        await assert.rejects(provider.create(lmv1()), /credentials are missing/);
        assert.equal(emulator().requests.length, 0);
      } finally {
        process.env = saved;
      }
    });

    it("authenticates with a bearer token from the environment", async () => {
      const bearer = emulator().store.addToken({ adminId: 1, type: "Bearer", createdBy: "test" }, 0);
      const saved = { ...process.env };
      process.env.LM_BEARER_TOKEN = bearer.accessKey;
      try {
        await provider.configure!({ config: configOf({ "logicmonitor:baseUrl": emulator().baseUrl }) });
        const { outs } = await provider.create(lmv1());
        assert.equal(outs!.adminId, 2);
        assert.ok(emulator().requests.every((r) => r.caller === `bearer:${bearer.id}`));
      } finally {
        process.env = saved;
      }
    });
  });

  describe("create after an ambiguous failure", () => {
    it("revokes the token a dropped POST made, then creates again: one token, in state", async () => {
      emulator().fault({ route: "POST /setting/admins/{id}/apitokens", drop: "after" });
      const { id, outs } = await provider.create(lmv1());
      assert.deepEqual(calls(emulator()), [
        "GET /setting/admins/2/apitokens?size=1000&offset=0",
        "POST /setting/admins/2/apitokens",
        "GET /setting/admins/2/apitokens?size=1000&offset=0",
        `DELETE /setting/admins/2/apitokens/${Number(id) - 1}`,
        "POST /setting/admins/2/apitokens",
      ]);
      const live = [...emulator().store.tokens.values()].filter((t) => t.adminId === 2);
      assert.deepEqual(live.map((t) => t.id), [Number(id)]);
      assert.equal(outs!.accessKey, live[0].accessKey);
    });

    it("tries again without revoking when the POST failed before doing anything (503)", async () => {
      emulator().fault({ route: "POST /setting/admins/{id}/apitokens", status: 503 });
      await provider.create(lmv1());
      assert.deepEqual(calls(emulator()).map((c) => c.split("?")[0]), [
        "GET /setting/admins/2/apitokens", "POST /setting/admins/2/apitokens", "GET /setting/admins/2/apitokens", "POST /setting/admins/2/apitokens",
      ]);
      assert.equal([...emulator().store.tokens.values()].filter((t) => t.adminId === 2).length, 1);
    });

    it("leaves no token behind when every attempt fails ambiguously", async () => {
      emulator().fault({ route: "POST /setting/admins/{id}/apitokens", drop: "after", times: 3 });
      await assert.rejects(provider.create(lmv1()), /failed: no response .*gave up after 3 attempts\. It revoked 1 token\(s\)/);
      assert.equal([...emulator().store.tokens.values()].filter((t) => t.adminId === 2).length, 0);
    });

    it("says what to revoke by hand when it cannot find out whether a token was made", async () => {
      emulator().fault({ route: "POST /setting/admins/{id}/apitokens", drop: "after" });
      emulator().fault({ route: "GET /setting/admins/{id}/apitokens", skip: 1, status: 403 });
      await assert.rejects(
        provider.create(lmv1({ note: "n1" })),
        /failed: no response .*A token may have been created anyway, and checking for it failed too \(.*HTTP 403.*\)\. In LogicMonitor, revoke any LMv1 token of user 2 with note "n1" that is not in the Pulumi state/,
      );
      assert.deepEqual(calls(emulator()).map((c) => c.split("?")[0]), ["GET /setting/admins/2/apitokens", "POST /setting/admins/2/apitokens", "GET /setting/admins/2/apitokens"]);
    });
  });

  describe("read (refresh)", () => {
    it("looks the token up by id, lets live fields win and carries the stored secret forward", async () => {
      const { id, outs } = await provider.create(lmv1());
      const stored = emulator().store.tokens.get(Number(id))!;
      stored.note = "changed in the portal";
      stored.status = 1;
      const from = emulator().requests.length;
      const result = await provider.read!(id, outs);
      assert.deepEqual(calls(emulator(), from), [`GET /setting/admins/apitokens?filter=id:${id}&size=1000&offset=0`]);
      assert.equal(result.id, id);
      assert.equal(result.props!.note, "changed in the portal");
      assert.equal(result.props!.disabled, true);
      assert.equal(result.props!.status, 1);
      assert.equal(result.props!.accessKey, outs!.accessKey, "the secret is kept, not replaced by the masked one");
    });

    it("looks bearer tokens up with type=bearer", async () => {
      const { id, outs } = await provider.create({ userId: 4, note: "", disabled: false, type: "Bearer" });
      const from = emulator().requests.length;
      const result = await provider.read!(id, outs);
      assert.deepEqual(calls(emulator(), from), [`GET /setting/admins/apitokens?type=bearer&filter=id:${id}&size=1000&offset=0`]);
      assert.equal(result.props!.bearerToken, outs!.bearerToken);
    });

    it("returns an empty id for a token revoked outside Pulumi, so it is dropped from state", async () => {
      const { id, outs } = await provider.create(lmv1());
      emulator().store.tokens.delete(Number(id));
      assert.deepEqual(await provider.read!(id, outs), { id: "", props: {} });
    });

    it("refuses import, since the secret cannot be read back", async () => {
      await assert.rejects(provider.read!("5", undefined), /import is not supported/);
    });
  });

  describe("update", () => {
    it("PATCHes only the note when only the note changed, keeping the secret", async () => {
      const { id, outs } = await provider.create(lmv1());
      const from = emulator().requests.length;
      const { outs: updated } = await provider.update!(id, outs!, lmv1({ note: "rotated owner" }));
      assert.deepEqual(calls(emulator(), from), [`PATCH /setting/admins/2/apitokens/${id}`]);
      assert.deepEqual(emulator().requests[from].body, { note: "rotated owner" });
      assert.deepEqual(updated, { ...outs, note: "rotated owner" });
      assert.equal(emulator().store.tokens.get(Number(id))!.note, "rotated owner");
    });

    it("disables and enables in place with status 1 and 2", async () => {
      const { id, outs } = await provider.create(lmv1());
      const from = emulator().requests.length;
      const { outs: disabled } = await provider.update!(id, outs!, lmv1({ disabled: true }));
      assert.deepEqual(emulator().requests[from].body, { status: 1 });
      assert.equal(disabled!.disabled, true);
      assert.equal(await authenticates(emulator(), { accessId: outs!.accessId!, accessKey: outs!.accessKey! }), false);
      const { outs: enabled } = await provider.update!(id, disabled!, lmv1());
      assert.deepEqual(emulator().requests.at(-1)!.body, { status: 2 });
      assert.equal(enabled!.status, 2);
      assert.equal(await authenticates(emulator(), { accessId: outs!.accessId!, accessKey: outs!.accessKey! }), true);
    });

    it("re-enables a token disabled in the portal (drift seen by refresh)", async () => {
      const { id, outs } = await provider.create(lmv1());
      emulator().store.tokens.get(Number(id))!.status = 1;
      const refreshed = (await provider.read!(id, outs)).props as TokenOutputs;
      const diff = await provider.diff!(id, refreshed, lmv1());
      assert.deepEqual(diff, { changes: true, replaces: [], deleteBeforeReplace: false });
      await provider.update!(id, refreshed, lmv1());
      assert.equal(emulator().store.tokens.get(Number(id))!.status, 2);
    });
  });

  describe("delete", () => {
    it("revokes the token with DELETE", async () => {
      const { id, outs } = await provider.create(lmv1());
      const from = emulator().requests.length;
      await provider.delete!(id, outs!);
      assert.deepEqual(calls(emulator(), from), [`DELETE /setting/admins/2/apitokens/${id}`]);
      assert.equal(emulator().store.tokens.has(Number(id)), false);
      assert.equal(await authenticates(emulator(), { accessId: outs!.accessId!, accessKey: outs!.accessKey! }), false);
    });

    it("treats a token that is already gone (404) as revoked", async () => {
      const { id, outs } = await provider.create(lmv1());
      emulator().store.tokens.delete(Number(id));
      await provider.delete!(id, outs!);
      assert.equal(emulator().requests.at(-1)!.status, 404);
    });

    it("retries a DELETE that met a 503", async () => {
      const { id, outs } = await provider.create(lmv1());
      emulator().fault({ route: "DELETE /setting/admins/{id}/apitokens/{tokenId}", status: 503 });
      await provider.delete!(id, outs!);
      assert.deepEqual(emulator().requests.slice(-2).map((r) => r.status), [503, 200]);
    });

    it("fails (so Pulumi keeps the token in state) when LogicMonitor refuses", async () => {
      const { id, outs } = await provider.create(lmv1());
      setHttpOptions({ retry: { limit: 0 } });
      emulator().fault({ route: "DELETE /setting/admins/{id}/apitokens/{tokenId}", status: 500 });
      await assert.rejects(provider.delete!(id, outs!), /DELETE \/setting\/admins\/2\/apitokens\/\d+ failed with HTTP 500/);
      assert.equal(emulator().store.tokens.has(Number(id)), true);
    });
  });

  describe("driven without the engine", () => {
    it("takes raw inputs and environment settings when neither check nor configure ran", async () => {
      const saved = { ...process.env };
      Object.assign(process.env, { LM_BASE_URL: emulator().baseUrl, LM_ACCESS_ID: emulator().admin.accessId, LM_ACCESS_KEY: emulator().admin.accessKey });
      try {
        await provider.configure!({ config: configOf({}) });
        const { outs } = await provider.create({ username: "ci-bot", type: "bearer" } as unknown as TokenInputs);
        assert.deepEqual([outs!.type, outs!.note, outs!.disabled, outs!.adminId], ["Bearer", "", false, 2]);
        const diff = await provider.diff!(String(outs!.tokenId), outs!, { userId: "2", type: "Bearer" } as unknown as TokenInputs);
        assert.equal(diff.changes, false);
      } finally {
        process.env = saved;
      }
    });

    it("refuses bad raw inputs on create, naming the property, before any API call", async () => {
      await assert.rejects(provider.create({ userId: 0, type: "Foo" } as unknown as TokenInputs), /^Error: Invalid LmApiToken inputs: userId: userId must be a positive whole number.*; type: type must be "LMv1" or "Bearer", got "Foo"$/);
      assert.equal(emulator().requests.length, 0);
    });
  });

  describe("check and diff through the provider", () => {
    it("returns normalised inputs, or the failures and the inputs untouched", async () => {
      assert.deepEqual(await provider.check!({} as TokenInputs, { userId: "7", type: "bearer" } as unknown as TokenInputs), {
        inputs: { userId: 7, note: "", disabled: false, type: "Bearer" },
      });
      const bad = { userId: -1 } as unknown as TokenInputs;
      const result = await provider.check!({} as TokenInputs, bad);
      assert.equal(result.inputs, bad);
      assert.equal(result.failures![0].property, "userId");
      assert.equal(emulator().requests.length, 0);
    });
  });
});
