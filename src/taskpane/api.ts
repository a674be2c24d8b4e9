/**
 * The Office calls the task pane makes, handed to <App api={…}> as a prop (as Microsoft's template hands
 * `insertText` to its component): the components call only these, so their tests give a fake and need
 * no module mock. In the add-in (officeApi) they are the use cases the ribbon runs too, from src/excel.
 */
import type { UseCases } from "../excel/index";
import type { FormsOutcome, MergeOutcome } from "../excel/forms";
import type { NoticesOutcome } from "../excel/notices";
import type { ReturnedForm } from "../core/forms/merge";
import type { PreviousRead } from "../xlsx/previous";

/** What the browser was given to download: one file, holding `forms` forms, of `bytes` bytes. */
export interface FormsDelivered {
  fileName: string;
  forms: number;
  bytes: number;
}

/** The "Phiếu" tab's Office and file calls. */
export interface FormsActions {
  prepare: (scope: "all" | "selected") => Promise<FormsOutcome>;
  delivery: () => "newWorkbooks" | "download";
  /** The forms as .xlsx bytes (ExcelJS, loaded on first use). */
  render: (
    forms: { fileName: string; description: Extract<FormsOutcome, { kind: "done" }>["forms"][number]["description"] }[],
  ) => Promise<{ fileName: string; bytes: Uint8Array }[]>;
  openAsNewWorkbooks: (files: { fileName: string; bytes: Uint8Array }[]) => Promise<void>;
  /** Downloads the files as one (several in one .zip, named `zipName` or the forms' name); says what was delivered. */
  download: (files: { fileName: string; bytes: Uint8Array }[], zipName?: string) => Promise<FormsDelivered>;
  /** “Thông báo kết quả thẩm định”: the notices of the differences (a reply deadline dd/mm/yyyy, optional). */
  prepareNotices: (deadline?: string) => Promise<NoticesOutcome>;
  /** The notices as .xlsx bytes (ExcelJS, loaded on first use). */
  renderNotices: (
    notices: { fileName: string; description: Extract<NoticesOutcome, { kind: "done" }>["notices"][number]["description"] }[],
  ) => Promise<{ fileName: string; bytes: Uint8Array }[]>;
  read: (files: File[]) => Promise<ReturnedForm[]>;
  merge: (forms: ReturnedForm[]) => Promise<MergeOutcome>;
}

/** The Office use cases (the rows of USE_CASES in src/excel/index.ts) and the pane's own file and preload calls. */
export interface PaneApi extends UseCases {
  /** Last year's results from a file (ExcelJS, loaded on first use). */
  readPreviousFile(file: File): Promise<PreviousRead>;
  /** Starts loading the scoring engine ahead of use (once the pane is on screen). */
  preloadEngine(): void;
  /** The "Phiếu" tab's calls. */
  forms: FormsActions;
}
