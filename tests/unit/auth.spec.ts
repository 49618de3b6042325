import { strict as assert } from "node:assert";
import { bearerAuthorization, lmv1Authorization, lmv1Signature } from "../../provider/auth";

// Vectors from ../shared/reference/lm-api.md: LogicMonitor's documented sample key, epoch 1700000000000.
const SAMPLE_KEY = "H_D9i(f5~B^U36^K6i42=^nS~e75gy382Bf6{)P+";
const EPOCH = "1700000000000";

describe("LMv1 signing", () => {
  it("signs a GET as VERB + epoch + path", () => {
    assert.equal(
      lmv1Signature(SAMPLE_KEY, "GET", EPOCH, "", "/setting/admins/apitokens"),
      "MWZlMmU1OTg4ZmVhYjBlMTJiMjNhNzVlZGFmNTc5YzdlNzc2MTBjNzk4MGE3OTMzNjMyODI5NDZhYzlhMTQ5Ng==",
    );
  });

  it("signs a POST with the exact body text between epoch and path", () => {
    assert.equal(
      lmv1Signature(SAMPLE_KEY, "POST", EPOCH, '{"note":"x","status":2}', "/setting/admins/32/apitokens"),
      "NjRmY2IxNzFlNzhkNDUxNzRiNjMwN2M3MGI3MjhkYmU0OGY3Y2UxYmRlNzQyMWVjMTRkMWQwNWM3MDZkNmFkNg==",
    );
  });

  it("produces base64 of the 64-character lowercase hex digest (88 characters)", () => {
    const signature = lmv1Signature(SAMPLE_KEY, "delete", EPOCH, "", "/setting/admins/1/apitokens/2");
    assert.equal(signature.length, 88);
    assert.match(Buffer.from(signature, "base64").toString("ascii"), /^[0-9a-f]{64}$/);
    assert.equal(signature, lmv1Signature(SAMPLE_KEY, "DELETE", EPOCH, "", "/setting/admins/1/apitokens/2"));
  });

  it("changes when one byte of the body changes (the body is signed as sent)", () => {
    const a = lmv1Signature(SAMPLE_KEY, "PATCH", EPOCH, '{"note":"x"}', "/p");
    const b = lmv1Signature(SAMPLE_KEY, "PATCH", EPOCH, '{"note":"x"}\n', "/p");
    assert.notEqual(a, b);
  });

  it("builds the header as LMv1 id:signature:epoch", () => {
    const header = lmv1Authorization({ accessId: "ID", accessKey: SAMPLE_KEY }, { method: "GET", path: "/setting/admins/apitokens", body: "" }, 1700000000000);
    assert.equal(header, "LMv1 ID:MWZlMmU1OTg4ZmVhYjBlMTJiMjNhNzVlZGFmNTc5YzdlNzc2MTBjNzk4MGE3OTMzNjMyODI5NDZhYzlhMTQ5Ng==:1700000000000");
  });

  it("builds the bearer header", () => {
    assert.equal(bearerAuthorization("lmb_abc"), "Bearer lmb_abc");
  });
});
