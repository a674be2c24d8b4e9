/**
 * The Office use cases the task pane calls (and the ribbon runs too, from the same modules): one table,
 * USE_CASES, from which the pane's api (PaneApi in src/taskpane/api.ts, officeApi in
 * src/taskpane/officeApi.ts) and its test fake (test/taskpane/helpers.tsx) are derived. Adding a use
 * case is adding a row here.
 *
 * A row is either `now(fn)`, in the pane's first script (opening: one sync), or `later(chunk, load,
 * name)`, loaded on first use in a chunk of its own, so that the pane's initial script stays small and
 * its buttons are usable before that chunk arrives: "settings" (the rules validator, the grid locator
 * for the title's year, the saves) or "engine" (Tính điểm, Tạo phụ lục, Hoàn tác and the core they
 * use). preloadEngine loads every chunk of the table in the background once the pane is on screen.
 */
import { listOtherSheets, openPane, selectCell } from "./opening";
import { onSelectionChanged } from "./selection-events";

interface Now<F> {
  now: F;
}
interface Later<M, K extends keyof M> {
  chunk: "engine" | "settings";
  load: () => Promise<M>;
  name: K;
}
const now = <F>(fn: F): Now<F> => ({ now: fn });
const later = <M, K extends keyof M>(chunk: Later<M, K>["chunk"], load: () => Promise<M>, name: K): Later<M, K> => ({ chunk, load, name });

export const USE_CASES = {
  /** Opening: the workbook's settings and the subscription to cell edits (ExcelApi 1.9), one sync. */
  openPane: now(openPane),
  selectCell: now(selectCell),
  listOtherSheets: now(listOtherSheets),
  /** Calls the handler when the user selects other cells; returns the function that stops it. */
  onSelectionChanged: now(onSelectionChanged),
  /** The settings again (after "Gộp phiếu" or "Chuyển mã", whose outcomes do not carry the new state). */
  loadSettings: later("settings", () => import(/* webpackChunkName: "settings" */ "./settings"), "loadSettings"),
  saveRules: later("settings", () => import(/* webpackChunkName: "settings" */ "./settings"), "saveRules"),
  saveDecision: later("settings", () => import(/* webpackChunkName: "settings" */ "./settings"), "saveDecision"),
  /** The box “Dùng danh sách sáp nhập sở năm 2025”, kept with the workbook as it is ticked. */
  saveLineage2025: later("settings", () => import(/* webpackChunkName: "settings" */ "./settings"), "saveLineage2025"),
  runScoring: later("engine", () => import(/* webpackChunkName: "engine" */ "./scoring"), "runScoring"),
  generateAnnex: later("engine", () => import(/* webpackChunkName: "engine" */ "./annex"), "generateAnnex"),
  undoLast: later("engine", () => import(/* webpackChunkName: "engine" */ "./undo"), "undoLast"),
  convertEncoding: later("engine", () => import(/* webpackChunkName: "engine" */ "./encoding"), "convertEncoding"),
  inspectSelection: later("engine", () => import(/* webpackChunkName: "engine" */ "./card"), "inspectSelection"),
  /** Giải trình: pulls the scoring core and the annex reader. */
  createExplanation: later("engine", () => import(/* webpackChunkName: "engine" */ "./explanation"), "createExplanation"),
  /** The chart of indices. */
  createChart: later("engine", () => import(/* webpackChunkName: "engine" */ "./chart"), "createChart"),
  /** "Chốt kết quả" and "Mở chốt" (the Phụ lục tab). */
  lockResults: later("engine", () => import(/* webpackChunkName: "engine" */ "./lock"), "lockResults"),
  unlockResults: later("engine", () => import(/* webpackChunkName: "engine" */ "./lock"), "unlockResults"),
  /** "Kết luận của hội đồng" (the Phiếu tab): the differences of "Chênh lệch" listed, the conclusions chosen written. */
  listDifferences: later("engine", () => import(/* webpackChunkName: "engine" */ "./council"), "listDifferences"),
  writeConclusions: later("engine", () => import(/* webpackChunkName: "engine" */ "./council"), "writeConclusions"),
  /** "Sửa tay": cells typed by hand while the pane is open, logged (ExcelApi 1.9). */
  logEdits: later("engine", () => import(/* webpackChunkName: "engine" */ "./manual-edits"), "logManualEdits"),
  /** "Xem nhật ký" (the Phụ lục tab): the printable "Nhật ký" sheet, newest first. */
  writeLogSheet: later("engine", () => import(/* webpackChunkName: "engine" */ "./log-sheet"), "writeLogSheet"),
  /** “Ghi trang Sáp nhập” (the previous-year part): the lineage written as the “Sáp nhập” sheet. */
  writeLineageSheet: later("engine", () => import(/* webpackChunkName: "engine" */ "./lineage-sheet"), "writeLineageSheet"),
  /** The Quy tắc tab's “Bộ tiêu chí” sheet: read into the rules (with its problems by cell), written from them. */
  readCriteriaSheet: later("settings", () => import(/* webpackChunkName: "settings" */ "./criteria-sheet"), "readCriteriaSheet"),
  writeCriteriaSheet: later("settings", () => import(/* webpackChunkName: "settings" */ "./criteria-sheet"), "writeCriteriaSheet"),
  /** “Tạo trang chấm điểm chi tiết” (the Quy tắc tab's criteria set): the ledger made from the rules and the grid's agencies. */
  writeLedgerSheet: later("engine", () => import(/* webpackChunkName: "engine" */ "./ledger-sheet"), "writeLedgerSheet"),
};

