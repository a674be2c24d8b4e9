/**
 * The workbook's stored data is checked when it is read, before anything trusts it: its shape, its
 * sizes and every cell address in it. The hidden sheet travels with the file and anyone can edit it
 * (by hand, by a script, by an older or broken tool); a damaged entry must give a clear message or be
 * set aside with a warning, never a raw JavaScript error, a hang, or a write to a wrong cell.
 *
 * Each check returns null when the value is sound, else the first problem: a path into the value
 * ("columns[2].values") and what is wrong with it, as a message code with parameters.
 */
import { blockOf, columnOf, isColumnsAddress, MAX_COLS, MAX_ROWS } from "../base/address";
import type { PackedAnnex } from "../sheets/annex";
import { catalogue, entry, Lang, say } from "../base/catalogue";

/** Most marks, cells or rows a stored list may hold: a full column of a full sheet, four times over. */
const MAX_ITEMS = 4 * MAX_ROWS;

export type StoreProblemCode =
  | "notObject"
  | "notArray"
  | "notText"
  | "notNumber"
  | "badAddress"
  | "badColor"
  | "badSheetName"
  | "badTime"
  | "tooLarge"
  | "sizeMismatch"
  | "badChoice"
  | "badParts"
  | "badJson";

export interface StoreProblem {
  code: StoreProblemCode;
  /** Where in the entry ("columns[0].firstRow"); "" for the entry itself. */
  path: string;
  /** The offending value as short text (≤ 40 characters), when it helps. */
  value: string;
}

const describe = (v: unknown): string => {
  let text: string;
  if (v === undefined) text = "undefined";
  else if (typeof v === "string") text = JSON.stringify(v);
  else {
    try {
      text = JSON.stringify(v) ?? String(v);
    } catch {
      text = String(v);
    }
  }
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

export const storeProblem = (code: StoreProblemCode, path: string, v?: unknown): StoreProblem => ({ code, path, value: v === undefined ? "" : describe(v) });
const join = (base: string, key: string | number) => (typeof key === "number" ? `${base}[${key}]` : base ? `${base}.${key}` : key);

type Check = (v: unknown, path: string) => StoreProblem | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const object: Check = (v, p) => (isObject(v) ? null : storeProblem("notObject", p, v));
const text: Check = (v, p) => (typeof v === "string" ? null : storeProblem("notText", p, v));
const bool: Check = (v, p) => (typeof v === "boolean" ? null : storeProblem("badChoice", p, v));
const intIn =
  (lo: number, hi: number): Check =>
  (v, p) =>
    typeof v === "number" && Number.isInteger(v) && v >= lo && v <= hi ? null : storeProblem("notNumber", p, v);
const numberIn =
  (lo: number, hi: number): Check =>
  (v, p) =>
    typeof v === "number" && Number.isFinite(v) && v >= lo && v <= hi ? null : storeProblem("notNumber", p, v);
const oneOf =
  (...choices: string[]): Check =>
  (v, p) =>
    typeof v === "string" && choices.includes(v) ? null : storeProblem("badChoice", p, v);
const optional =
  (check: Check): Check =>
  (v, p) =>
    v === undefined ? null : check(v, p);
const nullable =
  (check: Check): Check =>
  (v, p) =>
    v === null ? null : check(v, p);

/** An array of at most `max` items, each passing `item`. */
const list =
  (item: Check, max = MAX_ITEMS): Check =>
  (v, p) => {
    if (!Array.isArray(v)) return storeProblem("notArray", p, v);
    if (v.length > max) return storeProblem("tooLarge", p, v.length);
    for (let i = 0; i < v.length; i++) {
      const found = item(v[i], join(p, i));
      if (found) return found;
    }
    return null;
  };

/** An object whose listed fields pass their checks (other fields are left alone). */
const shape =
  (fields: Record<string, Check>): Check =>
  (v, p) => {
    if (!isObject(v)) return storeProblem("notObject", p, v);
    for (const [key, check] of Object.entries(fields)) {
      const found = check(v[key], join(p, key));
      if (found) return found;
    }
    return null;
  };

const cell: Check = (v, p) => (typeof v === "string" && blockOf(v)?.rows === 1 && blockOf(v)?.cols === 1 ? null : storeProblem("badAddress", p, v));
const block: Check = (v, p) => (typeof v === "string" && blockOf(v) ? null : storeProblem("badAddress", p, v));
const blockOrColumns: Check = (v, p) => (typeof v === "string" && (blockOf(v) || isColumnsAddress(v)) ? null : storeProblem("badAddress", p, v));
const color: Check = (v, p) => (typeof v === "string" && /^#[0-9A-Fa-f]{6}$/.test(v) ? null : storeProblem("badColor", p, v));
/** A worksheet name Excel accepts: 1–31 characters, none of : \ / ? * [ ]. */
const sheetName: Check = (v, p) =>
  typeof v === "string" && v.length >= 1 && v.length <= 31 && !/[:\\/?*[\]]/.test(v) && !/^'|'$/.test(v) ? null : storeProblem("badSheetName", p, v);
const time: Check = (v, p) => (typeof v === "string" && v.length <= 40 && !Number.isNaN(Date.parse(v)) ? null : storeProblem("badTime", p, v));
/** What a cell can hold in a stored snapshot: text, a finite number, true/false, or nothing. */
const scalar: Check = (v, p) =>
  v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v)) ? null : storeProblem("notText", p, v);
