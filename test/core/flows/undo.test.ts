/**
 * The one "Hoàn tác" flow (src/core/flows/undo.ts) over both ports: "Tính điểm" on the strict double, undone by
 * the pane's caller through ExcelPort, and the same workbook's package scored and undone through XlsxPort, give the
 * same cells back (contents and fills) and leave the same edited cell alone; the pure decisions on their own.
 */
import { exportWorkbookToXlsxBuffer } from "../../office-double/export-xlsx";
import { cellAddress, parseCell, SHEET_ORIGIN } from "../../../src/core/base/address";
import { planScoring, writeScoring } from "../../../src/core/flows/score";
import {
  addedSheetIsOurs,
  decideUndo,
  planCellsUndo,
  resultJournal,
  resultUndo,
  UNDO_RULES,
  UndoAction,
  undoneState,
  undoThroughPort,
} from "../../../src/core/flows/undo";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { presetRules } from "../../../src/core/rules/rules";
import { makeLock } from "../../../src/core/store/lock";
import { LOG_SHEET_TITLE } from "../../../src/core/store/log";
import { encodeStore, STORE_SHEET, UndoJournal } from "../../../src/core/store/store";
import { GridLayout } from "../../../src/core/grid/grid";
import { WritePlan } from "../../../src/core/grid/plan";
import { runScoring } from "../../../src/excel/scoring";
import { undoLast } from "../../../src/excel/undo";
import { StyleBook } from "../../../src/xlsx/styles";
import { XlsxPort } from "../../../src/xlsx/port";
import { XlsxWorkbook } from "../../../src/xlsx/workbook";
import { AT, SHEET, gridDouble, plannedCells, restoreDouble } from "./helpers";

afterEach(restoreDouble);

/** "Tính điểm" on the package through the core's flow, its journal kept as the command line keeps it. */
function scoreOnPackage(bytes: Uint8Array) {
  const port = XlsxPort.open(bytes);
  const scored = scoreSheet(port.readSheet(SHEET).values, presetRules(), SHEET_ORIGIN);
  if (!scored.ok) throw new Error(scored.error.message);
  const planned = planScoring(port, { sheet: SHEET, scored, state: {}, comparison: null });
  if (!planned.ok) throw new Error(planned.message);
  writeScoring(port, {
    sheet: SHEET,
    scored,
    plan: planned.plan,
    stateAfter: (plan, marks) => ({
      written: plan.written,
      marks,
      undo: resultUndo(port.journalOf({ sheet: SHEET, plan, layout: scored.layout, converted: [] }), SHEET, AT, {}),
    }),
  });
  return { plan: planned.plan, bytes: port.toBytes() };
}

describe("one Hoàn tác flow over both ports", () => {
  it("ExcelPort (the double) and XlsxPort give back the same cells and leave the same edited cell alone", async () => {
    const double = gridDouble();
    const ws = double.workbook.sheet(SHEET);
    const original = await exportWorkbookToXlsxBuffer(double.workbook);

    // Scored on both sides; then the same result cell typed over.
    const pkg = scoreOnPackage(original);
    const cells = plannedCells(pkg.plan);
    expect(cells.length).toBeGreaterThan(40);
    expect(pkg.plan.marks.length).toBe(3);
    const scored = await runScoring("pane");
    expect(scored.kind).toBe("done");
    const edited = cells[cells.length - 1];
    const editedAddress = cellAddress(edited.row, edited.col);
    ws.setValues(editedAddress, [[77]]);
    const editing = XlsxPort.open(pkg.bytes);
    editing.writeValues(SHEET, [{ row: edited.row, col: edited.col, value: 77 }]);

    // Undone: the pane's caller through ExcelPort; the package through the core's flow on XlsxPort.
    const excel = await undoLast();
    const xlsx = XlsxPort.open(editing.toBytes());
    const undone = undoThroughPort(xlsx, { at: AT, by: "", via: "cli" });
    expect(excel).toMatchObject({ kind: "done", leftAlone: [editedAddress] });
    expect(undone).toMatchObject({ kind: "done", leftAlone: [editedAddress] });

    const before = XlsxWorkbook.open(original).readSheet(SHEET).values;
    const out = XlsxWorkbook.open(xlsx.toBytes());
    const after = out.readSheet(SHEET);
    const styles = new StyleBook(out.pkg.readText("xl/styles.xml"));
    for (const { row, col } of cells) {
      const address = cellAddress(row, col);
      const expected = address === editedAddress ? 77 : (before[row]?.[col] ?? "");
      expect([address, after.values[row]?.[col] ?? ""]).toEqual([address, expected]);
      expect([address, ws.getValues(address)[0][0]]).toEqual([address, expected]);
    }
    // The marks' cells show no fill again, on both.
    for (const m of pkg.plan.marks) {
      const { row, col } = parseCell(m.address);
      expect([m.address, ws.getCell(m.address).fill ?? null, styles.fillColor(after.styles[row]?.[col] ?? 0)]).toEqual([m.address, null, null]);
    }
  }, 60_000);
});

