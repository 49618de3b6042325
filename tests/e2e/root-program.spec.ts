/**
 * The root program (Pulumi.yaml, index.ts) with tokens listed in stack config. The Go module proxy does
 * not serve the Node.js language host, so `pulumi up` cannot run Pulumi.yaml programs here; the same
 * program function runs as an inline Automation API program instead.
 */
import { strict as assert } from "node:assert";
import { bootstrapFromConfig } from "../../program/bootstrap";
import { authenticates, useEmulator } from "../helpers/emulator";
import { collect, LocalStack } from "../../program/localStack";
import { useLocalStack } from "../helpers/stack";

describe("the root bootstrap program", function () {
  this.timeout(300_000);
  const emulator = useEmulator();
  const createStack = useLocalStack();
  let e2e: LocalStack | undefined;

  it("declares the tokens listed in stack config and exports their details and secrets", async () => {
    e2e = await createStack(emulator(), [], async () => bootstrapFromConfig());
    await e2e.stack.setConfig("tokens", {
      value: JSON.stringify([
        { name: "ci", username: "ci-bot", type: "Bearer", note: "CI pipeline" },
        { name: "automation", userId: 4, note: "API Token for automation" },
      ]),
    });
    const result = await e2e.stack.up(collect(e2e));
    assert.equal(result.outputs.secrets.secret, true);
    const tokens = result.outputs.tokens.value as Record<string, { accessId: string; type: string; adminName: string }>;
    const secrets = result.outputs.secrets.value as Record<string, string>;
    assert.deepEqual(Object.keys(tokens).sort(), ["automation", "ci"]);
    assert.equal(tokens.ci.type, "Bearer");
    assert.equal(tokens.automation.adminName, "jane.roe");
    assert.equal(await authenticates(emulator(), { bearerToken: secrets.ci }), true);
    assert.equal(await authenticates(emulator(), { accessId: tokens.automation.accessId, accessKey: secrets.automation }), true);
    assert.ok(!e2e.output.join("").includes(secrets.ci));
  });

  it("refuses duplicate names before anything is created", async () => {
    e2e = await createStack(emulator(), [], async () => bootstrapFromConfig());
    await e2e.stack.setConfig("tokens", { value: JSON.stringify([{ name: "a", userId: 2 }, { name: "a", userId: 4 }]) });
    await assert.rejects(e2e.stack.up(collect(e2e)));
    assert.match(e2e.output.join(""), /tokens\[1\]\.name "a" is used twice/);
    assert.equal(emulator().requests.filter((r) => r.method === "POST").length, 0);
  });
});
