/**
 * “Tạo trang chấm điểm chi tiết”: the ledger “Chấm điểm chi tiết” made from the stored rules' criteria and the
 * agencies of the active sheet's grid (one row per agency and applicable leaf), the sheet that “Gộp phiếu” of forms
 * scored by criterion and “Tính điểm” read. 2 syncs: read, then the journal and the new sheet. A sheet of that
 * name holds entered data: never written over (refused, naming it). “Hoàn tác” removes the sheet while nothing
 * has been entered in it.
 */
import { Both } from "../core/base/catalogue";
import { LEDGER_SHEET, ledgerSheet, readGridAgencies } from "../core/grid/ledger";
import { logEntry, withLog } from "../core/store/log";
import type { StoreState, UndoInfo } from "../core/store/store";
import { currentActor } from "./actor";
import { excelBoth } from "./messages";
import { hostRefusal, queueSheetRead, rulesOf, sheetRefusal } from "./sheet-read";
import { renderSheetOffice } from "./sheet-render";
import { queueStoreRead, queueStoreWrite, runWriting } from "./store";

export type LedgerSheetOutcome =
  ({ kind: "done"; sheetName: string; rows: number; agencies: number; undo: UndoInfo } & Both) | ({ kind: "refused"; cells: string[] } & Both);

/** Makes the ledger from the stored rules and the active sheet's agencies. */
export async function writeLedgerSheet(): Promise<LedgerSheetOutcome> {
  try {
    return await runWriting(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const grid = queueSheetRead(sheets.getActiveWorksheet(), "values");
      const store = queueStoreRead(context);
      await context.sync(); // 1: read
      const existing = sheets.items.find((s) => s.name.toLowerCase() === LEDGER_SHEET.toLowerCase());
      if (existing) return { kind: "refused", ...excelBoth("ledgerSheetExists", { sheet: existing.name }), cells: [] };
      const state = store.state();
      const rules = rulesOf(state);
      if (rules.leaves.length === 0) return { kind: "refused", ...excelBoth("ledgerNoCriteria", { sheet: LEDGER_SHEET }), cells: [] };
      const sheet = grid.result();
      const read = readGridAgencies(sheet.values, rules, sheet.origin);
      if (!read.ok) return sheetRefusal(sheet.name, read.error);
      const description = ledgerSheet(rules, read.agencies);

      // "Hoàn tác" removes the sheet: the journal goes first in the batch, as for every write.
      const { undo: _u, ...previousState } = state;
      void _u;
      const at = new Date().toISOString();
      const newState: StoreState = withLog(
        { ...state, undo: { action: "ledger", at, sheet: LEDGER_SHEET, cells: [], fills: [], previousState } },
        logEntry({ at, action: "ledger", by: currentActor(), via: "pane", sheet: LEDGER_SHEET }),
      );
      await queueStoreWrite(context, store, newState);
      const ws = sheets.add(LEDGER_SHEET);
      renderSheetOffice(ws, description);
      await context.sync(); // 2: the journal and the sheet
      const rows = description.rowCount - 2;
      const agencies = read.agencies.length;
      return {
        kind: "done",
        sheetName: LEDGER_SHEET,
        rows,
        agencies,
        undo: { action: "ledger", at, sheet: LEDGER_SHEET },
        ...excelBoth("ledgerSheetWritten", { sheet: LEDGER_SHEET, rows, agencies }),
      };
    });
  } catch (e) {
    const r = hostRefusal(e);
    return { kind: "refused", message: r.message, messageEn: r.messageEn, cells: [] };
  }
}
