/**
 * The use cases the ribbon commands and the task pane call: one implementation for both.
 *
 * What the pane needs on opening (loadSettings, the saves) is here; the scoring engine (Tính điểm,
 * Tạo phụ lục, Hoàn tác and the core they use) is loaded on first use, in a chunk of its own, so that
 * the pane's initial script stays small and its buttons are usable before that chunk arrives.
 */
import type * as Scoring from "./scoring";
import type * as Annex from "./annex";
import type * as Undo from "./undo";
import type * as Encoding from "./encoding";
import type * as Card from "./card";
import type * as Explanation from "./explanation";
import type * as Chart from "./chart";
import type * as Settings from "./settings";
import type * as Lock from "./lock";
import type * as ManualEdits from "./manual-edits";

const scoring = () => import(/* webpackChunkName: "engine" */ "./scoring");
const annex = () => import(/* webpackChunkName: "engine" */ "./annex");
const undo = () => import(/* webpackChunkName: "engine" */ "./undo");
const encoding = () => import(/* webpackChunkName: "engine" */ "./encoding");
const card = () => import(/* webpackChunkName: "engine" */ "./card");
const explanation = () => import(/* webpackChunkName: "engine" */ "./explanation");
const chart = () => import(/* webpackChunkName: "engine" */ "./chart");
const lock = () => import(/* webpackChunkName: "engine" */ "./lock");

/** Starts loading the engine ahead of use (the pane calls it once it is on screen). */
export function preloadEngine(): void {
  void Promise.all([settings(), scoring(), annex(), undo(), encoding(), card(), explanation(), chart()]).catch(() => undefined);
}

export const runScoring: typeof Scoring.runScoring = (...args) => scoring().then((m) => m.runScoring(...args));
export const generateAnnex: typeof Annex.generateAnnex = (...args) => annex().then((m) => m.generateAnnex(...args));
export const undoLast: typeof Undo.undoLast = (...args) => undo().then((m) => m.undoLast(...args));
export const convertEncoding: typeof Encoding.convertEncoding = (...args) => encoding().then((m) => m.convertEncoding(...args));

// The forms' use cases (src/excel/forms.ts) are loaded by the "Phiếu" tab when used; only this check is needed up front.
export { formDelivery } from "./delivery";
export type { FormsOutcome, MergeOutcome } from "./forms";
// Opening (one sync) is in the first script; the rest of the settings (the rules validator, the grid
// locator for the title's year) and the saves come with settings.ts, on first use.
export { openPane, selectCell, listOtherSheets } from "./opening";
const settings = () => import(/* webpackChunkName: "settings" */ "./settings");
export const loadSettings: typeof Settings.loadSettings = (...args) => settings().then((m) => m.loadSettings(...args));
export const saveRules: typeof Settings.saveRules = (...args) => settings().then((m) => m.saveRules(...args));
export const saveDecision: typeof Settings.saveDecision = (...args) => settings().then((m) => m.saveDecision(...args));
export const saveLineage2025: typeof Settings.saveLineage2025 = (...args) => settings().then((m) => m.saveLineage2025(...args));
export type { PreviousChoice } from "./scoring";
export type { SaveResult } from "./settings";
export type { PaneOpening } from "./opening";
export { features, supports, MIN_EXCEL_API } from "./host";
export type { ScoringOutcome, AnnexOutcome, UndoOutcome, EncodingOutcome, WorkbookSettings, FindingView, Source } from "./types";
export { onCellsEdited, onSelectionChanged } from "./selection-events";
export const inspectSelection: typeof Card.inspectSelection = (...args) => card().then((m) => m.inspectSelection(...args));
export type { SelectionInfo, StaleView } from "./card";
// Giải trình (i14) pulls the scoring core and the annex reader: loaded with the engine, on first use.
export const createExplanation: typeof Explanation.createExplanation = (...args) => explanation().then((m) => m.createExplanation(...args));
export type { ExplanationOutcome } from "./explanation";
// The chart of indices (i14): with the engine, on first use.
export const createChart: typeof Chart.createChart = (...args) => chart().then((m) => m.createChart(...args));
export type { ChartOutcome } from "./chart";
// "Chốt kết quả" / "Mở chốt": with the engine, on first use.
export const lockResults: typeof Lock.lockResults = (...args) => lock().then((m) => m.lockResults(...args));
export const unlockResults: typeof Lock.unlockResults = (...args) => lock().then((m) => m.unlockResults(...args));
export type { LockOutcome } from "./lock";
const manualEdits = () => import(/* webpackChunkName: "engine" */ "./manual-edits");
export const logManualEdits: typeof ManualEdits.logManualEdits = (...args) => manualEdits().then((m) => m.logManualEdits(...args));
