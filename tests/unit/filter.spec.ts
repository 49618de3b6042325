import { strict as assert } from "node:assert";
import { FilterError, parseFilter } from "../../emulator/filter";

const users = [
  { id: 1, username: "ci-bot", status: "active" },
  { id: 2, username: "CI-BOT2", status: "suspended" },
  { id: 3, username: "john.doe", status: "active" },
];
const ids = (filter: string) => users.filter(parseFilter(filter)).map((u) => u.id);

describe("emulator filter syntax", () => {
  it("matches a quoted value exactly, ignoring case", () => {
    assert.deepEqual(ids('username:"ci-bot"'), [1]);
    assert.deepEqual(ids('username:"CI-bot"'), [1]);
  });
  it("supports wildcards, alternatives, AND and OR", () => {
    assert.deepEqual(ids('username:"ci*"'), [1, 2]);
    assert.deepEqual(ids("id:1|3"), [1, 3]);
    assert.deepEqual(ids('username:"ci*",status:"active"'), [1]);
    assert.deepEqual(ids("id:3||status:suspended"), [2, 3]);
  });
  it("supports negation, contains and comparisons", () => {
    assert.deepEqual(ids("id!:1"), [2, 3]);
    assert.deepEqual(ids("username~doe"), [3]);
    assert.deepEqual(ids("id>:2"), [2, 3]);
    assert.deepEqual(ids("id<2"), [1]);
  });
  it("keeps separators inside quotes", () => {
    assert.deepEqual([{ note: "a,b|c" }].filter(parseFilter('note:"a,b|c"')).length, 1);
  });
  it("rejects a clause without an operator", () => {
    assert.throws(() => parseFilter("username"), FilterError);
  });
});
