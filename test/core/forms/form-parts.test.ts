/** The form's identity (src/core/forms/form-parts.ts): its token, an HMAC of master id, agency and year under the master's key. */
import { buildForm } from "../../../src/core/forms/forms";
import { formToken, identityVerifies, newFormKey } from "../../../src/core/forms/form-parts";
import { presetRules } from "../../../src/core/rules/rules";
import { formFor, KEY, OTHER_KEY } from "../../forms/helpers";

const rules = presetRules();

describe("the token", () => {
  it("is made from a fresh key, and verifies only for the master id, agency and year it was made for", () => {
    const key = newFormKey((n) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255));
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const id = buildForm({ rules, agency: "Sở Y tế", notes: "", year: 2020, masterId: "m", formKey: key }).identity;
    expect(id.token).toBe(formToken(key, "m", "Sở Y tế", 2020));
    expect(identityVerifies(key, id)).toBe(true);
    expect(identityVerifies(key, { ...id, agency: "Sở Tài chính" })).toBe(false);
    expect(identityVerifies(key, { ...id, year: 2021 })).toBe(false);
    expect(identityVerifies(key, { ...id, masterId: "n" })).toBe(false);
    expect(identityVerifies(OTHER_KEY, id)).toBe(false);
    expect(identityVerifies(key, { ...id, token: undefined })).toBe(false);
  });

  it("is never the key, and the form carries no key", () => {
    const form = formFor(rules, "Sở Y tế");
    expect(JSON.stringify(form)).not.toContain(KEY);
  });
});
