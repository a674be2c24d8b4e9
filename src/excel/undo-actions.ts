/**
 * One undo handler per undoable action (HyperFormula's UndoEntry style): how "Hoàn tác" gives back what
 * that action changed, and what of the stored state goes back with it. src/excel/undo.ts reads the
 * journal, checks it and dispatches to the handler of its `action`; it knows no action by name.
 *
 * The journal itself is recorded by each action's use case, in the batch that writes (journal first):
 * score (scoring.ts), annex (annex.ts), merge (forms.ts), encoding (encoding.ts), chart (chart.ts),
 * explain (explanation.ts). Adding an undoable action: its name in UndoJournal["action"] (core/store/store.ts)
 * and in the store's check (core/store/store-check.ts), its "undone" message (messages.ts), and its entry here.
 */
import { PackedAnnex, unpackAnnex } from "../core/sheets/annex";
import { CellSnapshot, STORE_SHEET, StoreState, UndoJournal, writtenCells } from "../core/store/store";
import { BYTES_PER_SYNC, chunkByBytes, features, jsonBytes } from "./host";
import { ownedAnnexSheet, renderAnnexInto, renderAnnexOffice } from "./annex";
import { excelBoth, ExcelMessageCode, excelMessage } from "./messages";
import { isExplanationTitle } from "../core/findings/explanation";
import { renderSheetOffice, restoreLoopSheets } from "./sheet-render";
import { isGrouped, RunAgain } from "./store";
import { SheetDescription } from "../core/sheets/sheet";
import { ANNEX_BACKUP_SHEET } from "./sheet-read";
import { LINEAGE_HEADERS } from "../core/rules/lineage";
import { isCriteriaSheetTitle } from "../core/rules/criteria-sheet";
import { LOG_SHEET_TITLE } from "../core/store/log";
import { isUntouchedLedger } from "../core/grid/ledger";

/** An undo refused before anything was written, with its reason in both languages. */
export type Refused = { kind: "refused"; message: string; messageEn: string };

/** What a handler gets: the batch, the state read in sync 1 (its journal `undo`), the sheets then, and what this host can do. */
export interface UndoInput {
  context: Excel.RequestContext;
  state: StoreState;
  undo: UndoJournal;
  /** The workbook's sheets (names, positions, ids, visibility loaded). */
  items: Excel.Worksheet[];
  /** Range.copyFrom is there (ExcelApi 1.9): formats copied aside come back; else they are cleared to the default. */
  copyFormats: boolean;
}

/** What a handler queued: the cells it left alone (edited since), and for an annex the sheet that came back. */
export interface Restored {
  leftAlone: string[];
  /** The annex sheet given back (its id), for the stored state. */
  restoredAnnexId?: string;
  /** The action's batch had failed part-way: what was left of it is removed, the rest was already as before. */
  unfinished?: boolean;
}

export interface UndoHandler {
  /**
   * Its undo cannot be part of an Excel undo group (ExcelApi 1.20: deleting a sheet clears the user's
   * undo stack), so it runs outside one from the start when the pane says which action it undoes.
   */
  outsideUndoGroup?: boolean;
  /** The message for "undone", with the time and the sheet of the action. */
  done: ExcelMessageCode &
    (
      | "undoneScore"
      | "undoneMerge"
      | "undoneEncoding"
      | "undoneAnnex"
      | "chartUndone"
      | "explainUndone"
      | "lineageUndone"
      | "logSheetUndone"
      | "criteriaUndone"
      | "undoneConclusions"
      | "ledgerUndone"
    );
  /**
   * Checks that the undo can be done (a refusal otherwise, before anything is written) and queues the
   * writes that give back what the action changed; it may sync to read what the cells hold now. In an
   * undo group (isGrouped) a step that must delete, rename or move sheets throws RunAgain("plain").
   */
  restore(input: UndoInput): Promise<Restored | Refused>;
  /** The stored state after the undo, from the state now (without the journal) and the journal's `previousState`: only what the action changed goes back. */
  stateAfter(current: Omit<StoreState, "undo">, undo: UndoJournal, restored: Restored): StoreState;
}

const refused = (code: "undoSheetGone", sheet: string): Refused => ({ kind: "refused", ...excelBoth(code, { sheet }) });

/**
 * The cells of the journal given back on its sheet, which must still be there, and on the other sheets its
 * blocks name (the ledger's, for "Tính điểm" with a criteria set): a block whose sheet is gone is left alone.
 */
