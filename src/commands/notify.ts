/**
 * What a ribbon command tells the user when the task pane is closed: a title and a message for the
 * small dialog (dialog.html). Pure: no Office, no DOM, so every wording is unit-tested.
 */
import { catalogue, entry, Lang, languageOf, ParamsOf, pick, plural, say as sayCode } from "../core/base/catalogue";
import type { LastRun } from "../core/store/store";
import type { AnnexOutcome, ScoringOutcome, UndoOutcome } from "../excel/types";
import { annexStatus, annexStatusLines } from "../excel/annex-status";

export type { Lang };

export interface Note {
  title: string;
  message: string;
  /** A question: the label of the button that goes ahead (the dialog's other button, focused, declines). */
  confirm?: string;
}

export { languageOf };

type Counts = Pick<LastRun, "agencies" | "scored" | "byClass" | "errors" | "warnings"> & { findings?: LastRun["findings"] };

/** Cells named in the note at most; the rest are counted ("và 3 ô khác"). */
export const MAX_CELLS_NAMED = 5;

/** The cells of the run's errors, in the order found (one entry per cell). */
function errorCells(run: Counts): string[] {
  return [...new Set((run.findings ?? []).filter((f) => f.severity === "error").map((f) => f.cell))];
}

const classesText = (run: Counts) => run.byClass.map((c) => `${c.count} ${c.name}`).join(", ");
const columnsText = (columns: string[]) => (columns.length === 1 ? columns[0] : columns.join(", "));
const RUN: Counts = {
  agencies: 19,
  scored: 18,
  byClass: [
    { name: "Tốt", count: 7 },
    { name: "Khá", count: 11 },
  ],
  errors: 1,
  warnings: 2,
};

