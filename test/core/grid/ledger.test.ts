/** The ledger "Chấm điểm chi tiết": made from the rules and the agencies, read, computed, summed into the grid, its findings. */
import { formatVi } from "../../../src/core/base/decimal";
import { findingMessage } from "../../../src/core/findings/findings";
import { ifCorrected } from "../../../src/core/findings/explain";
import { ifCorrectedText } from "../../../src/core/findings/explain-messages";
import { buildExplanation, cardText } from "../../../src/core/findings/explanation";
import {
  criteriaLookup,
  criteriaOfAgency,
  LEDGER_COLUMNS,
  LEDGER_SHEET,
  ledgerSheet,
  LedgerAgency,
  readLedger,
  scoreWithLedger,
} from "../../../src/core/grid/ledger";
import { Rules, RulesJson, validateRules } from "../../../src/core/rules/rules";
import { sheetValues } from "../../../src/core/sheets/sheet";
import { clonePreset, docCriteria, simpleSheet } from "../helpers";

function rulesWith(mutate: (r: RulesJson) => void = () => undefined): Rules {
  const json = clonePreset();
  json.groups[0].criteria = docCriteria();
  json.exemptions.push({ keywords: ["Không ATTT"], groups: [], criteria: ["1.2"], reason: "không đánh giá an toàn thông tin" });
  mutate(json);
  const result = validateRules(json);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
  return result.rules;
}

const rules = rulesWith();
const COL = Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c.kind, i])) as Record<(typeof LEDGER_COLUMNS)[number]["kind"], number>;
const AGENCIES: LedgerAgency[] = [
  { name: "Sở A", block: null, exemptCriteria: [], exemptGroups: [] },
  { name: "Sở B", block: null, exemptCriteria: ["1.2"], exemptGroups: [] },
];
const grid = () =>
  simpleSheet([
    { name: "Sở A", scores: ["", 80, 80, 80, 80, 40] },
    { name: "Sở B", scores: ["", 80, 80, 80, 80, 40], notes: "Không ATTT" },
  ]);

/** The ledger's values with entries: by agency and code, the cells to fill. */
function ledger(entries: Record<string, Record<string, Partial<Record<keyof typeof COL, unknown>>>>): unknown[][] {
  const values: unknown[][] = sheetValues(ledgerSheet(rules, AGENCIES));
  for (const row of values.slice(2)) {
    const e = entries[String(row[COL.agency])]?.[String(row[COL.code])];
    if (e) for (const [k, v] of Object.entries(e)) row[COL[k as keyof typeof COL]] = v;
  }
  return values;
}

const SO_A = {
  "1.1.1": { input1: 45, input2: 50 },
  "1.1.2": { input1: "60" },
  "1.2": { input1: "Đạt một phần", evidence: "QĐ 12/QĐ-SYT ngày 02/3/2025" },
  "1.3": { input1: "Có" },
  "1.4": { self: "8,25" },
};
const SO_B = { "1.1.1": { input1: 37, input2: 45 }, "1.1.2": { input1: 100 }, "1.3": { input1: "Không" }, "1.4": { self: 10 } };

