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

const scoring = () => import(/* webpackChunkName: "engine" */ "./scoring");
const annex = () => import(/* webpackChunkName: "engine" */ "./annex");
const undo = () => import(/* webpackChunkName: "engine" */ "./undo");

/** Starts loading the engine ahead of use (the pane calls it once it is on screen). */
export function preloadEngine(): void {
  void Promise.all([scoring(), annex(), undo()]).catch(() => undefined);
}

export const runScoring: typeof Scoring.runScoring = (...args) => scoring().then((m) => m.runScoring(...args));
export const generateAnnex: typeof Annex.generateAnnex = (...args) => annex().then((m) => m.generateAnnex(...args));
export const undoLast: typeof Undo.undoLast = (...args) => undo().then((m) => m.undoLast(...args));

export { manualPrintSteps } from "./annex";
export { prepareForms, formDelivery, openAsNewWorkbooks, mergeReturnedForms } from "./forms";
export type { FormsOutcome, MergeOutcome } from "./forms";
export { loadSettings, saveRules, saveDecision, selectCell } from "./settings";
export type { SaveResult } from "./settings";
export { features, supports, MIN_EXCEL_API } from "./host";
export type { ScoringOutcome, AnnexOutcome, UndoOutcome, WorkbookSettings, FindingView, Source } from "./types";
export { inspectSelection, onSelectionChanged } from "./card";
export type { SelectionInfo, StaleView } from "./card";