const journal = (over: Partial<UndoJournal> = {}): UndoJournal => ({
  action: "score",
  at: AT,
  sheet: SHEET,
  cells: [{ address: "H5:H6", formulas: [[""], [3]], numberFormat: [["General"], ["0.00"]] }],
  fills: [
    { address: "C5", color: null, set: "#FFC7CE" },
    { address: "C6", color: "#00FF00", set: "#FFC7CE" },
  ],
  previousState: {},
  ...over,
});

describe("the core's decisions", () => {
  it("decideUndo: nothing, the journal, an offered action no longer the last, a damaged journal", () => {
    expect(decideUndo({ ok: true, state: {}, issues: [] })).toEqual({ kind: "nothing" });
    const undo = journal();
    expect(decideUndo({ ok: true, state: { undo }, issues: [] })).toMatchObject({ kind: "undo", undo });
    expect(decideUndo({ ok: true, state: { undo }, issues: [] }, { action: "annex", at: AT })).toEqual({
      kind: "alreadyUndone",
      current: { action: "score", at: AT, sheet: SHEET },
    });
    const damaged = decideUndo({
      ok: true,
      state: { undo: journal({ cells: [{ address: "ZZZZ0", formulas: [[""]], numberFormat: [["General"]] }] }) },
      issues: [],
    });
    expect(damaged).toMatchObject({ kind: "damaged", problem: { path: "undo.cells[0].address" } });
    // Locked results: nothing is undone into them.
    const lock = makeLock({ sheet: SHEET, cells: [["H5", "90"]], rules: "{}", decision: { number: "06/QĐ-UBND", date: "05/01/2021" } }, AT, "");
    expect(decideUndo({ ok: true, state: { undo, lock }, issues: [] })).toEqual({ kind: "locked", lock });
    // A sheet added while locked (the printable log) still goes.
    const logSheetUndo = journal({ action: "logSheet", cells: [], fills: [] });
    expect(decideUndo({ ok: true, state: { undo: logSheetUndo, lock }, issues: [] })).toMatchObject({ kind: "undo" });
  });

  it.each(Object.keys(UNDO_RULES) as UndoAction[])(
    "decideUndo while locked, per action: %s is refused only if its undo would change the locked results or the sheets the lock protects",
    (action) => {
      const lock = makeLock({ sheet: SHEET, cells: [["H5", "90"]], rules: "{}", decision: { number: "06/QĐ-UBND", date: "05/01/2021" } }, AT, "");
      const undo = journal({ action, cells: [], fills: [] });
      // The grid's cells (Tính điểm, Gộp phiếu, Chuyển mã), Chênh lệch's conclusions (they feed the results) and the annex
      // (protected by the lock, compared by verify; its undo deletes it and brings back the one it replaced).
      const touchesLocked = ["score", "merge", "conclusions", "encoding", "annex"].includes(action);
      const decided = decideUndo({ ok: true, state: { undo, lock }, issues: [] });
      expect(decided.kind).toBe(touchesLocked ? "locked" : "undo");
      expect(decideUndo({ ok: true, state: { undo }, issues: [] }).kind).toBe("undo"); // unlocked: undone as ever
    },
  );

  it("planCellsUndo: a cell holding what the add-in wrote or what it held goes back; one typed over is left alone; a fill changed since is kept", () => {
    const now = {
      readBlock: () => [[90], [5]],
      readFill: (_sheet: string, address: string) => (address === "C5" ? "#FFC7CE" : "#0000FF"),
    };
    const { restore, leftAlone } = planCellsUndo(
      journal(),
      new Map<string, string | number>([
        ["H5", 90],
        ["H6", 4],
      ]),
      now,
    );
    expect(restore.blocks).toEqual([{ address: "H5:H6", formulas: [[""], [null]], numberFormat: [["General"], [null]] }]);
    expect(restore.fills).toEqual([{ address: "C5", color: null }]);
    expect(leftAlone).toEqual(["H6", "C6"]);
    // A block whose sheet is gone is left alone, named with its sheet.
    const other = planCellsUndo(
      journal({ cells: [{ address: "B2", sheet: "Chấm điểm chi tiết", formulas: [[1]], numberFormat: [["General"]] }], fills: [] }),
      undefined,
      {
        readBlock: () => null,
        readFill: () => null,
      },
    );
    expect(other.leftAlone).toEqual(["'Chấm điểm chi tiết'!B2"]);
  });

  it("undoneState: what the action changed of the state goes back, the journal goes, “Hoàn tác” is logged", () => {
    const undo = journal({ previousState: { written: undefined, lastRun: undefined } });
    const state = { undo, written: { sheet: SHEET, columns: [] }, rules: presetRules().json };
    const after = undoneState(state, undo, {}, { at: "2026-12-07T04:00:00.000Z", by: "A", via: "cli" });
    expect(after.undo).toBeUndefined();
    expect(after.written).toBeUndefined();
    expect(after.rules).toEqual(state.rules);
    expect(after.log?.entries.map((e) => [e.action, e.by, e.via, e.sheet])).toEqual([["undo", "A", "cli", SHEET]]);
  });

  it("addedSheetIsOurs: a sheet goes only while it is still the add-in's", () => {
    expect(addedSheetIsOurs("log", { a1: LOG_SHEET_TITLE })).toBe(true);
    expect(addedSheetIsOurs("log", { a1: "Ghi chép của tôi" })).toBe(false);
    expect(addedSheetIsOurs("chart", { charts: 0 })).toBe(false);
    expect(addedSheetIsOurs("ledger", { used: null })).toBe(false);
  });
});