describe("the ledger as made", () => {
  const sheet = ledgerSheet(rules, AGENCIES);
  const values = sheetValues(sheet);

  it("has the issue's columns, a frozen header repeated on every printed page", () => {
    expect(values[1]).toEqual([
      "Cơ quan",
      "Mã tiêu chí",
      "Tiêu chí",
      "Điểm tối đa",
      "Số liệu",
      "Số liệu 2",
      "Tự chấm",
      "Tài liệu kiểm chứng",
      "Thẩm định",
      "Ý kiến thẩm định",
      "Điểm",
    ]);
    expect(sheet.sheetName).toBe(LEDGER_SHEET);
    expect(sheet.frozenRows).toBe(2);
    expect(sheet.print.repeatRows).toEqual({ first: 1, last: 1 });
  });

  it("one row per agency and applicable leaf, each agency's rows together (the exempt criterion left out)", () => {
    expect(values.slice(2).map((r) => `${r[0]} ${r[1]} ${r[3]}`)).toEqual([
      "Sở A 1.1.1 10",
      "Sở A 1.1.2 10",
      "Sở A 1.2 15",
      "Sở A 1.3 5",
      "Sở A 1.4 10",
      "Sở B 1.1.1 10",
      "Sở B 1.1.2 10",
      "Sở B 1.3 5",
      "Sở B 1.4 10",
    ]);
    // Codes are text (never 1.1 for “1.10”); the self-assessment is an input only for typed points.
    const code = sheet.cells.find((c) => c.row === 2 && c.col === COL.code)!;
    expect(code.numberFormat).toBe("@");
    expect(sheet.cells.find((c) => c.row === 2 && c.col === COL.self)!.unlocked).toBe(false);
    expect(sheet.cells.find((c) => c.row === 6 && c.col === COL.self)!.unlocked).toBe(true);
  });

  it("number inputs are formatted General even when blank (a number typed there stays a number); a level or Có/Không is text", () => {
    const formatOf = (row: number, col: number) => sheet.cells.find((c) => c.row === row && c.col === col)!.numberFormat;
    for (let row = 2; row < values.length; row++) {
      const leaf = rules.leaves.find((l) => l.id === values[row][COL.code])!;
      const label = leaf.method === "levels" || leaf.method === "yesno";
      expect([leaf.id, formatOf(row, COL.input1)]).toEqual([leaf.id, label ? "@" : "General"]);
      for (const col of [COL.input2, COL.self, COL.appraised]) expect([leaf.id, col, formatOf(row, col)]).toEqual([leaf.id, col, "General"]);
      expect(formatOf(row, COL.evidence)).toBe("@");
    }
    expect(new Set(rules.leaves.map((l) => l.method)).size).toBeGreaterThan(2);
  });

  it("made again, keeps what was entered, by agency and code", () => {
    const filled = ledger({ "Sở A": SO_A });
    filled[4][COL.appraised] = "Đạt đầy đủ";
    const again = sheetValues(ledgerSheet(rules, [AGENCIES[1], AGENCIES[0]], filled));
    const soA = again.slice(2).filter((r) => r[0] === "Sở A");
    expect(soA.map((r) => [r[1], r[COL.input1], r[COL.input2], r[COL.self], r[COL.appraised]])).toEqual([
      ["1.1.1", 45, 50, "", ""],
      ["1.1.2", "60", "", "", ""],
      ["1.2", "Đạt một phần", "", "", "Đạt đầy đủ"],
      ["1.3", "Có", "", "", ""],
      ["1.4", "", "", "8,25", ""],
    ]);
  });
});

