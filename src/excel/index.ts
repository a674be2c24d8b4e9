/** The use cases the ribbon commands and the task pane call: one implementation for both. */
export { runScoring } from "./scoring";
export { generateAnnex, manualPrintSteps } from "./annex";
export { undoLast } from "./undo";
export { convertEncoding } from "./encoding";
// The forms' use cases (src/excel/forms.ts) are loaded by the "Phiếu" tab when used; only this check is needed up front.
export { formDelivery } from "./delivery";
export type { FormsOutcome, MergeOutcome } from "./forms";
export { loadSettings, saveRules, saveDecision, selectCell } from "./settings";
export type { SaveResult } from "./settings";
export { features, supports, MIN_EXCEL_API } from "./host";
export type { ScoringOutcome, AnnexOutcome, UndoOutcome, EncodingOutcome, WorkbookSettings, FindingView, Source } from "./types";
export { inspectSelection, onSelectionChanged } from "./card";
export type { SelectionInfo, StaleView } from "./card";
export { createExplanation } from "./explanation";
export type { ExplanationOutcome } from "./explanation";
