import { both } from "../base/catalogue";
import type { FormIdentity } from "../forms/form-parts";
import type { NoticeIdentity } from "../forms/notices";
import type { LockRecord, UnlockRecord } from "./lock";
import type { WorkLog } from "./log";
import { DecisionMetadata } from "../rules/metadata";
import type { RulesJson } from "../rules/rules";
import type { ComparedRecord } from "../grid/previous";
import { ENTRY_CHECKS, STORE_MESSAGES, StoreIssue, storeDamagedMessage, storeProblem } from "./store-check";

/**
 * What the add-in keeps inside the workbook, so that it travels with the file: the rules, the
 * decision's metadata, what the add-in wrote (to tell its own cells from a user's), the finding
 * marks with each cell's own fill, the annex it made, the last run's summary and the one-level
 * undo journal.
 *
 * It lives in a very hidden worksheet (ExcelApi 1.1, so every host that runs the add-in has it;
 * any .xlsx reader, ExcelJS included, reads it). Each row is [key, part, "|" + JSON text]; long JSON is
 * split in parts of at most 30 000 characters (a cell holds 32 767).
 */
export const STORE_SHEET = "XepHangCNTT_DuLieu";
export const STORE_MAGIC = "xep-hang-cntt";
export const STORE_VERSION = 1;
const CHUNK = 30000;
const GUARD = "|";

export interface CellSnapshot {
  /** A1 address of a rectangular block on the journal's `sheet`, or on `sheet` below. */
  address: string;
  /**
   * The block's sheet when it is not the journal's: "Tính điểm" with a criteria set also writes the ledger's
   * Tự chấm and Điểm ("Chấm điểm chi tiết"), and "Hoàn tác" gives both sheets back.
   */
  sheet?: string;
  /** What the cells held: formulas where there were formulas, else values. */
  formulas: unknown[][];
  numberFormat: string[][];
  /** What the add-in wrote there, when it is not in the store's `written` record (the headers of appended columns). */
  wrote?: unknown[][];
  /**
   * Which cells held text beginning with "=" (true): "Hoàn tác" writes them back as text, never as formulas.
   * Only when the block has one; older journals have none (every "=…" goes back as a formula).
   */
  text?: boolean[][];
}

export interface FillSnapshot {
  address: string;
  /** The cell's own fill ("#RRGGBB"), null for none. */
  color: string | null;
  /** The fill the add-in gave the cell (a mark, or its own fill back): undo gives `color` back only to a cell that still shows it. */
  set?: string | null;
}

export interface UndoJournal {
  /**
   * “encoding”: “Chuyển mã” (legacy text converted to Unicode); “merge”: “Gộp phiếu”; “chart”: “Biểu đồ
   * chỉ số”, “explain”: “Giải trình”, “lineage”: the “Sáp nhập” sheet written from the pane and “logSheet”: the
   * printable “Nhật ký” sheet, “criteria”: the “Bộ tiêu chí” sheet and “ledger”: the “Chấm điểm chi tiết” sheet written from the pane, each a new sheet (`sheet`) undo removes.
   */
  action: "score" | "annex" | "merge" | "encoding" | "chart" | "explain" | "lineage" | "logSheet" | "criteria" | "conclusions" | "ledger";
  /** ISO time of the write, for the pane ("Hoàn tác lần tính lúc 10:42"). */
  at: string;
  sheet: string;
  cells: CellSnapshot[];
  fills: FillSnapshot[];
  /** Cells that were empty and unformatted before (appended result columns): undo clears their formats. */
  clearFormats?: string[];
  /** Formats of appended columns before, copied to the store sheet (`backup`, an address there) from `target`. */
  formatBackups?: { backup: string; target: string }[];
  /** Font names before, for cells whose legacy font (“.VnTime”) was replaced. */
  fonts?: { address: string; name: string }[];
  /** Column widths before (points), for appended columns. */
  columnWidths?: { address: string; width: number }[];
  /**
   * For "annex": the annex sheet before, or null when there was none. Since the state no longer carries the
   * annex's description, the sheet itself is kept aside, very hidden, under `backup`; older workbooks have
   * a `description` instead.
   */
  previousAnnex?: { sheetName: string; sheetId?: string; position?: number; backup?: string; description?: unknown } | null;
  /**
   * For "annex" in an undo group (ExcelApi 1.20): the new annex was written over the old one in its sheet (no
   * sheet renamed, hidden or deleted: those clear the user's undo stack); `previousAnnex.description` is the old one.
   */
  inPlace?: boolean;
  /** For "annex": the temporary name the new annex was built under before it replaced the old one. */
  buildSheet?: string;
  /** The annex sheet that this write created or replaced. */
  annexSheet?: string;
  /** For "merge": the "Tự đánh giá" and "Chênh lệch" sheets before (their descriptions), or null when there were none. */
  previousLoopSheets?: { self: unknown; diff: unknown; track?: unknown } | null;
  /** Store entries as they were before the write (restored by undo), except the journal itself. */
  previousState: Omit<StoreState, "undo">;
}