function cellsUndo(ownWrites: (state: StoreState, undo: UndoJournal) => Map<string, string | number> | undefined): UndoHandler["restore"] {
  return async ({ context, state, undo, items, copyFormats }) => {
    const ws = items.find((s) => s.name === undo.sheet);
    if (!ws) return refused("undoSheetGone", undo.sheet);
    return { leftAlone: await restoreCells(context, ws, undo, ownWrites(state, undo), copyFormats, (name) => items.find((s) => s.name === name)) };
  };
}

/** The sheet the action added goes, if it is still the add-in's. Deleting a sheet cannot be undone in Excel: outside the undo group (Ctrl+Z also takes the sheet back, whole). */
const addedSheetUndo: UndoHandler["restore"] = async ({ context, undo, items }) => {
  if (isGrouped(context)) throw new RunAgain("plain");
  return (await removeAddedSheet(context, undo, items)) ?? { leftAlone: [] };
};

export const UNDO_HANDLERS: { readonly [A in UndoJournal["action"]]: UndoHandler } = {
  /** "Tính điểm": the result columns, marks and formats back; its written record, marks and last run too. */
  score: {
    done: "undoneScore",
    restore: cellsUndo((state, undo) => writtenCells(state.written, undo.sheet)),
    stateAfter: (current, { previousState: prev }) => ({
      ...current,
      written: prev.written,
      marks: prev.marks,
      lastRun: prev.lastRun,
      lastYear: prev.lastYear,
    }),
  },
  /**
   * "Gộp phiếu": the grid's cells back; its "Tự đánh giá" and "Chênh lệch" sheets go, the ones before it
   * come back. In an undo group they are written again in place, or (none before) the undo leaves the
   * group: deleting a sheet clears the stack.
   */
  merge: {
    done: "undoneMerge",
    restore: async (input) => {
      const { context, state, undo, items } = input;
      const names = items.map((s) => s.name);
      const sheets = context.workbook.worksheets;
      const loopInPlace = names.includes(undo.sheet) && isGrouped(context) && loopSheetsInPlace(names, state.loopSheets, undo.previousLoopSheets);
      if (names.includes(undo.sheet) && isGrouped(context) && !loopInPlace && state.loopSheets) throw new RunAgain("plain");
      const r = await cellsUndo(() => undefined)(input);
      if ("kind" in r) return r;
      if (loopInPlace) {
        const p = undo.previousLoopSheets!;
        for (const d of [p.self, p.diff, p.track].filter((x) => x !== undefined) as SheetDescription[]) {
          const ws = sheets.getItem(d.sheetName);
          ws.getRange().clear(Excel.ClearApplyTo.all);
          renderSheetOffice(ws, d);
        }
      } else restoreLoopSheets(sheets, names, state.loopSheets, undo.previousLoopSheets);
      return r;
    },
    stateAfter: (current, { previousState: prev }) => ({ ...current, selfAssessments: prev.selfAssessments, loopSheets: prev.loopSheets }),
  },
  /** "Ghi kết luận" (the Phiếu tab): the conclusion, score and reason cells of "Chênh lệch" back, those edited since left alone. */
  conclusions: { done: "undoneConclusions", restore: cellsUndo(() => undefined), stateAfter: (current) => current },
  /** "Chuyển mã": the cells' old text and fonts back. */
  encoding: { done: "undoneEncoding", restore: cellsUndo(() => undefined), stateAfter: (current) => current },
  /**
   * "Tạo phụ lục": the annex made goes, the one it replaced comes back. An annex written over the previous
   * one in place (undo group) gets the previous one written back the same way; the first annex going (a
   * sheet deleted) or one swapped under another name coming back cannot be part of an undo group.
   */
  annex: {
    done: "undoneAnnex",
    restore: async ({ context, state, undo, items }) => {
      if (undo.inPlace && undo.previousAnnex?.description) {
        const owned = ownedAnnexSheet(state, items);
        if (!owned) return refused("undoSheetGone", undo.sheet);
        const previous = unpackAnnex(undo.previousAnnex.description as PackedAnnex);
        await renderAnnexInto(context, context.workbook.worksheets.getItem(owned), previous, 0, true);
        return { leftAlone: [], restoredAnnexId: items.find((s) => s.name === owned)?.id };
      }
      if (isGrouped(context)) throw new RunAgain("plain");
      const r = undoAnnex(context, state, undo, items);
      // An older workbook's journal carries the previous annex's description: render it (more syncs).
      const restoredAnnexId = r.legacy ? await renderLegacyAnnex(context, r.legacy, r.position) : r.restoredId;
      return { leftAlone: [], restoredAnnexId, unfinished: r.unfinished };
    },
    stateAfter: (current, { previousState: prev, inPlace, previousAnnex }, { restoredAnnexId }) => {
      const annex = prev.annex && restoredAnnexId ? { ...prev.annex, sheetId: restoredAnnexId } : prev.annex;
      const { annexDescription: _d, ...rest } = current;
      void _d;
      // Written in place, the journal keeps the previous annex's description once, in previousAnnex.
      const description = prev.annexDescription ?? (inPlace ? previousAnnex?.description : undefined);
      return { ...rest, annex, ...(description !== undefined ? { annexDescription: description } : {}) };
    },
  },
  /** "Biểu đồ chỉ số": its sheet goes. */
  chart: { outsideUndoGroup: true, done: "chartUndone", restore: addedSheetUndo, stateAfter: (current) => current },
  /** "Giải trình": its sheet goes. */
  explain: { outsideUndoGroup: true, done: "explainUndone", restore: addedSheetUndo, stateAfter: (current) => current },
  /** "Ghi trang Sáp nhập" (the pane's previous-year part): its sheet goes. */
  lineage: { outsideUndoGroup: true, done: "lineageUndone", restore: addedSheetUndo, stateAfter: (current) => current },
  /** "Xem nhật ký": its sheet goes (the log itself is kept whole). */
  logSheet: { outsideUndoGroup: true, done: "logSheetUndone", restore: addedSheetUndo, stateAfter: (current) => current },
  /** "Ghi ra trang Bộ tiêu chí" (the Quy tắc tab): its sheet goes. */
  criteria: { outsideUndoGroup: true, done: "criteriaUndone", restore: addedSheetUndo, stateAfter: (current) => current },
  /** "Tạo trang chấm điểm chi tiết": its sheet goes, only while nothing has been entered in it. */
  ledger: { outsideUndoGroup: true, done: "ledgerUndone", restore: addedSheetUndo, stateAfter: (current) => current },
};

