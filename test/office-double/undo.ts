/**
 * Excel's own undo stack, as add-ins see it since ExcelApi 1.20 (requirement set ExcelUndoApiAll).
 *
 * What Microsoft documents, and what the double does (sources, read 2026-12-07):
 * - "Undo support with the Excel JavaScript API" (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities,
 *   OfficeDev/office-js-docs-pr docs/excel/excel-add-ins-undo-capabilities.md): add-in writes are kept on the user's undo
 *   stack; `Excel.run({ mergeUndoGroup: true }, …)` groups a batch's writes into one undoable action; "If an API within the
 *   group doesn't offer undo support, the `UndoNotSupported` error is thrown"; outside a group, "if you call an unsupported
 *   API in your add-in, the user's undo stack is cleared starting from that API call". Support is checked with
 *   `isSetSupported("ExcelUndoApiAll", "1.0")`. The table of unsupported APIs differs by platform (web vs Windows and Mac):
 *   UNDO_UNSUPPORTED below is that table for the members near what the double implements.
 * - Excel.RunOptions.mergeUndoGroup ([Api set: ExcelApi 1.20] in @types/office-js): "When false, each context.sync()
 *   call creates an undo record. When true, all context.sync() calls in a single Excel.run are merged into one undo group."
 * - ExcelApi 1.20 requirement set page: "adds undo support for Excel JavaScript APIs" (RunOptions.mergeUndoGroup).
 *
 * Modelled: the stack of undo records (the add-in's syncs or groups, and the user's own edits made with `double.edit`),
 * Ctrl+Z (`double.undo()`), what clears the stack, UndoNotSupported inside a group. Below ExcelApi 1.20 every sync that
 * writes clears the stack (add-in writes were not undoable before undo support). Not modelled: redo; the document's
 * settings (Workbook.settings, Office.context.document.settings) are not on the undo stack (an assumption).
 */
import type { Action } from "./client-object";
import { Rect } from "./address";
import { Cell, FakeChart, FakeSheet, FakeWorkbook, PageLayoutState, ProtectionOptions, Visibility } from "./workbook";

/** The first ExcelApi level with undo support (ExcelUndoApiAll, RunOptions.mergeUndoGroup). */
export const UNDO_API_LEVEL = 20;

/**
 * APIs that do not support undo, from Microsoft's table: `web` / `desktop` say whether calling it clears the stack
 * in Excel on the web / on Windows and Mac. Set properties are named like calls (`Worksheet.name` is setting it).
 */
export const UNDO_UNSUPPORTED: Readonly<Record<string, { web: boolean; desktop: boolean }>> = {
  "Chart.categoryLabelLevel": { web: true, desktop: true },
  "Chart.seriesNameLevel": { web: true, desktop: true },
  "Workbook.close": { web: true, desktop: true },
  "Workbook.insertWorksheetsFromBase64": { web: true, desktop: true },
  "Workbook.save": { web: true, desktop: true },
  "WorkbookProtection.protect": { web: true, desktop: true },
  "WorkbookProtection.unprotect": { web: true, desktop: true },
  "Worksheet.copy": { web: true, desktop: true },
  "Worksheet.delete": { web: true, desktop: true },
  // "Supported in Excel on the web: Yes; on Windows and Mac: No"
  "Worksheet.name": { web: false, desktop: true },
  "Worksheet.position": { web: false, desktop: true },
  "Worksheet.visibility": { web: false, desktop: true },
  // "Supported in Excel on the web: No; on Windows and Mac: Yes"
  "Worksheet.standardWidth": { web: true, desktop: false },
  "WorksheetCollection.addFromBase64": { web: true, desktop: true },
  "WorksheetProtection.pauseProtection": { web: true, desktop: true },
  "WorksheetProtection.protect": { web: true, desktop: true },
  "WorksheetProtection.resumeProtection": { web: true, desktop: true },
  "WorksheetProtection.setPassword": { web: true, desktop: true },
  "WorksheetProtection.unprotect": { web: true, desktop: true },
  "WorksheetProtection.updateOptions": { web: true, desktop: true },
};

/** Whether an action writes (a property set or a method call with no data back); loads and reads do not. */
export function isWrite(a: Action): boolean {
  // Adding or removing an event handler (worksheets.onChanged) changes nothing in the document: no undo step, nothing cleared.
  if (a.kind === "call" && EVENT_MEMBERS.has(a.name)) return false;
  return a.kind === "set" || (a.kind === "call" && !a.apply);
}

/** The event members the double models: registering a handler on them is not a write. */
const EVENT_MEMBERS: ReadonlySet<string> = new Set(["onChanged"]);

/** Whether running `a` on this platform clears the user's undo stack (or, inside a group, fails with UndoNotSupported). */
export function clearsUndo(a: Action, web: boolean): boolean {
  if (!isWrite(a)) return false;
  const entry = UNDO_UNSUPPORTED[a.location];
  return !!entry && (web ? entry.web : entry.desktop);
}

interface SheetMemento {
  name: string;
  visibility: Visibility;
  cells: [number, Cell][];
  columnWidths: [number, number][];
  rowHeights: [number, number][];
  hiddenRows: number[];
  hiddenColumns: number[];
  merges: Rect[];
  protection: { protected: boolean; options: ProtectionOptions; password?: string };
  freeze: { rows: number; columns: number };
  pageLayout: PageLayoutState;
  rowBreaks: number[];
  charts: FakeChart[];
  showGridlines: boolean;
  tabColor: string;
}