const textOrNumber: Check = (v, p) => (typeof v === "string" || (typeof v === "number" && Number.isFinite(v)) ? null : storeProblem("notText", p, v));

/** `written`: the values the add-in wrote, per result column; every row inside the grid. */
export const checkWritten: Check = (v, p) => {
  const found = shape({
    sheet: sheetName,
    columns: list(
      shape({
        col: (c, q) => (typeof c === "string" && columnOf(c) !== null ? null : storeProblem("badAddress", q, c)),
        firstRow: intIn(1, MAX_ROWS),
        values: list(textOrNumber, MAX_ROWS),
      }),
      MAX_COLS,
    ),
  })(v, p);
  if (found) return found;
  const record = v as { columns: { firstRow: number; values: unknown[] }[] };
  for (let i = 0; i < record.columns.length; i++) {
    const c = record.columns[i];
    if (c.firstRow + c.values.length - 1 > MAX_ROWS) return storeProblem("tooLarge", join(join(join(p, "columns"), i), "values"), c.values.length);
  }
  return null;
};

/** `marks`: finding marks, each on one cell, with the cell's own fill before. */
export const checkMarks: Check = list(shape({ sheet: sheetName, address: cell, color: nullable(color), mark: color }));

/** `decision`: the decision's details as the user typed them. */
export const checkDecision: Check = shape({
  number: optional(text),
  date: optional(text),
  issuer: optional(text),
  year: optional(intIn(1900, 9999)),
  subject: optional(text),
  sheetName: optional(sheetName),
  annexPrevious: optional(bool),
  formsDeadline: optional(text),
});

/** `lastRun`: the summary the pane shows; only read, so only its shape matters. */
export const checkLastRun: Check = shape({
  at: time,
  sheet: sheetName,
  source: oneOf("ribbon", "pane", "cli"),
  agencies: intIn(0, MAX_ROWS),
  scored: intIn(0, MAX_ROWS),
  byClass: list(shape({ name: text, count: intIn(0, MAX_ROWS) }), 1000),
  errors: intIn(0, MAX_ITEMS),
  warnings: intIn(0, MAX_ITEMS),
  top: list(text, 1000),
  bottom: list(text, 1000),
  findings: list(shape({ cell: text, severity: text, code: text }), MAX_ITEMS),
});