describe("scoring with the ledger", () => {
  it("computes every leaf, sums the groups into the grid, and scores as today", () => {
    const scored = scoreWithLedger(grid(), ledger({ "Sở A": SO_A, "Sở B": SO_B }), rules);
    if (!scored.ok) throw new Error("not scored");
    // Sở A: 9 + 7 + 7,5 + 5 + 8,25 = 36,75. Sở B (1.2 exempt: maximum 35): 8,22 + 10 + 0 + 10 = 28,22.
    expect(scored.gridWrites).toEqual([
      { row: 1, col: 2, value: 36.75 },
      { row: 2, col: 2, value: 28.22 },
    ]);
    expect(scored.result.rows.map((r) => [r.name, formatVi(r.total!), formatVi(r.maxPoints!), formatVi(r.index!)])).toEqual([
      ["Sở A", "396,75", "498", "0,797"],
      ["Sở B", "388,22", "483", "0,804"],
    ]);
    expect(scored.result.findings).toEqual([]);
    // Tự chấm of computed methods and Điểm are written on the ledger.
    const writes = scored.ledger.writes.filter((w) => w.row === 2).map((w) => [w.col, w.value]);
    expect(writes).toEqual([
      [COL.self, 9],
      [COL.points, 9],
    ]);
    expect(criteriaOfAgency(scored.ledger, "Sở B")).toEqual([
      { id: "1.1.1", self: 8.22, appraised: null, points: 8.22 },
      { id: "1.1.2", self: 10, appraised: null, points: 10 },
      { id: "1.3", self: 0, appraised: null, points: 0 },
      { id: "1.4", self: 10, appraised: null, points: 10 },
    ]);
  });

  it("the council's value counts where present (a level's label, or points)", () => {
    const values = ledger({ "Sở A": { ...SO_A, "1.2": { ...SO_A["1.2"], appraised: "Không đạt" }, "1.4": { self: "8,25", appraised: 6 } } });
    const scored = scoreWithLedger(grid(), values, rules);
    if (!scored.ok) throw new Error("not scored");
    expect(scored.gridWrites[0]).toEqual({ row: 1, col: 2, value: 27 }); // 16 + 0 + 5 + 6
    expect(criteriaOfAgency(scored.ledger, "Sở A").find((c) => c.id === "1.2")).toEqual({ id: "1.2", self: 7.5, appraised: 0, points: 0 });
  });

  it("a grid cell a user typed over is a finding, kept, and the criteria's sum counts; what the add-in wrote before is replaced", () => {
    const typed = grid();
    typed[1][2] = 40;
    const scored = scoreWithLedger(typed, ledger({ "Sở A": SO_A, "Sở B": SO_B }), rules);
    if (!scored.ok) throw new Error("not scored");
    expect(scored.result.findings.map((f) => [f.code, f.cell, f.value, f.detail])).toEqual([["groupTypedOver", "C2", "40", "36,75"]]);
    expect(scored.result.findings[0].message).toContain("không bị ghi đè");
    expect(scored.gridWrites.map((w) => w.row)).toEqual([2]);
    expect(formatVi(scored.result.rows[0].total!)).toBe("396,75");
    const ours = scoreWithLedger(typed, ledger({ "Sở A": SO_A, "Sở B": SO_B }), rules, { written: new Map([["C2", 40]]) });
    expect(ours.ok && ours.result.findings).toEqual([]);
    expect(ours.ok && ours.gridWrites[0]).toEqual({ row: 1, col: 2, value: 36.75 });
  });

  it("every ledger finding names the ledger's cell with its sheet, in both languages", () => {
    const values = ledger({
      "Sở A": {
        "1.1.1": { input1: 45, input2: 0 }, // b = 0
        "1.1.2": { input1: "nhiều" },
        "1.2": { input1: "Đạt" }, // not a level, and required evidence missing
        "1.3": { input1: "Có" },
        "1.4": { self: 12 }, // above 10
      },
      "Sở B": { ...SO_B, "1.4": { self: "8,3" } }, // off the 0,25 step
    });
    values.push(["Sở C", "1.1.1", "", "", 1, 1], ["Sở A", "9.9"], ["Sở B", "1.2", "", "", "Có"], ["Sở B", "1.3", "", "", "Có"]);
    const scored = scoreWithLedger(grid(), values, rules);
    if (!scored.ok) throw new Error("not scored");
    const ledgerFindings = scored.result.findings.filter((f) => f.sheet === LEDGER_SHEET);
    expect(ledgerFindings.map((f) => [f.code, f.cell])).toEqual([
      ["inputInvalid", "'Chấm điểm chi tiết'!F3"],
      ["inputInvalid", "'Chấm điểm chi tiết'!E4"],
      ["notALevel", "'Chấm điểm chi tiết'!E5"],
      ["evidenceMissing", "'Chấm điểm chi tiết'!H5"],
      ["criterionOverMax", "'Chấm điểm chi tiết'!G7"],
      ["notAStep", "'Chấm điểm chi tiết'!G11"],
      ["unknownAgency", "'Chấm điểm chi tiết'!A12"],
      ["unknownCriterion", "'Chấm điểm chi tiết'!B13"],
      ["criterionNotApplicable", "'Chấm điểm chi tiết'!B14"],
      ["criterionRepeated", "'Chấm điểm chi tiết'!B15"],
    ]);
    const notALevel = ledgerFindings.find((f) => f.code === "notALevel")!;
    expect(notALevel.message).toBe(
      "Ô 'Chấm điểm chi tiết'!E5 (Sở A, tiêu chí “1.2 An toàn thông tin”) có “Đạt”, không phải một mức chấm. Hãy chọn một trong: “Đạt đầy đủ”, “Đạt một phần”, “Không đạt”.",
    );
    expect(findingMessage(notALevel, "en")).toBe(
      "Cell 'Chấm điểm chi tiết'!E5 (Sở A, criterion “1.2 An toàn thông tin”) holds “Đạt”, which is not one of the levels. Choose one of: “Đạt đầy đủ”, “Đạt một phần”, “Không đạt”.",
    );
    // Sở A's group cannot be summed (inputs unusable): its grid cell is missing, the agency unscored.
    expect(scored.result.rows[0].total).toBeNull();
    expect(scored.result.findings.filter((f) => !f.sheet).map((f) => [f.code, f.cell])).toEqual([["missing", "C2"]]);
    // Sở B: above the step counts as typed (8,3), as keep does above the maximum.
    expect(formatVi(scored.result.rows[1].scores[0]!)).toBe("26,52");
  });

  it("a blank entry and a missing row leave the group unscored, named", () => {
    const values = ledger({ "Sở A": { ...SO_A, "1.3": {} }, "Sở B": SO_B });
    values.splice(
      values.findIndex((r) => r[0] === "Sở B" && r[1] === "1.4"),
      1,
    );
    const scored = scoreWithLedger(grid(), values, rules);
    if (!scored.ok) throw new Error("not scored");
    expect(scored.result.findings.filter((f) => f.sheet).map((f) => [f.code, f.cell, f.detail])).toEqual([
      ["criterionMissing", "'Chấm điểm chi tiết'!E6", "“Số liệu”"],
      ["criterionNoRow", "'Chấm điểm chi tiết'!B8", ""],
    ]);
    expect(scored.result.rows.map((r) => r.total)).toEqual([null, null]);
  });

  it("overMax “keep”: a leaf typed above its maximum counts as typed up to the grid, which reports its group above the maximum too", () => {
    const values = ledger({ "Sở A": { ...SO_A, "1.4": { self: 12 } }, "Sở B": SO_B });
    const scored = scoreWithLedger(grid(), values, rules);
    if (!scored.ok) throw new Error("not scored");
    expect(scored.gridWrites[0]).toEqual({ row: 1, col: 2, value: 40.5 }); // 38,5 within the maxima + 2 above 1.4's
    const keptOver = rulesWith((r) => (r.groups[0].criteria![3].max = 40)); // 1.4 may reach 40: the group's 50 still caps what is within
    const over = scoreWithLedger(grid(), ledger({ "Sở A": { ...SO_A, "1.4": { self: 30 } }, "Sở B": SO_B }), keptOver);
    expect(over.ok && over.gridWrites[0]).toEqual({ row: 1, col: 2, value: 50 });
  });

  it("a criterion above its maximum, or off its step, says what correcting it would change (ifCorrected)", () => {
    const values = ledger({ "Sở A": { ...SO_A, "1.4": { self: 12 } }, "Sở B": { ...SO_B, "1.4": { self: "8,3" } } });
    const scored = scoreWithLedger(grid(), values, rules);
    if (!scored.ok) throw new Error("not scored");
    const [over, step] = scored.result.findings.filter((f) => f.sheet);
    expect([over.code, step.code]).toEqual(["criterionOverMax", "notAStep"]);
    const ic = ifCorrected(scored.result, over, scored.values)!;
    expect([formatVi(ic.value), formatVi(ic.total!), ic.changes]).toEqual(["10", "398,5", true]); // Hạ tầng 40,5 → 38,5
    expect(ifCorrectedText(scored.result, over, "vi", scored.values)).toMatch(/^Nếu sửa 12 → 10: Tổng 398,5/);
    const ic2 = ifCorrected(scored.result, step, scored.values)!;
    expect([formatVi(ic2.value), formatVi(ic2.total!)]).toEqual(["8,25", "386,47"]); // 8,3 → 8,25
    // A ledger finding never corrects the grid's cell at its own row and column.
    expect(ifCorrected(scored.result, { ...over, code: "errorValue" }, scored.values)).toBeNull();
  });

  it("overMax “cap” caps a leaf typed above its maximum", () => {
    const capped = rulesWith((r) => (r.overMax = "cap"));
    const values = ledger({ "Sở A": { ...SO_A, "1.4": { self: 12 } }, "Sở B": SO_B });
    const scored = scoreWithLedger(grid(), values, capped);
    expect(scored.ok && scored.gridWrites[0]).toEqual({ row: 1, col: 2, value: 38.5 });
  });

  it("the ledger without a header row is said so", () => {
    expect(readLedger([["a", "b"]], rules, AGENCIES)).toEqual({ ok: false, reason: "noHeader" });
  });
});

