/**
 * One undo handler per undoable action (HyperFormula's UndoEntry style): how "Hoàn tác" gives back what
 * that action changed on Office.js. The decisions are the core's (src/core/flows/undo.ts): which cells go
 * back and which were edited since (planCellsUndo, through ExcelPort), whether an added sheet is still the
 * add-in's (addedSheetIsOurs), the state after (UNDO_RULES[action].stateAfter); src/excel/undo.ts reads the
 * journal, lets the core decide and dispatches to the handler of its `action`; it knows no action by name.
 *
 * The journal itself is recorded by each action's use case, in the batch that writes (journal first):
 * score (scoring.ts, the core's resultJournal), annex (annex.ts), merge (forms.ts), encoding (encoding.ts),
 * chart (chart.ts), explain (explanation.ts). Adding an undoable action: its name in UndoJournal["action"]
 * (core/store/store.ts) and in the store's check (core/store/store-check.ts), its rule in UNDO_RULES
 * (core/flows/undo.ts), its "undone" message (messages.ts), and its entry here.
 */
import { PackedAnnex, unpackAnnex } from "../core/sheets/annex";
import { StoreState, UndoJournal } from "../core/store/store";
import { addedSheetIsOurs, addedSheetKind, RestoredInfo, undoCells, undoReads } from "../core/flows/undo";
import { ownedAnnexSheet, renderAnnexInto, renderAnnexOffice } from "./annex";
import { excelBoth, ExcelMessageCode, excelMessage } from "./messages";
import { renderSheetOffice, restoreLoopSheets } from "./sheet-render";
import { isGrouped, RunAgain } from "./store";
import { SheetDescription } from "../core/sheets/sheet";
import { ANNEX_BACKUP_SHEET } from "./sheet-read";
import { ExcelPort } from "./port";

/** An undo refused before anything was written, with its reason in both languages. */
export type Refused = { kind: "refused"; message: string; messageEn: string };

/** What a handler gets: the batch and its port, the state read in sync 1 (its journal `undo`), the sheets then, and what this host can do. */
export interface UndoInput {
  context: Excel.RequestContext;
  /** The port the core's undo reads and writes through (its state written last, by undo.ts). */
  port: ExcelPort;
  state: StoreState;
  undo: UndoJournal;
  /** The workbook's sheets (names, positions, ids, visibility loaded). */
  items: Excel.Worksheet[];
}

/** What a handler queued: the cells it left alone (edited since), and for an annex the sheet that came back (its id, for the stored state). */
export interface Restored extends RestoredInfo {
  leftAlone: string[];
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
}

const refused = (code: "undoSheetGone", sheet: string): Refused => ({ kind: "refused", ...excelBoth(code, { sheet }) });

/**
 * The cells of the journal given back on its sheet, which must still be there, and on the other sheets its
 * blocks name (the ledger's, for "Tính điểm" with a criteria set): a block whose sheet is gone is left alone.
 * Sync 2 loads what they hold now; the core decides, through the port, what goes back.
 */
const cellsUndo: UndoHandler["restore"] = async ({ context, port, state, undo, items }) => {
  if (!items.some((s) => s.name === undo.sheet)) return refused("undoSheetGone", undo.sheet);
  port.loadForUndo(
    undoReads(
      undo,
      items.map((s) => s.name),
    ),
  );
  await context.sync(); // 2: what the cells hold now
  return { leftAlone: undoCells(port, state, undo) };
};

/** The sheet the action added goes, if it is still the add-in's. Deleting a sheet cannot be undone in Excel: outside the undo group (Ctrl+Z also takes the sheet back, whole). */
const addedSheetUndo: UndoHandler["restore"] = async ({ context, port, undo, items }) => {
  if (isGrouped(context)) throw new RunAgain("plain");
  return (await removeAddedSheet(context, port, undo, items)) ?? { leftAlone: [] };
};

export const UNDO_HANDLERS: { readonly [A in UndoJournal["action"]]: UndoHandler } = {
  /** "Tính điểm": the result columns, marks and formats back; its written record, marks and last run too. */
  score: { done: "undoneScore", restore: cellsUndo },
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
      const r = await cellsUndo(input);
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
  },
  /** "Ghi kết luận" (the Phiếu tab): the conclusion, score and reason cells of "Chênh lệch" back, those edited since left alone. */
  conclusions: { done: "undoneConclusions", restore: cellsUndo },
  /** "Chuyển mã": the cells' old text and fonts back. */
  encoding: { done: "undoneEncoding", restore: cellsUndo },
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
  },
  /** "Biểu đồ chỉ số": its sheet goes. */
  chart: { outsideUndoGroup: true, done: "chartUndone", restore: addedSheetUndo },
  /** "Giải trình": its sheet goes. */
  explain: { outsideUndoGroup: true, done: "explainUndone", restore: addedSheetUndo },
  /** "Ghi trang Sáp nhập" (the pane's previous-year part): its sheet goes. */
  lineage: { outsideUndoGroup: true, done: "lineageUndone", restore: addedSheetUndo },
  /** "Xem nhật ký": its sheet goes (the log itself is kept whole). */
  logSheet: { outsideUndoGroup: true, done: "logSheetUndone", restore: addedSheetUndo },
  /** "Ghi ra trang Bộ tiêu chí" (the Quy tắc tab): its sheet goes. */
  criteria: { outsideUndoGroup: true, done: "criteriaUndone", restore: addedSheetUndo },
  /** "Tạo trang chấm điểm chi tiết": its sheet goes, only while nothing has been entered in it. */
  ledger: { outsideUndoGroup: true, done: "ledgerUndone", restore: addedSheetUndo },
};

/**
 * Undo of "Biểu đồ", "Giải trình", "Ghi trang Sáp nhập", "Xem nhật ký", "Ghi ra trang Bộ tiêu chí" or "Tạo trang chấm điểm chi tiết": the sheet
 * it added goes, if it is still the add-in's (of that name, holding a chart, a Giải trình title, the lineage header, the log's or the criteria
 * set's title in A1; the ledger: its title and nothing entered in it yet; one sync to see).
 * A refusal otherwise.
 */
async function removeAddedSheet(context: Excel.RequestContext, port: ExcelPort, undo: UndoJournal, items: Excel.Worksheet[]): Promise<Refused | null> {
  const kind = addedSheetKind(undo.action);
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
  const probe = {
    charts: charts?.value,
    a1: first?.values[0][0],
    used: used && !used.isNullObject ? { values: used.values, rowIndex: used.rowIndex, columnIndex: used.columnIndex } : null,
  };
  if (!addedSheetIsOurs(kind, probe)) {
    const m = excelMessage(`${kind}SheetNotOurs`, { sheet: undo.sheet });
    return { kind: "refused", message: m.vi, messageEn: m.en };
  }
  port.removeSheet(undo.sheet);
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