/** A packed annex (the annex a write replaced, or made): sizes consistent before it is unpacked. */
export const checkPackedAnnex: Check = (v, p) => {
  const found = shape({
    packed: (x, q) => (x === 1 ? null : storeProblem("badChoice", q, x)),
    sheetName,
    font: text,
    styles: object,
    rowCount: intIn(1, MAX_ROWS),
    colCount: intIn(1, 1000),
    columnWidths: list(numberIn(0, 255), 1000),
    rowHeights: list(numberIn(0, 409), MAX_ROWS),
    merges: list(shape({ row: intIn(0, MAX_ROWS - 1), col: intIn(0, 999), rows: intIn(1, MAX_ROWS), cols: intIn(1, 1000) }), MAX_ROWS),
    print: shape({ margins: object, repeatRows: shape({ first: intIn(0, MAX_ROWS - 1), last: intIn(0, MAX_ROWS - 1) }) }),
    table: object,
    grid: list(list(text, 1000), MAX_ROWS),
    styleRuns: list(
      (x, q) => (Array.isArray(x) && x.length === 2 ? (intIn(1, MAX_ROWS)(x[0], join(q, 0)) ?? text(x[1], join(q, 1))) : storeProblem("notArray", q, x)),
      MAX_ROWS,
    ),
  })(v, p);
  if (found) return found;
  const a = v as PackedAnnex;
  if (a.grid.length !== a.rowCount) return storeProblem("sizeMismatch", join(p, "grid"), a.grid.length);
  if (a.rowHeights.length !== a.rowCount) return storeProblem("sizeMismatch", join(p, "rowHeights"), a.rowHeights.length);
  for (let r = 0; r < a.grid.length; r++) if (a.grid[r].length !== a.colCount) return storeProblem("sizeMismatch", join(join(p, "grid"), r), a.grid[r].length);
  let rows = 0;
  for (let i = 0; i < a.styleRuns.length; i++) {
    const [count, key] = a.styleRuns[i];
    rows += count;
    const styles = key.split(",");
    if (styles.length !== a.colCount || styles.some((s) => s !== "" && !(s in a.styles)))
      return storeProblem("sizeMismatch", join(join(p, "styleRuns"), i), key);
  }
  if (rows !== a.rowCount) return storeProblem("sizeMismatch", join(p, "styleRuns"), rows);
  for (let i = 0; i < a.merges.length; i++) {
    const m = a.merges[i];
    if (m.row + m.rows > a.rowCount || m.col + m.cols > a.colCount) return storeProblem("sizeMismatch", join(join(p, "merges"), i), m);
  }
  if (a.print.repeatRows.last < a.print.repeatRows.first || a.print.repeatRows.last >= a.rowCount)
    return storeProblem("sizeMismatch", join(join(p, "print"), "repeatRows"), a.print.repeatRows);
  return null;
};

/** `annex`: the annex sheet the add-in made, and how (its packed description). */
export const checkAnnexRecord: Check = shape({ sheetName, description: optional(checkPackedAnnex), source: optional(text), sheetId: optional(text) });

/** A rectangular snapshot: its formulas and number formats have exactly the block's size. */
const snapshot: Check = (v, p) => {
  const found = shape({
    address: block,
    sheet: optional(sheetName),
    formulas: list(list(scalar, MAX_COLS), MAX_ROWS),
    numberFormat: list(list(text, MAX_COLS), MAX_ROWS),
    wrote: optional(list(list(scalar, MAX_COLS), MAX_ROWS)),
    text: optional(list(list(bool, MAX_COLS), MAX_ROWS)),
  })(v, p);
  if (found) return found;
  const s = v as { address: string; formulas: unknown[][]; numberFormat: string[][]; wrote?: unknown[][]; text?: boolean[][] };
  const size = blockOf(s.address)!;
  for (const key of ["formulas", "numberFormat", "wrote", "text"] as const) {
    const rows = s[key];
    if (rows === undefined) continue;
    if (rows.length !== size.rows) return storeProblem("sizeMismatch", join(p, key), rows.length);
    for (let r = 0; r < rows.length; r++) if (rows[r].length !== size.cols) return storeProblem("sizeMismatch", join(join(p, key), r), rows[r].length);
  }
  return null;
};

