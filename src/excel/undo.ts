/**
 * "Hoàn tác": a thin caller of the core's undo (src/core/flows/undo.ts) through ExcelPort. Reads the state and
 * its journal (sync 1), lets the core decide (decideUndo), then hands the journal to the handler of its action
 * (undo-actions.ts: UNDO_HANDLERS), which reads what it needs (sync 2) and queues what goes back; the state
 * after (undoneState) is written with it (sync 3).
 */
import { currentActor } from "./actor";
import { SHEET_ORIGIN } from "../core/base/address";
import { STORE_SHEET } from "../core/store/store";
import { STORE_MESSAGES } from "../core/store/store-check";
import { both, hhmm } from "../core/base/catalogue";
import { decideUndo, undoneState } from "../core/flows/undo";
import { lockRefusal } from "../core/store/lock";
import { features, hostErrorMessage } from "./host";
import { excelBoth, excelMessage } from "./messages";
import { ExcelPort, sheetState } from "./port";
import { SheetData } from "./sheet-read";
import { queueStoreRead, runWriting, StoreRead, syncReadingStore } from "./store";
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
        // The journal checked whole before anything is written from it, and against the action the pane offers.
        const decided = decideUndo({ ok: true, state: store.state(), issues: store.issues() }, expected);
        if (decided.kind === "damaged") return { kind: "refused", ...both(STORE_MESSAGES, "undoJournal", { problem: decided.problem, sheet: STORE_SHEET }) };
        // Ctrl+Z in Excel took it back (with the add-in's state, written in the same undo group), or another action came since.
        if (decided.kind === "alreadyUndone")
          return { kind: "nothing", ...excelBoth("undoAlreadyUndone", { time: hhmm(expected!.at) }), current: decided.current };
        if (decided.kind === "nothing") return { kind: "nothing", ...excelBoth("undoNothing", {}) };
        if (decided.kind === "locked") return { kind: "refused", ...lockRefusal(decided.lock, "undo") };
        const { state, undo } = decided;
        const items = sheets.items;
        // Every feature the undo needs is checked here, before the first write.
        const plan = planUndoFeatures(undo);
        // Undo reads no grid: what it reads are the journal's cells (loadForUndo).
        const port = new ExcelPort(context, { sheets: items.map((s) => ({ name: s.name, state: sheetState(s.visibility) })), grid: NO_GRID, store });

        const handler = UNDO_HANDLERS[undo.action];
        const r = await handler.restore({ context, port, state, undo, items }); // 2: what the cells hold now, if it needs
        if ("kind" in r) return r;
        // The log keeps every entry: "Hoàn tác" is one more.
        const restored = undoneState(state, undo, r, { at: new Date().toISOString(), by: currentActor(), via: "pane" });
        port.writeStore(restored);
        await port.applyUndo(); // the restoring batch and the state, together

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

const NO_GRID: SheetData = { name: "", values: [], formulas: [], numberFormat: [], origin: SHEET_ORIGIN, protected: false };

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
