/**
 * The criteria-set example (examples/bo-tieu-chi-2020.xlsx) explained at the criterion level: Giải trình lists, under
 * each group, the criteria where points were lost with the council's comment, in the add-in (Office.js double) and in
 * the command line's workbook (score --explain); the agency card shows the agency's criteria, in the one sync it had.
 * The example's council took Sở Y tế's 5.4 (self-assessed 5) to 0, “Chưa có văn bản kèm theo”.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { createOfficeDouble } from "../office-double/index";
import { importXlsxToDouble } from "../office-double/export-xlsx";
import { runScoring } from "../../src/excel/scoring";
import { createExplanation } from "../../src/excel/explanation";
import { inspectSelection } from "../../src/excel/card";
import { scoreWorkbook } from "../../src/cli/score";
import { ROOT, tempDir } from "../cli/helpers";

const FILE = path.join(ROOT, "examples/bo-tieu-chi-2020.xlsx");
const YTE_54 = ["5.4 Cơ chế, chính sách khác", "40", "0", "40", "Tự chấm 5, thẩm định 0; Ý kiến thẩm định: Chưa có văn bản kèm theo"];

/** Sở Y tế's page: from its name to the next agency's title, as rows of five cells. */
function page(rows: unknown[][], agency: string): string[][] {
  const text = rows.map((r) => r.slice(0, 5).map((v) => (v === null || v === undefined ? "" : String(v))));
  const start = text.findIndex((r) => r[0] === agency);
  const end = text.findIndex((r, i) => i > start && r[0].startsWith("GIẢI TRÌNH"));
  return text.slice(start, end < 0 ? undefined : end);
}

/** Checks a page: the criterion under “Cơ chế, chính sách”, and every criterion row's lost points add up to at most its group's. */
function expectSoYTe(rows: string[][]) {
  const group = rows.findIndex((r) => r[0] === "Cơ chế, chính sách");
  expect(group).toBeGreaterThan(0);
  expect(rows.slice(group + 1)).toContainEqual(YTE_54);
  // Criteria listed are those where points were lost: none shows 0 lost.
  const criterionRows = rows.filter((r) => /^\d+\.\d+(\.\d+)? /.test(r[0]));
  expect(criterionRows.length).toBeGreaterThan(0);
  expect(criterionRows.every((r) => r[3] !== "0")).toBe(true);
}

let restore: () => void = () => undefined;
afterEach(() => restore());

describe("criteria where points were lost, with the council's comment", () => {
  it("the add-in's Giải trình (2 syncs) and the agency card (1 sync)", async () => {
    const wb = await importXlsxToDouble(fs.readFileSync(FILE));
    const double = createOfficeDouble({ workbook: wb });
    wb.setActive(wb.sheets[0].name);
    restore = double.install(globalThis);
    const scored = await runScoring("pane");
    if (scored.kind !== "done") throw new Error(scored.message);
    double.stats.reset();
    const made = await createExplanation({ selectedOnly: false, sheet: wb.sheets[0].name });
    if (made.kind !== "done") throw new Error(made.message);
    expect(double.stats.syncs).toBe(2);
    expectSoYTe(page(wb.sheet(made.sheetName).getValues("A1:E2000"), "Sở Y tế"));

    const grid = wb.sheet(wb.sheets[0].name);
    wb.setActive(wb.sheets[0].name);
    const names = grid.getValues("B1:B40").map((r) => r[0]);
    double.select(`C${names.indexOf("Sở Y tế") + 1}`);
    double.stats.reset();
    const info = await inspectSelection();
    expect(double.stats.syncs).toBe(1);
    const card = info!.card!;
    expect(card.vi.name).toBe("Sở Y tế");
    const all = card.vi.criteria.flat();
    // A department without exemption: all 29 criteria of the set (3.3 is the departments' own).
    expect(all).toHaveLength(29);
    expect(all.find((c) => c.id === "5.4")).toMatchObject({ max: "40", self: "5", appraised: "0", points: "0", lost: "40", lostAny: true });
    expect(card.en.criteria.flat().find((c) => c.id === "5.4")!.note).toBe("self-assessed 5, appraised 0; Council's comment: Chưa có văn bản kèm theo");
  });

  it("the command line's --explain", async () => {
    const out = path.join(tempDir(), "ra.xlsx");
    const outcome = await scoreWorkbook({ input: FILE, output: out, explain: true });
    if (!outcome.ok) throw new Error(outcome.message.message);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Giải trình")!;
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => (rows[n - 1] = [1, 2, 3, 4, 5].map((c) => row.getCell(c).value)));
    expectSoYTe(page(rows, "Sở Y tế"));
    // The same text as the add-in's: a criterion row is italic, framed.
    const at = rows.findIndex((r) => r[0] === YTE_54[0]);
    expect(ws.getRow(at + 1).getCell(1).font?.italic).toBe(true);
  });
});
