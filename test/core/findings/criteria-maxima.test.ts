/**
 * Criteria that do not apply to an agency (another block's — appliesTo — or exempt — exemptions[].criteria)
 * leave its maximum: the annex's notes and the agency's Giải trình say which and by how much, and their
 * numbers add up to the maximum its index is computed on.
 */
import * as fs from "fs";
import * as path from "path";
import { formatVi } from "../../../src/core/base/decimal";
import { cardText } from "../../../src/core/findings/explanation";
import { maxesOf, maxReasons } from "../../../src/core/findings/explain";
import { annexNotes } from "../../../src/core/sheets/annex";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { RulesJson, validateRules } from "../../../src/core/rules/rules";

const EXAMPLE = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../docs/examples/bo-tieu-chi-2020.json"), "utf8")) as RulesJson;

/** The example's rules (3.3 only for "Khối sở, ban, ngành"; 2.5 exempt with “Không TTHC”), with a second block "Khối huyện" and 2.1 at 35. */
function rules() {
  const json = JSON.parse(JSON.stringify(EXAMPLE)) as RulesJson;
  json.blocks = [...(json.blocks ?? []), { id: "huyen", name: "Khối UBND huyện", match: ["huyện"] }];
  // Ứng dụng CNTT's criteria add up to its 100 (the example's give 105, so that 2.5 exempt leaves 100 as published).
  json.groups[1].criteria![0].max = 35;
  const checked = validateRules(json);
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join("\n"));
  return checked.rules;
}

const HEADER = ["STT", "Tên cơ quan", ...EXAMPLE.groups.map((g) => g.name), "Ghi chú"];
const GRID = [
  HEADER,
  [1, "Sở A", 40, 80, 70, 60, 50, 40, "sở, ban, ngành"],
  [2, "Sở B", 40, 80, 70, "", 50, 40, "sở, ban, ngành; Không TTHC"],
  [3, "UBND huyện C", 40, 80, 70, 60, 50, 40, "huyện"],
];

function scored() {
  const result = scoreSheet(GRID, rules());
  if (!result.ok) throw new Error(result.error.message);
  const row = (name: string) => result.rows.find((r) => r.name === name)!;
  return { result, row };
}

describe("maxima lowered by criteria that do not apply", () => {
  it("each group's maximum and the agency's: the block's criteria only in its block, the exempt criterion out", () => {
    const { result, row } = scored();
    const r = result.rules;
    // 498 in all (Trang/Cổng TTĐT 98 after the 2 points not evaluated); 3.3 (10) only for departments; 2.5 (5) exempt with DVCTT (100).
    expect(formatVi(row("Sở A").maxPoints!)).toBe("498");
    expect(formatVi(row("UBND huyện C").maxPoints!)).toBe("488");
    expect(formatVi(row("Sở B").maxPoints!)).toBe("393");
    expect(maxesOf(r, row("UBND huyện C")).map((m) => formatVi(m))).toEqual(["50", "100", "88", "100", "100", "50"]);
    expect(maxesOf(r, row("Sở B")).map((m) => formatVi(m))).toEqual(["50", "95", "98", "100", "100", "50"]);
    expect(maxReasons(r, row("UBND huyện C")).filter((m) => m.kind === "criteria")).toEqual([
      expect.objectContaining({ group: "Trang/Cổng thông tin điện tử", criteria: [{ id: "3.3", name: expect.any(String), onlyFor: ["Khối sở, ban, ngành"] }] }),
    ]);
  });

  it("Giải trình: the group's maximum, its note, and the maximum line that adds up (both languages)", () => {
    const { result, row } = scored();
    const huyen = cardText(result, row("UBND huyện C"), "vi");
    const group = huyen.groups.find((g) => g.group === "Trang/Cổng thông tin điện tử")!;
    expect(group.max).toBe("88");
    expect(group.note).toContain("Không chấm tiêu chí 3.3 “Chuyên mục hỏi đáp, tiếp nhận ý kiến” (chỉ chấm cho Khối sở, ban, ngành)");
    expect(huyen.lines[0]).toBe(
      "Điểm tối đa: 488 điểm = 498 điểm (tổng điểm tối đa chung) − 10 điểm của nhóm “Trang/Cổng thông tin điện tử”: tiêu chí 3.3 “Chuyên mục hỏi đáp, tiếp nhận ý kiến” (chỉ chấm cho Khối sở, ban, ngành).",
    );
    const soB = cardText(result, row("Sở B"), "vi");
    expect(soB.groups.find((g) => g.group === "Ứng dụng CNTT")).toMatchObject({ max: "95", note: expect.stringContaining("tiêu chí 2.5") });
    expect(soB.lines[0]).toMatch(
      /^Điểm tối đa: 393 điểm = 498 điểm \(tổng điểm tối đa chung\) − 5 điểm của nhóm “Ứng dụng CNTT”: tiêu chí 2\.5 .*− 100 điểm nhóm “Cung cấp DVCTT”/,
    );
    const en = cardText(result, row("UBND huyện C"), "en");
    expect(en.lines[0]).toMatch(
      /^Maximum: 488 points = 498 \(the general maximum\) − 10 of “Trang\/Cổng thông tin điện tử”: criterion 3\.3 .*scored only for Khối sở, ban, ngành/,
    );
  });

  it("the annex's notes: each block's general maximum without the other block's criteria, and the exempt criterion named with its points", () => {
    const { result } = scored();
    const notes = annexNotes(result.rules, result.rows);
    expect(notes).toContain(
      "- Khối sở, ban, ngành: tổng điểm đánh giá chung 498 điểm (Do không đánh giá mục điều kiện địa lý trên Cổng thông tin điện tử, điểm của mục này là 2 điểm).",
    );
    expect(notes.find((n) => n.startsWith("- Khối UBND huyện"))).toMatch(
      /^- Khối UBND huyện: tổng điểm đánh giá chung 488 điểm, trong đó điểm tối đa Cổng thông tin điện tử là 88 điểm \(không chấm tiêu chí 3\.3 “Chuyên mục hỏi đáp, tiếp nhận ý kiến”\)/,
    );
    expect(notes.find((n) => n.includes("Sở B"))).toMatch(/không thực hiện chấm điểm mục: .*\(điểm mục này là 100 điểm\) và tiêu chí 2\.5 “.*” \(5 điểm\)\.$/);
  });

  it("without criteria nothing changes: the maxima are the block's", () => {
    const json = JSON.parse(JSON.stringify(EXAMPLE)) as RulesJson;
    for (const g of json.groups) delete g.criteria;
    delete json.exemptions[0].criteria;
    const checked = validateRules(json);
    if (!checked.ok) throw new Error("invalid");
    const result = scoreSheet(GRID.slice(0, 3), checked.rules);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.rows.map((r) => formatVi(r.maxPoints!))).toEqual(["498", "398"]);
    expect(maxReasons(checked.rules, result.rows[1]).map((m) => m.kind)).toEqual(["notEvaluated", "exempt"]);
  });
});
