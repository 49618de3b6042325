/**
 * LmApiToken: a LogicMonitor API token (LMv1 or Bearer) as a Pulumi resource.
 *
 * ```ts
 * const ci = new LmApiToken("ci", { username: "ci-bot", type: "Bearer", note: "CI pipeline" });
 * export const bearer = ci.bearerToken; // secret
 * ```
 */
import * as pulumi from "@pulumi/pulumi";
import { provider } from "../provider";
import { OUTPUT_NAMES, SECRET_OUTPUTS } from "../provider/outputs";

export interface LmApiTokenArgs {
  /** The LogicMonitor user (admin) id to create the token for (`-Id`). Set exactly one of `userId` and `username`. */
  userId?: pulumi.Input<number | string>;
  /** The exact, case-sensitive username to create the token for (`-Username`); `*` is not allowed. */
  username?: pulumi.Input<string>;
  /** A note describing the token's purpose (`-Note`). Defaults to `""`. Changes in place. */
  note?: pulumi.Input<string>;
  /** Create the token disabled (`-CreateDisabled`). Defaults to `false`. Changes in place. */
  disabled?: pulumi.Input<boolean>;
  /** `"LMv1"` (an access id and key) or `"Bearer"` (`-Type`). Defaults to `"LMv1"`. Changing it replaces the token. */
  type?: pulumi.Input<"LMv1" | "Bearer">;
}

export class LmApiToken extends pulumi.dynamic.Resource {
  /** The LogicMonitor token id (also the resource id). */
  declare public readonly tokenId: pulumi.Output<number>;
  /** The id of the user the token belongs to. */
  declare public readonly adminId: pulumi.Output<number>;
  /** The username of the user the token belongs to. */
  declare public readonly adminName: pulumi.Output<string>;
  declare public readonly userId: pulumi.Output<number | undefined>;
  declare public readonly username: pulumi.Output<string | undefined>;
  declare public readonly note: pulumi.Output<string>;
  declare public readonly disabled: pulumi.Output<boolean>;
  declare public readonly type: pulumi.Output<"LMv1" | "Bearer">;
  /** 1 = disabled, 2 = enabled, as LogicMonitor reports it. */
  declare public readonly status: pulumi.Output<number>;
  /** The token's access id (LMv1 tokens; LogicMonitor also assigns one to bearer tokens). */
  declare public readonly accessId: pulumi.Output<string>;
  /** The roles of the token's user. */
  declare public readonly roles: pulumi.Output<string[]>;
  /** When the token was created, epoch seconds as LogicMonitor reports it. */
  declare public readonly createdOn: pulumi.Output<number>;
  /** When the token was last used, epoch seconds (0: never). */
  declare public readonly lastUsedOn: pulumi.Output<number>;
  /** The user who created the token. */
  declare public readonly createdBy: pulumi.Output<string>;
  /** The LMv1 access key. Secret; LogicMonitor shows it only once, at creation. */
  declare public readonly accessKey: pulumi.Output<string | undefined>;
  /** The bearer token. Secret; LogicMonitor shows it only once, at creation. */
  declare public readonly bearerToken: pulumi.Output<string | undefined>;

  constructor(name: string, args: LmApiTokenArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = Object.fromEntries(OUTPUT_NAMES.map((key) => [key, undefined]));
    super(
      provider,
      name,
      { ...outputs, userId: args.userId, username: args.username, note: args.note, disabled: args.disabled, type: args.type },
      pulumi.mergeOptions(opts, { additionalSecretOutputs: [...SECRET_OUTPUTS] }),
      "lmapitoken",
      "LmApiToken",
    );
  }

  /** Whether `obj` is an LmApiToken, even across copies of this package. */
  static isInstance(obj: unknown): obj is LmApiToken {
    return obj instanceof LmApiToken || (pulumi.CustomResource.isInstance(obj) && (obj as { __pulumiType?: string }).__pulumiType === LmApiToken.pulumiType);
  }

  static readonly pulumiType = "pulumi-nodejs:dynamic/lmapitoken:LmApiToken";
}

export { provider };
