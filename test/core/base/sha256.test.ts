import { createHash } from "node:crypto";
import * as fc from "fast-check";
import { sha256, utf8 } from "../../../src/core/base/sha256";

const node = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

test("the FIPS 180-4 examples and the block boundaries", () => {
  expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  for (const n of [55, 56, 63, 64, 65, 119, 120, 1000]) expect(sha256("x".repeat(n))).toBe(node("x".repeat(n)));
});

test("Vietnamese text, emoji and lone surrogates hash as node:crypto does", () => {
  for (const t of ["Sở Y tế", "Ủy ban nhân dân tỉnh Thái Bình", "😀 điểm", "a\ud800b", "\udc00"]) expect(sha256(t)).toBe(node(t));
  expect(Buffer.from(utf8("Sở 😀")).equals(Buffer.from("Sở 😀", "utf8"))).toBe(true);
});

test("any text hashes as node:crypto does", () => {
  fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), (t) => sha256(t) === node(t)));
});