/** The ribbon's own words (the use cases' messages come with their outcomes). Class names are data and stay as the rules spell them. */
export const NOTE_MESSAGES = catalogue("ribbon note", {
  /** The count, the cells (or the first ones and how many more), where to look. */
  errorsToFix: entry({
    vi: (p: { errors: number; cells: string[]; more: number }) =>
      p.cells.length === 0
        ? `${p.errors} lỗi cần sửa: mở bảng điều khiển để xem.`
        : `${p.errors} lỗi cần sửa ở ô ${p.cells.join(", ")}${p.more > 0 ? ` và ${p.more} ô khác` : ""}: mở bảng điều khiển để xem.`,
    en: (p) =>
      p.cells.length === 0
        ? `${plural(p.errors, "error")} to fix: open the pane to see ${p.errors === 1 ? "it" : "them"}.`
        : `${plural(p.errors, "error")} to fix in cell${p.cells.length + p.more === 1 ? "" : "s"} ${p.cells.join(", ")}${p.more > 0 ? ` and ${p.more} more` : ""}: open the pane to see ${p.errors === 1 ? "it" : "them"}.`,
    example: { errors: 7, cells: ["D5", "D6", "E7", "F8", "G9"], more: 2 },
  }),
  /** The run in one line, without its errors (errorsToFix says where they are). */
  summary: entry({
    vi: (run: Counts) =>
      // Rules without classes (national tables): just the count.
      (classesText(run) ? `${run.agencies} cơ quan: ${classesText(run)}.` : `${run.agencies} cơ quan.`) +
      (run.scored < run.agencies ? ` ${run.agencies - run.scored} cơ quan chưa tính được điểm.` : ""),
    en: (run) =>
      (classesText(run) ? `${plural(run.agencies, "agency", "agencies")}: ${classesText(run)}.` : `${plural(run.agencies, "agency", "agencies")}.`) +
      (run.scored < run.agencies ? ` ${run.agencies - run.scored} could not be scored.` : ""),
    example: RUN,
  }),
  warnings: entry({
    vi: (p: { warnings: number }) => `${p.warnings} cảnh báo.`,
    en: (p) => `${plural(p.warnings, "warning")}.`,
    example: { warnings: 2 },
  }),
  unchanged: entry({
    vi: (_p: object) => "Kết quả không đổi so với lần tính trước: không ô nào bị ghi lại.",
    en: () => "Nothing changed since the last scoring: no cell was written.",
    example: {},
  }),
  written: entry({
    vi: (p: { columns: string[] }) => `Kết quả đã ghi vào cột ${columnsText(p.columns)}.`,
    en: (p) => `Results written to column${p.columns.length === 1 ? "" : "s"} ${columnsText(p.columns)}.`,
    example: { columns: ["J", "K"] },
  }),
  scoredTitle: entry({
    vi: (p: { sheet: string }) => `Đã tính điểm trang “${p.sheet}”`,
    en: (p) => `Scored: sheet “${p.sheet}”`,
    example: { sheet: "Bảng điểm" },
  }),
  refusedTitle: entry({ vi: (_p: object) => "Chưa tính được điểm", en: () => "Could not score", example: {} }),
  doneTitle: entry({ vi: (_p: object) => "Đã hoàn tác", en: () => "Undone", example: {} }),
  nothingTitle: entry({ vi: (_p: object) => "Không có gì để hoàn tác", en: () => "Nothing to undo", example: {} }),
  undoRefusedTitle: entry({ vi: (_p: object) => "Không hoàn tác được", en: () => "Could not undo", example: {} }),
  convertInPane: entry({
    vi: (_p: object) => "Mở bảng điều khiển và bấm “Chuyển mã” để chuyển sang Unicode.",
    en: () => "Open the pane and click “Convert encoding” to convert them to Unicode.",
    example: {},
  }),
  legacyCells: entry({
    vi: (p: { cells: string[] }) =>
      `Ô ${p.cells.slice(0, 5).join(", ")}${p.cells.length > 5 ? "…" : ""}: chữ gõ bằng bảng mã cũ (TCVN3 hoặc VNI): mở bảng điều khiển và bấm “Chuyển mã” để chuyển sang Unicode.`,
    en: (p) =>
      `${p.cells.length === 1 ? "Cell" : "Cells"} ${p.cells.slice(0, 5).join(", ")}${p.cells.length > 5 ? "…" : ""}: text typed in a legacy encoding (TCVN3 or VNI): open the pane and click “Convert encoding” to convert it to Unicode.`,
    example: { cells: ["B5", "B6", "B7", "B8", "B9", "B10"] },
  }),
  annexRefusedTitle: entry({ vi: (_p: object) => "Chưa tạo được phụ lục", en: () => "The annex was not created", example: {} }),
  annexConfirmTitle: entry({ vi: (_p: object) => "Bảng điểm còn lỗi", en: () => "The score table has errors", example: {} }),
  annexConfirm: entry({ vi: (_p: object) => "Vẫn tạo phụ lục", en: () => "Create the annex anyway", example: {} }),
  annexCancelled: entry({
    vi: (_p: object) => "Chưa tạo phụ lục: chưa có gì thay đổi. Sửa các ô lỗi rồi bấm lại “Tạo phụ lục”.",
    en: () => "No annex was created: nothing changed. Correct the cells in error, then click “Create annex” again.",
    example: {},
  }),
  annexStale: entry({
    vi: (_p: object) => "Bấm “Tính điểm” rồi bấm lại “Tạo phụ lục”.",
    en: () => "Click “Score”, then “Create annex” again.",
    example: {},
  }),
  /** The question before the one step Excel cannot keep on its undo stack (ExcelApi 1.20; runWriting's consent). */
  undoClearAhead: entry({
    vi: (p: { step: "store" | "plain" }) =>
      (p.step === "store"
        ? "Đây là lần ghi đầu tiên của add-in vào sổ tính này: add-in phải tạo trang dữ liệu ẩn của mình, và trên Excel cho Windows và Mac việc đó xóa lịch sử hoàn tác (Ctrl+Z) của bạn, một lần duy nhất. "
        : "Lần này add-in phải xóa, đổi tên hoặc bỏ khóa một trang tính, việc Excel không hoàn tác được: lịch sử hoàn tác (Ctrl+Z) của bạn sẽ bị xóa. ") +
      "Những gì bạn làm trước đó sẽ không bấm Ctrl+Z để lấy lại được nữa. Tiếp tục?",
    en: (p) =>
      (p.step === "store"
        ? "This is the add-in's first write to this workbook: it must make its hidden data sheet, and in Excel for Windows and Mac that clears your undo history (Ctrl+Z), this once. "
        : "This time the add-in must delete, rename or unprotect a sheet, which Excel cannot undo: your undo history (Ctrl+Z) will be cleared. ") +
      "What you did before can no longer be taken back with Ctrl+Z. Go on?",
    example: { step: "store" },
  }),
  /** The answer “no” to that question: nothing was done. */
  undoClearDeclined: entry({
    vi: (_p: object) => "Chưa làm gì: lịch sử hoàn tác (Ctrl+Z) của bạn được giữ nguyên. Khi sẵn sàng, hãy bấm lại.",
    en: () => "Nothing was done: your undo history (Ctrl+Z) was kept. Click again when you are ready.",
    example: {},
  }),
  undoClearTitle: entry({ vi: (_p: object) => "Lịch sử hoàn tác của Excel sẽ bị xóa", en: () => "Excel's undo history will be cleared", example: {} }),
  undoClearGoOn: entry({ vi: (_p: object) => "Tiếp tục", en: () => "Go on", example: {} }),
  failureTitle: entry({ vi: (_p: object) => "Có lỗi xảy ra", en: () => "Something went wrong", example: {} }),
  failure: entry({
    vi: (p: { detail: string }) => `Lệnh dừng bất thường: ${p.detail}. Hãy mở bảng điều khiển và làm lại; nếu vẫn lỗi, hãy lưu sổ tính và mở lại Excel.`,
    en: (p) => `The command stopped unexpectedly: ${p.detail}. Open the pane and try again; if it happens again, save the workbook and restart Excel.`,
    example: { detail: "boom" },
  }),
});

