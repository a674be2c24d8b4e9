/**
 * Opening the pane, in its first script: one sync reads the store's head (a few KB, whatever the size of
 * the grid) and the title rows of the open sheet, and subscribes to cell edits (ExcelApi 1.9). What the
 * "Tính điểm" tab shows (last run, undo, problems reading the store) is there at once; the rest of the
 * settings (stored rules checked, the decision and its year) is worked out from the same read by
 * settings.ts, loaded on first use: the validator and the grid locator are not in the first script.
 */
import { STORE_SHEET } from "../core/store/store";
import { hostErrorMessage, UserFacingError } from "./host";
import { CellsEdited, queueCellsEdited } from "./selection-events";
import { readOpening } from "./opening-read";
import type { WorkbookSettings } from "./types";

/** What opening the pane gives. */
export interface PaneOpening {
  /** At once: the last run, what undo would undo, problems met reading the store. */
  head: Pick<WorkbookSettings, "lastRun" | "undo" | "problems" | "problemsEn" | "lineage2025">;
  /** All the settings, from the same read (no other sync), once settings.ts has arrived. */
  settings: () => Promise<WorkbookSettings>;
  /** Ends the subscription to cell edits. */
  stopListening: () => void;
}

/**
 * Opening the pane: the store's head and, where Excel has sheet change events (ExcelApi 1.9), the
 * subscription that calls `onCellsEdited` when cells are edited, queued in the same batch: 1 sync in all.
 * If the read fails, nothing stays subscribed.
 */
export async function openPane(onCellsEdited: (edit: CellsEdited) => void): Promise<PaneOpening> {
  let stopListening: () => void = () => undefined;
  const read = await Excel.run(async (context) => {
    stopListening = queueCellsEdited(context, onCellsEdited);
    try {
      return await readOpening(context);
    } catch (e) {
      stopListening();
      throw e;
    }
  });
  return {
    head: {
      lastRun: read.lastRun,
      undo: read.undo,
      problems: read.problems,
      problemsEn: read.problemsEn,
      lineage2025: read.state.lastYear?.lineage2025 === true,
    },
    settings: () => import(/* webpackChunkName: "settings" */ "./settings").then((m) => m.settingsFrom(read)),
    stopListening,
  };
}

/** Selects a cell (a finding) so the user sees it. 1 sync. */
export async function selectCell(sheet: string, address: string): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  }).catch((e) => {
    throw new UserFacingError(hostErrorMessage(e), hostErrorMessage(e, "en"));
  });
}

/**
 * Sheets last year's results could be on, for “So sánh với năm trước”: the visible sheets other
 * than the active one (and never the add-in's own). One sync.
 */
export async function listOtherSheets(): Promise<string[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name, items/visibility");
    const active = sheets.getActiveWorksheet();
    active.load("name");
    await context.sync();
    return sheets.items.filter((s) => s.visibility === Excel.SheetVisibility.visible && s.name !== active.name && s.name !== STORE_SHEET).map((s) => s.name);
  });
}
