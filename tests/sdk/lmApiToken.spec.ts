/**
 * The SDK class under Pulumi's mocks (its own mocha run: setMocks is process-wide). Records what the
 * SDK sends to the engine for each LmApiToken: type, inputs, and the secret-outputs option.
 */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  additionalSecretOutputs: string[];
}
const registered: Registered[] = [];

pulumi.runtime.setMocks(
  {
    newResource: (args) => ({ id: `${args.name}-id`, state: { ...args.inputs, tokenId: 42, accessKey: "mock-secret" } }),
    call: (args) => args.inputs,
  },
  "proj",
  "stack",
  false,
);
// Wrap the mock monitor to see the RegisterResource request itself, which carries the options.
const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource: (req: any, cb: unknown) => unknown };
const register = monitor.registerResource.bind(monitor);
monitor.registerResource = (req: any, callback: unknown) => {
  registered.push({
    type: req.getType(),
    name: req.getName(),
    inputs: req.getObject().toJavaScript(),
    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
  });
  return register(req, callback);
};

// Imported after setMocks, as Pulumi's mocks require.
import { LmApiToken } from "../../sdk";

const outputOf = <T>(output: pulumi.Output<T>) => new Promise<T>((resolve) => output.apply(resolve));

describe("LmApiToken (SDK, under Pulumi mocks)", () => {
  beforeEach(() => (registered.length = 0));

  it("registers a dynamic resource of its own type with the user's inputs and a serialized provider", async () => {
    const token = new LmApiToken("ci", { username: "ci-bot", type: "Bearer", note: "CI pipeline" });
    await outputOf(token.urn);
    assert.equal(registered.length, 1);
    const [{ type, name, inputs }] = registered;
    assert.equal(type, "pulumi-nodejs:dynamic/lmapitoken:LmApiToken");
    assert.equal(name, "ci");
    assert.equal(inputs.username, "ci-bot");
    assert.equal(inputs.type, "Bearer");
    assert.equal(inputs.note, "CI pipeline");
    assert.equal(typeof inputs.__provider, "string");
    assert.match(inputs.__provider as string, /exports\.handler/);
  });

  it("marks accessKey and bearerToken as secret outputs", async () => {
    const token = new LmApiToken("by-id", { userId: 12345 });
    await outputOf(token.urn);
    assert.deepEqual(registered[0].additionalSecretOutputs.sort(), ["accessKey", "bearerToken"]);
  });

  it("keeps the caller's own additionalSecretOutputs, merged with its own", async () => {
    const token = new LmApiToken("extra", { userId: 1 }, { additionalSecretOutputs: ["accessId"] });
    await outputOf(token.urn);
    assert.deepEqual(registered[0].additionalSecretOutputs.sort(), ["accessId", "accessKey", "bearerToken"]);
  });

  it("declares its outputs, so they resolve from the provider's state", async () => {
    const token = new LmApiToken("outs", { userId: 1, disabled: true });
    assert.equal(await outputOf(token.tokenId), 42);
    assert.equal(await outputOf(token.accessKey), "mock-secret");
    assert.equal(await outputOf(token.disabled), true);
  });

  it("is recognised by isInstance", () => {
    const token = new LmApiToken("inst", { userId: 1 });
    assert.equal(LmApiToken.isInstance(token), true);
    assert.equal(LmApiToken.isInstance({}), false);
  });
});
