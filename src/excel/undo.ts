/**
 * "Hoàn tác": the dispatch. Reads the state and its journal (sync 1), checks the journal, then hands it
 * to the handler of its action (undo-actions.ts: UNDO_HANDLERS), which knows what that action changed.
 */
import { actionName, logEntry, withLog } from "../core/store/log";
import { currentActor } from "./actor";
import { STORE_SHEET } from "../core/store/store";
import { checkUndoJournal, STORE_MESSAGES } from "../core/store/store-check";
import { both, hhmm } from "../core/base/catalogue";
import { features, hostErrorMessage } from "./host";
import { excelBoth, excelMessage } from "./messages";
import { queueStoreRead, queueStoreWrite, runWriting, StoreRead, syncReadingStore } from "./store";
import { UndoLeft, UndoLeftCode, UndoOutcome } from "./types";
import { UNDO_HANDLERS } from "./undo-actions";
import type { UndoJournal } from "../core/store/store";

/** What an undo could not give back on this host, worded per language from its code and cells. */
export function undoLeft(code: UndoLeftCode, sheet: string, cells: string[]): UndoLeft {
  return { code, sheet, cells, ...excelBoth(code, { sheet, cells }) };
}

/**
 * What this host can do of an undo, decided before anything is written: the features above the
 * manifest's minimum (ExcelApi 1.4) the journal would use. Where one is missing and the part can be
 * given back another way, it is (formats copied aside → cleared to the default) and said in `left`.
 */
function planUndoFeatures(undo: UndoJournal): { copyFormats: boolean; left: UndoLeft[] } {
  const backups = undo.formatBackups ?? [];
  if (backups.length === 0 || features.copyFrom()) return { copyFormats: true, left: [] };
  return {
    copyFormats: false,
    left: [
      undoLeft(
        "formatsNotRestored",
        undo.sheet,
        backups.map((b) => b.target),
      ),
    ],
  };
}

/**
 * "Hoàn tác": gives back, once, what the last undoable action changed (Tính điểm, Gộp phiếu, Chuyển mã:
 * cell contents and number formats, fills, appended columns; Tạo phụ lục: the previous annex; Biểu đồ,
 * Giải trình: their sheet removed). Only cells that still hold what the add-in wrote are restored; cells
 * edited since are listed and left alone. At most 3 syncs: the state; what the cells hold now (cells) or
 * whether the added sheet is still the add-in's; the restoring batch with the state.
 */
export async function undoLast(expected?: { action: UndoJournal["action"]; at: string } | null): Promise<UndoOutcome> {
  // An added sheet goes (Biểu đồ, Giải trình): deleting a sheet cannot be part of an undo group; known from what the
  // pane offers, the action runs outside it from the start (from the ribbon, it finds out after its first read).
  const plain = !!expected && !!UNDO_HANDLERS[expected.action]?.outsideUndoGroup;
  try {
    return await runWriting(
      async (context) => {
        const sheets = context.workbook.worksheets;
        const store = await readForUndo(context); // 1: read
        const state = store.state();
        const undo = state.undo;
        // The journal is checked whole (shape, sizes, addresses) before anything is written from it.
        const damaged = store.issues().find((i) => i.key === "undo")?.problem ?? (undo ? checkUndoJournal(undo, "undo") : null);
        if (damaged) return { kind: "refused", ...both(STORE_MESSAGES, "undoJournal", { problem: damaged, sheet: STORE_SHEET }) };
        // The action the pane offers to undo is no longer the last one recorded: Ctrl+Z in Excel took it back (with the
        // add-in's state, written in the same undo group), or another action came since.
        if (expected && (!undo || undo.action !== expected.action || undo.at !== expected.at))
          return {
            kind: "nothing",
            ...excelBoth("undoAlreadyUndone", { time: hhmm(expected.at) }),
            current: undo ? { action: undo.action, at: undo.at, sheet: undo.sheet } : null,
          };
        if (!undo) return { kind: "nothing", ...excelBoth("undoNothing", {}) };
        const items = sheets.items;
        // Every feature the undo needs is checked here, before the first write.
        const plan = planUndoFeatures(undo);

        const handler = UNDO_HANDLERS[undo.action];
        const r = await handler.restore({ context, state, undo, items, copyFormats: plan.copyFormats }); // 2: what the cells hold now, if it needs
        if ("kind" in r) return r;
        const { undo: _done, ...current } = state;
        void _done;
        // The log keeps every entry: "Hoàn tác" is one more.
        const restored = withLog(
          handler.stateAfter(current, undo, r),
          logEntry({
            at: new Date().toISOString(),
            action: "undo",
            by: currentActor(),
            via: "pane",
            sheet: undo.sheet,
            note: `${actionName(undo.action === "conclusions" ? "conclusion" : undo.action, "vi")} ${undo.at}`,
          }),
        );
        await queueStoreWrite(context, store, restored);
        await context.sync(); // the restoring batch and the state, together

        const done = excelBoth(handler.done, { time: hhmm(undo.at), sheet: undo.sheet });
        const extra =
          r.leftAlone.length > 0 ? excelMessage("undoLeftEdited", { cells: r.leftAlone }) : r.unfinished ? excelMessage("annexUnfinished", {}) : null;
        return {
          kind: "done",
          message: extra ? `${done.message} ${extra.vi}` : done.message,
          messageEn: extra ? `${done.messageEn} ${extra.en}` : done.messageEn,
          leftAlone: r.leftAlone,
          lastRun: restored.lastRun ?? null,
          ...(plan.left.length > 0 ? { left: plan.left } : {}),
        };
      },
      { plain },
    );
  } catch (e) {
    return { kind: "refused", message: hostErrorMessage(e), messageEn: hostErrorMessage(e, "en") };
  }
}

/** Sync 1: the store (in blocks past the response limit) and the sheets' names, positions, ids and visibility. */
async function readForUndo(context: Excel.RequestContext): Promise<StoreRead> {
  const queued = queueStoreRead(context);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name, items/position, items/id, items/visibility");
  const store = await syncReadingStore(context, queued);
  if (store !== queued) {
    sheets.load("items/name, items/position, items/id, items/visibility"); // the failed sync delivered nothing
    await context.sync();
  }
  return store;
}