/** `lastYear`: the 2025 list's box and the last comparison written (its years, the rules changed, the 2025 entries used). */
const year: Check = nullable(intIn(1900, 9999));
const lineageEntry: Check = shape({ name: text, from: list(text, 1000) });
export const checkLastYear: Check = shape({
  lineage2025: optional(bool),
  compared: optional(
    shape({
      sheet: sheetName,
      years: shape({ current: year, previous: year }),
      rulesChanged: list(shape({ kind: oneOf("groups", "maxima", "weights", "classes", "criteria"), detail: text }), 100),
      lineage2025: list(lineageEntry, 1000),
    }),
  ),
});

/** The store entries an undo journal restores, checked like the store itself. */
const previousState: Check = shape({
  written: optional(checkWritten),
  marks: optional(checkMarks),
  lastRun: optional(checkLastRun),
  annex: optional(checkAnnexRecord),
  annexDescription: optional(checkPackedAnnex),
  decision: optional(checkDecision),
  lastYear: optional(checkLastYear),
});

/** A sheet description (src/core/sheets/sheet.ts) as undo renders it: a name, and cells with rows and columns in range. */
const sheetDescription: Check = (v, p) => {
  const d = v as { sheetName?: unknown; cells?: unknown; rowCount?: unknown; colCount?: unknown } | null;
  if (
    !d ||
    typeof d !== "object" ||
    typeof d.sheetName !== "string" ||
    !Array.isArray(d.cells) ||
    typeof d.rowCount !== "number" ||
    typeof d.colCount !== "number"
  ) {
    return storeProblem("notText", p, v);
  }
  return sheetName(d.sheetName, join(p, "sheetName"));
};

/** `undo`: the journal of the last write. Checked whole before undo writes anything from it. */
export const checkUndoJournal: Check = (v, p) => {
  const found = shape({
    action: oneOf("score", "annex", "merge", "encoding", "chart", "explain", "lineage", "logSheet", "criteria", "conclusions", "ledger"),
    at: time,
    sheet: sheetName,
    cells: list(snapshot),
    fills: list(shape({ address: block, color: nullable(color) })),
    clearFormats: optional(list(block)),
    formatBackups: optional(
      list((x, q) => {
        const f = shape({ backup: block, target: block })(x, q);
        if (f) return f;
        const b = x as { backup: string; target: string };
        const [bs, ts] = [blockOf(b.backup)!, blockOf(b.target)!];
        return bs.rows === ts.rows && bs.cols === ts.cols ? null : storeProblem("sizeMismatch", q, x);
      }),
    ),
    fonts: optional(list(shape({ address: block, name: text }))),
    columnWidths: optional(list(shape({ address: blockOrColumns, width: numberIn(0, 4000) }))),
    previousAnnex: optional(nullable(shape({ sheetName, description: optional(checkPackedAnnex), sheetId: optional(text), backup: optional(sheetName) }))),
    buildSheet: optional(sheetName),
    inPlace: optional(bool),
    annexSheet: optional(sheetName),
    // "merge": the loop sheets before it, as sheet descriptions made again by undo.
    previousLoopSheets: optional(nullable(shape({ self: sheetDescription, diff: sheetDescription, track: optional(sheetDescription) }))),
    previousState,
  })(v, p);
  if (found) return found;
  const j = v as { cells: { formulas: unknown[][] }[] };
  const cells = j.cells.reduce((n, c) => n + c.formulas.length * (c.formulas[0]?.length ?? 0), 0);
  return cells > MAX_ITEMS ? storeProblem("tooLarge", join(p, "cells"), cells) : null;
};

/** The self-assessment entries (forms out and back in): their shape, and the sheet names they name. */
const scoreOrText: Check = (v, p) =>
  v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v)) ? null : storeProblem("notText", p, v);
