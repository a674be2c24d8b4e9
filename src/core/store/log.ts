/**
 * "Nhật ký": every write the add-in and the command line make, kept in the workbook's store (`log`):
 * when, what, who, and the cells changed with their old and new values. Bounded: the newest entries
 * are kept whole (each with at most MAX_CELLS cells, the rest counted), older ones are folded into a
 * summary (how many of each action, from when to when), so a year of work stays small. "Hoàn tác"
 * never removes an entry: it is an entry of its own.
 */
import { catalogue, entry, Lang, say } from "../base/catalogue";
import { LIST_PRINT_LANDSCAPE, SheetCell, SheetDescription } from "../sheets/sheet";

/** What was done: the actions that write, and the manual edits seen while the pane was open. */
export type LogAction =
  | "score"
  | "annex"
  | "merge"
  | "encoding"
  | "undo"
  | "lock"
  | "unlock"
  | "chart"
  | "explain"
  | "edit"
  | "conclusion"
  | "lineage"
  | "logSheet"
  | "criteria"
  | "ledger";

export interface LogEntry {
  /** ISO time. */
  at: string;
  action: LogAction;
  /** Who: the name set in the pane or given with --by ("" when none was given). */
  by: string;
  /** Where it was done: "pane", "ribbon" or "cli". */
  via: "pane" | "ribbon" | "cli";
  sheet: string;
  /** [A1 address, old value, new value] as text; "" for an empty cell. */
  cells: [string, string, string][];
  /** Cells changed beyond those kept. */
  moreCells?: number;
  /** What else to know (the reason of an unlock, the code of a lock, the forms merged). */
  note?: string;
}

/** Entries folded into a summary when the log grows past its bound. */
export interface LogSummary {
  count: number;
  from: string;
  to: string;
  byAction: Partial<Record<LogAction, number>>;
  cells: number;
}

export interface WorkLog {
  entries: LogEntry[];
  summary?: LogSummary;
}

/** The newest entries kept whole, and the cells kept per entry. */
export const MAX_ENTRIES = 300;
export const MAX_CELLS = 200;

const text = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "string" ? v : String(v));

/** The cells that changed between two grids of the same block (addresses from `address(i, j)`). */
export function changedCells(
  before: readonly (readonly unknown[])[],
  after: readonly (readonly unknown[])[],
  address: (i: number, j: number) => string,
): [string, string, string][] {
  const out: [string, string, string][] = [];
  const rows = Math.max(before.length, after.length);
  for (let i = 0; i < rows; i++) {
    const cols = Math.max(before[i]?.length ?? 0, after[i]?.length ?? 0);
    for (let j = 0; j < cols; j++) {
      const a = text(before[i]?.[j]);
      const b = text(after[i]?.[j]);
      if (a !== b) out.push([address(i, j), a, b]);
    }
  }
  return out;
}

/** The cells a block write changes: [address, old, new] for each cell whose text differs. */
export function blockChanges(
  values: readonly (readonly unknown[])[],
  blocks: readonly { row: number; col: number; values: readonly (readonly unknown[])[] }[],
  address: (row: number, col: number) => string,
): [string, string, string][] {
  return blocks.flatMap((b) =>
    changedCells(
      b.values.map((r, i) => r.map((_, j) => values[b.row + i]?.[b.col + j])),
      b.values,
      (i, j) => address(b.row + i, b.col + j),
    ),
  );
}

/** The state with an entry appended to its log. */
export const withLog = <S extends { log?: WorkLog }>(state: S, e: LogEntry): S => ({ ...state, log: appendLog(state.log, e) });

/** A new entry, its cells capped at MAX_CELLS (the rest counted). */
export function logEntry(e: Omit<LogEntry, "cells" | "moreCells"> & { cells?: [string, string, string][] }): LogEntry {
  const cells = e.cells ?? [];
  const { cells: _c, ...rest } = e;
  void _c;
  const out: LogEntry = { ...rest, cells: cells.slice(0, MAX_CELLS) };
  if (cells.length > MAX_CELLS) out.moreCells = cells.length - MAX_CELLS;
  return out;
}

/** The log with the entry appended; past MAX_ENTRIES, the oldest entries are folded into the summary. */
export function appendLog(log: WorkLog | undefined, ...added: LogEntry[]): WorkLog {
  const entries = [...(log?.entries ?? []), ...added];
  let summary = log?.summary;
  while (entries.length > MAX_ENTRIES) {
    const old = entries.shift()!;
    const s: LogSummary = summary ? { ...summary, byAction: { ...summary.byAction } } : { count: 0, from: old.at, to: old.at, byAction: {}, cells: 0 };
    s.count++;
    if (old.at < s.from) s.from = old.at;
    if (old.at > s.to) s.to = old.at;
    s.byAction[old.action] = (s.byAction[old.action] ?? 0) + 1;
    s.cells += old.cells.length + (old.moreCells ?? 0);
    summary = s;
  }
  return summary ? { entries, summary } : { entries };
}

