/**
 * "Kết luận của hội đồng" in the Phiếu tab: the differences of "Chênh lệch" listed with the conclusion typed
 * (1 sync), and the conclusions chosen written into the sheet's conclusion, score and reason cells (2 syncs:
 * read, write), text as text, with the undo journal and the log in the same batch. Tính điểm then uses them
 * (src/excel/conclusions.ts). Refused while the results are locked, as Tính điểm is. “Chưa kết luận” clears a
 * row's conclusion, and puts the appraised score back in the scored sheet's cell where Tính điểm had written the
 * concluded one (a sync more to read that sheet: 3).
 */
import { cellAddress } from "../core/base/address";
import { displayValue } from "../core/base/numbers";
import { both } from "../core/base/catalogue";
import { clearedGridWrites, ConclusionChoice, conclusionWrites, DifferenceItem, differenceItems, readDifferences } from "../core/forms/conclusions";
import { locateGrid } from "../core/grid/grid";
import { quotedSheet } from "../core/findings/findings";
import { CONCLUSION_MESSAGES, FORM_TEXT } from "../core/forms/form-messages";
import { lockRefusal } from "../core/store/lock";
import { logEntry, withLog } from "../core/store/log";
import { CellSnapshot, StoreState } from "../core/store/store";
import { currentActor } from "./actor";
import { hostRefusal, rulesOf } from "./sheet-read";
import { ensureStoreSheet, queueStoreRead, runWriting, writeStore } from "./store";

export type DifferencesOutcome = { kind: "done"; sheet: string; items: DifferenceItem[] } | { kind: "refused"; message: string; messageEn: string };

export type ConclusionsOutcome =
  { kind: "done" | "nothing"; message: string; messageEn: string; cells: string[] } | { kind: "refused"; message: string; messageEn: string; cells: string[] };

const SHEET = FORM_TEXT.diffSheet;

/* eslint-disable office-addins/call-sync-before-read -- queues loads; read after the caller's sync */
function queueSheet(context: Excel.RequestContext) {
  const ws = context.workbook.worksheets.getItemOrNullObject(SHEET);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values, formulas, numberFormat, rowIndex, columnIndex");
  return { ws, used, missing: () => ws.isNullObject || used.isNullObject };
}
/* eslint-enable office-addins/call-sync-before-read */

/** The differences of "Chênh lệch" as the pane offers them, with the maximum of each row's group or criterion. 1 sync. */
export async function listDifferences(): Promise<DifferencesOutcome> {
  try {
    return await Excel.run(async (context) => {
      const sheet = queueSheet(context);
      const store = queueStoreRead(context);
      await context.sync(); // 1: the sheet and the rules
      const items = sheet.missing() ? null : differenceItems(sheet.used.values as unknown[][], rulesOf(store.state()));
      if (items === null) return { kind: "refused", ...both(CONCLUSION_MESSAGES, "noSheet", { sheet: SHEET }) };
      return { kind: "done", sheet: SHEET, items };
    });
  } catch (e) {
    return hostRefusal(e);
  }
}

/**
 * “Ghi kết luận”: the chosen conclusions into "Chênh lệch" in one write, only the cells that change; text
 * cells take the "@" format first (a reason "=1+1" stays text). The old contents go into the undo journal
 * (Hoàn tác gives them back once) and the log (“Kết luận của hội đồng”, old → new). 2 syncs.
 */
