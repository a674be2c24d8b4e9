/**
 * Forms at criterion level (rules with a criteria set): the form lists each applicable criterion with the
 * input cells its method needs, is filled through its unlocked cells as an agency would (ExcelJS), read
 * back, merged into the ledger (never the council's Thẩm định), its differences per criterion, its
 * problems named per form and cell, and scored.
 */
import * as ExcelJS from "exceljs";
import { cellAddress } from "../../../src/core/base/address";
import { formatVi } from "../../../src/core/base/decimal";
import { CRITERIA_FORM_COLS, pointsFormula, readCriteriaForm } from "../../../src/core/forms/criteria-form";
import { buildForm } from "../../../src/core/forms/forms";
import { FormDescription, formToken } from "../../../src/core/forms/form-parts";
import { compactReturnedForm, differencesSheet, planMerge } from "../../../src/core/forms/merge";
import { applyConclusions, applyCriterionConclusions } from "../../../src/core/forms/conclusions";
import { locateGrid } from "../../../src/core/grid/grid";
import { gridAgencies, LEDGER_COLUMNS, ledgerSheet, scoreWithLedger } from "../../../src/core/grid/ledger";
import { Rules, validateRules } from "../../../src/core/rules/rules";
import { sheetValues } from "../../../src/core/sheets/sheet";
import { formBytes, readReturnedForm } from "../../../src/xlsx/forms";
import { clonePreset, simpleSheet } from "../helpers";
import { DOC_FILL, docRules, exampleRules, fillByCriteria, unlockedOf } from "../../forms/criteria-helpers";
import { KEY, mergeInput } from "../../forms/helpers";

const rules = docRules();
const L = Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c.kind, i])) as Record<(typeof LEDGER_COLUMNS)[number]["kind"], number>;

const form = (r: Rules, agency: string, notes = "", block: string | null = null) =>
  buildForm({ rules: r, agency, notes, block, year: 2020, masterId: "master-1", formKey: KEY });

/** The codes in the form's first column, in order (groups by their number, criteria by their code). */
const codes = (f: FormDescription) =>
  f.cells.filter((c) => c.col === 0 && c.row > 5 && typeof c.value === "string" && /^\d/.test(c.value)).map((c) => c.value as string);

async function asWorkbook(f: FormDescription): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await formBytes(ExcelJS, f)) as unknown as ArrayBuffer);
  return wb;
}