const ACTIONS: Record<LogAction, { vi: string; en: string }> = {
  score: { vi: "Tính điểm", en: "Score" },
  annex: { vi: "Tạo phụ lục", en: "Create the annex" },
  merge: { vi: "Gộp phiếu", en: "Merge forms" },
  encoding: { vi: "Chuyển mã", en: "Convert encoding" },
  undo: { vi: "Hoàn tác", en: "Undo" },
  lock: { vi: "Chốt kết quả", en: "Lock the results" },
  unlock: { vi: "Mở chốt", en: "Unlock" },
  chart: { vi: "Biểu đồ chỉ số", en: "Chart of indices" },
  explain: { vi: "Giải trình", en: "Explanations" },
  edit: { vi: "Sửa tay", en: "Edited by hand" },
  conclusion: { vi: "Kết luận của hội đồng", en: "Council's conclusion" },
  lineage: { vi: "Ghi trang Sáp nhập", en: "Write the Sáp nhập sheet" },
  logSheet: { vi: "Trang Nhật ký", en: "The Nhật ký sheet" },
  criteria: { vi: "Ghi ra trang Bộ tiêu chí", en: "Write the Bộ tiêu chí sheet" },
  ledger: { vi: "Tạo trang chấm điểm chi tiết", en: "Make the detailed scoring sheet" },
};

export const actionName = (action: LogAction, lang: Lang): string => ACTIONS[action][lang];

export const LOG_MESSAGES = catalogue("log", {
  summary: entry({
    vi: (p: { s: LogSummary }) =>
      `Trước đó: ${p.s.count} lần ghi từ ${p.s.from.slice(0, 10)} đến ${p.s.to.slice(0, 10)} (${Object.entries(p.s.byAction)
        .map(([a, n]) => `${ACTIONS[a as LogAction].vi}: ${n}`)
        .join(", ")}; ${p.s.cells} ô), chỉ còn bản tóm tắt này.`,
    en: (p) =>
      `Before: ${p.s.count} writes from ${p.s.from.slice(0, 10)} to ${p.s.to.slice(0, 10)} (${Object.entries(p.s.byAction)
        .map(([a, n]) => `${ACTIONS[a as LogAction].en}: ${n}`)
        .join(", ")}; ${p.s.cells} cells), only this summary is kept.`,
    example: { s: { count: 12, from: "2026-01-05T02:00:00.000Z", to: "2026-03-01T02:00:00.000Z", byAction: { score: 10, annex: 2 }, cells: 480 } },
  }),
  moreCells: entry({
    vi: (p: { n: number }) => `và ${p.n} ô khác`,
    en: (p) => `and ${p.n} other cell${p.n === 1 ? "" : "s"}`,
    example: { n: 3 },
  }),
});

export const LOG_SHEET = "Nhật ký";
/** The sheet's title, in A1 (how "Hoàn tác" knows the sheet is still the add-in's). */
export const LOG_SHEET_TITLE = "NHẬT KÝ GHI SỔ TÍNH";
const HEADERS = ["Thời điểm", "Thao tác", "Người thực hiện", "Trang", "Ô", "Giá trị cũ", "Giá trị mới", "Ghi chú"];

/**
 * The printable "Nhật ký" sheet: one row per cell changed (an entry without cells takes one row),
 * newest entry first; the summary of older entries last. `time` writes an ISO time as the reader reads it.
 */
export function logSheet(log: WorkLog, time: (iso: string) => string, sheetName = LOG_SHEET): SheetDescription {
  const cells: SheetCell[] = [];
  const put = (row: number, col: number, value: string, style = "cell") => cells.push({ row, col, value, style, numberFormat: "@" });
  put(0, 0, LOG_SHEET_TITLE, "title");
  HEADERS.forEach((h, c) => put(1, c, h, "header"));
  let row = 2;
  for (const e of [...log.entries].reverse()) {
    const lines: [string, string, string][] = e.cells.length > 0 ? e.cells : [["", "", ""]];
    lines.forEach(([address, before, after], i) => {
      const first = i === 0;
      put(row, 0, first ? time(e.at) : "");
      put(row, 1, first ? ACTIONS[e.action].vi : "");
      put(row, 2, first ? e.by : "");
      put(row, 3, first ? e.sheet : "");
      put(row, 4, address);
      put(row, 5, before);
      put(row, 6, after);
      put(row, 7, first ? [e.note ?? "", e.moreCells ? say(LOG_MESSAGES, "moreCells", { n: e.moreCells }, "vi") : ""].filter(Boolean).join("; ") : "");
      row++;
    });
  }
  if (log.summary) put(row++, 0, say(LOG_MESSAGES, "summary", { s: log.summary }, "vi"), "note");
  const base = { bold: false, italic: false, size: 11, hAlign: "left" as const, vAlign: "top" as const, wrap: true, border: true };
  return {
    sheetName,
    font: "Times New Roman",
    styles: {
      title: { ...base, bold: true, size: 13, border: false, wrap: false },
      header: { ...base, bold: true, hAlign: "center" },
      cell: base,
      note: { ...base, italic: true, border: false, wrap: false },
    },
    columnWidths: [17, 16, 18, 16, 8, 18, 18, 30],
    rowHeights: Array.from({ length: row }, (_, r) => (r === 0 ? 20 : 16)),
    cells,
    merges: [],
    validations: [],
    protect: false,
    print: LIST_PRINT_LANDSCAPE,
    frozenRows: 2,
    rowCount: row,
    colCount: HEADERS.length,
  };
}