interface WorkbookMemento {
  sheets: FakeSheet[];
  activeSheet: FakeSheet | undefined;
  calculationMode: string;
}

/** One step of Ctrl+Z: the state before it of the workbook's sheet list and of each sheet it touched. */
export interface UndoRecord {
  /** "addin": a sync, or an Excel.run with mergeUndoGroup; "user": an edit typed in Excel (double.edit). */
  source: "addin" | "user";
  /** for the add-in's records: the Excel.run (stats.runs at its start) and the syncs it spans */
  run?: number;
  syncs: number;
  /** @internal */ before: WorkbookMemento;
  /** @internal */ sheets: Map<FakeSheet, SheetMemento>;
}

export interface UndoState {
  /** whether the host keeps add-in writes on the undo stack (ExcelUndoApiAll) */
  readonly supported: boolean;
  /** Excel on the web (its table of unsupported APIs differs from Windows and Mac) */
  readonly web: boolean;
  /** the user's undo stack, oldest first */
  readonly stack: UndoRecord[];
  /** every time the stack was cleared: the API that cleared it ("Worksheet.visibility"), or "write" below ExcelApi 1.20 */
  readonly clearedBy: string[];
}

export function createUndoState(supported: boolean, web: boolean): UndoState {
  return { supported, web, stack: [], clearedBy: [] };
}

const cloneCell = (c: Cell): Cell => {
  const out: Cell = { ...c };
  if (c.font) out.font = { ...c.font };
  if (c.borders) {
    const b: NonNullable<Cell["borders"]> = {};
    for (const [side, spec] of Object.entries(c.borders)) if (spec) b[side as keyof typeof b] = { ...spec };
    out.borders = b;
  }
  return out;
};

const cloneChart = (c: FakeChart): FakeChart => ({
  ...c,
  categories: [...c.categories],
  series: c.series.map((s) => ({ ...s, values: [...s.values], ...(s.pointFills ? { pointFills: { ...s.pointFills } } : {}) })),
  sourceRect: { ...c.sourceRect },
  valueAxis: { ...c.valueAxis },
});

function sheetMemento(s: FakeSheet): SheetMemento {
  return {
    name: s.name,
    visibility: s.visibility,
    cells: [...s.cells].map(([k, c]) => [k, cloneCell(c)]),
    columnWidths: [...s.columnWidths],
    rowHeights: [...s.rowHeights],
    hiddenRows: [...s.hiddenRows],
    hiddenColumns: [...s.hiddenColumns],
    merges: s.merges.map((m) => ({ ...m })),
    protection: { ...s.protection, options: { ...s.protection.options } },
    freeze: { ...s.freeze },
    pageLayout: JSON.parse(JSON.stringify(s.pageLayout)) as PageLayoutState,
    rowBreaks: [...s.rowBreaks],
    charts: s.charts.map(cloneChart),
    showGridlines: s.showGridlines,
    tabColor: s.tabColor,
  };
}

function restoreSheet(s: FakeSheet, m: SheetMemento): void {
  s.name = m.name;
  s.visibility = m.visibility;
  s.cells.clear();
  for (const [k, c] of m.cells) s.cells.set(k, c);
  s.columnWidths.clear();
  for (const [k, v] of m.columnWidths) s.columnWidths.set(k, v);
  s.rowHeights.clear();
  for (const [k, v] of m.rowHeights) s.rowHeights.set(k, v);
  s.hiddenRows.clear();
  for (const r of m.hiddenRows) s.hiddenRows.add(r);
  s.hiddenColumns.clear();
  for (const c of m.hiddenColumns) s.hiddenColumns.add(c);
  s.merges = m.merges;
  s.protection = m.protection;
  s.freeze = m.freeze;
  s.pageLayout = m.pageLayout;
  s.rowBreaks = m.rowBreaks;
  s.charts = m.charts;
  s.showGridlines = m.showGridlines;
  s.tabColor = m.tabColor;
}

export function newRecord(workbook: FakeWorkbook, source: UndoRecord["source"], run?: number): UndoRecord {
  return {
    source,
    run,
    syncs: 0,
    before: { sheets: [...workbook.sheets], activeSheet: workbook.activeSheet, calculationMode: workbook.calculationMode },
    sheets: new Map(),
  };
}

/** Keeps the state of `sheet` as it is now in `record`, the first time the record meets it. */
export function remember(record: UndoRecord, sheet: FakeSheet): void {
  if (!record.sheets.has(sheet)) record.sheets.set(sheet, sheetMemento(sheet));
}

/** Ctrl+Z: the record's sheets and sheet list go back to what they were before it. */
export function restore(workbook: FakeWorkbook, record: UndoRecord): void {
  for (const [sheet, m] of record.sheets) restoreSheet(sheet, m);
  workbook.sheets.splice(0, workbook.sheets.length, ...record.before.sheets);
  workbook.calculationMode = record.before.calculationMode;
  if (!workbook.activeSheet || !workbook.sheets.includes(workbook.activeSheet)) workbook.activeSheet = record.before.activeSheet;
}
