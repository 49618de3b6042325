/**
 * End to end under the real Pulumi engine (CLI built by scripts/install-pulumi.sh), against a fresh
 * emulator per test: up, preview, refresh, destroy, with state in a local file backend.
 */
import { strict as assert } from "node:assert";
import type { Emulator } from "../../emulator";
import type { TokenSpec } from "../../program/bootstrap";
import { authenticates, useEmulator } from "../helpers/emulator";
import { collect, LocalStack } from "../../program/localStack";
import { useLocalStack } from "../helpers/stack";

const WRITES = ["POST", "PATCH", "PUT", "DELETE"];
const writes = (emulator: Emulator, from = 0) => emulator.requests.slice(from).filter((r) => WRITES.includes(r.method)).map((r) => `${r.method} ${r.path}`);

const FOUR: TokenSpec[] = [
  { name: "by-id", userId: 2, note: "by id" },
  { name: "by-name", username: "jane.roe", note: "by name" },
  { name: "bearer", username: "ci-bot", type: "Bearer", note: "CI pipeline" },
  { name: "disabled", userId: "4", disabled: true },
];

interface Outputs {
  tokens: Record<string, { tokenId: number; adminId: number; adminName: string; type: string; accessId: string; status: number; disabled: boolean; note: string }>;
  secrets: Record<string, string>;
}