type NoteMessages = typeof NOTE_MESSAGES;
const say = <C extends keyof NoteMessages>(lang: Lang, code: C, params: ParamsOf<NoteMessages[C]>): string => sayCode(NOTE_MESSAGES, code, params, lang);

/** The run's line: the counts, the cells in error and the way to them when there are some, the warnings. */
export function summaryLineIn(run: Counts, lang: Lang): string {
  const parts = [say(lang, "summary", run)];
  if (run.errors > 0) {
    const cells = errorCells(run);
    parts.push(say(lang, "errorsToFix", { errors: run.errors, cells: cells.slice(0, MAX_CELLS_NAMED), more: Math.max(0, cells.length - MAX_CELLS_NAMED) }));
  }
  if (run.warnings > 0) parts.push(say(lang, "warnings", { warnings: run.warnings }));
  return parts.join(" ");
}

/** Title and message after "Tính điểm" from the ribbon. */
export function notifyOutcome(outcome: ScoringOutcome, lang: Lang): Note {
  if (outcome.kind === "refused") {
    // The use case words its refusals in both languages (they name cells and Excel menus).
    // Headers in TCVN3/VNI: the conversion is offered in the pane.
    const convert = outcome.convertible?.length ? `\n${say(lang, "convertInPane", {})}` : "";
    return { title: say(lang, "refusedTitle", {}), message: pick(outcome, lang) + convert };
  }
  const { run, sheet, columns, unchanged, notices, noticesEn } = outcome;
  const lines = [summaryLineIn(run, lang)];
  if (unchanged) lines.push(say(lang, "unchanged", {}));
  else if (columns.length) lines.push(say(lang, "written", { columns }));
  // What correcting each error on a score would change (the first three).
  const corrections = outcome.findings.filter((f) => f.severity === "error" && f.ifCorrected);
  for (const f of corrections.slice(0, 3)) lines.push(`${f.cell}: ${pick({ message: f.ifCorrected ?? "", messageEn: f.ifCorrectedEn ?? "" }, lang)}`);
  lines.push(...(lang === "en" ? noticesEn : notices));
  const legacy = outcome.findings.filter((f) => f.convertible?.length).flatMap((f) => f.convertible!);
  if (legacy.length > 0) lines.push(say(lang, "legacyCells", { cells: legacy }));
  return { title: say(lang, "scoredTitle", { sheet }), message: lines.join("\n") };
}

