import {
  applyConclusions,
  clearedGridWrites,
  conclusionKind,
  conclusionWrites,
  differenceItems,
  otherScore,
  readDifferences,
} from "../../../src/core/forms/conclusions";
import { toNumber } from "../../../src/core/base/decimal";
import { annexGate } from "../../../src/core/sheets/annex";
import { locateGrid } from "../../../src/core/grid/grid";
import { Difference, differencesSheet } from "../../../src/core/forms/merge";
import { presetRules } from "../../../src/core/rules/rules";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { sheetValues } from "../../../src/core/sheets/sheet";
import { simpleSheet } from "../helpers";

const rules = presetRules();
const [G0, G1] = rules.groups.map((g) => g.name);
const SHEET = "Chênh lệch";

/** Sở Y tế with 35 appraised in its first group (C2), Sở Tài chính with 70 in its second (D3). */
const grid = () =>
  simpleSheet([
    { name: "Sở Y tế", scores: [35, 80, 80, 80, 80, 40] },
    { name: "Sở Tài chính", scores: [40, 70, 80, 80, 80, 40] },
  ]);
const layout = (values: unknown[][]) => {
  const l = locateGrid(values, rules);
  if (!l.ok) throw new Error(l.message);
  return l.layout;
};
const DIFFS: Difference[] = [
  { agency: "Sở Y tế", group: G0, self: 40, appraised: 35, evidence: "Báo cáo 12", cell: "C2" },
  { agency: "Sở Tài chính", group: G1, self: 78, appraised: 70, evidence: "", cell: "D3" },
];

/** The "Chênh lệch" sheet as the merge makes it, with the council's columns filled (H: conclusion, I: score, J: reason). */
function concluded(rows: [unknown, unknown?, string?][]): unknown[][] {
  const values: unknown[][] = sheetValues(differencesSheet(DIFFS));
  rows.forEach(([conclusion, score, reason], i) => {
    values[3 + i][7] = conclusion ?? "";
    values[3 + i][8] = score ?? "";
    values[3 + i][9] = reason ?? "";
  });
  return values;
}
const apply = (values: unknown[][], diff: unknown[][]) => applyConclusions(values, layout(values), rules, { values: diff, sheetName: SHEET });

