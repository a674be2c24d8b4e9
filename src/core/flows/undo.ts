/**
 * "Hoàn tác" written once against the workbook port (src/core/sheets/port.ts): the add-in (src/excel/undo.ts
 * through ExcelPort) and the command line (`undo`, src/cli/undo.ts through XlsxPort) both run it.
 *
 *     decideUndo:     the store's journal → nothing to undo / the journal damaged / not the action the caller offers / the journal
 *     undoReads:      what the port reads before deciding cell by cell (the journal's blocks, the fills it set)
 *     planCellsUndo:  from what the cells hold now (port.readBlock / readFill): each block back with null where
 *                     someone wrote since, the fills back where they still show the add-in's, the cells left alone
 *     undoCells:      planCellsUndo → port.restoreCells (an action whose undo is its cells: Tính điểm, Chuyển mã, Ghi kết luận)
 *     addedSheetIsOurs: whether the sheet an action added is still the add-in's (then it goes)
 *     undoneState:    the store's state after (what the action changed of it goes back) with "Hoàn tác" in the log
 *     undoThroughPort: the whole undo on a port that reads anything at any time (the package), for the actions above
 *
 * The journal is recorded by the action that writes, in the same unit (journal first): resultJournal is
 * "Tính điểm"'s, built from the grid as read before anything is written.
 */
import { cellAddress, Origin, parseCell, rangeAddress } from "../base/address";
import { GridLayout } from "../grid/grid";
import { MARK_FILL, WritePlan } from "../grid/plan";
import { CellsRestore, WorkbookPort } from "../sheets/port";
import { actionName, LOG_SHEET_TITLE, logEntry, LogEntry, withLog } from "../store/log";
import { isExplanationTitle } from "../findings/explanation";
import { isUntouchedLedger } from "../grid/ledger";
import { isCriteriaSheetTitle } from "../rules/criteria-sheet";
import { LINEAGE_HEADERS } from "../rules/lineage";
import { CellSnapshot, DecodedStore, FillSnapshot, MarkRecord, StoreState, UndoInfo, UndoJournal, writtenCells } from "../store/store";
import { checkUndoJournal, StoreProblem } from "../store/store-check";
import type { LockRecord } from "../store/lock";

export type UndoAction = UndoJournal["action"];

/** What the store says of an undo, before anything is read of the cells. */
export type UndoDecision =
  /** The journal is damaged (its problem, worded by the store's check): refused, nothing written. */
  | { kind: "damaged"; problem: StoreProblem }
  /** Nothing recorded to undo. */
  | { kind: "nothing" }
  /** The action the caller offers is no longer the last one recorded (Ctrl+Z took it back, or another came since). */
  | { kind: "alreadyUndone"; current: UndoInfo | null }
  /** The results are locked and this action's undo would change them or a sheet the lock protects (UndoRule.touchesLocked). */
  | { kind: "locked"; lock: LockRecord }
  | { kind: "undo"; undo: UndoJournal; state: StoreState };

/** The journal checked whole (shape, sizes, addresses) before anything is written from it, and against the action the caller offers. */
export function decideUndo(store: Extract<DecodedStore, { ok: true }>, expected?: { action: UndoAction; at: string } | null): UndoDecision {
  const undo = store.state.undo;
  const damaged = store.issues.find((i) => i.key === "undo")?.problem ?? (undo ? checkUndoJournal(undo, "undo") : null);
  if (damaged) return { kind: "damaged", problem: damaged };
  if (expected && (!undo || undo.action !== expected.action || undo.at !== expected.at))
    return { kind: "alreadyUndone", current: undo ? { action: undo.action, at: undo.at, sheet: undo.sheet } : null };
  if (!undo) return { kind: "nothing" };
  // While locked, each action as its rule says: refused when its undo would change the locked results or the sheets the
  // lock protects; an action that only added its own sheet (Nhật ký, Biểu đồ, Giải trình…) is undone as ever.
  if (store.state.lock && UNDO_RULES[undo.action].touchesLocked) return { kind: "locked", lock: store.state.lock };
  return { kind: "undo", undo, state: store.state };
}

/** What an action's undo gives back: its cells, a sheet it added, the annex it made, or (Gộp phiếu) cells and the loop sheets. */
export type UndoRestores = "cells" | "addedSheet" | "annex" | "merge";

/** What the restoring did that the state after needs: the annex sheet given back (its id). */
export interface RestoredInfo {
  restoredAnnexId?: string;
}

