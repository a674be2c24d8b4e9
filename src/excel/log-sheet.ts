/**
 * "Xem nhật ký" (the pane's Phụ lục tab): the printable "Nhật ký" sheet, newest first, from the log the
 * workbook keeps, the same description the command line's `log -o` writes (logSheet, core). A new sheet
 * under a free name ("Nhật ký", "Nhật ký (2)"…), never over a sheet of the user's; the action is an entry
 * of the log itself (the newest line of the sheet). 2 syncs: read; the journal, the entry and the sheet.
 * "Hoàn tác" removes the sheet.
 */
import { both, Both, catalogue, entry } from "../core/base/catalogue";
import { lockTime } from "../core/store/lock";
import { appendLog, LOG_SHEET, logEntry, logSheet } from "../core/store/log";
import { chooseAnnexSheet } from "../core/sheets/annex";
import type { StoreState, UndoInfo } from "../core/store/store";
import { currentActor } from "./actor";
import { hostRefusal } from "./sheet-read";
import { renderSheetOffice } from "./sheet-render";
import { queueStoreRead, queueStoreWrite, runWriting } from "./store";

export type LogSheetOutcome = ({ kind: "done"; sheetName: string; entries: number; undo: UndoInfo } & Both) | ({ kind: "refused"; cells: string[] } & Both);

export const LOG_SHEET_MESSAGES = catalogue("excel log sheet", {
  written: entry({
    vi: (p: { sheet: string; entries: number }) => `Đã ghi trang “${p.sheet}”: ${p.entries} lần ghi sổ tính, mới nhất ở trên, sẵn để in (khổ A4 ngang).`,
    en: (p) => `Wrote the sheet “${p.sheet}”: ${p.entries} writes to the workbook, newest first, ready to print (A4 landscape).`,
    example: { sheet: "Nhật ký", entries: 12 },
  }),
});

/** The "Nhật ký" sheet, made from the log with this action's own entry appended. */
export async function writeLogSheet(source: "pane" | "ribbon" = "pane"): Promise<LogSheetOutcome> {
  try {
    return await runWriting(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const store = queueStoreRead(context);
      await context.sync(); // 1: the store, the sheets' names
      const state = store.state();
      const where = chooseAnnexSheet(
        LOG_SHEET,
        sheets.items.map((s) => s.name),
        undefined,
      );
      const at = new Date().toISOString();
      const log = appendLog(state.log, logEntry({ at, action: "logSheet", by: currentActor(), via: source, sheet: where.name }));
      // "Hoàn tác" removes the sheet: the journal goes first in the batch, as for every write.
      const { undo: _u, ...previousState } = state;
      void _u;
      const newState: StoreState = { ...state, log, undo: { action: "logSheet", at, sheet: where.name, cells: [], fills: [], previousState } };
      await queueStoreWrite(context, store, newState);
      const ws = sheets.add(where.name);
      renderSheetOffice(ws, logSheet(log, lockTime, where.name));
      ws.activate();
      await context.sync(); // 2: the journal, the entry and the sheet
      const entries = log.entries.length + (log.summary?.count ?? 0);
      return {
        kind: "done",
        sheetName: where.name,
        entries,
        undo: { action: "logSheet", at, sheet: where.name },
        ...both(LOG_SHEET_MESSAGES, "written", { sheet: where.name, entries }),
      };
    });
  } catch (e) {
    return hostRefusal(e);
  }
}