/** A1 address of the cell at (i, j) of a block that starts at `address`. */
function cellIn(address: string, i: number, j: number): string {
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  col += j;
  let letters = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${Number(m[2]) + i}`;
}

const sameFill = (a: string | null | undefined, b: string | null | undefined) => (a ?? "").toUpperCase() === (b ?? "").toUpperCase();

/**
 * Undo of "Biểu đồ", "Giải trình", "Ghi trang Sáp nhập", "Xem nhật ký", "Ghi ra trang Bộ tiêu chí" or "Tạo trang chấm điểm chi tiết": the sheet
 * it added goes, if it is still the add-in's (of that name, holding a chart, a Giải trình title, the lineage header, the log's or the criteria
 * set's title in A1; the ledger: its title and nothing entered in it yet; one sync to see).
 * A refusal otherwise.
 */
async function removeAddedSheet(context: Excel.RequestContext, undo: UndoJournal, items: Excel.Worksheet[]): Promise<Refused | null> {
  const kind =
    undo.action === "chart"
      ? "chart"
      : undo.action === "lineage"
        ? "lineage"
        : undo.action === "logSheet"
          ? "log"
          : undo.action === "criteria"
            ? "criteria"
            : undo.action === "ledger"
              ? "ledger"
              : "explain";
  const ws = items.find((s) => s.name === undo.sheet);
  if (!ws) {
    const m = excelMessage(kind === "lineage" || kind === "log" || kind === "criteria" || kind === "ledger" ? "addedSheetGone" : `${kind}SheetGone`, {
      sheet: undo.sheet,
    });
    return { kind: "refused", message: m.vi, messageEn: m.en };
  }
  const charts = kind === "chart" ? ws.charts.getCount() : null;
  const first = kind === "chart" || kind === "ledger" ? null : ws.getRange("A1").load("values");
  // The ledger: all of it, to see that nothing has been entered since (that would be lost).
  const used = kind === "ledger" ? ws.getUsedRangeOrNullObject(true).load("values, rowIndex, columnIndex") : null;
  await context.sync();
  const a1 = first?.values[0][0];
  const ours = {
    chart: () => charts!.value > 0,
    lineage: () => a1 === LINEAGE_HEADERS.name,
    log: () => a1 === LOG_SHEET_TITLE,
    criteria: () => isCriteriaSheetTitle(a1),
    ledger: () => !used!.isNullObject && used!.rowIndex === 0 && used!.columnIndex === 0 && isUntouchedLedger(used!.values),
    explain: () => isExplanationTitle(a1),
  }[kind]();
  if (!ours) {
    const m = excelMessage(`${kind}SheetNotOurs`, { sheet: undo.sheet });
    return { kind: "refused", message: m.vi, messageEn: m.en };
  }
  ws.delete();
  return null;
}

/** An older journal's previous annex, kept as its description: rendered again under its name and place. Returns the new sheet's id. */
async function renderLegacyAnnex(
  context: Excel.RequestContext,
  legacy: { sheetName: string; description: unknown },
  position: number | undefined,
): Promise<string> {
  const previous = unpackAnnex(legacy.description as PackedAnnex);
  const ws = context.workbook.worksheets.add(legacy.sheetName);
  if (position !== undefined) ws.position = position;
  const moreRows = renderAnnexOffice(ws, previous);
  ws.load("id");
  await context.sync();
  for (const step of moreRows) {
    step();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block past the request size limit, never per row
    await context.sync();
  }
  return ws.id;
}

/**
 * Queues the restoring of cells an action wrote (Tính điểm, Gộp phiếu, Chuyển mã): reads what the
 * journal's cells and marks hold now (1 sync), then queues the restoring of those that still hold what
 * the add-in wrote. `ownWrites`: what the add-in wrote there by address, when the action keeps a record
 * of it (Tính điểm); a journal cell that says it (`wrote`) wins. Returns the cells left alone.
 */
async function restoreCells(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  undo: UndoJournal,
  ownWrites: Map<string, string | number> | undefined,
  copyFormats: boolean,
  otherSheet: (name: string) => Excel.Worksheet | undefined = () => undefined,
): Promise<string[]> {
  const withPattern = features.fillPattern();
  const leftAlone: string[] = [];
  // Blocks on another sheet (CellSnapshot.sheet): on that sheet; where it is gone, left alone (named with their sheet).
  const sheetOf = (c: CellSnapshot) => (c.sheet === undefined || c.sheet === undo.sheet ? ws : otherSheet(c.sheet));
  const named = (c: CellSnapshot, address: string) => (c.sheet === undefined || c.sheet === undo.sheet ? address : `'${c.sheet}'!${address}`);
  const present = undo.cells.filter((c) => {
    if (sheetOf(c)) return true;
    leftAlone.push(named(c, c.address));
    return false;
  });
  const now = present.map((c) => {
    const range = sheetOf(c)!.getRange(c.address);
    range.load("formulas");
    return range;
  });
  const fills = undo.fills.map((f) => {
    const fill = ws.getRange(f.address).format.fill;
    fill.load(withPattern ? "color, pattern" : "color");
    return fill;
  });
  await context.sync(); // 2: what the cells hold now

  // Each block goes back whole, with null (leave the cell alone) where someone wrote since.
  const restore: CellSnapshot[] = present.map((c, k) => {
    const current = now[k].formulas as unknown[][];
    const formulas = c.formulas.map((row, i) =>
      row.map((before, j) => {
        const address = cellIn(c.address, i, j);
        // What the add-in wrote there: known for "Tính điểm" (its written record) and where the journal says;
        // a journal that does not say ("Gộp phiếu", "Chuyển mã") restores as before.
        const ours = c.wrote ? c.wrote[i][j] : ownWrites && sheetOf(c) === ws ? (ownWrites.get(address) ?? "") : undefined;
        if (ours === undefined || current[i][j] === ours || current[i][j] === before) return before;
        leftAlone.push(named(c, address));
        return null;
      }),
    );
    const numberFormat = c.numberFormat.map((row, i) => row.map((f, j) => (formulas[i][j] === null ? null : f))) as string[][];
    return { address: c.address, ...(c.sheet !== undefined ? { sheet: c.sheet } : {}), formulas, numberFormat };
  });

  for (const address of undo.clearFormats ?? []) ws.getRange(address).clear(Excel.ClearApplyTo.formats);
  for (const b of undo.formatBackups ?? []) {
    // Without Range.copyFrom (below ExcelApi 1.9) the columns go back to the default formats.
    if (copyFormats) ws.getRange(b.target).copyFrom(`'${STORE_SHEET}'!${b.backup}`, Excel.RangeCopyType.formats);
    else ws.getRange(b.target).clear(Excel.ClearApplyTo.formats);
    context.workbook.worksheets.getItem(STORE_SHEET).getRange(b.backup).clear(Excel.ClearApplyTo.formats);
  }
  for (const w of undo.columnWidths ?? []) ws.getRange(w.address).format.columnWidth = w.width;
  // Past the request limit (tens of thousands of rows), the cells go back in several syncs.
  const chunks = chunkByBytes(restore, (c) => jsonBytes(c), BYTES_PER_SYNC / 2);
  for (let k = 0; k < chunks.length; k++) {
    for (const c of chunks[k]) {
      const range = sheetOf(c)!.getRange(c.address);
      range.numberFormat = c.numberFormat;
      range.formulas = c.formulas as (string | number | boolean)[][];
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block past the request size limit, never per row
    if (k < chunks.length - 1) await context.sync();
  }
  for (const f of undo.fonts ?? []) ws.getRange(f.address).format.font.name = f.name;
  undo.fills.forEach((f, k) => {
    // No fill reads back as white; with ExcelApi 1.9 the pattern tells the two apart.
    const color = fills[k].color;
    const shows = withPattern ? (fills[k].pattern === Excel.FillPattern.none ? null : color) : sameFill(color, "#FFFFFF") ? null : color;
    // Already as it was (a batch that failed before this mark): nothing to do.
    if (f.set !== undefined && sameFill(shows, f.color)) return;
    // A cell whose fill someone changed since keeps it (older journals, without `set`, restore as before).
    if (f.set !== undefined && !sameFill(shows, f.set)) {
      leftAlone.push(f.address);
      return;
    }
    const fill = ws.getRange(f.address).format.fill;
    if (f.color) fill.color = f.color;
    else fill.clear();
  });
  return [...new Set(leftAlone)];
}

/**
 * Queues the restoring of a "Tạo phụ lục": the annex it made goes, the one it replaced (kept very hidden)
 * comes back under its name and at its place. Robust to a batch that failed part-way: a half-built
 * annex under the temporary name is removed, a previous annex never renamed is left where it is.
 */
function undoAnnex(
  context: Excel.RequestContext,
  state: StoreState,
  undo: UndoJournal,
  items: Excel.Worksheet[],
): { restoredId?: string; unfinished: boolean; legacy?: { sheetName: string; description: unknown }; position?: number } {
  const byName = (name: string | undefined) => (name ? items.find((s) => s.name === name) : undefined);
  const building = byName(undo.buildSheet);
  const backup = byName(undo.previousAnnex?.backup ?? (undo.previousAnnex && !undo.previousAnnex.description ? ANNEX_BACKUP_SHEET : undefined));
  const previous = undo.previousAnnex;
  // The batch failed before the new annex took its name: the old one (if any) is still in place.
  const unfinished = !!building || (!!previous && !previous.description && !backup);
  if (building) building.delete();
  if (unfinished) {
    if (backup && previous) {
      backup.name = previous.sheetName;
      backup.visibility = Excel.SheetVisibility.visible;
    }
    return { unfinished: true, restoredId: backup?.id ?? previous?.sheetId };
  }
  const ownedName = ownedAnnexSheet(state, items);
  const current = byName(ownedName);
  const position = current?.position;
  if (current) current.delete();
  if (!previous) return { unfinished: false };
  if (backup) {
    backup.visibility = Excel.SheetVisibility.visible;
    backup.name = previous.sheetName;
    if (position !== undefined) backup.position = position;
    return { unfinished: false, restoredId: backup.id };
  }
  void context;
  return { unfinished: false, legacy: { sheetName: previous.sheetName, description: previous.description }, position };
}

/** Whether the loop sheets the merge made can take back the previous ones in place (same names, both there). */
function loopSheetsInPlace(
  names: string[],
  current: { self: string; diff: string; track?: string } | undefined,
  previous: { self: unknown; diff: unknown; track?: unknown } | null | undefined,
): boolean {
  if (!current || !previous) return false;
  const p = previous as { self: SheetDescription; diff: SheetDescription; track?: SheetDescription };
  // Every sheet there now had one before under the same name (a tracking sheet the merge added first cannot be rewritten in place).
  return (
    p.self.sheetName === current.self &&
    p.diff.sheetName === current.diff &&
    p.track?.sheetName === current.track &&
    [current.self, current.diff, current.track].every((n) => n === undefined || names.includes(n))
  );
}