/** The core half of an undoable action's handler (the registration table, one entry per action; src/excel/undo-actions.ts holds the Office half). */
export interface UndoRule {
  restores: UndoRestores;
  /**
   * Whether its undo would change what a lock ("Chốt kết quả") holds: the grid's cells, the results, Chênh lệch's
   * conclusions that feed them, the annex (protected by the lock, compared by verify). Then Hoàn tác refuses it while
   * the results are locked; an action that only added a sheet of its own is undone as ever.
   */
  touchesLocked: boolean;
  /** What the add-in wrote by address, when the action keeps a record of it (Tính điểm): a cell holding something else was edited since. */
  ownWrites?: (state: StoreState, undo: UndoJournal) => Map<string, string | number> | undefined;
  /** The stored state after the undo, from the state now (without the journal) and the journal's `previousState`: only what the action changed goes back. */
  stateAfter: (current: Omit<StoreState, "undo">, undo: UndoJournal, restored: RestoredInfo) => StoreState;
}

const keep: UndoRule["stateAfter"] = (current) => current;
const addedSheet: UndoRule = { restores: "addedSheet", touchesLocked: false, stateAfter: keep };

export const UNDO_RULES: { readonly [A in UndoAction]: UndoRule } = {
  /** "Tính điểm": the result columns, marks and formats back; its written record, marks and last run too. */
  score: {
    restores: "cells",
    touchesLocked: true,
    ownWrites: (state, undo) => writtenCells(state.written, undo.sheet),
    stateAfter: (current, { previousState: prev }) => ({
      ...current,
      written: prev.written,
      marks: prev.marks,
      lastRun: prev.lastRun,
      lastYear: prev.lastYear,
    }),
  },
  /** "Gộp phiếu": the grid's cells back, its "Tự đánh giá" and "Chênh lệch" sheets replaced by the ones before. */
  merge: {
    restores: "merge",
    touchesLocked: true,
    stateAfter: (current, { previousState: prev }) => ({ ...current, selfAssessments: prev.selfAssessments, loopSheets: prev.loopSheets }),
  },
  /** "Ghi kết luận": the conclusion, score and reason cells of "Chênh lệch" back. */
  conclusions: { restores: "cells", touchesLocked: true, stateAfter: keep },
  /** "Chuyển mã": the cells' old text and fonts back. */
  encoding: { restores: "cells", touchesLocked: true, stateAfter: keep },
  /** "Tạo phụ lục": the annex made goes, the one it replaced comes back (refused while locked: the lock protects the annex). */
  annex: {
    restores: "annex",
    touchesLocked: true,
    stateAfter: (current, { previousState: prev, inPlace, previousAnnex }, { restoredAnnexId }) => {
      const annex = prev.annex && restoredAnnexId ? { ...prev.annex, sheetId: restoredAnnexId } : prev.annex;
      const { annexDescription: _d, ...rest } = current;
      void _d;
      // Written in place, the journal keeps the previous annex's description once, in previousAnnex.
      const description = prev.annexDescription ?? (inPlace ? previousAnnex?.description : undefined);
      return { ...rest, annex, ...(description !== undefined ? { annexDescription: description } : {}) };
    },
  },
  /** "Biểu đồ chỉ số", "Giải trình", "Ghi trang Sáp nhập", "Xem nhật ký", "Ghi ra trang Bộ tiêu chí", "Tạo trang chấm điểm chi tiết": their sheet goes. */
  chart: addedSheet,
  explain: addedSheet,
  lineage: addedSheet,
  logSheet: addedSheet,
  criteria: addedSheet,
  ledger: addedSheet,
};

/** The state after the undo (the journal gone, what the action changed back) with "Hoàn tác" one more entry of the log, which keeps every entry. */
export function undoneState(state: StoreState, undo: UndoJournal, restored: RestoredInfo, entry: Pick<LogEntry, "at" | "by" | "via">): StoreState {
  const { undo: _done, ...current } = state;
  void _done;
  return withLog(
    UNDO_RULES[undo.action].stateAfter(current, undo, restored),
    logEntry({
      ...entry,
      action: "undo",
      sheet: undo.sheet,
      note: `${actionName(undo.action === "conclusions" ? "conclusion" : undo.action, "vi")} ${undo.at}`,
    }),
  );
}

/** What the port reads before the cells' undo is planned: each block of the journal on its sheet (the journal's when not said), each fill on the journal's sheet. */
export interface UndoReads {
  blocks: { sheet: string; address: string }[];
  fills: { sheet: string; address: string }[];
}

