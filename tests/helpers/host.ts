/**
 * Drives Pulumi's real dynamic-provider host (@pulumi/pulumi/cmd/dynamic-provider) over gRPC, as the
 * engine does: spawn it, read its port, send Configure, Check, Diff, Create, Read, Update, Delete.
 */
import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";

/* eslint-disable @typescript-eslint/no-explicit-any */
const grpc = require("@grpc/grpc-js");
const providerRpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const providerProto = require("@pulumi/pulumi/proto/provider_pb");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");

/** How the engine marks a secret value on the wire. */
export const secretValue = (value: string) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });

const URN = "urn:pulumi:test::proj::pulumi-nodejs:dynamic/lmapitoken:LmApiToken::t";

export interface Host {
  configure(config: Record<string, unknown>): Promise<void>;
  check(olds: object, news: object): Promise<{ inputs: any; failures: { property: string; reason: string }[] }>;
  diff(id: string, olds: object, news: object): Promise<{ changes: number; replaces: string[]; deleteBeforeReplace: boolean }>;
  create(properties: object): Promise<{ id: string; properties: any }>;
  read(id: string, properties: object): Promise<{ id: string; properties: any }>;
  update(id: string, olds: object, news: object): Promise<{ properties: any }>;
  delete(id: string, properties: object): Promise<void>;
  /** Everything the host printed on stdout and stderr. */
  output(): string;
  close(): Promise<void>;
}

/** Spawns the host in `cwd` (the program's folder, where it resolves modules from; default: the repo). */
export async function startHost(env: NodeJS.ProcessEnv, cwd = path.resolve(__dirname, "../..")): Promise<Host> {
  const script = require.resolve("@pulumi/pulumi/cmd/dynamic-provider");
  const child: ChildProcess = spawn(process.execPath, [script, "127.0.0.1:1"], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr!.on("data", (d) => (output += d));
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      output += d;
      const match = /^(\d+)\s*$/m.exec(output);
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`dynamic-provider host exited with ${code}: ${output}`)));
  });
  const client = new providerRpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const call = (method: string, request: any) =>
    new Promise<any>((resolve, reject) => client[method](request, (error: Error | null, response: any) => (error ? reject(error) : resolve(response))));
  const struct = (value: object) => Struct.fromJavaScript(value);
  const request = (Type: any, fields: Record<string, unknown>) => {
    const message = new Type();
    message.setUrn(URN);
    for (const [key, value] of Object.entries(fields)) message[`set${key}`](value);
    return message;
  };

  return {
    async configure(config) {
      await call("configure", (() => { const r = new providerProto.ConfigureRequest(); r.setArgs(struct(config)); return r; })());
    },
    async check(olds, news) {
      const response = await call("check", request(providerProto.CheckRequest, { Olds: struct(olds), News: struct(news) }));
      return { inputs: response.getInputs()?.toJavaScript(), failures: response.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() })) };
    },
    async diff(id, olds, news) {
      const response = await call("diff", request(providerProto.DiffRequest, { Id: id, Olds: struct(olds), News: struct(news) }));
      return { changes: response.getChanges(), replaces: response.getReplacesList(), deleteBeforeReplace: response.getDeletebeforereplace() };
    },
    async create(properties) {
      const response = await call("create", request(providerProto.CreateRequest, { Properties: struct(properties) }));
      return { id: response.getId(), properties: response.getProperties().toJavaScript() };
    },
    async read(id, properties) {
      const response = await call("read", request(providerProto.ReadRequest, { Id: id, Properties: struct(properties) }));
      return { id: response.getId(), properties: response.getProperties()?.toJavaScript() };
    },
    async update(id, olds, news) {
      const response = await call("update", request(providerProto.UpdateRequest, { Id: id, Olds: struct(olds), News: struct(news) }));
      return { properties: response.getProperties().toJavaScript() };
    },
    async delete(id, properties) {
      await call("delete", request(providerProto.DeleteRequest, { Id: id, Properties: struct(properties) }));
    },
    output: () => output,
    close: async () => {
      client.close();
      child.kill();
      if (child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

/** DiffResponse.DiffChanges */
export const DIFF_NONE = 1;
export const DIFF_SOME = 2;