export interface MarkRecord {
  sheet: string;
  address: string;
  /** The cell's own fill before it was marked. */
  color: string | null;
  /** The mark's fill. */
  mark: string;
}

export interface WrittenRecord {
  sheet: string;
  /** The values the add-in wrote, per result column from its first written row down ("" where nothing). */
  columns: { col: string; firstRow: number; values: (string | number)[] }[];
}

/** The values of a written record by A1 address. */
export function writtenCells(record: WrittenRecord | undefined, sheet: string): Map<string, string | number> {
  const cells = new Map<string, string | number>();
  if (!record || record.sheet !== sheet || !Array.isArray(record.columns)) return cells;
  for (const c of record.columns) c.values.forEach((v, i) => v !== "" && cells.set(`${c.col}${c.firstRow + i}`, v));
  return cells;
}

/** A written record from values by A1 address. */
export function writtenRecord(sheet: string, cells: Map<string, string | number>): WrittenRecord {
  const byCol = new Map<string, Map<number, string | number>>();
  for (const [address, v] of cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const col = byCol.get(m[1]) ?? new Map<number, string | number>();
    col.set(Number(m[2]), v);
    byCol.set(m[1], col);
  }
  const columns = [...byCol].map(([col, rows]) => {
    const first = Math.min(...rows.keys());
    const last = Math.max(...rows.keys());
    return { col, firstRow: first, values: Array.from({ length: last - first + 1 }, (_, i) => rows.get(first + i) ?? "") };
  });
  return { sheet, columns };
}

export interface LastRun {
  at: string;
  sheet: string;
  source: "ribbon" | "pane" | "cli";
  agencies: number;
  scored: number;
  byClass: { name: string; count: number }[];
  errors: number;
  warnings: number;
  top: string[];
  bottom: string[];
  /** Each finding's message in Vietnamese and (since the English pane) English; older workbooks have no `messageEn`. */
  findings: {
    cell: string;
    severity: string;
    code: string;
    message: string;
    messageEn?: string;
    ifCorrected?: string;
    ifCorrectedEn?: string;
    /** The agency, group and value the finding is about (shown after Hoàn tác brings the run back); older workbooks have none. */
    agency?: string;
    group?: string;
    value?: string;
    /** A finding on another sheet (the ledger's): its sheet (the cell is then written “Sheet!A1”). */
    sheet?: string;
  }[];
}

