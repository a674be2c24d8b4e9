/**
 * The one "So sánh với năm trước" flow (src/core/flows/previous.ts) run over both ports: Tính điểm with last
 * year's sheet through ExcelPort, and the flow on the same workbook's package with last year's workbook opened as
 * a port of its own (as `score --previous` runs it), write the same cells; “Ghi trang Sáp nhập” and the flow's
 * putLineageSheet put the same “Sáp nhập” sheet.
 */
import { createOfficeDouble } from "../../office-double/index";
import { exportWorkbookToXlsxBuffer } from "../../office-double/export-xlsx";
import { referenceSheet } from "../../fixtures/reference";
import { rangeAddress, SHEET_ORIGIN } from "../../../src/core/base/address";
import { compareWithLastYear, lastYearRecord, putLineageSheet, readLastYear } from "../../../src/core/flows/previous";
import { planScoring, Scored, writeScoring } from "../../../src/core/flows/score";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { LINEAGE_SHEET } from "../../../src/core/rules/lineage";
import { presetRules } from "../../../src/core/rules/rules";
import { runScoring } from "../../../src/excel/scoring";
import { writeLineageSheet } from "../../../src/excel/lineage-sheet";
import { XlsxPort } from "../../../src/xlsx/port";
import { XlsxWorkbook } from "../../../src/xlsx/workbook";

const SHEET = "Chấm điểm 2020";
const LAST = "Năm trước";

let restore: () => void = () => undefined;
afterEach(() => restore());

/** Last year: the reference grid under a 2019 title. */
const lastYearValues = () =>
  referenceSheet().map((r) => r.map((v) => (typeof v === "string" ? v.replace("NĂM 2020", "NĂM 2019") : v))) as (string | number)[][];

/**
 * This year: the reference grid with Sở Nông nghiệp và PTNT now Sở Nông nghiệp và Môi trường (merged with Sở Tài
 * nguyên và Môi trường, whose row is a new agency's), Sở Y tế's score changed; last year's grid on a sheet of its own.
 */
function workbook() {
  const double = createOfficeDouble({ apiLevel: 20, sheets: [SHEET, LAST] });
  const now = referenceSheet().map((r) => [...r]) as (string | number)[][];
  const rename = (from: string, to: string) => (now.find((r) => r[1] === from)![1] = to);
  rename("Sở Nông nghiệp và PTNT", "Sở Nông nghiệp và Môi trường");
  rename("Sở Tài nguyên và Môi trường", "Ban Quản lý dự án đầu tư xây dựng");
  double.workbook.sheet(SHEET).setValues("A1", now);
  double.workbook.sheet(LAST).setValues("A1", lastYearValues());
  double.workbook.setActive(SHEET);
  restore = double.install(globalThis);
  return double;
}

/** Last year's workbook as a file of its own: its grid alone. */
async function lastYearPackage(): Promise<XlsxPort> {
  const double = createOfficeDouble({ apiLevel: 20, sheets: [LAST] });
  double.workbook.sheet(LAST).setValues("A1", lastYearValues());
  return XlsxPort.open(await exportWorkbookToXlsxBuffer(double.workbook));
}

/** `score --previous` as the command line runs it: this year's grid through the port, last year's through its own, compared, planned, written. */
function scoreWithPrevious(port: XlsxPort, last: XlsxPort, lineage2025: boolean) {
  const stored = port.readStore();
  if (!stored.ok) throw new Error(stored.message);
  const snapshot = port.readSheet(SHEET);
  const scored = scoreSheet(snapshot.values, presetRules(), SHEET_ORIGIN);
  if (!scored.ok) throw new Error("grid");
  const lastYear = readLastYear(last, "nam-truoc.xlsx");
  if (!lastYear.ok) throw new Error(lastYear.problem.code);
  expect(lastYear).toMatchObject({ sheet: LAST, year: 2019, storedRules: null });
  const compared = compareWithLastYear({ scored: scored as Scored, values: snapshot.values }, { last: lastYear, lineage2025, force: false, where: "cli" });
  if (!compared.ok) throw new Error("years");
  const planned = planScoring(port, { sheet: SHEET, scored: scored as Scored, state: stored.state, comparison: compared.comparison, where: "cli" });
  if (!planned.ok) throw new Error(planned.message);
  writeScoring(port, {
    sheet: SHEET,
    scored: scored as Scored,
    plan: planned.plan,
    stateAfter: (plan, marks) => ({ ...stored.state, written: plan.written, marks, lastYear: lastYearRecord(stored.state, compared, SHEET) }),
  });
  return compared;
}

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const grid = (rows: readonly (readonly unknown[])[], height: number, width: number) =>
  Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => text(rows[r]?.[c])));

