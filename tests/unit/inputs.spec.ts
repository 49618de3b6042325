import { strict as assert } from "node:assert";
import { checkInputs, UNKNOWN } from "../../provider/inputs";

const failuresOf = (raw: Record<string, unknown>) => checkInputs(raw).failures;

describe("input validation (check)", () => {
  it("fills the defaults: note empty, enabled, LMv1", () => {
    assert.deepEqual(checkInputs({ userId: 12 }), { inputs: { userId: 12, note: "", disabled: false, type: "LMv1" }, failures: [] });
  });

  it("accepts a user id given as a string of digits, as -Id does, and stores a number", () => {
    assert.equal(checkInputs({ userId: "12345" }).inputs.userId, 12345);
  });

  it("normalises the type's case, as PowerShell's ValidateSet does", () => {
    assert.equal(checkInputs({ username: "ci-bot", type: "bearer" }).inputs.type, "Bearer");
    assert.equal(checkInputs({ username: "ci-bot", type: "LMV1" }).inputs.type, "LMv1");
  });

  it("refuses both userId and username, naming userId", () => {
    assert.deepEqual(failuresOf({ userId: 1, username: "a" }), [{ property: "userId", reason: "set exactly one of userId or username, not both" }]);
  });

  it("refuses neither userId nor username", () => {
    const [failure] = failuresOf({ note: "x" });
    assert.equal(failure.property, "userId");
    assert.match(failure.reason, /missing required property: set userId .* or username/);
  });

  for (const bad of [-1, 0, 1.5, "abc", "12a", true, 2 ** 31]) {
    it(`refuses userId ${JSON.stringify(bad)} and says what is allowed`, () => {
      const [failure] = failuresOf({ userId: bad });
      assert.equal(failure.property, "userId");
      assert.match(failure.reason, /userId must be a positive whole number/);
    });
  }

  it("refuses a list of user ids (-Id takes String[]) and says to declare one token per user", () => {
    assert.match(failuresOf({ userId: ["1", "2"] })[0].reason, /single user id, got a list of 2; declare one LmApiToken per user/);
  });

  it("refuses wildcards in usernames", () => {
    assert.deepEqual(failuresOf({ username: "a*" }), [{ property: "username", reason: 'username must be an exact username; "*" wildcards are not allowed, got "a*"' }]);
  });

  it("refuses empty usernames and quotes that would break the filter", () => {
    assert.match(failuresOf({ username: "" })[0].reason, /must not be empty/);
    assert.match(failuresOf({ username: 'a"b' })[0].reason, /double quotes/);
    assert.match(failuresOf({ username: " a" })[0].reason, /spaces/);
  });

  it("refuses a type other than LMv1 or Bearer", () => {
    assert.deepEqual(failuresOf({ userId: 1, type: "Foo" }), [{ property: "type", reason: 'type must be "LMv1" or "Bearer", got "Foo"' }]);
  });

  it("refuses a non-boolean disabled and a non-string note", () => {
    assert.deepEqual(
      failuresOf({ userId: 1, disabled: "yes", note: 5 }).map((f) => f.property),
      ["note", "disabled"],
    );
  });

  it("refuses unknown properties, listing the ones it takes", () => {
    assert.deepEqual(failuresOf({ userId: 1, usrname: "x" }), [{ property: "usrname", reason: 'unknown property "usrname"; LmApiToken takes userId, username, note, disabled, type' }]);
  });

  it("lets values that are unknown during preview pass", () => {
    const { inputs, failures } = checkInputs({ userId: UNKNOWN, note: UNKNOWN, type: UNKNOWN, disabled: UNKNOWN });
    assert.deepEqual(failures, []);
    assert.equal(inputs.userId, UNKNOWN);
  });

  it("ignores the serialized provider key", () => {
    assert.deepEqual(failuresOf({ userId: 1, __provider: "exports.handler = ..." }), []);
  });
});