export interface StoreState {
  rules?: RulesJson;
  decision?: Partial<DecisionMetadata>;
  written?: WrittenRecord;
  marks?: MarkRecord[];
  /**
   * The annex the add-in made and the sheet of the grid it was made from. No description: an annex is
   * regenerated from the grid, the rules and the decision (older workbooks may still carry one; it is dropped).
   */
  annex?: { sheetName: string; source?: string; /** Office's worksheet id, where the add-in made it. */ sheetId?: string; description?: unknown };
  lastRun?: LastRun;
  /**
   * The annex the add-in rendered last, packed (PackedAnnex), where Excel groups undo (ExcelApi 1.20): the next annex
   * is written over it in place, and "Hoàn tác" renders this one back. In the body: the pane never reads it on opening.
   */
  annexDescription?: unknown;
  undo?: UndoJournal;
  /** The master workbook's id, carried by the self-assessment forms made from it. */
  workbookId?: string;
  /**
   * The master's secret key for its forms' tokens (64 hex digits, forms.ts `formToken`). Kept only in
   * the master: a form carries its token, never the key.
   */
  formKey?: string;
  /** In a self-assessment form: which master, agency, year and rules it belongs to. */
  form?: FormIdentity | NoticeIdentity;
  /** When each agency's form was made (“Tạo phiếu” in the add-in, `forms --master-out`): the latest per agency, for “Theo dõi phiếu”. */
  formsMade?: FormMade[];
  /** What the agencies claimed in their returned forms (the "Tự đánh giá" and "Chênh lệch" sheets are made from it). */
  selfAssessments?: SelfAssessment[];
  /** The "Tự đánh giá" and "Chênh lệch" sheets the merge made (never a user's sheet of that name). */
  loopSheets?: { self: string; diff: string; /** "Theo dõi phiếu" (absent in workbooks merged before it was made). */ track?: string };
  /** "Chốt kết quả": the results frozen, their fingerprint and verification code (lock.ts). Absent: not locked. */
  lock?: LockRecord;
  /** Every "Mở chốt": the code it ended, who, when and why (newest last). */
  unlocks?: UnlockRecord[];
  /** "Nhật ký": every write, who and when, the cells with their old and new values (log.ts). */
  log?: WorkLog;
  /** The "Nhật ký" sheet the add-in or the command line wrote (never a user's sheet of that name). */
  logSheet?: string;
  /** "So sánh với năm trước": the choice of the 2025 merger list and what the last comparison written found. */
  lastYear?: LastYearRecord;
}

/**
 * What the workbook keeps of "So sánh với năm trước" between actions: the pane's box "Dùng danh sách sáp
 * nhập sở năm 2025" (ticked or not, whether or not the "Sáp nhập" sheet was written), and what the last
 * "Tính điểm" that compared wrote its columns from. "Tạo phụ lục", the agency card and "Giải trình" read
 * last year's columns from the sheet; this record gives them what the columns cannot say.
 */
export interface LastYearRecord {
  /** The 2025 merger list ticked (absent: never chosen). */
  lineage2025?: boolean;
  /** The last comparison "Tính điểm" wrote (absent: none yet). */
  compared?: ComparedRecord;
}

export type { ComparedRecord };

/** One agency's returned form, as merged. */
export interface SelfAssessment {
  agency: string;
  file: string;
  /** ISO time of the merge that recorded it (kept when the same form is merged again). */
  at: string;
  /** Whether the form's identity verified against the master's key (false: a form without identity, merged as unverified; absent in older records). */
  verified?: boolean;
  /** When the form was made, as its verified identity says (absent: not said, or not verified); "Theo dõi phiếu" uses it when the master recorded no time. */
  madeAt?: string;
  /** Per rules group: the score as read (a number), the text typed when not a number, null when empty or exempt. */
  scores: (number | string | null)[];
  evidence: string[];
  notes: string;
  /**
   * A form at criterion level: what the agency entered for each criterion (the points or first input, the
   * second input, the evidence), by code; the scores above are then the groups' sums.
   */
  criteria?: CriterionClaim[];
}

/** One criterion of a returned form, as entered. */
export interface CriterionClaim {
  id: string;
  first: number | string | null;
  second: number | string | null;
  evidence: string;
}

/** One agency's form made: when, and the file name it was given. */
export interface FormMade {
  agency: string;
  at: string;
  file: string;
}

const KEYS: (keyof StoreState)[] = [
  "rules",
  "decision",
  "written",
  "marks",
  "annex",
  "lastRun",
  "annexDescription",
  "undo",
  "workbookId",
  "formKey",
  "form",
  "formsMade",
  "selfAssessments",
  "loopSheets",
  "lock",
  "unlocks",
  "log",
  "logSheet",
  "lastYear",
];