export function undoReads(undo: UndoJournal, sheetNames: readonly string[]): UndoReads {
  const sheetOf = (c: CellSnapshot) => c.sheet ?? undo.sheet;
  return {
    blocks: undo.cells.filter((c) => sheetNames.includes(sheetOf(c))).map((c) => ({ sheet: sheetOf(c), address: c.address })),
    fills: undo.fills.map((f) => ({ sheet: undo.sheet, address: f.address })),
  };
}

/** What the cells hold now, as the port reads them. */
export type CellsNow = Pick<WorkbookPort, "readBlock" | "readFill">;

const sameFill = (a: string | null | undefined, b: string | null | undefined) => (a ?? "").toUpperCase() === (b ?? "").toUpperCase();

/** A1 address of the cell at (i, j) of a block that starts at `address`. */
function cellIn(address: string, i: number, j: number): string {
  const first = parseCell(address.split(":")[0]);
  return cellAddress(first.row + i, first.col + j);
}

/**
 * The undo of the cells an action wrote (Tính điểm, Gộp phiếu, Chuyển mã, Ghi kết luận), from what they hold
 * now: each block goes back whole, with null (left alone) where someone wrote since; a block whose sheet is
 * gone is left alone; a fill goes back where the cell still shows the one the add-in gave it. `ownWrites`:
 * what the add-in wrote by address (Tính điểm's written record); a journal cell that says it (`wrote`) wins;
 * a journal that says neither restores as before.
 */
export function planCellsUndo(
  undo: UndoJournal,
  ownWrites: Map<string, string | number> | undefined,
  now: CellsNow,
): { restore: CellsRestore; leftAlone: string[] } {
  const leftAlone: string[] = [];
  const own = (c: CellSnapshot) => c.sheet === undefined || c.sheet === undo.sheet;
  const named = (c: CellSnapshot, address: string) => (own(c) ? address : `'${c.sheet}'!${address}`);
  const blocks: CellSnapshot[] = [];
  for (const c of undo.cells) {
    const current = now.readBlock(c.sheet ?? undo.sheet, c.address);
    if (!current) {
      leftAlone.push(named(c, c.address));
      continue;
    }
    const formulas = c.formulas.map((row, i) =>
      row.map((before, j) => {
        const address = cellIn(c.address, i, j);
        const ours = c.wrote ? c.wrote[i][j] : ownWrites && own(c) ? (ownWrites.get(address) ?? "") : undefined;
        const held = current[i]?.[j] ?? "";
        if (ours === undefined || held === ours || held === before) return before;
        leftAlone.push(named(c, address));
        return null;
      }),
    );
    const numberFormat = c.numberFormat.map((row, i) => row.map((f, j) => (formulas[i][j] === null ? null : f))) as string[][];
    blocks.push({ address: c.address, ...(c.sheet !== undefined ? { sheet: c.sheet } : {}), formulas, numberFormat, ...(c.text ? { text: c.text } : {}) });
  }
  const fills: CellsRestore["fills"] = [];
  for (const f of undo.fills) {
    const shows = now.readFill(undo.sheet, f.address);
    // Already as it was (a batch that failed before this mark): nothing to do.
    if (f.set !== undefined && sameFill(shows, f.color)) continue;
    // A cell whose fill someone changed since keeps it (older journals, without `set`, restore as before).
    if (f.set !== undefined && !sameFill(shows, f.set)) {
      leftAlone.push(f.address);
      continue;
    }
    fills.push({ address: f.address, color: f.color });
  }
  return {
    restore: {
      blocks,
      fills,
      fonts: undo.fonts ?? [],
      widths: undo.columnWidths ?? [],
      clearFormats: undo.clearFormats ?? [],
      formatBackups: undo.formatBackups ?? [],
    },
    leftAlone: [...new Set(leftAlone)],
  };
}

/** Plans the cells' undo from what the port reads and queues it on the port; returns the cells left alone. */
export function undoCells(port: CellsNow & Pick<WorkbookPort, "restoreCells">, state: StoreState, undo: UndoJournal): string[] {
  const { restore, leftAlone } = planCellsUndo(undo, UNDO_RULES[undo.action].ownWrites?.(state, undo), port);
  port.restoreCells(undo.sheet, restore);
  return leftAlone;
}

/** Which kind of added sheet an action's undo removes, for its check and its messages. */
export type AddedSheetKind = "chart" | "lineage" | "log" | "criteria" | "ledger" | "explain";

export function addedSheetKind(action: UndoAction): AddedSheetKind {
  const kinds: Partial<Record<UndoAction, AddedSheetKind>> = { chart: "chart", lineage: "lineage", logSheet: "log", criteria: "criteria", ledger: "ledger" };
  return kinds[action] ?? "explain";
}

