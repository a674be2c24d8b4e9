/**
 * "Kết luận của hội đồng" in the Phiếu tab: the differences of "Chênh lệch" listed with the conclusion typed
 * (1 sync), and the conclusions chosen written into the sheet's conclusion, score and reason cells (2 syncs:
 * read, write), text as text, with the undo journal and the log in the same batch. Tính điểm then uses them
 * (src/excel/conclusions.ts). Refused while the results are locked, as Tính điểm is. “Chưa kết luận” clears a
 * row's conclusion, and puts the appraised score back in the scored sheet's cell (a row naming a criterion: the
 * ledger's Thẩm định) where Tính điểm had written the concluded one (a sync more to read that sheet: 3).
 */
import { textFlags } from "../core/flows/undo";
import { cellAddress } from "../core/base/address";
import { displayValue } from "../core/base/numbers";
import { both } from "../core/base/catalogue";
import { LEDGER_SHEET } from "../core/grid/ledger";
import {
  clearedGridWrites,
  clearedLedgerWrites,
  ConclusionChoice,
  ConclusionWrite,
  conclusionWrites,
  criterionOfRow,
  DifferenceItem,
  differenceItems,
  readDifferences,
} from "../core/forms/conclusions";
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

      const cleared = await clearedCells(context, values, state, choices);

      // The store sheet first: a workbook whose structure is protected stops the batch before any cell changes.
      ensureStoreSheet(context, store);
      const origin = { row: used.rowIndex, col: used.columnIndex };
      const journal: CellSnapshot[] = [];
      const changes: [string, string, string][] = [];
      // The cells given back their appraised score, per sheet (the scored sheet, the ledger).
      const given: { sheet: string; cells: [string, string, string][] }[] = [];
      for (const on of cleared) {
        const ws = context.workbook.worksheets.getItem(on.name);
        const cells: [string, string, string][] = [];
        for (const w of on.writes) {
          const address = cellAddress(w.row, w.col, on.origin);
          const format = String(on.numberFormat[w.row]?.[w.col] ?? "General");
          journal.push({
            address,
            sheet: on.name,
            formulas: [[on.formulas[w.row][w.col]]],
            numberFormat: [[format]],
            wrote: [[w.value]],
            ...textFlags([[on.formulas[w.row][w.col]]], () => on.values[w.row][w.col]),
          });
          cells.push([address, displayValue(on.values[w.row][w.col]), displayValue(w.value)]);
          ws.getRange(address).values = [[w.value]];
        }
        given.push({ sheet: on.name, cells });
      }
      for (const w of planned.writes) {
        const address = cellAddress(w.row, w.col, origin);
        const oldFormat = String((used.numberFormat as unknown[][])[w.row][w.col] ?? "General");
        const format = typeof w.value === "string" ? (w.value === "" ? oldFormat : "@") : oldFormat === "@" ? "General" : oldFormat;
        const held = (used.formulas as unknown[][])[w.row][w.col] as string;
        journal.push({ address, formulas: [[held]], numberFormat: [[oldFormat]], wrote: [[w.value]], ...textFlags([[held]], () => values[w.row][w.col]) });
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
      // The cells given back their appraised score: an entry per sheet (an entry names one sheet).
      for (const g of given)
        newState = withLog(newState, logEntry({ at, action: "conclusion", by: currentActor(), via: "pane", sheet: g.sheet, cells: g.cells }));
      await writeStore(context, store, newState); // 2 (3 with the scored sheet read): the cells, the journal and the log
      const p = { rows: planned.rows, cells: planned.writes.length, sheet: SHEET };
      return {
        kind: "done",
        ...both(CONCLUSION_MESSAGES, "written", p),
        cells: [...given.flatMap((g) => g.cells.map((c) => `${quotedSheet(g.sheet)}!${c[0]}`)), ...changes.map((c) => c[0])],
      };
    });
  } catch (e) {
    return { ...hostRefusal(e), cells: [] };
  }
}

/** A sheet read for the cells “Chưa kết luận” gives back their appraised score, and those cells. */
interface ClearedOn {
  name: string;
  origin: { row: number; col: number };
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  writes: ConclusionWrite[];
}

/**
 * For the rows “Chưa kết luận” clears that had a conclusion putting another score than the appraised one: the sheet
 * Tính điểm last scored and, for rows naming a criterion, the ledger "Chấm điểm chi tiết", read (1 sync), and their
 * cells still holding what a conclusion put there, to go back to the appraised score (clearedGridWrites,
 * clearedLedgerWrites). Empty when there is nothing to put back (no such row, never scored, no grid or ledger).
 */
async function clearedCells(
  context: Excel.RequestContext,
  diffValues: unknown[][],
  state: StoreState,
  choices: readonly ConclusionChoice[],
): Promise<ClearedOn[]> {
  const rows = choices.filter((c) => c.conclusion === "none").map((c) => c.row);
  const rules = rulesOf(state);
  const cleared = readDifferences(diffValues)?.rows.filter((d) => rows.includes(d.row) && (d.conclusion === "accept" || d.conclusion === "other")) ?? [];
  const perCriterion = cleared.some((d) => criterionOfRow(rules, d.group) !== null);
  const scored = state.lastRun?.sheet;
  const names = [...(cleared.some((d) => criterionOfRow(rules, d.group) === null) && scored ? [scored] : []), ...(perCriterion ? [LEDGER_SHEET] : [])];
  if (names.length === 0) return [];
  const reads = names.map((name) => {
    const used = context.workbook.worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
    used.load("values, formulas, numberFormat, rowIndex, columnIndex");
    return { name, used };
  });
  await context.sync(); // 2: the scored sheet, the ledger
  const out: ClearedOn[] = [];
  for (const { name, used } of reads) {
    if (used.isNullObject) continue;
    const values = used.values as unknown[][];
    const origin = { row: used.rowIndex, col: used.columnIndex };
    let writes: ConclusionWrite[];
    if (name === LEDGER_SHEET && perCriterion) writes = clearedLedgerWrites(values, rules, diffValues, rows, LEDGER_SHEET, origin);
    else {
      const located = locateGrid(values, rules);
      writes = located.ok ? clearedGridWrites(values, located.layout, rules, diffValues, rows, origin) : [];
    }
    if (writes.length > 0) out.push({ name, origin, values, formulas: used.formulas as unknown[][], numberFormat: used.numberFormat as unknown[][], writes });
  }
  return out;
}