describe("the council's conclusions on “Chênh lệch”", () => {
  it("the sheet gives the council a column for its conclusion, another score and the reason, and the agency's reply", () => {
    const v = sheetValues(differencesSheet(DIFFS));
    expect(v[2]).toEqual([
      "STT",
      "Cơ quan",
      "Nhóm tiêu chí",
      "Tự chấm",
      "Thẩm định",
      "Tài liệu kiểm chứng",
      "Kiến nghị",
      "Kết luận của hội đồng",
      "Điểm kết luận",
      "Lý do",
    ]);
    expect(v[3]).toEqual([1, "Sở Y tế", G0, 40, 35, "Báo cáo 12", "", "", "", ""]);
    expect(String(v[1][0])).toContain("Chấp nhận tự chấm");
    const read = readDifferences(v)!;
    expect(read.rows.map((r) => [r.agency, r.group, r.self, r.appraised, r.conclusion])).toEqual([
      ["Sở Y tế", G0, 40, 35, null],
      ["Sở Tài chính", G1, 78, 70, null],
    ]);
  });

  it("reads the three conclusions by their words (case and accents aside), a number as another score", () => {
    expect(conclusionKind("Chấp nhận tự chấm")).toBe("accept");
    expect(conclusionKind("chap nhan")).toBe("accept");
    expect(conclusionKind("GIỮ ĐIỂM THẨM ĐỊNH")).toBe("keep");
    expect(conclusionKind("Điểm khác")).toBe("other");
    expect(conclusionKind(37.5)).toBe("other");
    expect(conclusionKind("37,5")).toBe("other");
    expect(conclusionKind("")).toBeNull();
    expect(conclusionKind("đồng ý")).toBe("unknown");
  });

  it("Tính điểm takes the concluded scores: the self-assessment accepted, another score given", () => {
    const values = grid();
    const applied = apply(
      values,
      concluded([
        ["Chấp nhận tự chấm", "", "Có biên bản kiểm tra"],
        ["Điểm khác", "75,5", "Thiếu một minh chứng"],
      ]),
    );
    expect(applied.findings).toEqual([]);
    expect(applied.writes).toEqual([
      { row: 1, col: 2, value: 40, address: "C2" },
      { row: 2, col: 3, value: 75.5, address: "D3" },
    ]);
    const scored = scoreSheet(applied.values, rules);
    if (!scored.ok) throw new Error("not scored");
    expect(scored.rows.map((r) => (r.total ? toNumber(r.total) : null))).toEqual([400, 395.5]);
    // The input grid is not changed; applied once, nothing is left to write.
    expect(values[1][2]).toBe(35);
    expect(apply(applied.values, concluded([["Chấp nhận tự chấm"], ["Điểm khác", "75,5"]])).writes).toEqual([]);
  });

  it("keeping the appraised score writes nothing", () => {
    const applied = apply(grid(), concluded([["Giữ điểm thẩm định"], ["giu diem tham dinh"]]));
    expect(applied.writes).toEqual([]);
    expect(applied.findings).toEqual([]);
    expect(applied.concluded).toBe(2);
  });

  it("a difference without a conclusion is an error naming its cell on “Chênh lệch”, which the annex lists before it is made", () => {
    const applied = apply(grid(), concluded([["Chấp nhận tự chấm"], [""]]));
    expect(applied.writes.map((w) => w.address)).toEqual(["C2"]);
    expect(applied.unconcluded).toBe(1);
    const [f] = applied.findings;
    expect(f.code).toBe("differenceNotConcluded");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe("'Chênh lệch'!H5");
    expect(f.sheet).toBe(SHEET);
    expect(f.message).toBe(
      `Ô 'Chênh lệch'!H5: chênh lệch của Sở Tài chính, “${G1}” (tự chấm 78, thẩm định 70) chưa có kết luận của hội đồng. Hãy ghi “Chấp nhận tự chấm”, “Giữ điểm thẩm định” hoặc “Điểm khác” (kèm điểm ở cột “Điểm kết luận”) rồi tính điểm lại; đến lúc đó điểm thẩm định được tính.`,
    );
    const gate = annexGate(applied.findings, false)!;
    expect(gate.errors).toEqual([f]);
    expect(gate.message).toContain("'Chênh lệch'!H5");
    expect(annexGate(applied.findings, true)).toBeNull();
  });

  it("words that are no conclusion, and another score without a score, are errors and change nothing", () => {
    const applied = apply(grid(), concluded([["đồng ý"], ["Điểm khác", "", "?"]]));
    expect(applied.writes).toEqual([]);
    expect(applied.findings.map((f) => [f.code, f.cell, f.value])).toEqual([
      ["conclusionUnknown", "'Chênh lệch'!H4", "đồng ý"],
      ["conclusionScoreMissing", "'Chênh lệch'!I5", ""],
    ]);
  });

  it("a grid cell changed since the difference was listed is not overwritten: named, with the grid's cell", () => {
    const values = grid();
    values[1][2] = 38; // someone typed 38 over the appraised 35
    const applied = apply(values, concluded([["Chấp nhận tự chấm"], ["Giữ điểm thẩm định"]]));
    expect(applied.writes).toEqual([]);
    expect(applied.findings.map((f) => [f.code, f.cell, f.cells, f.value, f.detail])).toEqual([
      ["conclusionCellChanged", "'Chênh lệch'!H4", ["C2"], "38", "40"],
    ]);
    expect(applied.findings[0].severity).toBe("warning");
  });

  it("a row whose agency is not in the grid is named", () => {
    const diff = concluded([["Chấp nhận tự chấm"], ["Giữ điểm thẩm định"]]);
    diff[3][1] = "Sở Du lịch";
    expect(apply(grid(), diff).findings.map((f) => [f.code, f.cell])).toEqual([["conclusionNotInGrid", "'Chênh lệch'!B4"]]);
  });

  it("a workbook without the council's columns (no “Chênh lệch” header) changes nothing", () => {
    const values = grid();
    expect(apply(values, [["Bảng khác"], [1, 2]])).toMatchObject({ writes: [], findings: [], concluded: 0, unconcluded: 0 });
  });

  it("made again by a later merge, the sheet keeps the council's conclusions, reasons and the agencies' replies", () => {
    const before = concluded([["Chấp nhận tự chấm", "", "Có biên bản"], [""]]);
    before[4][6] = "Đề nghị xem lại: đã gửi bổ sung QĐ 15";
    const previous = readDifferences(before)!.rows;
    // After Tính điểm the first difference is gone (the grid took 40); a new one appeared for Sở Y tế.
    const again: Difference[] = [DIFFS[1], { agency: "Sở Y tế", group: G1, self: 80, appraised: 75, evidence: "", cell: "D2" }];
    const v = sheetValues(differencesSheet(again, SHEET, previous));
    expect(v.slice(3).map((r) => r.slice(1))).toEqual([
      ["Sở Tài chính", G1, 78, 70, "", "Đề nghị xem lại: đã gửi bổ sung QĐ 15", "", "", ""],
      ["Sở Y tế", G1, 80, 75, "", "", "", "", ""],
      ["Sở Y tế", G0, 40, 35, "Báo cáo 12", "", "Chấp nhận tự chấm", "", "Có biên bản"],
    ]);
    // A new claim (another self-assessed score) is a new difference: its old conclusion does not carry over.
    const claim: Difference[] = [{ ...DIFFS[0], self: 45 }];
    expect(sheetValues(differencesSheet(claim, SHEET, previous))[3].slice(3, 10)).toEqual([45, 35, "Báo cáo 12", "", "", "", ""]);
  });
});

