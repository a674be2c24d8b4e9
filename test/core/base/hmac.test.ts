import { createHash, createHmac, randomBytes } from "crypto";
import { fromHex, hmacSha256, sameText, sha256, toHex, utf8 } from "../../../src/core/base/hmac";

describe("SHA-256 and HMAC-SHA-256 in core, against node:crypto", () => {
  it("hashes texts of every length around the 64-byte blocks, in UTF-8", () => {
    for (const n of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000]) {
      const text = "Sở Tài chính ☃ 𝔸".repeat(n).slice(0, n);
      expect(Buffer.from(utf8(text)).equals(Buffer.from(text, "utf8"))).toBe(true);
      expect(toHex(sha256(utf8(text)))).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    }
  });

  it("signs with keys shorter and longer than a block", () => {
    for (const keyLength of [1, 32, 64, 65, 200]) {
      const key = randomBytes(keyLength);
      const message = randomBytes(keyLength * 3);
      expect(toHex(hmacSha256(new Uint8Array(key), new Uint8Array(message)))).toBe(createHmac("sha256", key).update(message).digest("hex"));
    }
  });

  it("reads hex back, refuses what is not hex, and compares texts", () => {
    expect(fromHex("00ff10")).toEqual(Uint8Array.from([0, 255, 16]));
    expect(fromHex("0g")).toBeNull();
    expect(fromHex("abc")).toBeNull();
    expect(sameText("abc", "abc")).toBe(true);
    expect(sameText("abc", "abd")).toBe(false);
    expect(sameText("abc", "ab")).toBe(false);
  });
});