describe("one So sánh với năm trước flow over both ports", () => {
  it("Tính điểm with last year's sheet (ExcelPort) and score --previous on the package write the same grid, last year's columns included", async () => {
    const double = workbook();
    const thisYear = XlsxPort.open(await exportWorkbookToXlsxBuffer(double.workbook));
    const o = await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST } });
    expect(o).toMatchObject({ kind: "done" });
    const compared = scoreWithPrevious(thisYear, await lastYearPackage(), false);
    if (!compared.ok) throw new Error("years");
    // The 2025 list offered (not used), the two years told: the same notices as the pane shows, but for who reads the offer.
    expect(compared.accepted).toEqual([]);
    expect(compared.notices.length).toBeGreaterThan(1);
    expect(compared.comparison.years).toEqual({ current: 2020, previous: 2019 });

    const out = XlsxWorkbook.open(thisYear.toBytes()).readSheet(SHEET).values;
    const width = Math.max(...out.map((r) => r.length));
    const height = out.length;
    expect(width).toBe(15); // the grid and its results, then Xếp hạng năm trước and Tăng/giảm (N, O)
    const inExcel = double.workbook.sheet(SHEET).getValues(rangeAddress(0, 0, height, width));
    expect(grid(inExcel, height, width)).toEqual(grid(out, height, width));
    const header = grid(out, height, width).find((r) => r.includes("Tăng/giảm"))!;
    expect(header.slice(-2)).toEqual(["Xếp hạng năm trước", "Tăng/giảm"]);
    // The renamed agency is new this year on both (no lineage declared, the 2025 list only offered).
    const nongNghiep = grid(out, height, width).find((r) => r[1] === "Sở Nông nghiệp và Môi trường")!;
    expect(nongNghiep[14]).toBe("mới");
  }, 60_000);

  it("with the 2025 list used: the same merged rows on both, and the lineage put as the “Sáp nhập” sheet as “Ghi trang Sáp nhập” writes it", async () => {
    const double = workbook();
    const thisYear = XlsxPort.open(await exportWorkbookToXlsxBuffer(double.workbook));
    expect(await writeLineageSheet({ kind: "sheet", sheet: LAST, lineage2025: true })).toMatchObject({ kind: "done", entries: 5 });
    expect(await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST, lineage2025: true } })).toMatchObject({ kind: "done" });

    const compared = scoreWithPrevious(thisYear, await lastYearPackage(), true);
    if (!compared.ok) throw new Error("years");
    expect(compared.lineage).toHaveLength(5);
    const description = putLineageSheet(thisYear, compared.lineage!);
    expect(description.sheetName).toBe(LINEAGE_SHEET);
    const written = XlsxWorkbook.open(thisYear.toBytes());
    const sheet = written.readSheet(LINEAGE_SHEET).values;
    const drawn = double.workbook.sheet(LINEAGE_SHEET).getValues(rangeAddress(0, 0, description.rowCount, 2));
    expect(grid(drawn, description.rowCount, 2)).toEqual(grid(sheet, description.rowCount, 2));
    expect(sheet[0]).toEqual(["Cơ quan hiện nay", "Tiền thân"]);

    const out = written.readSheet(SHEET).values;
    const height = out.length;
    const inExcel = double.workbook.sheet(SHEET).getValues(rangeAddress(0, 0, height, 15));
    expect(grid(inExcel, height, 15)).toEqual(grid(out, height, 15));
    const nongNghiep = grid(out, height, 15).find((r) => r[1] === "Sở Nông nghiệp và Môi trường")!;
    expect(nongNghiep[14]).toBe("sáp nhập");
  }, 60_000);

  it("last year of the same year is refused unless confirmed, on both callers' flow", async () => {
    const port = await lastYearPackage();
    const last = readLastYear(port, "nam-truoc.xlsx");
    if (!last.ok) throw new Error(last.problem.code);
    const values = lastYearValues();
    const scored = scoreSheet(values, presetRules(), SHEET_ORIGIN) as Scored;
    const choice = { last, lineage2025: false, force: false, where: "pane" as const };
    expect(compareWithLastYear({ scored, values }, choice)).toEqual({ ok: false, notEarlier: { previous: 2019, current: 2019 } });
    expect(compareWithLastYear({ scored, values, stated: 2020 }, choice)).toMatchObject({ ok: true });
    expect(compareWithLastYear({ scored, values }, { ...choice, force: true })).toMatchObject({ ok: true });
  }, 60_000);
});