type UseCaseOf<U> = U extends Now<infer F> ? F : U extends Later<infer M, infer K> ? M[K] : never;
/** The use cases as functions, by their name in the pane. */
export type UseCases = { [K in keyof typeof USE_CASES]: UseCaseOf<(typeof USE_CASES)[K]> };

/** The table as functions: a `later` row loads its chunk on the first call. */
export function officeUseCases(): UseCases {
  const entries = Object.entries(USE_CASES).map(([key, row]: [string, Now<unknown> | Later<Record<string, unknown>, string>]) => {
    if ("now" in row) return [key, row.now];
    return [key, (...args: unknown[]) => row.load().then((m) => (m[row.name] as (...a: unknown[]) => unknown)(...args))];
  });
  return Object.fromEntries(entries) as UseCases;
}

/** Starts loading the chunks of the table ahead of use (the pane calls it once it is on screen). */
export function preloadEngine(): void {
  const rows = Object.values(USE_CASES) as (Now<unknown> | { load: () => Promise<unknown> })[];
  void Promise.all(rows.flatMap((row) => ("load" in row ? [row.load()] : []))).catch(() => undefined);
}

// The forms' use cases (src/excel/forms.ts) are loaded by the "Phiếu" tab when used; only this check is needed up front.
export { formDelivery } from "./delivery";
export type { FormsOutcome, MergeOutcome } from "./forms";
export type { PreviousChoice } from "./sheet-read";
export type { SaveResult } from "./settings";
export type { PaneOpening } from "./opening";
export { features, supports, MIN_EXCEL_API } from "./host";
export type { ScoringOutcome, AnnexOutcome, UndoOutcome, EncodingOutcome, WorkbookSettings, FindingView, Source } from "./types";
export { onCellsEdited } from "./selection-events";
export type { CellsEdited } from "./selection-events";
export type { SelectionInfo, StaleView } from "./card";
export type { ExplanationOutcome } from "./explanation";
export type { ChartOutcome } from "./chart";
export type { LockOutcome } from "./lock";
export type { DifferencesOutcome, ConclusionsOutcome } from "./council";
export type { LogSheetOutcome } from "./log-sheet";
