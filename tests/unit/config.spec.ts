import { strict as assert } from "node:assert";
import { collectSettings, resolveSettings } from "../../provider/config";

const none = () => undefined;

describe("provider configuration", () => {
  it("prefers stack config over the environment", () => {
    const config = (key: string) => ({ "logicmonitor:company": "fromconfig", "logicmonitor:accessId": "cid" })[key];
    const raw = collectSettings(config, { LM_COMPANY: "fromenv", LM_ACCESS_ID: "eid", LM_ACCESS_KEY: "ekey" });
    assert.deepEqual(raw, { company: "fromconfig", accessId: "cid", accessKey: "ekey" });
  });

  it("accepts the Terraform provider's LM_API_ID / LM_API_KEY", () => {
    const settings = resolveSettings(collectSettings(none, { LM_COMPANY: "acme", LM_API_ID: "id", LM_API_KEY: "key" }));
    assert.deepEqual(settings, { baseUrl: "https://acme.logicmonitor.com/santaba/rest", credentials: { kind: "LMv1", accessId: "id", accessKey: "key" } });
  });

  it("builds the GovCloud URL from the domain", () => {
    assert.equal(resolveSettings({ company: "agency", domain: "lmgov.us", bearerToken: "lmb_x" }).baseUrl, "https://agency.lmgov.us/santaba/rest");
  });

  it("uses a bearer token when no LMv1 pair is set", () => {
    assert.deepEqual(resolveSettings({ company: "acme", bearerToken: "lmb_x" }).credentials, { kind: "Bearer", bearerToken: "lmb_x" });
  });

  it("says both ways to set missing credentials", () => {
    assert.throws(
      () => resolveSettings({ company: "acme" }),
      /credentials are missing.*pulumi config set logicmonitor:accessId .*LM_ACCESS_ID \/ LM_API_ID.*logicmonitor:accessKey --secret.*LM_ACCESS_KEY.*logicmonitor:bearerToken --secret.*LM_BEARER_TOKEN/,
    );
  });

  it("names the missing half of an LMv1 pair", () => {
    assert.throws(() => resolveSettings({ company: "acme", accessId: "id", bearerToken: "b" }), /half set: accessId is set but accessKey is not.*logicmonitor:accessKey --secret.*LM_ACCESS_KEY/);
  });

  it("needs a company or a base URL", () => {
    assert.throws(() => resolveSettings({ bearerToken: "b" }), /company is missing.*logicmonitor:company.*LM_COMPANY.*logicmonitor:baseUrl/);
  });

  it("allows plain http only for loopback base URLs", () => {
    assert.equal(resolveSettings({ baseUrl: "http://127.0.0.1:8080/santaba/rest/", bearerToken: "b" }).baseUrl, "http://127.0.0.1:8080/santaba/rest");
    assert.throws(() => resolveSettings({ baseUrl: "http://lm.example.com/santaba/rest", bearerToken: "b" }), /must use https/);
  });

  it("refuses a company that is not a portal name", () => {
    assert.throws(() => resolveSettings({ company: "acme.evil.com/x", bearerToken: "b" }), /not a portal name/);
  });
});
