import { strict as assert } from "node:assert";
import { diffToken } from "../../provider/diff";
import { UNKNOWN } from "../../provider/inputs";
import type { TokenOutputs } from "../../provider/outputs";

const olds: TokenOutputs = { userId: 2, note: "ci", disabled: false, type: "LMv1", tokenId: 7, adminId: 2, adminName: "ci-bot", status: 2, accessKey: "k" };
const base = { note: "ci", disabled: false, type: "LMv1" as const };

describe("diff decisions", () => {
  it("sees no change when nothing changed", () => {
    assert.deepEqual(diffToken(olds, { ...base, userId: 2 }), { changes: false, replaces: [], updates: [], deleteBeforeReplace: false });
  });

  it("sees no change when switching from userId to the username of the same user", () => {
    assert.equal(diffToken(olds, { ...base, username: "ci-bot" }).changes, false);
  });

  it("sees no change when switching from username to the id of the same user", () => {
    const byName: TokenOutputs = { ...olds, userId: undefined, username: "ci-bot" };
    assert.equal(diffToken(byName, { ...base, userId: 2 }).changes, false);
  });

  it("replaces when the user changes, by id or by name", () => {
    assert.deepEqual(diffToken(olds, { ...base, userId: 3 }).replaces, ["userId"]);
    assert.deepEqual(diffToken(olds, { ...base, username: "CI-BOT" }).replaces, ["username"]);
  });

  it("replaces when the type changes, creating the new token before deleting the old", () => {
    const diff = diffToken(olds, { ...base, userId: 2, type: "Bearer" });
    assert.deepEqual(diff.replaces, ["type"]);
    assert.equal(diff.deleteBeforeReplace, false);
  });

  it("updates note and disabled in place", () => {
    const diff = diffToken(olds, { userId: 2, note: "new", disabled: true, type: "LMv1" });
    assert.deepEqual([diff.changes, diff.replaces, diff.updates], [true, [], ["note", "disabled"]]);
  });

  it("plans a replacement when the user is not known yet (preview)", () => {
    assert.deepEqual(diffToken(olds, { ...base, userId: UNKNOWN as unknown as number }).replaces, ["userId"]);
  });
});