describe("text that begins with “=” comes back as text", () => {
  const texts = ["K44", "K45", "K46", "K47"];
  /** Cells the undo gives back: a text-formatted “=> xem công văn”, a text typed with an apostrophe, a real formula, a formula in a text-formatted cell. */
  const textJournal = (flagged: boolean): UndoJournal =>
    journal({
      cells: [
        {
          address: "K44:K47",
          formulas: [["=> xem công văn"], ["=> xem"], ["=1+1"], ["=2+2"]],
          numberFormat: [["@"], ["General"], ["0.00"], ["@"]],
          ...(flagged ? { text: [[true], [true], [false], [false]] } : {}),
          wrote: [[1], [2], [3], [4]],
        },
      ],
      fills: [],
    });
  function seeded(undo: UndoJournal) {
    const double = gridDouble();
    const ws = double.workbook.sheet(SHEET);
    ws.setValues("K44", [[1], [2], [3], [4]]);
    double.workbook.addSheet(STORE_SHEET).setValues("A1", encodeStore({ undo }) as string[][]);
    return { double, ws };
  }
  const onPackage = (bytes: Uint8Array) => {
    const out = XlsxWorkbook.open(bytes);
    const after = out.readSheet(SHEET);
    const styles = new StyleBook(out.pkg.readText("xl/styles.xml"));
    const xml = out.pkg.readText(`xl/worksheets/sheet1.xml`);
    return texts.map((a) => {
      const { row, col } = parseCell(a);
      const cell = new RegExp(`<c r="${a}"[^>]*?(/>|>.*?</c>)`).exec(xml)?.[0] ?? "";
      return [a, after.formulas[row]?.[col], cell.includes("<f>"), styles.numberFormat(after.styles[row]?.[col] ?? 0)];
    });
  };

  it("Hoàn tác writes a text journalled as text back as text with its format, a formula as a formula: ExcelPort (the double) and XlsxPort", async () => {
    const { double, ws } = seeded(textJournal(true));
    const bytes = await exportWorkbookToXlsxBuffer(double.workbook);
    expect(await undoLast()).toMatchObject({ kind: "done", leftAlone: [] });
    const cell = (a: string) => ws.getCell(a);
    expect(texts.map((a) => [a, cell(a).formula ?? cell(a).value, cell(a).formula !== null, cell(a).numberFormat])).toEqual([
      ["K44", "=> xem công văn", false, "@"],
      ["K45", "=> xem", false, "General"],
      ["K46", "=1+1", true, "0.00"],
      ["K47", "=2+2", true, "@"],
    ]);
    const xlsx = XlsxPort.open(bytes);
    expect(undoThroughPort(xlsx, { at: AT, by: "", via: "cli" })).toMatchObject({ kind: "done", leftAlone: [] });
    expect(onPackage(xlsx.toBytes())).toEqual([
      ["K44", "=> xem công văn", false, "@"],
      ["K45", "=> xem", false, "General"],
      ["K46", "=1+1", true, "0.00"],
      ["K47", "=2+2", true, "@"],
    ]);
  }, 60_000);

  it("an older journal (no `text`) restores as before: “=…” as formulas", async () => {
    const { double, ws } = seeded(textJournal(false));
    const xlsx = XlsxPort.open(await exportWorkbookToXlsxBuffer(double.workbook));
    // On Office.js as before too: each number format first, then the contents (under "@" a text stays text).
    expect(await undoLast()).toMatchObject({ kind: "done" });
    expect(texts.map((a) => ws.getCell(a).formula)).toEqual([null, "=> xem", "=1+1", null]);
    expect(undoThroughPort(xlsx, { at: AT, by: "", via: "cli" })).toMatchObject({ kind: "done" });
    expect(onPackage(xlsx.toBytes()).map((c) => c[2])).toEqual([true, true, true, true]);
  });

  it("resultJournal records which cells held text beginning with “=” (values equal to formulas), not formulas, when any cell begins with “=”", () => {
    const plan = { blocks: [{ row: 0, col: 0, values: [[1, 2, 3]] }], headers: [], marks: [], keptMarks: [], unmark: [], columns: [] } as unknown as WritePlan;
    const layout = { headerTop: 0, headerRow: 0, lastRow: 0 } as GridLayout;
    const sheet = { name: SHEET, values: [["=> xem", 2, "x"]], formulas: [["=> xem", "=1+1", "x"]], numberFormat: () => "General", origin: SHEET_ORIGIN };
    expect(resultJournal(plan, layout, sheet, { widthOf: () => 0, backupFirstCol: null }).cells[0].text).toEqual([[true, false, false]]);
    expect(
      resultJournal(plan, layout, { ...sheet, values: [[1, 2, "x"]], formulas: [[1, "=1+1", "x"]] }, { widthOf: () => 0, backupFirstCol: null }).cells[0].text,
    ).toEqual([[false, false, false]]);
    // Nothing beginning with "=": no flags.
    expect(
      resultJournal(plan, layout, { ...sheet, values: [[1, 2, "x"]], formulas: [[1, 2, "x"]] }, { widthOf: () => 0, backupFirstCol: null }).cells[0].text,
    ).toBeUndefined();
  });
});