describe("the conclusions chosen in the pane (conclusionWrites, otherScore)", () => {
  const sheet = () => sheetValues(differencesSheet(DIFFS)) as unknown[][];
  const max = toNumber(rules.groups[0].nominalMax);

  it("takes another score from 0 to the maximum, with a decimal comma; anything else is refused", () => {
    expect(otherScore("12,5", max)).toBe(12.5);
    expect(otherScore(" 0 ", max)).toBe(0);
    expect(otherScore(String(max), max)).toBe(max);
    expect(otherScore(`${max},01`, max)).toBeNull();
    expect(otherScore("-1", max)).toBeNull();
    expect(otherScore("mười", max)).toBeNull();
    expect(otherScore("", max)).toBeNull();
  });

  it("writes only the cells that change, text as given, and refuses a row that is no longer the one listed", () => {
    const values = sheet();
    const items = differenceItems(values, rules)!;
    expect(items.map((d) => [d.agency, d.group, d.max])).toEqual([
      ["Sở Y tế", G0, max],
      ["Sở Tài chính", G1, toNumber(rules.groups[1].nominalMax)],
    ]);
    const { row } = items[0];
    const out = conclusionWrites(values, rules, [{ row, agency: "Sở Y tế", group: G0, conclusion: "accept", reason: "=1+1" }], SHEET);
    if (!out.ok) throw new Error(out.message);
    const cols = readDifferences(values)!.columns;
    expect(out.writes).toEqual([
      { row, col: cols.conclusion, value: "Chấp nhận tự chấm" },
      { row, col: cols.reason, value: "=1+1" },
    ]);
    const moved = conclusionWrites(values, rules, [{ row, agency: "Sở Tài chính", group: G0, conclusion: "keep", reason: "" }], SHEET);
    expect(moved.ok === false && moved.message).toContain("Sở Tài chính, “" + G0 + "”");
  });

  it("on a sheet without “Điểm kết luận”, the other score is the conclusion itself, which Tính điểm reads back", () => {
    const values = sheet();
    const cols = readDifferences(values)!.columns;
    const without = values.map((r) => r.filter((_, c) => c !== cols.score));
    const row = differenceItems(without, rules)![0].row;
    const out = conclusionWrites(without, rules, [{ row, agency: "Sở Y tế", group: G0, conclusion: "other", score: "30,5", reason: "" }], SHEET);
    if (!out.ok) throw new Error(out.message);
    const col = readDifferences(without)!.columns.conclusion;
    expect(out.writes).toEqual([{ row, col, value: 30.5 }]);
    without[row][col] = 30.5;
    const g = grid();
    expect(applyConclusions(g, layout(g), rules, { values: without, sheetName: SHEET }).writes.map((w) => w.value)).toEqual([30.5]);
  });
});

describe("“Chưa kết luận” (conclusionWrites with “none”, clearedGridWrites)", () => {
  it("empties the row's conclusion, score and reason cells, only those that hold something", () => {
    const diff = concluded([["Điểm khác", 37.5, "Bổ sung minh chứng"], ["Giữ điểm thẩm định"]]);
    const planned = conclusionWrites(
      diff,
      rules,
      [
        { row: 3, agency: "Sở Y tế", group: G0, conclusion: "none", reason: "Bổ sung minh chứng" },
        { row: 4, agency: "Sở Tài chính", group: G1, conclusion: "none", reason: "" },
      ],
      SHEET,
    );
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.writes).toEqual([
      { row: 3, col: 7, value: "" },
      { row: 3, col: 8, value: "" },
      { row: 3, col: 9, value: "" },
      { row: 4, col: 7, value: "" },
    ]);
    expect(planned.rows).toBe(2);
  });

  it("gives the appraised score back only where Tính điểm put the concluded one and it is still there; “giữ điểm thẩm định” and rows not cleared change nothing", () => {
    const diff = concluded([["Chấp nhận tự chấm"], ["Giữ điểm thẩm định"]]);
    const values = grid() as unknown[][];
    const applied = apply(values, diff);
    expect(applied.writes.map((w) => w.address)).toEqual(["C2"]);
    const afterScoring = applied.values;
    expect(clearedGridWrites(afterScoring, layout(afterScoring), rules, diff, [3, 4])).toEqual([{ row: 1, col: 2, value: 35, address: "C2" }]);
    // Not cleared: nothing.
    expect(clearedGridWrites(afterScoring, layout(afterScoring), rules, diff, [4])).toEqual([]);
    // The conclusion never applied (the cell still appraised), or the cell edited since: left alone.
    expect(clearedGridWrites(values, layout(values), rules, diff, [3])).toEqual([]);
    const edited = afterScoring.map((r) => [...r]);
    edited[1][2] = 38;
    expect(clearedGridWrites(edited, layout(edited), rules, diff, [3])).toEqual([]);
  });
});