export const checkForm: Check = shape({
  kind: text,
  masterId: text,
  agency: text,
  year: intIn(0, 9999),
  rulesFingerprint: text,
  token: optional(text),
  madeAt: optional(text),
});
const formKey: Check = (v, p) => (typeof v === "string" && /^[0-9a-f]{64}$/.test(v) ? null : storeProblem("notText", p, v));
export const checkSelfAssessments: Check = list(
  shape({
    agency: text,
    file: text,
    at: text,
    verified: optional(bool),
    madeAt: optional(text),
    scores: list(scoreOrText, 1000),
    evidence: list(text, 1000),
    notes: text,
    criteria: optional(list(shape({ id: text, first: scoreOrText, second: scoreOrText, evidence: text }), 10000)),
  }),
  MAX_ROWS,
);
export const checkFormsMade: Check = list(shape({ agency: text, at: time, file: text }), MAX_ROWS);
export const checkLoopSheets: Check = shape({ self: sheetName, diff: sheetName, track: optional(sheetName) });

/** `lock`: the locked cells ([address, text]), the fingerprints, who and when. */
export const checkLock: Check = shape({
  sheet: sheetName,
  cells: list((v, p) => (Array.isArray(v) && v.length === 2 ? (cell(v[0], join(p, 0)) ?? text(v[1], join(p, 1))) : storeProblem("notArray", p, v))),
  rules: text,
  decision: shape({ number: text, date: text }),
  fingerprint: text,
  code: text,
  at: time,
  by: text,
  protectedSheets: optional(list(sheetName, 1000)),
});
export const checkUnlocks: Check = list(shape({ code: text, lockedAt: time, lockedBy: text, at: time, by: text, reason: text }), 10000);
const cellChange: Check = (v, p) =>
  Array.isArray(v) && v.length === 3 ? (cell(v[0], join(p, 0)) ?? text(v[1], join(p, 1)) ?? text(v[2], join(p, 2))) : storeProblem("notArray", p, v);
const LOG_ACTIONS = [
  "score",
  "annex",
  "merge",
  "encoding",
  "undo",
  "lock",
  "unlock",
  "chart",
  "explain",
  "edit",
  "conclusion",
  "lineage",
  "logSheet",
  "criteria",
  "ledger",
];
/** `log`: the entries (each with its changed cells) and the summary of older ones. */
export const checkLog: Check = shape({
  entries: list(
    shape({
      at: time,
      action: oneOf(...LOG_ACTIONS),
      by: text,
      via: oneOf("pane", "ribbon", "cli"),
      sheet: text,
      cells: list(cellChange, 1000),
      moreCells: optional(intIn(0, MAX_ROWS * MAX_COLS)),
      note: optional(text),
    }),
    10000,
  ),
  summary: optional(shape({ count: intIn(0, Number.MAX_SAFE_INTEGER), from: time, to: time, byAction: object, cells: intIn(0, Number.MAX_SAFE_INTEGER) })),
});
export const checkLockInfo: Check = shape({ code: text, at: time, by: text, sheet: sheetName });

/** The check of each stored entry but `rules` (which validateRules checks where it is used). */
export const ENTRY_CHECKS: Record<string, Check> = {
  decision: checkDecision,
  written: checkWritten,
  marks: checkMarks,
  annex: checkAnnexRecord,
  annexDescription: checkPackedAnnex,
  lastRun: checkLastRun,
  undo: checkUndoJournal,
  workbookId: text,
  formKey,
  form: checkForm,
  formsMade: checkFormsMade,
  selfAssessments: checkSelfAssessments,
  loopSheets: checkLoopSheets,
  lock: checkLock,
  unlocks: checkUnlocks,
  lockInfo: checkLockInfo,
  log: checkLog,
  logSheet: sheetName,
  lastYear: checkLastYear,
};

/** A stored entry set aside (or, for the user's own settings, refused) because a check failed. */
export interface StoreIssue {
  /** The store key: "written", "marks", "undo"… */
  key: string;
  problem: StoreProblem;
}

