/**
 * One spelling style throughout what users read: the one of the published decision (Quyết định
 * 06/QĐ-UBND of Thái Bình, 2021): the tone mark on the first vowel of "oa", "oe", "uy" in an open
 * syllable ("Ủy ban", "hòa", "khóa", "xóa", "tùy"), never the other style's "Uỷ ban", "hoà", "khoá";
 * and common nouns in lower case inside a sentence ("thủ tục hành chính", "Ủy ban nhân dân tỉnh").
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

/** The other style: tone on the second vowel of oa/oe/uy at the end of a word ("qu" + y is a different case: "quý"). */
const OTHER_STYLE = /\p{L}*(?<![qQ])(?:[oO][àáảãạÀÁẢÃẠ]|[oO][èéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?!\p{L})/gu;
/**
 * The over-correction: the decision's style moves the mark only in an open syllable; before a final
 * consonant both styles write it on the second vowel ("hoàn", "khoảng", "thuyết"), never "hòan".
 */
const OVER_CORRECTED = /\p{L}*(?:[òóỏõọÒÓỎÕỌ][aăeAĂE]|[ùúủũụÙÚỦŨỤ][yY])\p{L}+/gu;
/** Capitalised common nouns the decision writes in lower case. */
const CAPITALISED = /Ủy Ban|Nhân Dân|Thủ Tục Hành Chính|Tục Hành Chính|Công Nghệ Thông Tin/g;

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(rel, ext));
    else if (ext.test(entry.name)) out.push(rel);
  }
  return out;
}

/**
 * Not interface text: the TCVN3/VNI conversion tables, whose Unicode side must hold both styles
 * (a legacy "hoà" converts to "hoà", as typed).
 */
const DATA = new Set(["src/core/text/legacy-encoding.ts"]);

/** Everything the interface says: the message catalogues and UI strings (src), the manifest, the user docs. */
const SCANNED = [...files("src", /\.(ts|tsx|html)$/), "manifest.xml", "README.md", ...files("docs", /\.md$/)].filter((f) => !DATA.has(f));

function offences(re: RegExp): string[] {
  const found: string[] = [];
  for (const file of SCANNED) {
    const lines = fs.readFileSync(path.join(ROOT, file), "utf8").normalize("NFC").split("\n");
    lines.forEach((line, i) => {
      for (const m of line.matchAll(re)) found.push(`${file}:${i + 1}: ${m[0]}`);
    });
  }
  return found;
}

test("the scan covers the catalogues and the pane, ribbon and command line", () => {
  for (const f of ["src/core/findings/findings.ts", "src/taskpane/i18n.ts", "src/commands/notify.ts", "src/cli/main.ts", "src/excel/undo.ts"])
    expect(SCANNED).toContain(f);
});

test("no word is spelled in the other style (“Uỷ”, “hoà”, “khoá”, “xoá”, “tuỳ”)", () => {
  expect(offences(OTHER_STYLE)).toEqual([]);
});

test("no closed syllable carries the mark on its first vowel (“hòan” for “hoàn”)", () => {
  expect(offences(OVER_CORRECTED)).toEqual([]);
  const hits = (text: string) => [...text.matchAll(OVER_CORRECTED)].map((m) => m[0]);
  expect(hits("Không hòan tác được, khỏang, tùyên")).toEqual(["hòan", "khỏang", "tùyên"]);
  expect(hits("hoàn tác, khoảng, thuyết, hòa, thủy, Ủy ban, xóa")).toEqual([]);
});

test("common nouns stay in lower case inside a sentence, as in the decision", () => {
  expect(offences(CAPITALISED)).toEqual([]);
});

test("the pattern finds the other style and leaves the decision's style alone", () => {
  const hits = (text: string) => [...text.matchAll(OTHER_STYLE)].map((m) => m[0]);
  expect(hits("Uỷ ban nhân dân, CỘNG HOÀ, từ khoá, Xoá, tuỳ chọn, thuỷ lợi")).toEqual(["Uỷ", "HOÀ", "khoá", "Xoá", "tuỳ", "thuỷ"]);
  expect(hits("Ủy ban nhân dân, CỘNG HÒA, từ khóa, Xóa, tùy chọn, hoàn tác, quý, khoảng, thuyết")).toEqual([]);
});

/** The published decision, kept in the repository as a test fixture. */
const DECISION = path.join(ROOT, "test/fixtures/reference/06-QD-UBND-2021-Thai-Binh.txt");

// Its own words are in this style (its table copies agency names as each agency typed them, "Sở Văn
// hoá": data, kept as typed, not our words).
test("the published decision's own words are written in this style", () => {
  const text = fs
    .readFileSync(DECISION, "utf8")
    .normalize("NFC")
    .split("\n")
    .filter((line) => !line.includes("\t"))
    .join("\n");
  expect(text).toContain("Ủy ban nhân dân tỉnh");
  expect(text).toContain("CỘNG HÒA");
  expect([...text.matchAll(OTHER_STYLE)]).toEqual([]);
});