/** Whether an added sheet is still the add-in's: holding a chart, or its title in A1 (the ledger: all of it as made, nothing entered since, from A1). */
export function addedSheetIsOurs(
  kind: AddedSheetKind,
  probe: { charts?: number; a1?: unknown; used?: { values: unknown[][]; rowIndex: number; columnIndex: number } | null },
): boolean {
  switch (kind) {
    case "chart":
      return (probe.charts ?? 0) > 0;
    case "lineage":
      return probe.a1 === LINEAGE_HEADERS.name;
    case "log":
      return probe.a1 === LOG_SHEET_TITLE;
    case "criteria":
      return isCriteriaSheetTitle(probe.a1);
    case "ledger":
      return !!probe.used && probe.used.rowIndex === 0 && probe.used.columnIndex === 0 && isUntouchedLedger(probe.used.values);
    case "explain":
      return isExplanationTitle(probe.a1);
  }
}

/** The outcome of an undo on a port that reads anything at any time (the package). */
export type PortUndo =
  | Exclude<UndoDecision, { kind: "undo" }>
  /** The store cannot be read (its message). */
  | { kind: "unreadable"; message: string; messageEn: string }
  | { kind: "sheetGone"; sheet: string }
  /** The sheet the action added is no longer the add-in's (edited or replaced since): kept. */
  | { kind: "notOurs"; sheet: string }
  /** An action this port does not give back (an annex, a merge, a chart: the add-in's undo). */
  | { kind: "notHere"; action: UndoAction; at: string; sheet: string }
  | { kind: "done"; undo: UndoJournal; leftAlone: string[]; state: StoreState };

/**
 * The whole undo on a port whose reads are answered at once (XlsxPort): decided from the store, the cells
 * given back or the added sheet removed through the port, the state after queued. The annex, a merge and the
 * chart are the add-in's undo: said, nothing queued.
 */
export function undoThroughPort(
  port: Pick<WorkbookPort, "sheets" | "readSheet" | "readStore" | "readBlock" | "readFill" | "restoreCells" | "removeSheet" | "writeStore">,
  entry: Pick<LogEntry, "at" | "by" | "via">,
): PortUndo {
  const stored = port.readStore();
  if (!stored.ok) return { kind: "unreadable", message: stored.message, messageEn: stored.messageEn };
  const decided = decideUndo(stored);
  if (decided.kind !== "undo") return decided;
  const { undo, state } = decided;
  const restores = UNDO_RULES[undo.action].restores;
  const kind = addedSheetKind(undo.action);
  // The chart's sheet is known by its chart, which the package does not read: the add-in's undo.
  if (restores !== "cells" && (restores !== "addedSheet" || kind === "chart")) return { kind: "notHere", action: undo.action, at: undo.at, sheet: undo.sheet };
  if (!port.sheets().some((s) => s.name === undo.sheet)) return { kind: "sheetGone", sheet: undo.sheet };
  let leftAlone: string[] = [];
  if (restores === "addedSheet") {
    // Read from A1: the package's used range starts there (a sheet the add-in made has its title in A1).
    const { values } = port.readSheet(undo.sheet);
    if (!addedSheetIsOurs(kind, { a1: values[0]?.[0], used: values.length > 0 ? { values, rowIndex: 0, columnIndex: 0 } : null }))
      return { kind: "notOurs", sheet: undo.sheet };
    port.removeSheet(undo.sheet);
  } else leftAlone = undoCells(port, state, undo);
  const after = undoneState(state, undo, {}, entry);
  port.writeStore(after);
  return { kind: "done", undo, leftAlone, state: after };
}

/**
 * Whether a cell as read (its formula as Office.js gives it, its value) holds text beginning with "=": a text
 * cell's `formulas` is its value, a formula's differs from what it computes.
 */
export function heldAsText(formula: unknown, value: unknown): boolean {
  return typeof formula === "string" && formula.startsWith("=") && formula === value;
}

/**
 * A block's `text` flags (the journal's CellSnapshot.text), only when one of its cells begins with "=" (text or
 * formula): a journal without them restores "=…" as older journals did.
 */
export function textFlags(formulas: readonly (readonly unknown[])[], valueAt: (i: number, j: number) => unknown): { text?: boolean[][] } {
  const text = formulas.map((row, i) => row.map((f, j) => heldAsText(f, valueAt(i, j))));
  return formulas.some((row) => row.some((f) => typeof f === "string" && f.startsWith("="))) ? { text } : {};
}

/** The sheet "Tính điểm" writes on, as read before the write: values, formulas, number formats, where the read starts. */
export interface JournalSheet {
  name: string;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: (row: number, col: number) => string;
  origin: Origin;
}

