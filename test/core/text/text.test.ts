import fc from "fast-check";
import { cleanText, headerKey, matchKey } from "../../../src/core/text/text";

/** matchKey as specified: the straightforward chain the fast table path must reproduce exactly. */
const referenceMatchKey = (value: string): string =>
  value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, " ")
    .replace(/\s*\/\s*/g, "/")
    .trim();
const referenceHeaderKey = (value: string): string => referenceMatchKey(value.normalize("NFC").replace(/\([^()]*\)\s*$/u, ""));

const VIETNAMESE =
  "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵÁÀẢÃẠẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ";
const PUNCT = " \n\t\u00a0\u200b/()-,.;:!?\"'“”…–—_#%&*+=";
const arbVietnamese = fc.string({ unit: fc.constantFrom(...(VIETNAMESE + PUNCT + "0123456789").split("")), maxLength: 40 });
const arbAccents = fc.string({
  unit: fc.constantFrom(
    "a",
    "e",
    "o",
    "u",
    "d",
    "A",
    "E",
    " ",
    "/",
    "\u0300",
    "\u0301",
    "\u0302",
    "\u0303",
    "\u0306",
    "\u0309",
    "\u031b",
    "\u0323",
    "\u0483",
    "\u1dc0",
    "ǆ",
    "İ",
    "ẞ",
    "Σ",
    "ﬁ",
    "Å",
  ),
  maxLength: 30,
});

describe("matchKey and headerKey", () => {
  it.each<[string, string]>([
    ["Trang/Cổng thông tin điện tử", "trang/cong thong tin dien tu"],
    ["TRANG/CỔNG TTĐT", "trang/cong ttdt"],
    ["Trang / Cổng\nthông tin điện tử", "trang/cong thong tin dien tu"],
    ["  Cơ chế,   chính sách ", "co che chinh sach"],
    ["Không TTHC", "khong tthc"],
    ["Ghi chú:", "ghi chu"],
    ["a//b", "a//b"],
    ["a / / b", "a//b"],
    [" / a", "/a"],
    ["(1)", "1"],
    ["", ""],
    ["—", ""],
    ["ǅ", ""],
    ["Ⅻ", ""],
  ])("matchKey(%p) = %p", (text, key) => {
    expect(matchKey(text)).toBe(key);
    expect(matchKey(text)).toBe(referenceMatchKey(text));
  });

  it("property: matchKey is exactly the reference chain, for Vietnamese text, stray accents and any Unicode", () => {
    fc.assert(
      fc.property(fc.oneof(arbVietnamese, arbAccents, fc.string({ unit: "binary", maxLength: 20 }), fc.string({ unit: "grapheme", maxLength: 10 })), (text) => {
        expect(matchKey(text)).toBe(referenceMatchKey(text));
        expect(matchKey(text.normalize("NFD"))).toBe(referenceMatchKey(text.normalize("NFD")));
      }),
      { numRuns: 3000 },
    );
  });

  it("every character U+0000–U+2FFF alone and between letters", () => {
    for (let code = 0; code < 0x3000; code++) {
      const ch = String.fromCharCode(code);
      for (const text of [ch, `a${ch}b`, `${ch}${ch}x`, `x/${ch} y`]) expect(matchKey(text)).toBe(referenceMatchKey(text));
    }
  });

  it("property: headerKey drops one trailing (note) and is otherwise matchKey", () => {
    const arbHeader = fc.tuple(arbVietnamese, fc.constantFrom("", " (50 điểm)", "(DVCTT)", " (a) (b) ", ")", " ( ) ", "(x", "((y))")).map(([a, b]) => a + b);
    fc.assert(
      fc.property(arbHeader, (text) => {
        expect(headerKey(text)).toBe(referenceHeaderKey(text));
      }),
      { numRuns: 2000 },
    );
    expect(headerKey("Nhân lực cho ứng dụng CNTT (50 điểm)")).toBe("nhan luc cho ung dung cntt");
    expect(headerKey("Nhân lực (50 điểm)  ")).toBe("nhan luc");
    expect(headerKey("(1)")).toBe("");
  });

  it("property: cleanText is exactly NFC + one space per run + trim (its fast path included)", () => {
    const reference = (v: string) =>
      v
        .normalize("NFC")
        .replace(/[\s\u00a0]+/g, " ")
        .trim();
    fc.assert(
      fc.property(fc.oneof(arbVietnamese, arbAccents, fc.string({ unit: "binary", maxLength: 20 })), (text) => {
        expect(cleanText(text)).toBe(reference(text));
        expect(cleanText(text.normalize("NFD"))).toBe(reference(text.normalize("NFD")));
      }),
      { numRuns: 2000 },
    );
  });

  it("the characters cleanText passes through unchanged never compose with each other", () => {
    // The ranges isClean in src/core/text/text.ts lets through.
    const safe: string[] = [];
    for (let c = 0; c < 0x2000; c++) {
      if ((c > 32 && c < 127) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1ea0 && c <= 0x1ef9)) safe.push(String.fromCharCode(c));
    }
    for (const a of safe) {
      expect(a.normalize("NFC")).toBe(a);
      for (const b of safe) if ((a + b).normalize("NFC") !== a + b) throw new Error(`${a}${b} composes`);
    }
  });

  it("cleanText keeps what is shown: NFC, one space for any run of spaces or line breaks", () => {
    expect(cleanText("  Sở  Y\ntế\u00a0 ")).toBe("Sở Y tế");
    expect(cleanText("Sở Y tế".normalize("NFD"))).toBe("Sở Y tế");
    expect(cleanText("Sở Y tế".normalize("NFD")).length).toBe(7);
  });
});