/** What the pane shows on opening: small entries, kept in the first rows (the head) so that it reads a few KB. */
const HEAD_KEYS: (keyof StoreState)[] = ["rules", "decision", "annex", "lastRun", "lastYear"];
/** The head's summary of the undo journal (the journal itself is in the body). */
const UNDO_INFO = "undoInfo";
/** The head's summary of the lock (the locked cells are in the body). */
const LOCK_INFO = "lockInfo";

/** What the pane shows of a lock. */
export interface LockInfo {
  code: string;
  at: string;
  by: string;
  sheet: string;
}
/** First row (1-based) of the body: the written record, the marks and the undo journal, read only by the actions. */
export const STORE_BODY_ROW = 1001;

export interface UndoInfo {
  action: UndoJournal["action"];
  at: string;
  sheet: string;
}

function encodeEntry(key: string, value: unknown, rows: string[][]): void {
  const text = JSON.stringify(value);
  for (let i = 0, part = 0; i < text.length || part === 0; i += CHUNK, part++) {
    // Each part starts with "|": a part never begins with "=", "+", "-" or "@", which a cell could take for a formula.
    rows.push([key, String(part), GUARD + text.slice(i, i + CHUNK)]);
  }
}

/**
 * The store in two sections: the head (a header row, then the pane's entries, from row 1) and the body
 * (from row STORE_BODY_ROW). An entry that does not fit in the head goes to the body.
 */
export function encodeStoreSections(state: StoreState): { head: string[][]; body: string[][] } {
  const head: string[][] = [[STORE_MAGIC, String(STORE_VERSION), "Dữ liệu của add-in Xếp hạng CNTT. Không sửa tay."]];
  const body: string[][] = [];
  for (const key of KEYS) {
    const value: unknown = state[key];
    if (value === undefined) continue;
    const rows: string[][] = [];
    encodeEntry(key, value, rows);
    const fits = HEAD_KEYS.includes(key) && head.length + rows.length < STORE_BODY_ROW;
    (fits ? head : body).push(...rows);
  }
  if (state.undo) {
    const info: UndoInfo = { action: state.undo.action, at: state.undo.at, sheet: state.undo.sheet };
    encodeEntry(UNDO_INFO, info, head);
  }
  if (state.lock) {
    const info: LockInfo = { code: state.lock.code, at: state.lock.at, by: state.lock.by, sheet: state.lock.sheet };
    encodeEntry(LOCK_INFO, info, head);
  }
  return { head, body };
}

/** The store as rows for the hidden sheet: the head from row 1, the body from row STORE_BODY_ROW (empty rows between). */
export function encodeStore(state: StoreState): string[][] {
  const { head, body } = encodeStoreSections(state);
  if (body.length === 0) return head;
  return [...head, ...Array.from({ length: STORE_BODY_ROW - 1 - head.length }, () => [] as string[]), ...body];
}

/**
 * Reads the head alone (what the pane needs on opening): the entries found there and the undo summary.
 * An entry cut short at the end of what was read (an older workbook's layout) is left out, not reported.
 */
export function decodeStoreHead(
  values: readonly (readonly unknown[])[] | null | undefined,
): { ok: true; state: StoreState; undo: UndoInfo | null; lock: LockInfo | null } | { ok: false; message: string; messageEn: string } {
  const decoded = decodeStore(values, (key) => HEAD_KEYS.includes(key as keyof StoreState) || key === UNDO_INFO || key === "undo" || key === LOCK_INFO, true);
  if (!decoded.ok) return decoded;
  const { undo, ...state } = decoded.state as StoreState & { undoInfo?: UndoInfo };
  const info = (decoded.state as { undoInfo?: UndoInfo }).undoInfo ?? (undo ? { action: undo.action, at: undo.at, sheet: undo.sheet } : null);
  const lock = (decoded.state as { lockInfo?: LockInfo }).lockInfo ?? null;
  delete (state as { undoInfo?: UndoInfo }).undoInfo;
  delete (state as { lockInfo?: LockInfo }).lockInfo;
  return { ok: true, state, undo: info, lock };
}