/** "Tính điểm"'s undo journal, built from the first read (before anything is written). */
export interface ResultJournal {
  cells: CellSnapshot[];
  fills: FillSnapshot[];
  marks: MarkRecord[];
  widths: { address: string; width: number }[];
  clearFormats: string[];
  formatBackups: { backup: string; target: string }[];
}

const at = (m: unknown[][], row: number, col: number): unknown => m[row]?.[col] ?? "";

/**
 * "Tính điểm"'s journal: each block and appended header as it was, the fills the marks replace, the widths of
 * appended columns; their formats copied aside (`formatBackups`: at `backupFirstCol` of the store sheet, where
 * the host can copy them back) or else cleared on undo. Values queued with the results (the ledger's, writeValues)
 * are journalled by the port that queues them.
 */
export function resultJournal(
  plan: WritePlan,
  layout: GridLayout,
  sheet: JournalSheet,
  opts: {
    widthOf: (col: number) => number;
    backupFirstCol: number | null;
  },
): ResultJournal {
  const { origin } = sheet;
  const cells: CellSnapshot[] = [
    ...plan.blocks.map((b) => {
      const formulas = b.values.map((row, i) => row.map((_, j) => at(sheet.formulas, b.row + i, b.col + j)));
      return {
        address: rangeAddress(b.row, b.col, b.values.length, b.values[0].length, origin),
        formulas,
        numberFormat: b.values.map((row, i) => row.map((_, j) => sheet.numberFormat(b.row + i, b.col + j))),
        ...textFlags(formulas, (i, j) => at(sheet.values, b.row + i, b.col + j)),
      };
    }),
    // Headers of appended columns were empty (planResultWrite refuses otherwise).
    ...plan.headers.map((h) => ({
      address: cellAddress(h.row, h.col, origin),
      formulas: [[""]],
      numberFormat: [[sheet.numberFormat(h.row, h.col)]],
      wrote: [[h.text]],
    })),
  ];
  const previousMarks = new Map(plan.keptMarks.map((m) => [m.address, m]));
  const marked = new Map(plan.marks.map((m) => [m.address, MARK_FILL[m.severity] as string]));
  // Undo gives each cell the fill it shows now (its own fill, or the mark it had), if it still shows the add-in's.
  const fills: FillSnapshot[] = [
    // Cells marked for the first time: no own fill is the likely case; the write checks it.
    ...plan.marks.filter((m) => !previousMarks.has(m.address)).map((m) => ({ address: m.address, color: null, set: marked.get(m.address)! })),
    ...plan.keptMarks.map((m) => ({ address: m.address, color: m.mark, set: marked.get(m.address)! })),
    ...plan.unmark.map((m) => ({ address: m.address, color: m.mark, set: m.color })),
  ];
  const marks: MarkRecord[] = plan.marks.map((m) => ({
    sheet: sheet.name,
    address: m.address,
    color: previousMarks.get(m.address)?.color ?? null,
    mark: MARK_FILL[m.severity],
  }));
  const appended = plan.columns.filter((c) => c.isNew);
  const span = layout.lastRow - layout.headerTop + 1;
  const widths = appended.map((c) => ({ address: rangeAddress(layout.headerTop, c.col, span, 1, origin), width: opts.widthOf(c.col) }));
  const formatBackups: ResultJournal["formatBackups"] = [];
  const clearFormats: string[] = [];
  appended.forEach((c, i) => {
    if (opts.backupFirstCol !== null) {
      // The cells were empty but may carry the user's formats (borders, fills): a copy of those formats
      // goes to the add-in's own sheet, so that undo can give them back whatever the number of rows.
      formatBackups.push({ backup: rangeAddress(0, opts.backupFirstCol + i, span, 1), target: rangeAddress(layout.headerTop, c.col, span, 1, origin) });
    } else {
      clearFormats.push(rangeAddress(layout.headerTop, c.col, layout.headerRow - layout.headerTop + 1, 1, origin));
    }
  });
  return { cells, fills, marks, widths, clearFormats, formatBackups };
}

/** "Tính điểm"'s journal as the store keeps it: what its write replaced, and the state before it (without the journal it replaces). */
export function resultUndo(journal: ResultJournal, sheet: string, at: string, state: StoreState): UndoJournal {
  const { undo: _replaced, ...previousState } = state;
  void _replaced;
  return {
    action: "score",
    at,
    sheet,
    cells: journal.cells,
    fills: journal.fills,
    clearFormats: journal.clearFormats,
    formatBackups: journal.formatBackups,
    columnWidths: journal.widths,
    previousState,
  };
}
