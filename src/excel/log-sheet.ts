/**
 * "Xem nhật ký" (the pane's Phụ lục tab): the printable "Nhật ký" sheet, newest first, from the log the
 * workbook keeps, the same description the command line's `log -o` writes (logSheet, core). A new sheet
 * under a free name ("Nhật ký", "Nhật ký (2)"…), never over a sheet of the user's; the action is an entry
 * of the log itself (the newest line of the sheet). "Hoàn tác" removes the sheet.
 *
 * A log that fits one request (as almost always): 2 syncs — read; the journal, the entry and the sheet. At the
 * log's bound (MAX_ENTRIES entries of up to MAX_CELLS cells: 60 000 lines) the texts pass Excel on the web's 5 MB
 * request limit (see sheetRowBlocks): the sheet is then built in blocks of rows, one sync each, under a temporary
 * name, and only then do the journal and the entry go in and the sheet take its name — a failure halfway leaves
 * no "Nhật ký" sheet, no entry and the previous journal (the next run removes the temporary sheet). The syncs are
 * fixed before writing: logSheetSyncs.
 */
import { both, Both, catalogue, entry } from "../core/base/catalogue";
import { lockTime } from "../core/store/lock";
import { appendLog, LOG_SHEET, logEntry, logSheet } from "../core/store/log";
import { chooseAnnexSheet } from "../core/sheets/annex";
import type { StoreState, UndoInfo } from "../core/store/store";
import type { SheetDescription } from "../core/sheets/sheet";
import { currentActor } from "./actor";
import { readOrInBlocks, sheetLayoutClearsUndo } from "./host";
import { hostRefusal } from "./sheet-read";
import { renderSheetOffice, sheetRowBlocks } from "./sheet-render";
import { isGrouped, queueStoreRead, queueStoreWrite, readStoreInBlocks, RunAgain, runWriting, storeWriteBytes, storeWriteSyncs } from "./store";

export type LogSheetOutcome = ({ kind: "done"; sheetName: string; entries: number; undo: UndoInfo } & Both) | ({ kind: "refused"; cells: string[] } & Both);

export const LOG_SHEET_MESSAGES = catalogue("excel log sheet", {
  written: entry({
    vi: (p: { sheet: string; entries: number }) => `Đã ghi trang “${p.sheet}”: ${p.entries} lần ghi sổ tính, mới nhất ở trên, sẵn để in (khổ A4 ngang).`,
    en: (p) => `Wrote the sheet “${p.sheet}”: ${p.entries} writes to the workbook, newest first, ready to print (A4 landscape).`,
    example: { sheet: "Nhật ký", entries: 12 },
  }),
});

/** The temporary name a log sheet too large for one request is built under, before it takes its name. */
export const LOG_BUILD_SHEET = "XepHangCNTT_NhatKyMoi";

/**
 * How "Xem nhật ký" writes this sheet and state, fixed by their size before anything is written: in the one batch with
 * the store's write when both fit one request (2 syncs in all), else in blocks of rows (sheetRowBlocks), one sync each,
 * then the store's write with the rename: 1 (read) + blocks + the store's syncs (storeWriteSyncs, 1 below the limit).
 * (A store past the 5 MB response limit is read in blocks of rows: syncs of its own, before these. In an undo group on
 * Windows and Mac, where renaming a sheet cannot be undone, the blocks' way runs again outside the group: one read more.)
 */
export function logSheetPlan(sheet: SheetDescription, newState: StoreState): { blocks: [number, number][] | null; syncs: number } {
  const storeSyncs = storeWriteSyncs(newState);
  if (storeSyncs === 1 && sheetRowBlocks(sheet, storeWriteBytes(newState)).length === 1) return { blocks: null, syncs: 2 };
  const blocks = sheetRowBlocks(sheet);
  return { blocks, syncs: 1 + blocks.length + storeSyncs };
}

/** The "Nhật ký" sheet, made from the log with this action's own entry appended. */
export async function writeLogSheet(source: "pane" | "ribbon" = "pane"): Promise<LogSheetOutcome> {
  try {
    return await runWriting(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      // 1: the store, the sheets' names (a store past the response limit is read again in blocks of rows, the names with them).
      const store = await readOrInBlocks(context, queueStoreRead(context), () => {
        sheets.load("items/name");
        return readStoreInBlocks(context);
      });
      const state = store.state();
      const names = sheets.items.map((s) => s.name);
      const where = chooseAnnexSheet(LOG_SHEET, names, undefined);
      const at = new Date().toISOString();
      const log = appendLog(state.log, logEntry({ at, action: "logSheet", by: currentActor(), via: source, sheet: where.name }));
      // "Hoàn tác" removes the sheet.
      const { undo: _u, ...previousState } = state;
      void _u;
      const newState: StoreState = { ...state, log, undo: { action: "logSheet", at, sheet: where.name, cells: [], fills: [], previousState } };
      const description = logSheet(log, lockTime, where.name);
      const { blocks } = logSheetPlan(description, newState);
      if (!blocks) {
        // The journal goes first in the batch, as for every write.
        await queueStoreWrite(context, store, newState);
        const ws = sheets.add(where.name);
        renderSheetOffice(ws, description);
        ws.activate();
        await context.sync(); // 2: the journal, the entry and the sheet
      } else {
        // Deleting a sheet cannot be undone in Excel, nor (on Windows and Mac) renaming one: not in an undo group.
        if (isGrouped(context) && (names.includes(LOG_BUILD_SHEET) || sheetLayoutClearsUndo())) throw new RunAgain("plain");
        if (names.includes(LOG_BUILD_SHEET)) sheets.getItem(LOG_BUILD_SHEET).delete(); // what a failed run left
        const ws = sheets.add(LOG_BUILD_SHEET);
        for (const step of renderSheetOffice(ws, description, blocks)) {
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block of rows past the request size limit, never per row
          await context.sync(); // 2…: the formatting and the first block, then a block of rows each
          step();
        }
        await context.sync(); // the last block
        await queueStoreWrite(context, store, newState);
        ws.name = where.name;
        ws.activate();
        await context.sync(); // last: the journal, the entry, the sheet's name
      }
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