describe("Giải trình and the agency card with the ledger", () => {
  // Sở A: the council takes 1.2 down to “Không đạt” and 1.4 to 6, with its comment.
  const values = ledger({
    "Sở A": { ...SO_A, "1.2": { ...SO_A["1.2"], appraised: "Không đạt" }, "1.4": { self: "8,25", appraised: 6, comment: "Biên bản kiểm tra thiếu chữ ký" } },
    "Sở B": SO_B,
  });
  const scored = scoreWithLedger(grid(), values, rules);
  if (!scored.ok) throw new Error("not scored");
  const criteria = criteriaLookup(scored.ledger);
  const soA = scored.result.rows.find((r) => r.name === "Sở A")!;

  it("the card lists every criterion of the agency under its group: maximum, self-assessed, appraised, points, the council's note", () => {
    const card = cardText(scored.result, soA, "vi", null, criteria("Sở A"));
    expect(card.criteriaHeaders).toEqual(["Tiêu chí", "Điểm tối đa", "Tự chấm", "Thẩm định", "Điểm"]);
    expect(card.criteria.slice(1).every((list) => list.length === 0)).toBe(true);
    expect(card.criteria[0].map((c) => [c.id, c.max, c.self, c.appraised, c.points, c.lost, c.note])).toEqual([
      ["1.1.1", "10", "9", "—", "9", "1", ""],
      ["1.1.2", "10", "7", "—", "7", "3", ""],
      ["1.2", "15", "7,5", "0", "0", "15", "Tự chấm 7,5, thẩm định 0"],
      ["1.3", "5", "5", "—", "5", "0", ""],
      ["1.4", "10", "8,25", "6", "6", "4", "Tự chấm 8,25, thẩm định 6; Ý kiến thẩm định: Biên bản kiểm tra thiếu chữ ký"],
    ]);
    const en = cardText(scored.result, soA, "en", null, criteria("Sở A"));
    expect(en.criteria[0][4].note).toBe("self-assessed 8.25, appraised 6; Council's comment: Biên bản kiểm tra thiếu chữ ký");
    // Without a ledger: no criteria.
    expect(cardText(scored.result, soA, "vi").criteria.flat()).toEqual([]);
  });

  it("Giải trình lists, under each group, the criteria where points were lost (not the full ones), with the council's comment", () => {
    const d = buildExplanation(scored.result, { only: [soA.row], criteria });
    const at = d.rows.findIndex((r) => r.style === "cell");
    expect(d.rows[at].cells.slice(0, 4)).toEqual([rules.groups[0].name, "50", "27", "23"]);
    const under = d.rows.slice(at + 1).filter((r, i, all) => all.slice(0, i + 1).every((x) => x.style === "criterion"));
    expect(under.map((r) => r.cells)).toEqual([
      ["1.1.1 Tỉ lệ máy tính trên số CBCCVC", "10", "9", "1", ""],
      ["1.1.2 " + rules.leaves[1].name, "10", "7", "3", ""],
      ["1.2 " + rules.leaves[2].name, "15", "0", "15", "Tự chấm 7,5, thẩm định 0"],
      ["1.4 " + rules.leaves[4].name, "10", "6", "4", "Tự chấm 8,25, thẩm định 6; Ý kiến thẩm định: Biên bản kiểm tra thiếu chữ ký"],
    ]);
    // The lost points of the criteria listed are the group's: 1 + 3 + 15 + 4 = 23.
    expect(d.rows.filter((r) => r.style === "criterion")).toHaveLength(4);
    // The groups without criteria have none under them; without the ledger, no criterion rows at all.
    expect(buildExplanation(scored.result, { only: [soA.row] }).rows.some((r) => r.style === "criterion")).toBe(false);
  });
});