/** What each problem means, in both languages (after the path: "marks[3].address …"). */
export const STORE_PROBLEM_TEXT: Record<StoreProblemCode, Record<Lang, string>> = {
  notObject: { vi: "không phải là một bản ghi", en: "is not a record" },
  notArray: { vi: "không phải là một danh sách", en: "is not a list" },
  notText: { vi: "không phải là chữ hoặc giá trị ô", en: "is not text or a cell value" },
  notNumber: { vi: "không phải là số hợp lệ", en: "is not a valid number" },
  badAddress: { vi: "không phải là địa chỉ ô trong trang tính (A1 đến XFD1048576)", en: "is not a cell address on a sheet (A1 to XFD1048576)" },
  badColor: { vi: "không phải là mã màu #RRGGBB", en: "is not a #RRGGBB colour" },
  badSheetName: { vi: "không phải là tên trang tính hợp lệ", en: "is not a valid sheet name" },
  badTime: { vi: "không phải là thời điểm hợp lệ", en: "is not a valid time" },
  tooLarge: { vi: "vượt quá kích thước của một trang tính", en: "is larger than a sheet can be" },
  sizeMismatch: { vi: "không khớp kích thước với phần còn lại", en: "does not match the size of the rest" },
  badChoice: { vi: "không phải là giá trị được phép", en: "is not an allowed value" },
  badParts: { vi: "có số thứ tự phần (cột B) sai hoặc trùng", en: "has a wrong or repeated part number (column B)" },
  badJson: { vi: "không đọc được (JSON hỏng)", en: "cannot be read (broken JSON)" },
};

/** What the add-in does without each entry it sets aside. */
const CONSEQUENCE: Record<string, Record<Lang, string>> = {
  written: {
    vi: "Add-in coi các ô trong cột kết quả như nội dung của người dùng: sẽ không ghi đè mà báo tên các ô đó.",
    en: "The add-in treats the cells of the result columns as the user's content: it will not overwrite them and names them instead.",
  },
  marks: {
    vi: "Các ô đang được tô màu đánh dấu lỗi sẽ không được tự bỏ màu; hãy bỏ màu bằng tay nếu cần.",
    en: "Cells coloured as findings will not be uncoloured automatically; clear their fill by hand if needed.",
  },
  annex: {
    vi: "Trang phụ lục cũ được coi là của người dùng nên không bị thay; phụ lục mới được tạo ở trang khác.",
    en: "The old annex sheet is treated as the user's and is not replaced; a new annex goes to another sheet.",
  },
  lastRun: { vi: "Bảng tóm tắt lần tính trước không được hiển thị.", en: "The summary of the previous run is not shown." },
  lastYear: {
    vi: "Lựa chọn danh sách sáp nhập sở năm 2025 và những gì lần so sánh với năm trước ghi lại (hai năm, quy tắc đã đổi) không được dùng; hãy chọn lại rồi bấm “Tính điểm”.",
    en: "The choice of the 2025 merger list and what the last comparison with last year kept (the two years, the rules changed) are not used; choose again and click “Tính điểm”.",
  },
  undo: { vi: "Không hoàn tác được lần ghi trước.", en: "The previous write cannot be undone." },
  log: {
    vi: "Nhật ký cũ không đọc được nên không được dùng; lần ghi tiếp theo bắt đầu một nhật ký mới.",
    en: "The old log cannot be read and is not used; the next write starts a new log.",
  },
};

const shown = (problem: StoreProblem) => ({
  vi: problem.value ? ` (đang là ${problem.value})` : "",
  en: problem.value ? ` (it holds ${problem.value})` : "",
});
const EXAMPLE_PROBLEM: StoreProblem = { code: "badAddress", path: "marks[3].address", value: "“ZZZ0”" };