async function returnedOf(file: string, wb: ExcelJS.Workbook) {
  return readReturnedForm(ExcelJS, file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

describe("the form at criterion level", () => {
  const example = exampleRules();

  it("lists under each group every criterion that applies to the agency: its block's, without those its exemption names", () => {
    const dept = codes(form(example, "Sở Tài chính", "", "so-nganh"));
    expect(dept.filter((c) => c.includes("."))).toEqual(example.leaves.map((l) => l.id).flatMap((id) => (id === "2.1.1" ? ["2.1", id] : [id])));
    // Another block: 3.3 (departments only) is not on its form; “Không TTHC”: group 4 exempt, and criterion 2.5.
    const other = codes(form(example, "UBND huyện Vũ Thư", "Không TTHC", null));
    expect(other).not.toContain("3.3");
    expect(other).not.toContain("2.5");
    expect(other.filter((c) => c.startsWith("4"))).toEqual(["4"]);
    const f = form(example, "UBND huyện Vũ Thư", "Không TTHC", null);
    const groupRow = f.layout.groupRows[3];
    expect(f.cells.find((c) => c.row === groupRow && c.col === CRITERIA_FORM_COLS.input1)?.value).toBe("Miễn chấm");
    // Group 3's maximum without 3.3: 40 + 20 + 28.
    expect(f.cells.find((c) => c.row === f.layout.groupRows[2] && c.col === CRITERIA_FORM_COLS.max)?.value).toBe(88);
  });

  it("gives each method its input cells, unlocked in order right of the code and the name, with the evidence cell last", async () => {
    const wb = await asWorkbook(form(rules, "Sở A"));
    const at = (code: string) => {
      const f = form(rules, "Sở A");
      return f.layout.criteria!.find((c) => c.id === code)!.row + 1;
    };
    expect(unlockedOf(wb, "1.1.1")).toEqual([`D${at("1.1.1")}`, `E${at("1.1.1")}`, `G${at("1.1.1")}`]);
    expect(unlockedOf(wb, "1.1.2")).toEqual([`D${at("1.1.2")}`, `G${at("1.1.2")}`]);
    expect(unlockedOf(wb, "1.4")).toEqual([`D${at("1.4")}`, `G${at("1.4")}`]);
    // A parent criterion takes nothing; a group without criteria takes its score and evidence.
    expect(unlockedOf(wb, "1.1")).toEqual([]);
    expect(unlockedOf(wb, "2").length).toBe(2);
    // Everything else is locked, and the sheet protected.
    const ws = wb.worksheets[0];
    expect(ws.getCell(`F${at("1.4")}`).protection?.locked).not.toBe(false);
    expect(ws.getCell(`C${at("1.4")}`).protection?.locked).not.toBe(false);
  });

  it("validates each input: a list for levels and Có/Không, 0..max for points, a number ≥ 0 for raw inputs; required evidence marked", () => {
    const f = form(rules, "Sở A");
    const row = (id: string) => f.layout.criteria!.find((c) => c.id === id)!.row;
    const v = (id: string, col: number) => f.validations.find((x) => x.row === row(id) && x.col === col);
    expect(v("1.2", CRITERIA_FORM_COLS.input1)?.list).toEqual(["Đạt đầy đủ", "Đạt một phần", "Không đạt"]);
    expect(v("1.3", CRITERIA_FORM_COLS.input1)?.list).toEqual(["Có", "Không"]);
    expect(v("1.4", CRITERIA_FORM_COLS.input1)).toMatchObject({ min: 0, max: 10 });
    expect(v("1.1.1", CRITERIA_FORM_COLS.input2)).toMatchObject({ min: 0 });
    expect(v("1.1.1", CRITERIA_FORM_COLS.input2)?.prompt).toContain("Số CBCCVC");
    const style = (id: string) => f.cells.find((c) => c.row === row(id) && c.col === CRITERIA_FORM_COLS.evidence)?.style;
    expect(style("1.2")).toBe("inputRequired");
    expect(style("1.3")).toBe("inputLeft");
    // The line under each criterion: how it is scored, the evidence asked, the guidance.
    const hint = (id: string) => String(f.cells.find((c) => c.row === row(id) + 1 && c.col === 1)?.value);
    expect(hint("1.2")).toBe("Chọn một mức: Đạt đầy đủ (15 điểm); Đạt một phần (7,5 điểm); Không đạt (0 điểm). Bắt buộc có tài liệu kiểm chứng.");
    expect(hint("1.4")).toBe("Nhập điểm từ 0 đến 10, theo bước 0,25. Hướng dẫn chấm: Chấm theo biên bản kiểm tra thực tế.");
    expect(hint("1.1.1")).toContain("Số máy tính");
  });

  it("shows each criterion's points by a formula of its inputs, the parents and groups capped, the total of the groups", () => {
    const f = form(rules, "Sở A");
    const row = (id: string) => f.layout.criteria!.find((c) => c.id === id)!.row;
    const formula = (r: number) => f.cells.find((c) => c.row === r && c.col === CRITERIA_FORM_COLS.points)?.formula;
    const r = row("1.1.1");
    expect(formula(r)).toBe(`IF(AND(ISNUMBER(D${r + 1}),ISNUMBER(E${r + 1})),IF(E${r + 1}>0,ROUND(10*MIN(1,D${r + 1}/(E${r + 1}*1)),2),""),"")`);
    expect(formula(row("1.3"))).toBe(`IF(TRIM(D${row("1.3") + 1})="Có",5,IF(TRIM(D${row("1.3") + 1})="Không",0,""))`);
    const t = row("1.1.2") + 1;
    expect(formula(row("1.1.2"))).toBe(`IF(ISNUMBER(D${t}),IF(D${t}>=100,10,IF(D${t}>=50,7,IF(D${t}>=20,4,0))),"")`);
    // 1.1 sums its children capped at 20; the group its criteria capped at 50; the total the six groups.
    const parent = f.cells.find((c) => c.col === 0 && c.value === "1.1")!.row;
    expect(formula(parent)).toBe(`MIN(20,SUM(F${row("1.1.1") + 1},F${row("1.1.2") + 1}))`);
    expect(formula(f.layout.groupRows[0])).toBe(`MIN(50,SUM(F${parent + 1},F${row("1.2") + 1},F${row("1.3") + 1},F${row("1.4") + 1}))`);
    expect(formula(f.layout.totalCell.row)).toBe(`SUM(${f.layout.groupRows.map((g) => `F${g + 1}`).join(",")})`);
    expect(
      pointsFormula(
        rules.leaves.find((l) => l.id === "1.4")!,
        9,
        2,
      ),
    ).toBe(`IF(ISNUMBER(D10),D10,"")`);
  });

  it("prints on A4 portrait pages, one page wide, the header on each; carries the same signed identity as a form by group", () => {
    const f = form(rules, "Sở A");
    expect(f.print).toMatchObject({ orientation: "portrait", paper: "A4", fitToPagesWide: 1, fitToPagesTall: 0, repeatRows: { first: 5, last: 5 } });
    expect(f.protect).toBe(true);
    expect(f.identity.token).toBe(formToken(KEY, "master-1", "Sở A", 2020));
    expect(sheetValues(f)[5]).toEqual(["Mã", "Tiêu chí", "Điểm tối đa", "Tự chấm / Số liệu", "Số liệu 2", "Điểm", "Tài liệu kiểm chứng"]);
  });
});

describe("a form at criterion level, filled through its unlocked cells, merged into the ledger", () => {
  const grid = simpleSheet([
    { name: "Sở A", scores: ["", "", "", "", "", ""] },
    { name: "Sở B", scores: ["", 70, 70, 70, 70, 35], notes: "Không ATTT" },
  ]);
  const ledgerDescription = ledgerSheet(rules, gridAgencies(grid, rules)!);
  const ledgerRow = (values: unknown[][], agency: string, code: string) => values.findIndex((r) => r[L.agency] === agency && r[L.code] === code);
  /** The ledger with the council's Thẩm định on Sở A's 1.4 (6 points). */
  const ledgerValues = () => {
    const values = sheetValues(ledgerDescription) as unknown[][];
    values[ledgerRow(values, "Sở A", "1.4")][L.appraised] = 6;
    return values;
  };
  const FILL = { ...DOC_FILL, "1.1.1": [45, 50, "Biên bản kiểm kê 12/BB-STC"], "6": [40, "QĐ 5/QĐ-STC"] };

  async function merged(fill: Record<string, (string | number | undefined)[]>, agency = "Sở A", notes = "") {
    const wb = await asWorkbook(form(rules, agency, notes));
    fillByCriteria(wb, fill);
    const values = ledgerValues();
    const plan = planMerge(mergeInput(grid, [await returnedOf(`${agency}.xlsx`, wb)], { rules, ledger: { values } }));
    if (!plan.ok) throw new Error(plan.message);
    return { plan: plan.plan, ledger: values, wb };
  }

  it("reads each criterion's inputs and evidence by its code", async () => {
    const wb = await asWorkbook(form(rules, "Sở A"));
    fillByCriteria(wb, FILL);
    const back = await returnedOf("so-a.xlsx", wb);
    const read = readCriteriaForm(back.values!, rules)!;
    expect(read.entries.map((e) => [e.leaf.id, e.first, e.second, e.evidence])).toEqual([
      ["1.1.1", 45, 50, "Biên bản kiểm kê 12/BB-STC"],
      ["1.1.2", 60, "", ""],
      ["1.2", "Đạt một phần", "", ""],
      ["1.3", "Có", "", ""],
      ["1.4", 8.25, "", ""],
    ]);
    expect(read.groups.map((g) => [g.group, g.raw])).toEqual([
      [1, 80],
      [2, 80],
      [3, 80],
      [4, 80],
      [5, 40],
    ]);
  });

  it("fills the agency's columns of the ledger (inputs, Tự chấm, evidence), never Thẩm định; groups without criteria go to the grid", async () => {
    const { plan, ledger } = await merged(FILL);
    const at = (code: string, kind: keyof typeof L) => plan.ledgerWrites.find((w) => w.row === ledgerRow(ledger, "Sở A", code) && w.col === L[kind])?.value;
    expect([at("1.1.1", "input1"), at("1.1.1", "input2"), at("1.1.1", "self"), at("1.1.1", "evidence")]).toEqual([45, 50, 9, "Biên bản kiểm kê 12/BB-STC"]);
    expect([at("1.1.2", "input1"), at("1.1.2", "self")]).toEqual([60, 7]);
    expect([at("1.2", "input1"), at("1.2", "self")]).toEqual(["Đạt một phần", 7.5]);
    expect([at("1.3", "input1"), at("1.3", "self")]).toEqual(["Có", 5]);
    expect(at("1.4", "self")).toBe(8.25);
    expect(plan.ledgerWrites.some((w) => w.col === L.appraised || w.col === L.comment)).toBe(false);
    expect(plan.ledgerWrites[0].address).toMatch(/^'Chấm điểm chi tiết'!E\d+$/);
    // The grid takes the groups without criteria only; group 1's cell is the ledger's sum (Tính điểm).
    expect(plan.writes.map((w) => w.address)).toEqual(["D2", "E2", "F2", "G2", "H2"]);
    // Tự đánh giá: group 1 is the criteria's sum 16 + 7,5 + 5 + 8,25.
    expect(plan.selfAssessments[0].scores).toEqual([36.75, 80, 80, 80, 80, 40]);
    expect(plan.selfAssessments[0].criteria?.map((c) => c.id)).toEqual(["1.1.1", "1.1.2", "1.2", "1.3", "1.4"]);
  });

  it("records a difference per criterion where the council's Thẩm định gives other points", async () => {
    const { plan, ledger } = await merged(FILL);
    expect(plan.differences).toEqual([
      {
        agency: "Sở A",
        group: "1.4 Hạ tầng khác",
        self: 8.25,
        appraised: 6,
        evidence: "",
        cell: `'Chấm điểm chi tiết'!${cellAddress(ledgerRow(ledger, "Sở A", "1.4"), L.appraised)}`,
        criterion: "1.4",
      },
    ]);
  });

  it("names required evidence left empty and each input that does not score, by form and cell", async () => {
    const { plan, wb } = await merged({ ...FILL, "1.1.1": ["bốn lăm", 50], "1.1.2": [], "1.3": ["Có lẽ"], "1.4": [12] });
    const cellOf = (code: string, i: number) => unlockedOf(wb, code)[i];
    expect(plan.findings.map((f) => [f.code, f.cell])).toEqual([
      ["inputInvalid", cellOf("1.1.1", 0)],
      ["evidenceMissing", cellOf("1.2", 1)],
      ["notALevel", cellOf("1.3", 0)],
      ["criterionOverMax", cellOf("1.4", 0)],
      ["criterionMissing", cellOf("1.1.2", 0)],
    ]);
    const message = plan.findings.find((f) => f.code === "evidenceMissing")!.message;
    expect(message).toBe(
      `Phiếu “Sở A.xlsx”: Ô ${cellOf("1.2", 1)}: tiêu chí “1.2 An toàn thông tin” của Sở A bắt buộc có tài liệu kiểm chứng nhưng ô còn trống. Hãy ghi số, ngày và trích yếu văn bản kiểm chứng.`,
    );
    expect(plan.findings.find((f) => f.code === "notALevel")!.message).toContain("“Có”, “Không”");
  });

  it("leaves out of an agency's claims the criteria its exemption names (Sở B, “Không ATTT”: no 1.2)", async () => {
    const { plan } = await merged({ "1.1.1": [40, 40], "1.1.2": [20], "1.3": ["Không"], "1.4": [10] }, "Sở B", "Không ATTT");
    expect(plan.selfAssessments[0].criteria?.map((c) => c.id)).toEqual(["1.1.1", "1.1.2", "1.3", "1.4"]);
    expect(plan.findings.filter((f) => f.code !== "formIncomplete")).toEqual([]);
  });

  it("merged again, the same form changes nothing", async () => {
    const first = await merged(FILL);
    const values = first.ledger.map((r) => [...r]);
    for (const w of first.plan.ledgerWrites) values[w.row][w.col] = w.value;
    const gridAfter = grid.map((r) => [...r]);
    for (const w of first.plan.writes) gridAfter[w.row][w.col] = w.value;
    const wb = await asWorkbook(form(rules, "Sở A"));
    fillByCriteria(wb, FILL);
    const again = planMerge(
      mergeInput(gridAfter, [await returnedOf("Sở A.xlsx", wb)], {
        rules,
        ledger: { values },
        state: { selfAssessments: first.plan.selfAssessments },
      }),
    );
    if (!again.ok) throw new Error(again.message);
    expect(again.plan.ledgerWrites).toEqual([]);
    expect(again.plan.writes).toEqual([]);
    expect(again.plan.unchanged).toBe(true);
  });

  it("scored, the ledger's sums count: Sở A's group 1 is 16 + 7,5 + 5 + 6 (the council's 1.4)", async () => {
    const { plan, ledger } = await merged(FILL);
    const values = ledger.map((r) => [...r]);
    for (const w of plan.ledgerWrites) values[w.row][w.col] = w.value;
    const gridAfter = grid.map((r) => [...r]);
    for (const w of plan.writes) gridAfter[w.row][w.col] = w.value;
    const scored = scoreWithLedger(gridAfter, values, rules);
    if (!scored.ok) throw new Error("not scored");
    const a = scored.result.rows.find((r) => r.name === "Sở A")!;
    expect(a.scores.map((s) => (s === null ? null : formatVi(s)))).toEqual(["34,5", "80", "80", "80", "80", "40"]);
  });
});

describe("the council's conclusions per criterion", () => {
  const grid = simpleSheet([{ name: "Sở A", scores: ["", 80, 80, 80, 80, 40] }]);
  const ledger = sheetValues(ledgerSheet(rules, gridAgencies(grid, rules)!)) as unknown[][];
  const row = ledger.findIndex((r) => r[L.agency] === "Sở A" && r[L.code] === "1.4");
  ledger[row][L.self] = 8.25;
  ledger[row][L.appraised] = 6;
  const diff = (conclusion: string, score: number | null) => {
    const values = sheetValues(
      differencesSheet([{ agency: "Sở A", group: "1.4 Hạ tầng khác", self: 8.25, appraised: 6, evidence: "", cell: "" }], "Chênh lệch"),
    ) as unknown[][];
    const header = values[2];
    values[3][header.indexOf("Kết luận của hội đồng")] = conclusion;
    if (score !== null) values[3][header.indexOf("Điểm kết luận")] = score;
    return { values, sheetName: "Chênh lệch" };
  };

  it("“Điểm khác” puts the council's points into the criterion's Thẩm định; the grid's conclusions leave the row alone", () => {
    const applied = applyCriterionConclusions(ledger, rules, diff("Điểm khác", 7), "Chấm điểm chi tiết");
    expect(applied.writes).toEqual([{ row, col: L.appraised, value: 7, address: `'Chấm điểm chi tiết'!${cellAddress(row, L.appraised)}` }]);
    expect(applied.concluded).toBe(1);
    const located = locateGrid(grid, rules);
    if (!located.ok) throw new Error("no grid");
    const onGrid = applyConclusions(grid, located.layout, rules, diff("Điểm khác", 7));
    expect([onGrid.writes, onGrid.findings, onGrid.concluded]).toEqual([[], [], 0]);
  });

  it("a Thẩm định changed since is kept and named; an unconcluded criterion is a finding on “Chênh lệch”", () => {
    const changed = ledger.map((r) => [...r]);
    changed[row][L.appraised] = 5;
    const applied = applyCriterionConclusions(changed, rules, diff("Chấp nhận tự chấm", null), "Chấm điểm chi tiết");
    expect(applied.writes).toEqual([]);
    expect(applied.findings.map((f) => [f.code, f.cells])).toEqual([["conclusionCellChanged", [`'Chấm điểm chi tiết'!${cellAddress(row, L.appraised)}`]]]);
    const open = applyCriterionConclusions(ledger, rules, diff("", null), "Chấm điểm chi tiết");
    expect(open.findings.map((f) => [f.code, f.cell])).toEqual([["differenceNotConcluded", "'Chênh lệch'!H4"]]);
  });
});

describe("a form at criterion level with 150 criteria", () => {
  /** The preset with 150 criteria of 0.5 points each in its first group (80 points). */
  function manyCriteria(): Rules {
    const json = clonePreset();
    json.groups[0].criteria = Array.from({ length: 150 }, (_, i) => ({
      id: `1.${i + 1}`,
      name: `Tiêu chí số ${i + 1}`,
      max: "0.5",
      method: "points",
      step: "0.5",
    }));
    const checked = validateRules(json);
    if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join("\n"));
    return checked.rules;
  }

  it("is read to its last criterion and its notes: the window follows the form (its 7 columns, as many rows as 200 × 40 cells hold), every criterion merged", async () => {
    const many = manyCriteria();
    const f = form(many, "Sở A");
    expect(f.rowCount).toBeGreaterThan(300);
    const wb = await asWorkbook(f);
    const fill = Object.fromEntries(many.leaves.map((l, i) => [l.id, [i % 2 === 0 ? 0.5 : 0]]));
    fillByCriteria(wb, { ...fill, "2": [80], "3": [80], "4": [80], "5": [80], "6": [40] });
    wb.worksheets[0].getCell(cellAddress(f.layout.notesCell.row, f.layout.notesCell.col)).value = "Đã bổ sung tài liệu";
    const full = await returnedOf("so-a.xlsx", wb);
    const back = compactReturnedForm(full);
    // The same number of cells at most as a form by group's 200 × 40, in the form's own columns.
    expect(back.values!.reduce((n, row) => n + row.length, 0)).toBeLessThanOrEqual(200 * 40);
    expect(Math.max(...back.values!.map((row) => row.length))).toBe(7);
    expect(full.values!.length).toBeGreaterThan(300);
    expect(back.values!.length).toBe(full.values!.length);
    const read = readCriteriaForm(back.values!, many)!;
    expect(read.entries.map((e) => e.leaf.id)).toEqual(many.leaves.map((l) => l.id));
    const grid = simpleSheet([{ name: "Sở A", scores: ["", "", "", "", "", ""] }]);
    const ledger = sheetValues(ledgerSheet(many, gridAgencies(grid, many)!)) as unknown[][];
    const planned = planMerge(mergeInput(grid, [back], { rules: many, ledger: { values: ledger } }));
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.plan.findings.filter((x) => x.code === "groupNotFound")).toEqual([]);
    expect(planned.plan.merged.map((m) => m.agency)).toEqual(["Sở A"]);
    const record = planned.plan.selfAssessments[0];
    expect(record.criteria).toHaveLength(150);
    expect(record.notes).toBe("Đã bổ sung tài liệu");
    expect(record.scores[0]).toBe(37.5);
  }, 60_000);
});
