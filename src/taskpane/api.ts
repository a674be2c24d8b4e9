/**
 * The Office calls the task pane makes, handed to <App api={…}> as a prop (as Microsoft's template hands
 * `insertText` to its component): the components call only these, so their tests give a fake and need
 * no module mock. In the add-in (officeApi) they are the use cases the ribbon runs too, from src/excel.
 */
import type * as Settings from "../excel/settings";
import type * as Opening from "../excel/opening";
import type * as Scoring from "../excel/scoring";
import type * as Annex from "../excel/annex";
import type * as Undo from "../excel/undo";
import type * as Encoding from "../excel/encoding";
import type * as Card from "../excel/card";
import type * as Explanation from "../excel/explanation";
import type * as Chart from "../excel/chart";
import type * as LineageSheet from "../excel/lineage-sheet";
import type * as Lock from "../excel/lock";
import type * as ManualEdits from "../excel/manual-edits";
import type * as Events from "../excel/selection-events";
import type { FormsOutcome, MergeOutcome } from "../excel/forms";
import type { ReturnedForm } from "../core/forms/merge";
import type { PreviousRead } from "../xlsx/previous";

/** The "Phiếu" tab's Office and file calls. */
export interface FormsActions {
  prepare: (scope: "all" | "selected") => Promise<FormsOutcome>;
  delivery: () => "newWorkbooks" | "download";
  /** The forms as .xlsx bytes (ExcelJS, loaded on first use). */
  render: (
    forms: { fileName: string; description: Extract<FormsOutcome, { kind: "done" }>["forms"][number]["description"] }[],
  ) => Promise<{ fileName: string; bytes: Uint8Array }[]>;
  openAsNewWorkbooks: (files: { fileName: string; bytes: Uint8Array }[]) => Promise<void>;
  download: (files: { fileName: string; bytes: Uint8Array }[]) => void;
  read: (files: File[]) => Promise<ReturnedForm[]>;
  merge: (forms: ReturnedForm[]) => Promise<MergeOutcome>;
}

export interface PaneApi {
  /** Opening: the workbook's settings and the subscription to cell edits (ExcelApi 1.9), one sync. */
  openPane: typeof Opening.openPane;
  /** The settings again (after "Gộp phiếu" or "Chuyển mã", whose outcomes do not carry the new state). */
  loadSettings: typeof Settings.loadSettings;
  saveRules: typeof Settings.saveRules;
  saveDecision: typeof Settings.saveDecision;
  selectCell: typeof Opening.selectCell;
  listOtherSheets: typeof Opening.listOtherSheets;
  runScoring: typeof Scoring.runScoring;
  generateAnnex: typeof Annex.generateAnnex;
  undoLast: typeof Undo.undoLast;
  convertEncoding: typeof Encoding.convertEncoding;
  inspectSelection: typeof Card.inspectSelection;
  createExplanation: typeof Explanation.createExplanation;
  createChart: typeof Chart.createChart;
  /** "Chốt kết quả" and "Mở chốt" (the Phụ lục tab). */
  lockResults: typeof Lock.lockResults;
  unlockResults: typeof Lock.unlockResults;
  /** "Sửa tay": cells typed by hand while the pane is open, logged (ExcelApi 1.9). */
  logEdits: typeof ManualEdits.logManualEdits;
  /** Calls the handler when the user selects other cells; returns the function that stops it. */
  onSelectionChanged: typeof Events.onSelectionChanged;
  /** Last year's results from a file (ExcelJS, loaded on first use). */
  readPreviousFile(file: File): Promise<PreviousRead>;
  /** The box “Dùng danh sách sáp nhập sở năm 2025”, kept with the workbook as it is ticked. */
  saveLineage2025: typeof Settings.saveLineage2025;
  /** “Ghi trang Sáp nhập” (the previous-year part): the lineage written as the “Sáp nhập” sheet. */
  writeLineageSheet: typeof LineageSheet.writeLineageSheet;
  /** Starts loading the scoring engine ahead of use (once the pane is on screen). */
  preloadEngine(): void;
  /** The "Phiếu" tab's calls. */
  forms: FormsActions;
}
