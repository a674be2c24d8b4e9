/**
 * The Quy tắc tab's criteria set and its “Bộ tiêu chí” sheet, the table provinces receive in a decision:
 * - readCriteriaSheet: the sheet read into the rules (one sync), every problem by its cell (with the sheet's
 *   name, so that the pane selects it); the pane shows the tree and keeps it in the rules (saveRules) when asked;
 * - writeCriteriaSheet: the rules' criteria written as the sheet (2 syncs: read, then the journal and the new
 *   sheet). A sheet of that name is the user's table: never written over (refused, naming it). “Hoàn tác” removes it.
 */
import { Both } from "../core/base/catalogue";
import { logEntry, withLog } from "../core/store/log";
import { criteriaFromSheet, criteriaSheet, CRITERIA_SHEET } from "../core/rules/criteria-sheet";
import { loadRules, RulesJson, validateRules } from "../core/rules/rules";
import type { StoreState, UndoInfo } from "../core/store/store";
import { currentActor } from "./actor";
import { excelBoth } from "./messages";
import { hostRefusal, rulesOf } from "./sheet-read";
import { renderSheetOffice } from "./sheet-render";
import { queueStoreRead, queueStoreWrite, runWriting } from "./store";

export interface CriteriaProblemView {
  sheet: string;
  /** The cell ("" when the problem has none, e.g. no header row). */
  cell: string;
  message: string;
  messageEn: string;
}

export type CriteriaSheetRead =
  ({ kind: "read"; rules: RulesJson; leaves: number } & Both) | ({ kind: "problems"; problems: CriteriaProblemView[] } & Both) | ({ kind: "refused" } & Both);

export type CriteriaSheetWrite = ({ kind: "done"; sheetName: string; leaves: number; undo: UndoInfo } & Both) | ({ kind: "refused" } & Both);

/** The criteria of `base` (the pane's rules; the stored ones by default) replaced by the sheet's; nothing is written. */
export async function readCriteriaSheet(base?: RulesJson): Promise<CriteriaSheetRead> {
  try {
    return await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(CRITERIA_SHEET);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("values, rowIndex, columnIndex");
      const store = queueStoreRead(context);
      await context.sync(); // the one sync
      if (ws.isNullObject) return { kind: "refused", ...excelBoth("criteriaSheetMissing", { sheet: CRITERIA_SHEET }) };
      const values = used.isNullObject ? [] : (used.values as unknown[][]);
      const origin = used.isNullObject ? { row: 0, col: 0 } : { row: used.rowIndex, col: used.columnIndex };
      const rules = base && validateRules(base).ok ? base : rulesOf(store.state()).json;
      const read = criteriaFromSheet(values, rules, origin, CRITERIA_SHEET);
      if (!read.ok) {
        const problems = read.problems.map((p) => ({ sheet: CRITERIA_SHEET, cell: p.cell, message: p.message, messageEn: p.messageEn }));
        return { kind: "problems", problems, ...excelBoth("criteriaSheetProblems", { sheet: CRITERIA_SHEET, count: problems.length }) };
      }
      const leaves = loadRules(read.rules).leaves.length;
      return { kind: "read", rules: read.rules, leaves, ...excelBoth("criteriaSheetRead", { sheet: CRITERIA_SHEET, leaves }) };
    });
  } catch (e) {
    const r = hostRefusal(e);
    return { kind: "refused", message: r.message, messageEn: r.messageEn };
  }
}

/** Writes the criteria of `rules` (the pane's; the stored ones by default) as the “Bộ tiêu chí” sheet. */
export async function writeCriteriaSheet(rules?: RulesJson): Promise<CriteriaSheetWrite> {
  try {
    return await runWriting(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const store = queueStoreRead(context);
      await context.sync(); // 1: read
      const existing = sheets.items.find((s) => s.name.toLowerCase() === CRITERIA_SHEET.toLowerCase());
      if (existing) return { kind: "refused", ...excelBoth("criteriaSheetExists", { sheet: existing.name }) };
      const state = store.state();
      const json = rules && validateRules(rules).ok ? rules : rulesOf(state).json;
      const leaves = loadRules(json).leaves.length;
      if (leaves === 0) return { kind: "refused", ...excelBoth("criteriaNothingToWrite", {}) };

      // "Hoàn tác" removes the sheet: the journal goes first in the batch, as for every write.
      const { undo: _u, ...previousState } = state;
      void _u;
      const at = new Date().toISOString();
      const newState: StoreState = withLog(
        { ...state, undo: { action: "criteria", at, sheet: CRITERIA_SHEET, cells: [], fills: [], previousState } },
        logEntry({ at, action: "criteria", by: currentActor(), via: "pane", sheet: CRITERIA_SHEET }),
      );
      await queueStoreWrite(context, store, newState);
      const ws = sheets.add(CRITERIA_SHEET);
      renderSheetOffice(ws, criteriaSheet(json));
      ws.activate();
      await context.sync(); // 2: the journal and the sheet
      return {
        kind: "done",
        sheetName: CRITERIA_SHEET,
        leaves,
        undo: { action: "criteria", at, sheet: CRITERIA_SHEET },
        ...excelBoth("criteriaSheetWritten", { sheet: CRITERIA_SHEET, leaves }),
      };
    });
  } catch (e) {
    const r = hostRefusal(e);
    return { kind: "refused", message: r.message, messageEn: r.messageEn };
  }
}
