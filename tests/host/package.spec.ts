/**
 * As users get it: the package built and installed under a program's node_modules. Pulumi's serializer
 * then refers to the provider's modules by name, and the host loads them from the program's folder.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { useEmulator } from "../helpers/emulator";
import { secretValue, startHost, Host } from "../helpers/host";

const REPO = path.resolve(__dirname, "../..");

describe("the provider installed as a package", function () {
  this.timeout(120_000);
  const emulator = useEmulator();
  let program: string;
  let host: Host | undefined;

  before(() => {
    // A program folder whose node_modules holds this package (built fresh) beside the repo's dependencies.
    program = mkdtempSync(path.join(os.tmpdir(), "lm-consumer-"));
    const modules = path.join(program, "node_modules");
    mkdirSync(modules);
    for (const entry of readdirSync(path.join(REPO, "node_modules"))) {
      if (!entry.startsWith(".")) symlinkSync(path.join(REPO, "node_modules", entry), path.join(modules, entry));
    }
    const installed = path.join(modules, "pulumi-logicmonitor-apitoken");
    mkdirSync(installed);
    cpSync(path.join(REPO, "package.json"), path.join(installed, "package.json"));
    execFileSync(process.execPath, [path.join(REPO, "node_modules/typescript/bin/tsc"), "-p", path.join(REPO, "tsconfig.build.json"), "--outDir", path.join(installed, "dist")]);
  });
  after(async () => {
    await host?.close();
    rmSync(program, { recursive: true, force: true });
  });

  it("serializes to a few KB that require its modules by name, and runs create and delete in the host", async () => {
    const serialize = `
      const pulumi = require("@pulumi/pulumi");
      const { provider } = require("pulumi-logicmonitor-apitoken/provider");
      pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true }).then((f) => process.stdout.write(f.text));`;
    const text = execFileSync(process.execPath, ["-e", serialize], { cwd: program, encoding: "utf8", env: { ...process.env, LM_ACCESS_KEY: "ENV-KEY-MUST-NOT-BE-CAPTURED" } });
    assert.ok(text.length < 15_000, `serialized provider is ${text.length} bytes`);
    assert.match(text, /require\("pulumi-logicmonitor-apitoken\/dist\/provider\/client\.js"\)/);
    assert.ok(!text.includes("MUST-NOT-BE-CAPTURED"));

    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of Object.keys(env)) if (name.startsWith("LM_")) delete env[name];
    host = await startHost(env, program);
    const e = emulator();
    await host.configure({ "logicmonitor:baseUrl": e.baseUrl, "logicmonitor:accessId": e.admin.accessId, "logicmonitor:accessKey": secretValue(e.admin.accessKey) });
    const checked = await host.check({}, { __provider: text, username: "ci-bot", type: "Bearer" });
    const created = await host.create(checked.inputs);
    assert.equal(created.properties.bearerToken, e.store.tokens.get(Number(created.id))!.accessKey);
    await host.delete(created.id, created.properties);
    assert.equal(e.store.tokens.has(Number(created.id)), false);
  });
});
