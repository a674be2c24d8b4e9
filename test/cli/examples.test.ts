/**
 * The worked examples of docs/rules.md (scripts/make-rule-examples.js): each rules file is in the
 * docs, and the command line scores its workbook with it.
 */
import * as fs from "fs";
import * as path from "path";
import { validateRules } from "../../src/core/rules/rules";
import { buildCli, ROOT, runCli, tempDir } from "./helpers";

beforeAll(() => buildCli());

const EXAMPLES = ["khoi-so-va-huyen", "chi-so-co-trong-so", "toan-quoc-khong-phan-loai"];
const rulesOf = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, "docs/examples", `${name}.json`), "utf8"));

function scoreExample(name: string) {
  const out = path.join(tempDir(), "ra.xlsx");
  const r = runCli(["score", path.join(ROOT, "examples", `${name}.xlsx`), "-o", out, "--rules", path.join(ROOT, "docs/examples", `${name}.json`), "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as {
    rows: { name: string; block: string | null; total: number; maxPoints: number; index: number; class: string | null; rank: number }[];
    findings: unknown[];
  };
}

describe("docs/rules.md shows each example's rules, exactly", () => {
  const doc = fs.readFileSync(path.join(ROOT, "docs/rules.md"), "utf8");
  const blocks = [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1]));
  it.each(EXAMPLES)("%s", (name) => {
    const json = rulesOf(name);
    expect(validateRules(json).ok).toBe(true);
    expect(blocks).toContainEqual(json);
    expect(doc).toContain(`docs/examples/${name}.json`);
    expect(doc).toContain(`examples/${name}.xlsx`);
  });
});

describe("the command line scores each example workbook with its rules", () => {
  it("blocks found by their section headings: ranks restart, rows[].block, a block's own maximum", () => {
    const json = scoreExample("khoi-so-va-huyen");
    expect(json.findings).toEqual([]);
    expect(json.rows.map((r) => [r.block, r.rank, r.name, r.index, r.class])).toEqual([
      ["so-nganh", 1, "Sở Y tế", 0.925, "Tốt"],
      ["so-nganh", 2, "Sở Tư pháp", 0.876, "Tốt"],
      ["so-nganh", 3, "Sở Ngoại vụ", 0.818, "Khá"],
      ["so-nganh", 4, "Sở Xây dựng", 0.766, "Khá"],
      ["so-nganh", 5, "Ban Dân tộc", 0.7, "Khá"],
      ["huyen", 1, "UBND thành phố Thái Bình", 0.916, "Tốt"],
      ["huyen", 2, "UBND huyện Hưng Hà", 0.861, "Tốt"],
      ["huyen", 3, "UBND huyện Vũ Thư", 0.737, "Khá"],
    ]);
    expect(json.rows.find((r) => r.name === "Ban Dân tộc")!.maxPoints).toBe(300); // “Không có TTHC”
    expect(json.rows.find((r) => r.name === "UBND huyện Vũ Thư")!.maxPoints).toBe(380); // Cổng TTĐT 80 in this block
  });

  it("a weighted index (DTI-style), an exempt agency rescaled, a column not counted", () => {
    const json = scoreExample("chi-so-co-trong-so");
    expect(json.rows.map((r) => [r.rank, r.name, r.total, r.index, r.class, r.block])).toEqual([
      [1, "Sở Thông tin và Truyền thông", 558, 0.9313, "Tốt", null],
      [2, "Ban Quản lý các khu công nghiệp", 339, 0.8506, "Tốt", null],
      [3, "Sở Kế hoạch và Đầu tư", 471, 0.785, "Khá", null],
      [4, "Sở Tài chính", 466, 0.7758, "Khá", null],
      [5, "Sở Nội vụ", 403, 0.6742, "Khá", null],
    ]);
    // Khảo sát người dân (9,2) is not in the total: 57 + 38 + 110 + 92 + 185 + 76 = 558 of 600.
    expect(json.rows[0].maxPoints).toBe(600);
  });

  it("a national table: provinces, no classes, the index as a ratio in JSON (shown as a percentage)", () => {
    const json = scoreExample("toan-quoc-khong-phan-loai");
    expect(json.rows.map((r) => [r.rank, r.name, r.index, r.class])).toEqual([
      [1, "Đà Nẵng", 0.94, null],
      [2, "Hà Nội", 0.905, null],
      [2, "Thành phố Hồ Chí Minh", 0.905, null],
      [4, "Thái Bình", 0.77, null],
      [5, "Lào Cai", 0.73, null],
      [6, "Cà Mau", 0.69, null],
    ]);
  });
});