export type DecodedStore =
  | {
      ok: true;
      state: StoreState;
      /** Entries set aside because they failed their check (store-check.ts): never trusted, named in a warning. */
      issues: StoreIssue[];
    }
  | { ok: false; message: string; messageEn: string };

/** The user's own settings: damaged, they stop the action (never silently replaced by defaults). */
/** The lock too: a damaged lock never lets an action through as if the results were not locked. */
const SETTINGS_KEYS: readonly string[] = ["rules", "decision", "lock"];

/**
 * Reads the hidden sheet's values back; a damaged store is reported, never half-read. Every entry
 * is checked (shape, sizes, addresses): a damaged rules or decision entry stops the action with a
 * message; any other damaged entry is set aside and named in `issues`.
 */
export function decodeStore(
  values: readonly (readonly unknown[])[] | null | undefined,
  wanted: (key: string) => boolean = (key) => (KEYS as string[]).includes(key),
  lenient = false,
): DecodedStore {
  if (!values || values.length === 0 || values.every((r) => !Array.isArray(r) || r.every((v) => v === "" || v === null || v === undefined))) {
    return { ok: true, state: {}, issues: [] };
  }
  if (!Array.isArray(values[0]) || values[0][0] !== STORE_MAGIC) {
    return { ok: false, ...both(STORE_MESSAGES, "storeNotOurs", { sheet: STORE_SHEET, magic: STORE_MAGIC }) };
  }
  if (Number(values[0][1]) > STORE_VERSION) {
    return { ok: false, ...both(STORE_MESSAGES, "storeNewer", {}) };
  }
  // Each key's parts, by part number: 0, 1, 2… each once, every number below the rows there are
  // (a part number such as 4294967294 names a part that cannot exist).
  const parts = new Map<string, Map<number, string>>();
  const badParts = new Set<string>();
  for (const row of values.slice(1)) {
    if (!Array.isArray(row)) continue;
    const key = typeof row[0] === "string" ? row[0] : String(row[0] ?? "");
    if (key === "" || !wanted(key)) continue;
    const list = parts.get(key) ?? new Map<number, string>();
    parts.set(key, list);
    const part = typeof row[1] === "number" ? row[1] : Number(String(row[1] ?? "").trim() || NaN);
    if (!Number.isInteger(part) || part < 0 || part >= values.length || list.has(part)) {
      badParts.add(key);
      continue;
    }
    const text = String(row[2] ?? "");
    list.set(part, text.startsWith(GUARD) ? text.slice(1) : text);
  }
  const state: StoreState = {};
  const issues: StoreIssue[] = [];
  for (const [key, list] of parts) {
    let issue: StoreIssue | null = null;
    let value: unknown;
    const ordered: string[] = [];
    for (let i = 0; i < list.size; i++) {
      if (!list.has(i)) break;
      ordered.push(list.get(i)!);
    }
    if (badParts.has(key) || ordered.length !== list.size) issue = { key, problem: storeProblem("badParts", key) };
    else {
      try {
        value = JSON.parse(ordered.join(""));
      } catch {
        issue = { key, problem: storeProblem("badJson", key) };
      }
    }
    if (!issue && key !== "rules") {
      const problem = ENTRY_CHECKS[key]?.(value, key) ?? null;
      if (problem) issue = { key, problem };
    }
    if (!issue && key === "rules" && (typeof value !== "object" || value === null || Array.isArray(value)))
      issue = { key, problem: storeProblem("notObject", key, value) };
    if (!issue) {
      (state as Record<string, unknown>)[key] = value;
      continue;
    }
    // Reading the head alone, an entry may be cut short where the read ended (an older layout): left out.
    if (lenient && !SETTINGS_KEYS.includes(key)) continue;
    if (SETTINGS_KEYS.includes(key))
      return { ok: false, message: storeDamagedMessage(issue, STORE_SHEET, "vi"), messageEn: storeDamagedMessage(issue, STORE_SHEET, "en") };
    issues.push(issue);
  }
  return { ok: true, state, issues };
}
