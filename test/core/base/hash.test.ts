/** The fingerprint of JSON data (core/base/hash.ts): canonical JSON, then two 32-bit FNV-1a variants. */
import { canonicalJson, fingerprint, hashText } from "../../../src/core/base/hash";

describe("canonicalJson", () => {
  it("sorts object keys at every depth, keeps array order, leaves out undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: undefined, b: null } })).toBe('{"a":{"b":null,"d":[3,1]},"b":1}');
  });

  it("writes texts and keys in NFC", () => {
    const nfd = "Sở Y tế".normalize("NFD");
    expect(canonicalJson({ [nfd]: nfd })).toBe(JSON.stringify({ ["Sở Y tế"]: "Sở Y tế" }));
  });
});

describe("hashText", () => {
  it("its first 8 hex digits are 32-bit FNV-1a (the published test vectors)", () => {
    expect(hashText("").slice(0, 8)).toBe("811c9dc5");
    expect(hashText("a").slice(0, 8)).toBe("e40c292c");
    expect(hashText("foobar").slice(0, 8)).toBe("bf9cf968");
  });

  it("is 16 hex digits, and one character more or changed gives another", () => {
    const texts = ["", "a", "b", "ab", "ba", "Sở Y tế", "Sở Y tê"];
    const hashes = texts.map(hashText);
    for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(hashes).size).toBe(texts.length);
  });
});

describe("fingerprint", () => {
  it("is the same whatever the order of keys or the normal form of the texts, and changes with a value", () => {
    const a = { groups: [{ id: "a", max: 50 }], name: "Thái Bình" };
    const b = { name: "Thái Bình".normalize("NFD"), groups: [{ max: 50, id: "a" }] };
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint({ ...a, groups: [{ id: "a", max: 49 }] })).not.toBe(fingerprint(a));
  });
});