describe("end to end with the Pulumi engine", function () {
  this.timeout(300_000);
  const emulator = useEmulator();
  const createStack = useLocalStack();
  let e2e: LocalStack | undefined;

  const up = async () => {
    const result = await e2e!.stack.up(collect(e2e!));
    return { changes: result.summary.resourceChanges ?? {}, outputs: Object.fromEntries(Object.entries(result.outputs).map(([k, v]) => [k, v.value])) as unknown as Outputs };
  };

  it("creates tokens by userId and username, LMv1 and Bearer, one disabled; outputs match LogicMonitor", async () => {
    e2e = await createStack(emulator(), FOUR);
    const { changes, outputs } = await up();
    assert.deepEqual(changes, { create: 5 });
    for (const spec of FOUR) {
      const out = outputs.tokens[spec.name];
      const stored = emulator().store.tokens.get(out.tokenId)!;
      assert.equal(stored.adminId, out.adminId);
      assert.equal(out.adminName, emulator().store.users.get(stored.adminId)!.username);
      assert.equal(out.type, stored.type);
      assert.equal(out.accessId, stored.accessId);
      assert.equal(out.status, stored.status);
      assert.equal(outputs.secrets[spec.name], stored.accessKey);
      const works = await authenticates(emulator(), stored.type === "Bearer" ? { bearerToken: outputs.secrets[spec.name] } : { accessId: out.accessId, accessKey: outputs.secrets[spec.name] });
      assert.equal(works, !spec.disabled, `${spec.name} authenticates: ${works}`);
    }
    assert.deepEqual(outputs.tokens.disabled.status, 1);
    assert.deepEqual(outputs.tokens["by-name"].adminId, 4);
  });

  it("keeps secrets encrypted in state and out of the CLI's output; --show-secrets reveals them", async () => {
    e2e = await createStack(emulator(), FOUR);
    const { outputs } = await up();
    await e2e.stack.preview({ ...collect(e2e), diff: true });
    const exported = e2e.cli(["stack", "export"]);
    const secrets = [...Object.values(outputs.secrets), emulator().admin.accessKey];
    for (const secret of secrets) {
      assert.ok(!exported.includes(secret), "a secret is in plaintext in the exported state");
      assert.ok(!e2e.output.join("").includes(secret), "a secret is in the CLI's output");
    }
    const deployment = JSON.parse(exported).deployment;
    const token = deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::bearer"));
    assert.equal(token.outputs.bearerToken["4dabf18193072939515e22adb298388d"], "1b47061264138c4ac30d75fd1eb44270");
    assert.ok(token.outputs.bearerToken.ciphertext);
    assert.deepEqual([...token.additionalSecretOutputs].sort(), ["accessKey", "bearerToken"]);
    const lmv1 = deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::by-id"));
    assert.ok(lmv1.outputs.accessKey.ciphertext);
    assert.ok(!exported.includes("MUST-NOT") && !token.outputs.__provider.includes(emulator().admin.accessKey));

    const revealed = JSON.parse(e2e.cli(["stack", "export", "--show-secrets"])).deployment;
    const plainBearer = revealed.resources.find((r: { urn: string }) => r.urn.endsWith("::bearer")).outputs.bearerToken;
    assert.equal(JSON.parse(plainBearer.plaintext), outputs.secrets.bearer);
  });

  it("changes nothing on a second up, PATCHes note/disabled in place, and replaces type/user create-before-delete", async () => {
    e2e = await createStack(emulator(), [{ name: "t", userId: 2, note: "first" }]);
    const first = await up();
    const oldId = first.outputs.tokens.t.tokenId;
    const oldCredential = { accessId: first.outputs.tokens.t.accessId, accessKey: first.outputs.secrets.t };

    let from = emulator().requests.length;
    const again = await up();
    assert.deepEqual(again.changes, { same: 2 });
    assert.deepEqual(writes(emulator(), from), []);

    // switching to the username of the same user changes nothing
    e2e.specs = [{ name: "t", username: "ci-bot", note: "first" }];
    assert.deepEqual((await up()).changes, { same: 2 });

    from = emulator().requests.length;
    e2e.specs = [{ name: "t", userId: 2, note: "second", disabled: true }];
    const patched = await up();
    assert.deepEqual(patched.changes, { same: 1, update: 1 });
    assert.deepEqual(writes(emulator(), from), [`PATCH /setting/admins/2/apitokens/${oldId}`]);
    assert.deepEqual(emulator().requests.filter((r) => r.method === "PATCH").at(-1)!.body, { note: "second", status: 1 });
    assert.equal(patched.outputs.tokens.t.tokenId, oldId);
    assert.equal(patched.outputs.secrets.t, oldCredential.accessKey, "the secret survives an update");

    from = emulator().requests.length;
    e2e.specs = [{ name: "t", userId: 2, note: "second", type: "Bearer" }];
    const retyped = await up();
    assert.deepEqual(retyped.changes, { same: 1, replace: 1 });
    const newId = retyped.outputs.tokens.t.tokenId;
    assert.deepEqual(writes(emulator(), from), ["POST /setting/admins/2/apitokens", `DELETE /setting/admins/2/apitokens/${oldId}`], "created before deleted");
    assert.equal(await authenticates(emulator(), oldCredential), false);
    assert.equal(await authenticates(emulator(), { bearerToken: retyped.outputs.secrets.t }), true);

    from = emulator().requests.length;
    e2e.specs = [{ name: "t", username: "jane.roe", note: "second", type: "Bearer" }];
    const moved = await up();
    assert.deepEqual(moved.changes, { same: 1, replace: 1 });
    assert.deepEqual(writes(emulator(), from), ["POST /setting/admins/4/apitokens", `DELETE /setting/admins/2/apitokens/${newId}`]);
    assert.equal(moved.outputs.tokens.t.adminName, "jane.roe");
    assert.equal(await authenticates(emulator(), { bearerToken: retyped.outputs.secrets.t }), false);
  });

  it("drops a token revoked behind Pulumi's back on refresh and recreates it on the next up", async () => {
    e2e = await createStack(emulator(), [{ name: "t", userId: 2 }]);
    const first = await up();
    emulator().store.tokens.delete(first.outputs.tokens.t.tokenId);
    const refresh = await e2e.stack.refresh(collect(e2e));
    assert.deepEqual(refresh.summary.resourceChanges, { same: 1, delete: 1 });
    const again = await up();
    assert.deepEqual(again.changes, { same: 1, create: 1 });
    assert.notEqual(again.outputs.tokens.t.tokenId, first.outputs.tokens.t.tokenId);
    assert.equal(await authenticates(emulator(), { accessId: again.outputs.tokens.t.accessId, accessKey: again.outputs.secrets.t }), true);
  });

  it("shows a token disabled behind Pulumi's back on refresh and enables it again on the next up", async () => {
    e2e = await createStack(emulator(), [{ name: "t", userId: 2 }]);
    const first = await up();
    const id = first.outputs.tokens.t.tokenId;
    emulator().store.tokens.get(id)!.status = 1;
    const refresh = await e2e.stack.refresh(collect(e2e));
    assert.deepEqual(refresh.summary.resourceChanges, { same: 1, update: 1 });
    const from = emulator().requests.length;
    const again = await up();
    assert.deepEqual(again.changes, { same: 1, update: 1 });
    assert.deepEqual(writes(emulator(), from), [`PATCH /setting/admins/2/apitokens/${id}`]);
    assert.equal(emulator().store.tokens.get(id)!.status, 2);
    assert.equal(again.outputs.secrets.t, first.outputs.secrets.t);
  });

  const badInputs: [string, TokenSpec, RegExp][] = [
    ["both user fields", { name: "bad", userId: 2, username: "ci-bot" }, /userId.*set exactly one of userId or username/],
    ["neither user field", { name: "bad" }, /userId.*missing required property/],
    ["an unknown type", { name: "bad", userId: 2, type: "Foo" as "LMv1" }, /type.*type must be "LMv1" or "Bearer", got "Foo"/],
    ["a negative user id", { name: "bad", userId: -1 }, /userId.*positive whole number/],
    ["a wildcard username", { name: "bad", username: "a*" }, /username.*wildcards are not allowed/],
  ];
  for (const [what, spec, message] of badInputs) {
    it(`fails preview on ${what}, naming the property, with no write call`, async () => {
      e2e = await createStack(emulator(), [spec]);
      const error = await e2e.stack.preview(collect(e2e)).catch((e: Error) => e);
      assert.ok(error instanceof Error, "preview should fail");
      assert.match(e2e.output.join("") + error.message, message);
      assert.deepEqual(writes(emulator()), []);
    });
  }

  it("shows LogicMonitor's refusal readably in `pulumi up` and records nothing", async () => {
    e2e = await createStack(emulator(), [{ name: "t", username: "nobody" }]);
    await assert.rejects(e2e.stack.up(collect(e2e)));
    const output = e2e.output.join("");
    assert.match(output, /username "nobody": no LogicMonitor user has this username \(the match is exact and case-sensitive\)/);
    assert.ok(!output.includes(emulator().admin.accessKey));
    assert.deepEqual(writes(emulator()), []);
    const state = JSON.parse(e2e.cli(["stack", "export"])).deployment;
    assert.equal((state.resources ?? []).filter((r: { type: string }) => r.type.includes("LmApiToken")).length, 0);
  });

  it("revokes every token on destroy", async () => {
    e2e = await createStack(emulator(), FOUR);
    const { outputs } = await up();
    const destroyed = await e2e.stack.destroy(collect(e2e));
    assert.deepEqual(destroyed.summary.resourceChanges, { delete: 5 });
    const left = [...emulator().store.tokens.values()].filter((t) => t.note !== "emulator seed");
    assert.deepEqual(left, []);
    for (const spec of FOUR) {
      const out = outputs.tokens[spec.name];
      const credential = out.type === "Bearer" ? { bearerToken: outputs.secrets[spec.name] } : { accessId: out.accessId, accessKey: outputs.secrets[spec.name] };
      assert.equal(await authenticates(emulator(), credential), false);
    }
  });
});
