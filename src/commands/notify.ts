/**
 * What a ribbon command tells the user when the task pane is closed: a title and a message for the
 * small dialog (dialog.html). Pure: no Office, no DOM, so every wording is unit-tested.
 */
import { summaryLine } from "../core/summary";
import type { LastRun } from "../core/store";
import type { ScoringOutcome, UndoOutcome } from "../excel/types";

export type Lang = "vi" | "en";

export interface Note {
  title: string;
  message: string;
}

/** English when Office runs in English ("en-US", "en-GB"…), Vietnamese otherwise. */
export function languageOf(displayLanguage: string | undefined | null): Lang {
  return typeof displayLanguage === "string" && displayLanguage.toLowerCase().startsWith("en") ? "en" : "vi";
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

type Counts = Pick<LastRun, "agencies" | "scored" | "byClass" | "errors" | "warnings"> & { findings?: LastRun["findings"] };

/** Cells named in the note at most; the rest are counted ("và 3 ô khác"). */
export const MAX_CELLS_NAMED = 5;

/** The cells of the run's errors, in the order found (one entry per cell). */
function errorCells(run: Counts): string[] {
  return [...new Set((run.findings ?? []).filter((f) => f.severity === "error").map((f) => f.cell))];
}

/** The error sentence, from its code: the count, the cells (or the first ones and how many more), where to look. */
const ERRORS_TO_FIX: Record<Lang, (p: { errors: number; cells: string[]; more: number }) => string> = {
  vi: (p) =>
    p.cells.length === 0
      ? `${p.errors} lỗi cần sửa: mở bảng điều khiển để xem.`
      : `${p.errors} lỗi cần sửa ở ô ${p.cells.join(", ")}${p.more > 0 ? ` và ${p.more} ô khác` : ""}: mở bảng điều khiển để xem.`,
  en: (p) =>
    p.cells.length === 0
      ? `${plural(p.errors, "error", "errors")} to fix: open the pane to see ${p.errors === 1 ? "it" : "them"}.`
      : `${plural(p.errors, "error", "errors")} to fix in cell${p.cells.length + p.more === 1 ? "" : "s"} ${p.cells.join(", ")}${p.more > 0 ? ` and ${p.more} more` : ""}: open the pane to see ${p.errors === 1 ? "it" : "them"}.`,
};

function errorsToFix(run: Counts, lang: Lang): string {
  const cells = errorCells(run);
  return ERRORS_TO_FIX[lang]({ errors: run.errors, cells: cells.slice(0, MAX_CELLS_NAMED), more: Math.max(0, cells.length - MAX_CELLS_NAMED) });
}

/** The summary line in English; class names are data from the rules and stay as the rules spell them. */
export function summaryLineEn(run: Counts): string {
  const classes = run.byClass.map((c) => `${c.count} ${c.name}`).join(", ");
  let line = classes ? `${plural(run.agencies, "agency", "agencies")}: ${classes}.` : `${plural(run.agencies, "agency", "agencies")}.`;
  if (run.scored < run.agencies) line += ` ${run.agencies - run.scored} could not be scored.`;
  if (run.errors > 0) line += ` ${errorsToFix(run, "en")}`;
  if (run.warnings > 0) line += ` ${plural(run.warnings, "warning", "warnings")}.`;
  return line;
}

/** The Vietnamese line: the core's summary, with the cells in error and the way to them when there are some. */
export function summaryLineVi(run: Counts): string {
  // The core's line without the error count, then the error sentence that says where to look.
  const base = summaryLine({ ...run, errors: 0, warnings: 0 });
  let line = base;
  if (run.errors > 0) line += ` ${errorsToFix(run, "vi")}`;
  if (run.warnings > 0) line += ` ${run.warnings} cảnh báo.`;
  return line;
}

const LEGACY_VI = "chữ gõ bằng bảng mã cũ (TCVN3 hoặc VNI): mở bảng điều khiển và bấm “Chuyển mã” để chuyển sang Unicode.";
const LEGACY_EN = "text typed in a legacy encoding (TCVN3 or VNI): open the pane and click “Convert encoding” to convert it to Unicode.";

const columnsText = (columns: string[]) => (columns.length === 1 ? columns[0] : columns.join(", "));

/** Title and message after "Tính điểm" from the ribbon. */
export function notifyOutcome(outcome: ScoringOutcome, lang: Lang): Note {
  if (outcome.kind === "refused") {
    // The use case words its refusals in both languages (they name cells and Excel menus).
    // Headers in TCVN3/VNI: the conversion is offered in the pane.
    const convert = outcome.convertible?.length
      ? lang === "en"
        ? "\nOpen the pane and click “Convert encoding” to convert them to Unicode."
        : "\nMở bảng điều khiển và bấm “Chuyển mã” để chuyển sang Unicode."
      : "";
    return lang === "en" ? { title: "Could not score", message: outcome.messageEn + convert } : { title: "Chưa tính được điểm", message: outcome.message + convert };
  }
  const { run, sheet, columns, unchanged, notices, noticesEn } = outcome;
  const lines: string[] = [];
  if (lang === "en") {
    lines.push(summaryLineEn(run));
    if (unchanged) lines.push("Nothing changed since the last scoring: no cell was written.");
    else if (columns.length) lines.push(`Results written to column${columns.length === 1 ? "" : "s"} ${columnsText(columns)}.`);
  } else {
    lines.push(summaryLineVi(run));
    if (unchanged) lines.push("Kết quả không đổi so với lần tính trước: không ô nào bị ghi lại.");
    else if (columns.length) lines.push(`Kết quả đã ghi vào cột ${columnsText(columns)}.`);
  }
  // What correcting each error on a score would change (the first three).
  const corrections = outcome.findings.filter((f) => f.severity === "error" && f.ifCorrected);
  for (const f of corrections.slice(0, 3)) lines.push(`${f.cell}: ${lang === "en" ? f.ifCorrectedEn : f.ifCorrected}`);
  lines.push(...(lang === "en" ? noticesEn : notices));
  const legacy = outcome.findings.filter((f) => f.convertible?.length).flatMap((f) => f.convertible!);
  if (legacy.length > 0) lines.push(lang === "en" ? `${legacy.length === 1 ? "Cell" : "Cells"} ${legacy.slice(0, 5).join(", ")}${legacy.length > 5 ? "…" : ""}: ${LEGACY_EN}` : `Ô ${legacy.slice(0, 5).join(", ")}${legacy.length > 5 ? "…" : ""}: ${LEGACY_VI}`);
  return {
    title: lang === "en" ? `Scored: sheet “${sheet}”` : `Đã tính điểm trang “${sheet}”`,
    message: lines.join("\n"),
  };
}

/** Title and message after "Hoàn tác" from the ribbon (the use case words the message, in both languages). */
export function notifyUndo(outcome: UndoOutcome, lang: Lang): Note {
  const titles: Record<UndoOutcome["kind"], [string, string]> = {
    done: ["Đã hoàn tác", "Undone"],
    nothing: ["Không có gì để hoàn tác", "Nothing to undo"],
    refused: ["Không hoàn tác được", "Could not undo"],
  };
  const en = lang === "en";
  // What this Excel could not give back (formats, below ExcelApi 1.9) follows, cell by cell.
  const left = outcome.kind === "done" ? (outcome.left ?? []).map((l) => (en ? l.messageEn : l.message)) : [];
  return { title: titles[outcome.kind][en ? 1 : 0], message: [en ? outcome.messageEn : outcome.message, ...left].join("\n") };
}

/** For an exception no use case caught (a bug): say so rather than stay silent. */
export function notifyFailure(error: unknown, lang: Lang): Note {
  const detail = error instanceof Error ? error.message : String(error);
  return lang === "en"
    ? { title: "Something went wrong", message: `The command stopped unexpectedly: ${detail}. Open the pane and try again; if it happens again, save the workbook and restart Excel.` }
    : { title: "Có lỗi xảy ra", message: `Lệnh dừng bất thường: ${detail}. Hãy mở bảng điều khiển và làm lại; nếu vẫn lỗi, hãy lưu sổ tính và mở lại Excel.` };
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
  url.search = new URLSearchParams({ lang, title: note.title, message }).toString();
  url.hash = "";
  return url.toString();
}