/** The warnings and refusals about the stored data. */
export const STORE_MESSAGES = catalogue("stored data", {
  // The hidden sheet itself (decodeStore): not the add-in's, or from a newer version.
  storeNotOurs: entry({
    vi: (p: { sheet: string; magic: string }) => `Trang ẩn “${p.sheet}” không phải do add-in tạo ra (ô A1 không có dấu hiệu “${p.magic}”).`,
    en: (p) => `The hidden sheet “${p.sheet}” was not made by the add-in (cell A1 lacks the mark “${p.magic}”).`,
    example: { sheet: "XepHangCNTT_DuLieu", magic: "XepHangCNTT" },
  }),
  storeNewer: entry({
    vi: (_p: object) => "Sổ tính này được lưu bằng phiên bản add-in mới hơn. Hãy cập nhật add-in để đọc quy tắc và dữ liệu đã lưu.",
    en: () => "This workbook was saved by a newer version of the add-in. Update the add-in to read the rules and data stored in it.",
    example: {},
  }),
  /** An entry set aside: what is wrong, where, and what the add-in does without it. */
  setAside: entry({
    vi: (p: { issue: StoreIssue; sheet: string }) => {
      const { key, problem } = p.issue;
      const then = CONSEQUENCE[key]?.vi ?? "";
      return `Dữ liệu “${key}” trong trang ẩn “${p.sheet}” không hợp lệ nên được bỏ qua: ${problem.path || key} ${STORE_PROBLEM_TEXT[problem.code].vi}${shown(problem).vi}. ${then}`.trim();
    },
    en: (p) => {
      const { key, problem } = p.issue;
      const then = CONSEQUENCE[key]?.en ?? "";
      return `The “${key}” data in the hidden sheet “${p.sheet}” is invalid and was set aside: ${problem.path || key} ${STORE_PROBLEM_TEXT[problem.code].en}${shown(problem).en}. ${then}`.trim();
    },
    example: { issue: { key: "marks", problem: EXAMPLE_PROBLEM }, sheet: "XepHangCNTT_DuLieu" },
  }),
  /** The user's own settings (rules, decision) damaged: never silently replaced. */
  damaged: entry({
    vi: (p: { issue: StoreIssue; sheet: string }) => {
      const { key, problem } = p.issue;
      return `Dữ liệu “${key}” trong trang ẩn “${p.sheet}” bị hỏng: ${problem.path || key} ${STORE_PROBLEM_TEXT[problem.code].vi}${shown(problem).vi}. Hãy nhập lại quy tắc (Quy tắc chấm điểm → Nhập JSON) và thông tin quyết định, hoặc khôi phục sổ tính từ bản sao.`;
    },
    en: (p) => {
      const { key, problem } = p.issue;
      return `The “${key}” data in the hidden sheet “${p.sheet}” is damaged: ${problem.path || key} ${STORE_PROBLEM_TEXT[problem.code].en}${shown(problem).en}. Import the rules again (Scoring rules → Import JSON) and re-enter the decision details, or restore the workbook from a copy.`;
    },
    example: { issue: { key: "decision", problem: { code: "badJson", path: "", value: "" } }, sheet: "XepHangCNTT_DuLieu" },
  }),
  /** Undo's journal fails its check: nothing is written from it. */
  undoJournal: entry({
    vi: (p: { problem: StoreProblem; sheet: string }) =>
      `Không hoàn tác được: bản ghi hoàn tác trong trang ẩn “${p.sheet}” không hợp lệ (${p.problem.path || "undo"} ${STORE_PROBLEM_TEXT[p.problem.code].vi}${shown(p.problem).vi}), nên add-in không dùng nó để ghi. Chưa có ô nào bị thay đổi.`,
    en: (p) =>
      `Could not undo: the undo record in the hidden sheet “${p.sheet}” is invalid (${p.problem.path || "undo"} ${STORE_PROBLEM_TEXT[p.problem.code].en}${shown(p.problem).en}), so the add-in does not write from it. No cell has been changed.`,
    example: { problem: { code: "badAddress", path: "undo.cells[0].address", value: "“A0”" }, sheet: "XepHangCNTT_DuLieu" },
  }),
});

/** The warning for an entry set aside: what is wrong, where, and what the add-in does without it. */
export const storeIssueMessage = (issue: StoreIssue, sheet: string, lang: Lang): string => say(STORE_MESSAGES, "setAside", { issue, sheet }, lang);

/** The refusal for the user's own settings (rules, decision) when they are damaged: never silently replaced. */
export const storeDamagedMessage = (issue: StoreIssue, sheet: string, lang: Lang): string => say(STORE_MESSAGES, "damaged", { issue, sheet }, lang);
