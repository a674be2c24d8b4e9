import { locateGrid } from "../core/grid";
import { completeMetadata, completeMetadataWithSource, DecisionMetadata, titleRowsOf, validateMetadata, yearInTitle } from "../core/metadata";
import { PRESET_THAI_BINH_2020, presetRules, Rules, RulesJson, validateRules } from "../core/rules";
import { STORE_SHEET, StoreState, UndoInfo } from "../core/store";
import { hostErrorMessage, UserFacingError } from "./host";
import { queueStoreHeadRead, queueStoreRead, syncReadingStore, writeStore } from "./store";
import { WorkbookSettings } from "./types";
import { queueCellsEdited } from "./selection-events";
import { ruleProblemLines } from "../core/ruleMessages";
import { excelBoth } from "./messages";

/** Rows and columns of the active sheet read on opening to find the year its grid's title names. */
const TITLE_READ = "A1:Z12";

/** The year the title above the grid names, from the first rows of the active sheet (null: no grid header there, or no year). */
function titleYear(top: unknown[][] | null, rules: Rules): number | null {
  if (!top) return null;
  const located = locateGrid(top, rules);
  return located.ok ? yearInTitle(titleRowsOf(top, located.layout.headerTop)) : null;
}

/**
 * What the pane shows on opening: rules, decision (its year inferred when none is stored), the last run
 * (also one started from the ribbon), what undo would undo. 1 sync, reading the store's head only (a few
 * KB, whatever the size of the grid) and the title rows of the open sheet.
 */
export async function loadSettings(): Promise<WorkbookSettings> {
  return Excel.run(readSettings);
}

/** What opening the pane gives: the settings, and the function that ends the subscription to cell edits. */
export interface PaneOpening {
  settings: WorkbookSettings;
  stopListening: () => void;
}

/**
 * Opening the pane: the settings (as loadSettings) and, where Excel has sheet change events (ExcelApi
 * 1.9), the subscription that calls `onCellsEdited` when cells are edited, queued in the same batch:
 * 1 sync in all. If the read fails, nothing stays subscribed.
 */
export async function openPane(onCellsEdited: () => void): Promise<PaneOpening> {
  let stopListening: () => void = () => undefined;
  const settings = await Excel.run(async (context) => {
    stopListening = queueCellsEdited(context, onCellsEdited);
    try {
      return await readSettings(context);
    } catch (e) {
      stopListening();
      throw e;
    }
  });
  return { settings, stopListening };
}

async function readSettings(context: Excel.RequestContext): Promise<WorkbookSettings> {
  const store = queueStoreHeadRead(context);
  // The title rows of the open sheet, in the same sync: the year they name is the year evaluated.
  const top = context.workbook.worksheets.getActiveWorksheet().getRange(TITLE_READ);
  top.load("values");
  await context.sync();
  const problems: string[] = [];
  const problemsEn: string[] = [];
  let state: StoreState = {};
  let undo: UndoInfo | null = null;
  try {
    ({ state, undo } = store.head());
  } catch (e) {
    problems.push(hostErrorMessage(e));
    problemsEn.push(hostErrorMessage(e, "en"));
  }
  let rules: RulesJson = PRESET_THAI_BINH_2020;
  let compiled: Rules = presetRules();
  let fromWorkbook = false;
  if (state.rules) {
    const checked = validateRules(state.rules);
    if (checked.ok) {
      rules = checked.rules.json;
      compiled = checked.rules;
      fromWorkbook = true;
    } else {
      const m = excelBoth("storedRulesDefault", { problems: checked.problems });
      problems.push(m.message);
      problemsEn.push(m.messageEn);
    }
  }
  const decision = completeMetadataWithSource(state.decision, titleYear(top.values as unknown[][], compiled));
  return {
    rules,
    rulesFromWorkbook: fromWorkbook,
    decision: decision.meta,
    yearSource: decision.yearSource,
    lastRun: state.lastRun ?? null,
    undo,
    problems,
    problemsEn,
  };
}

async function updateStore(change: (state: StoreState) => StoreState): Promise<void> {
  await Excel.run(async (context) => {
    const store = await syncReadingStore(context, queueStoreRead(context));
    await writeStore(context, store, change(store.state()));
  });
}

/** Why a save failed: the messages in Vietnamese and, in the same order, in English. */
export type SaveResult = { ok: true } | { ok: false; messages: string[]; messagesEn: string[] };

const hostFailure = (e: unknown): SaveResult => ({ ok: false, messages: [hostErrorMessage(e)], messagesEn: [hostErrorMessage(e, "en")] });

/** Saves rules into the workbook after validating them; invalid rules are never stored. */
export async function saveRules(json: unknown): Promise<SaveResult> {
  const checked = validateRules(json);
  if (!checked.ok) {
    return { ok: false, messages: ruleProblemLines(checked.problems, "vi"), messagesEn: ruleProblemLines(checked.problems, "en") };
  }
  try {
    await updateStore((state) => ({ ...state, rules: checked.rules.json }));
    return { ok: true };
  } catch (e) {
    return hostFailure(e);
  }
}

/** Saves the decision metadata (the one place the annex heading takes its number and date from). */
export async function saveDecision(meta: DecisionMetadata): Promise<SaveResult> {
  const complete = completeMetadata(meta);
  const problems = validateMetadata(complete);
  if (problems.length) return { ok: false, messages: problems.map((p) => p.message), messagesEn: problems.map((p) => p.messageEn) };
  try {
    await updateStore((state) => ({ ...state, decision: complete }));
    return { ok: true };
  } catch (e) {
    return hostFailure(e);
  }
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
