import * as fs from "fs";
import * as path from "path";
import { formatVi } from "../../../src/core/base/decimal";
import { presetRules } from "../../../src/core/rules/rules";
import { rankedRows, scoreSheet } from "../../../src/core/grid/scoring";
import { REFERENCE_TSV, readPublishedAnnex, referenceSheet } from "../../fixtures/reference";

describe("the published 2020 annex (06/QĐ-UBND, Thái Bình)", () => {
  const published = readPublishedAnnex();
  const result = scoreSheet(referenceSheet(), presetRules());
  if (!result.ok) throw new Error(result.error.message);

  it("reads all 19 agencies from the typed sheet", () => {
    expect(published.rows).toHaveLength(19);
    expect(result.rows.map((r) => r.name)).toEqual(published.rows.map((r) => r.name));
    expect(result.layout.headerRow).toBe(3);
    expect(result.layout.notesBlockRow).toBe(24);
  });

  it.each(readPublishedAnnex().rows.map((r) => [r.name, r] as const))("%s: Tổng điểm, Chỉ số, Phân loại and rank as published", (name, pub) => {
    const row = result.rows.find((r) => r.name === name)!;
    expect(formatVi(row.total!)).toBe(pub.total);
    expect(formatVi(row.index!, 3)).toBe(pub.index);
    expect(row.className).toBe(pub.className);
    expect(String(row.rank)).toBe(pub.stt);
  });

  it("puts the agencies in the published order", () => {
    expect(rankedRows(result.rows).map((r) => r.name)).toEqual(published.rows.map((r) => r.name));
  });

  it("applies the Không TTHC exemption to exactly the three published agencies (max 398)", () => {
    const exempt = result.rows.filter((r) => r.exemptGroups.length > 0);
    expect(exempt.map((r) => r.name)).toEqual(["Văn phòng UBND tỉnh", "Sở Ngoại vụ", "Thanh tra tỉnh"]);
    expect(exempt.map((r) => formatVi(r.maxPoints!))).toEqual(["398", "398", "398"]);
    expect(formatVi(result.rows[0].maxPoints!)).toBe("498");
  });

  it("raises exactly one error: Văn phòng UBND tỉnh, Nhân lực 55 above its maximum 50", () => {
    const errors = result.findings.filter((f) => f.severity === "error");
    expect(errors).toHaveLength(1);
    const [f] = errors;
    expect(f.code).toBe("aboveMax");
    expect(f.agency).toBe("Văn phòng UBND tỉnh");
    expect(f.group).toBe("Nhân lực cho ứng dụng CNTT");
    expect(f.value).toBe("55");
    expect(f.detail).toBe("50");
    expect(f.cell).toBe("H10");
    expect(f.message).toContain("vượt điểm tối đa 50");
    expect(result.findings).toHaveLength(1);
  });

  it("summarises 7 Tốt, 8 Khá, 4 Trung bình", () => {
    expect(result.summary.byClass).toEqual([
      { name: "Tốt", count: 7 },
      { name: "Khá", count: 8 },
      { name: "Trung bình", count: 4 },
    ]);
  });
});

describe("the repository's copy of the published annex", () => {
  const copy = fs.readFileSync(REFERENCE_TSV, "utf8");
  // The project's reference folder, beside the repository on the developers' machines only. A clone
  // has none: it then tests against its own copy, which the checks above hold to the published numbers.
  const beside = path.resolve(__dirname, "../../../../shared/reference/06-QD-UBND-2021-annex.tsv");

  it("is the annex: a header and 19 agencies in 12 tab-separated columns, NFC text", () => {
    const lines = copy.split(/\r?\n/).filter((l) => l.trim() !== "");
    expect(lines).toHaveLength(20);
    expect(lines[0].split("\t").slice(0, 2)).toEqual(["STT", "Tên cơ quan"]);
    for (const line of lines) expect(line.split("\t").length).toBeLessThanOrEqual(12);
    expect(copy.normalize("NFC")).toBe(copy);
  });

  it("equals ../shared/reference byte for byte when that folder exists (the annex and the decision's text)", () => {
    if (!fs.existsSync(beside)) return; // a clone on its own: nothing to compare with
    expect(fs.readFileSync(REFERENCE_TSV, "utf8")).toBe(fs.readFileSync(beside, "utf8"));
    const decision = "06-QD-UBND-2021-Thai-Binh.txt";
    expect(fs.readFileSync(path.join(path.dirname(REFERENCE_TSV), decision), "utf8")).toBe(fs.readFileSync(path.join(path.dirname(beside), decision), "utf8"));
  });
});
