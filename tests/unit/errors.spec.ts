import { strict as assert } from "node:assert";
import { LmApiError, redactHeaders, redactSecrets } from "../../provider/errors";

describe("LmApiError", () => {
  it("names method, path, status, errorCode and LogicMonitor's message", () => {
    const error = new LmApiError({ method: "POST", path: "/setting/admins/9/apitokens", status: 403, errorCode: 1403, errorMessage: "Permission denied" });
    assert.equal(error.message, "LogicMonitor API POST /setting/admins/9/apitokens failed with HTTP 403 (errorCode 1403): Permission denied");
    assert.equal(error.code, "ERR_LM_PERMISSION_DENIED");
    assert.equal(error.name, "LmApiError");
  });

  it("describes a request that got no response", () => {
    const error = new LmApiError({ method: "GET", path: "/x", status: 0, errorMessage: "ECONNRESET socket hang up" });
    assert.equal(error.message, "LogicMonitor API GET /x failed: no response (ECONNRESET socket hang up)");
    assert.equal(error.code, "ERR_LM_NETWORK");
  });
});

describe("redaction", () => {
  it("redacts the Authorization header on a copy, keeping the scheme", () => {
    const headers = { authorization: "LMv1 ID:c2lnbmF0dXJl:1700000000000", "x-version": "3" };
    assert.deepEqual(redactHeaders(headers), { authorization: "LMv1 [REDACTED]", "x-version": "3" });
    assert.equal(headers.authorization, "LMv1 ID:c2lnbmF0dXJl:1700000000000");
    assert.deepEqual(redactHeaders({ Authorization: "Bearer lmb_secret" }), { Authorization: "Bearer [REDACTED]" });
  });

  it("redacts secrets and the 20-character prefix a masked list shows", () => {
    const bearer = "lmb_0123456789abcdefghijklmnopqrstuvwxyz";
    const text = `token ${bearer} and ${bearer.slice(0, 20)}****`;
    assert.equal(redactSecrets(text, [bearer]), "token [REDACTED] and [REDACTED]****");
  });
});