/** Title and message after "Hoàn tác" from the ribbon (the use case words the message, in both languages). */
export function notifyUndo(outcome: UndoOutcome, lang: Lang): Note {
  const titles = { done: "doneTitle", nothing: "nothingTitle", refused: "undoRefusedTitle" } as const;
  // What this Excel could not give back (formats, below ExcelApi 1.9) follows, cell by cell.
  const left = outcome.kind === "done" ? (outcome.left ?? []).map((l) => pick(l, lang)) : [];
  return { title: say(lang, titles[outcome.kind], {}), message: [pick(outcome, lang), ...left].join("\n") };
}

/** Title and message after "Tạo phụ lục" from the ribbon (the use case words its refusals, in both languages). */
export function notifyAnnex(outcome: AnnexOutcome, lang: Lang, wanted?: string): Note {
  switch (outcome.kind) {
    case "refused":
      return { title: say(lang, "annexRefusedTitle", {}), message: pick(outcome, lang) };
    case "stale":
      return { title: say(lang, "annexRefusedTitle", {}), message: `${pick(outcome, lang)}\n${say(lang, "annexStale", {})}` };
    case "needsConfirmation":
      return { title: say(lang, "annexConfirmTitle", {}), message: pick(outcome, lang), confirm: say(lang, "annexConfirm", {}) };
    case "done": {
      // One status, as the pane shows it: ready to sign, or not yet and why.
      const status = annexStatus(outcome, wanted, lang);
      return { title: status.title, message: annexStatusLines(status).join("\n") };
    }
  }
}

/** The answer "no" to the annex's question: nothing was made. */
export function notifyAnnexCancelled(lang: Lang): Note {
  return { title: say(lang, "annexRefusedTitle", {}), message: say(lang, "annexCancelled", {}) };
}

/** What runWriting tells the user who said no to that question, in both languages. */
export const undoClearDeclined = (): { message: string; messageEn: string } => ({
  message: say("vi", "undoClearDeclined", {}),
  messageEn: say("en", "undoClearDeclined", {}),
});

/** The question before the one step that clears Excel's undo history: which step, and what the user loses. */
export function undoClearQuestion(step: "store" | "plain", lang: Lang): Note {
  return { title: say(lang, "undoClearTitle", {}), message: say(lang, "undoClearAhead", { step }), confirm: say(lang, "undoClearGoOn", {}) };
}

/** For an exception no use case caught (a bug): say so rather than stay silent. */
export function notifyFailure(error: unknown, lang: Lang): Note {
  const detail = error instanceof Error ? error.message : String(error);
  return { title: say(lang, "failureTitle", {}), message: say(lang, "failure", { detail }) };
}

/** Longest message carried in the dialog's address (URLs past ~2 000 characters fail in some hosts). */
export const MAX_MESSAGE = 1200;

/**
 * The dialog's address: dialog.html next to the page running the command (same origin and folder,
 * as the dialog API requires), with the note in the query string.
 */
export function dialogUrl(pageUrl: string, note: Note, lang: Lang): string {
  const url = new URL("dialog.html", pageUrl);
  const message = note.message.length > MAX_MESSAGE ? `${note.message.slice(0, MAX_MESSAGE - 1)}…` : note.message;
  url.search = new URLSearchParams({ lang, title: note.title, message, ...(note.confirm ? { confirm: note.confirm } : {}) }).toString();
  url.hash = "";
  return url.toString();
}