export async function writeConclusions(choices: readonly ConclusionChoice[], now: () => Date = () => new Date()): Promise<ConclusionsOutcome> {
  try {
    return await runWriting(async (context) => {
      const sheet = queueSheet(context);
      const store = queueStoreRead(context);
      await context.sync(); // 1: the sheet, the store
      const state = store.state();
      if (state.lock) return { kind: "refused", ...lockRefusal(state.lock, "conclusion"), cells: [] };
      if (sheet.missing()) return { kind: "refused", ...both(CONCLUSION_MESSAGES, "noSheet", { sheet: SHEET }), cells: [] };
      const { used } = sheet;
      const values = used.values as unknown[][];
      const planned = conclusionWrites(values, rulesOf(state), choices, SHEET);
      if (!planned.ok) return { kind: "refused", message: planned.message, messageEn: planned.messageEn, cells: [] };
      if (planned.writes.length === 0) return { kind: "nothing", ...both(CONCLUSION_MESSAGES, "nothing", {}), cells: [] };

      const grid = await clearedInGrid(context, values, state, choices);

      // The store sheet first: a workbook whose structure is protected stops the batch before any cell changes.
      ensureStoreSheet(context, store);
      const origin = { row: used.rowIndex, col: used.columnIndex };
      const journal: CellSnapshot[] = [];
      const changes: [string, string, string][] = [];
      const gridChanges: [string, string, string][] = [];
      if (grid) {
        const ws = context.workbook.worksheets.getItem(grid.name);
        for (const w of grid.writes) {
          const address = cellAddress(w.row, w.col, grid.origin);
          const format = String(grid.numberFormat[w.row]?.[w.col] ?? "General");
          journal.push({ address, sheet: grid.name, formulas: [[grid.formulas[w.row][w.col]]], numberFormat: [[format]], wrote: [[w.value]] });
          gridChanges.push([address, displayValue(grid.values[w.row][w.col]), displayValue(w.value)]);
          ws.getRange(address).values = [[w.value]];
        }
      }
      for (const w of planned.writes) {
        const address = cellAddress(w.row, w.col, origin);
        const oldFormat = String((used.numberFormat as unknown[][])[w.row][w.col] ?? "General");
        const format = typeof w.value === "string" ? (w.value === "" ? oldFormat : "@") : oldFormat === "@" ? "General" : oldFormat;
        journal.push({ address, formulas: [[(used.formulas as unknown[][])[w.row][w.col] as string]], numberFormat: [[oldFormat]], wrote: [[w.value]] });
        changes.push([address, displayValue(values[w.row][w.col]), displayValue(w.value)]);
        const range = sheet.ws.getRange(address);
        range.numberFormat = [[format]];
        range.values = [[w.value]];
      }
      const { undo: _previous, ...rest } = state;
      void _previous;
      const at = now().toISOString();
      const logged = logEntry({ at, action: "conclusion", by: currentActor(), via: "pane", sheet: SHEET, cells: changes });
      let newState: StoreState = withLog({ ...rest, undo: { action: "conclusions", at, sheet: SHEET, cells: journal, fills: [], previousState: {} } }, logged);
      // The scored sheet's cells given back their appraised score: an entry of their own (an entry names one sheet).
      if (grid) newState = withLog(newState, logEntry({ at, action: "conclusion", by: currentActor(), via: "pane", sheet: grid.name, cells: gridChanges }));
      await writeStore(context, store, newState); // 2 (3 with the scored sheet read): the cells, the journal and the log
      const p = { rows: planned.rows, cells: planned.writes.length, sheet: SHEET };
      return {
        kind: "done",
        ...both(CONCLUSION_MESSAGES, "written", p),
        cells: [...gridChanges.map((c) => `${quotedSheet(grid!.name)}!${c[0]}`), ...changes.map((c) => c[0])],
      };
    });
  } catch (e) {
    return { ...hostRefusal(e), cells: [] };
  }
}

/**
 * For the rows “Chưa kết luận” clears that had a conclusion putting another score than the appraised one: the sheet
 * Tính điểm last scored, read (1 sync), and its cells still holding what a conclusion put there, to go back to the
 * appraised score (clearedGridWrites). Null when there is nothing to put back (no such row, never scored, no grid).
 */
async function clearedInGrid(context: Excel.RequestContext, diffValues: unknown[][], state: StoreState, choices: readonly ConclusionChoice[]) {
  const rows = choices.filter((c) => c.conclusion === "none").map((c) => c.row);
  const read = readDifferences(diffValues);
  const applied = read?.rows.some((d) => rows.includes(d.row) && (d.conclusion === "accept" || d.conclusion === "other")) ?? false;
  const name = state.lastRun?.sheet;
  if (!applied || !name) return null;
  const used = context.workbook.worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
  used.load("values, formulas, numberFormat, rowIndex, columnIndex");
  await context.sync(); // 2: the scored sheet
  if (used.isNullObject) return null;
  const values = used.values as unknown[][];
  const located = locateGrid(values, rulesOf(state));
  if (!located.ok) return null;
  const origin = { row: used.rowIndex, col: used.columnIndex };
  const writes = clearedGridWrites(values, located.layout, rulesOf(state), diffValues, rows, origin);
  if (writes.length === 0) return null;
  return { name, origin, values, formulas: used.formulas as unknown[][], numberFormat: used.numberFormat as unknown[][], writes };
}
