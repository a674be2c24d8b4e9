/**
 * "Chốt kết quả": the results of a scored sheet frozen as a list of cells (agency names, group scores,
 * Tổng điểm, Chỉ số, Phân loại, Xếp hạng), with the rules' fingerprint and the decision's number and
 * date. Their SHA-256 is the lock's fingerprint; its first 40 bits, in an alphabet without look-alike
 * characters, are the verification code printed on the annex ("Mã kiểm tra: 7F3K-92QD").
 *
 * Verification reads the same cells again and names every one that differs. The code is not a
 * signature: it has no secret, so whoever has the tool can lock other results and print their code.
 * It proves that a workbook's results are the ones an annex bearing the code was printed from
 * (docs/record.md).
 */
import { cellAddress, Origin, parseCell, SHEET_ORIGIN } from "../base/address";
import { both, Both, catalogue, ddmmyyyy, entry, hhmm } from "../base/catalogue";
import { sheetColumns } from "../grid/columns";
import { canonicalJson, fingerprint as rulesFingerprint } from "../base/hash";
import { DecisionMetadata } from "../rules/metadata";
import { RulesJson } from "../rules/rules";
import { ScoreResult } from "../grid/scoring";
import { sha256 } from "../base/sha256";
import { checkStale } from "../grid/stale";
import { Finding } from "../findings/findings";

type Scored = Extract<ScoreResult, { ok: true }>;

/** 32 characters, none mistaken for another when read aloud or off paper: no 0/O, no 1/I. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** What a lock freezes: each cell's text by address, the rules' fingerprint, the decision's number and date. */
export interface ResultsSnapshot {
  sheet: string;
  /** [A1 address, the cell's text] in sheet order, row by row. */
  cells: [string, string][];
  rules: string;
  decision: { number: string; date: string };
}

/** The `lock` entry of the store. */
export interface LockRecord extends ResultsSnapshot {
  /** SHA-256 of the snapshot (canonical JSON), 64 hex digits. */
  fingerprint: string;
  /** "7F3K-92QD": the fingerprint's first 40 bits. */
  code: string;
  at: string;
  by: string;
  /** The sheets the lock protected (a sheet the user had protected keeps its own protection when unlocked). */
  protectedSheets?: string[];
}

/** A lock undone: when, by whom, why, and which code it carried. */
export interface UnlockRecord {
  code: string;
  lockedAt: string;
  lockedBy: string;
  at: string;
  by: string;
  reason: string;
}

/** A cell's text as a lock compares it: numbers as JavaScript writes them, text in NFC, nothing as "". */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.normalize("NFC");
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** The columns a lock reads on each agency's row: the name, the blocks, the groups, the results. */
function lockedColumns(result: Scored): number[] {
  const { layout, rules } = result;
  const results = sheetColumns(rules).map((c) => layout.resultCols[c.kind as keyof typeof layout.resultCols]);
  const cols = [layout.nameCol, ...(layout.blockCol !== null ? [layout.blockCol] : []), ...layout.groupCols.filter((c) => c >= 0), ...results];
  return cols.filter((c): c is number => typeof c === "number" && c >= 0);
}

/** The cells a lock reads on a scored sheet, [address, text], row by row (whether or not its results are fresh). */
export function snapshotCells(values: readonly (readonly unknown[])[], result: Scored, origin: Origin = SHEET_ORIGIN): [string, string][] {
  const cols = lockedColumns(result);
  const cells: [string, string][] = [];
  for (const r of result.rows) for (const c of cols) cells.push([cellAddress(r.row, c, origin), cellText(values[r.row]?.[c])]);
  return cells;
}

export type SnapshotOutcome = { ok: true; snapshot: ResultsSnapshot } | { ok: false; code: "notScored" | "staleResults"; cells: string[] };

/**
 * The results to lock: refused when the sheet has no result columns, or when they do not match the
 * scores (Tính điểm first): a lock freezes results the scores give, never stale ones.
 */
export function resultsSnapshot(
  values: readonly (readonly unknown[])[],
  result: Scored,
  sheet: string,
  rules: RulesJson,
  decision: Partial<DecisionMetadata> | undefined,
  origin: Origin = SHEET_ORIGIN,
): SnapshotOutcome {
  const missing = sheetColumns(result.rules).filter((c) => result.layout.resultCols[c.kind as keyof typeof result.layout.resultCols] === undefined);
  const stale = checkStale(values, result, origin);
  if (missing.length > 0 || !stale.hasResults) return { ok: false, code: "notScored", cells: [] };
  if (stale.stale) return { ok: false, code: "staleResults", cells: stale.agencies.flatMap((a) => a.cells) };
  const cells = snapshotCells(values, result, origin);
  return { ok: true, snapshot: { sheet, cells, rules: rulesFingerprint(rules), decision: { number: decision?.number ?? "", date: decision?.date ?? "" } } };
}

/** SHA-256 of the snapshot's canonical JSON (keys sorted, texts in NFC). */
export const snapshotFingerprint = (s: ResultsSnapshot): string =>
  sha256(canonicalJson({ sheet: s.sheet, cells: s.cells, rules: s.rules, decision: { number: s.decision.number, date: s.decision.date } }));

/** "7F3K-92QD": the fingerprint's first 40 bits, 5 bits a character. */
export function verificationCode(fingerprintHex: string): string {
  let bits = "";
  for (const h of fingerprintHex.slice(0, 10)) bits += parseInt(h, 16).toString(2).padStart(4, "0");
  let code = "";
  for (let i = 0; i < 40; i += 5) code += CODE_ALPHABET[parseInt(bits.slice(i, i + 5), 2)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A code as typed ("7f3k 92qd", "7F3K92QD") in its printed form, or null when it cannot be one. */
export function normaliseCode(typed: string): string | null {
  const plain = typed.toUpperCase().replace(/[\s\-–.]/g, "");
  if (plain.length !== 8 || [...plain].some((ch) => !CODE_ALPHABET.includes(ch))) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4)}`;
}

export function makeLock(snapshot: ResultsSnapshot, at: string, by: string): LockRecord {
  const fingerprint = snapshotFingerprint(snapshot);
  return { ...snapshot, fingerprint, code: verificationCode(fingerprint), at, by };
}

/** The line the annex prints under its notes. */
export const annexCodeLine = (code: string): string => `Mã kiểm tra: ${code}`;
/** Whether an annex cell holds the code line (a lock made again replaces it). */
export const isAnnexCodeLine = (v: unknown): boolean => typeof v === "string" && v.startsWith("Mã kiểm tra: ");

export interface Difference {
  /** An A1 address on the locked sheet, or "rules", "decision.number", "decision.date", "lock" (the record itself). */
  cell: string;
  locked: string;
  now: string;
}

/**
 * The workbook now against its lock: every locked cell read again, the cells of agencies added since
 * (from `now`, a snapshot of the sheet as it is, when it still scores), the rules and the decision. A
 * lock record edited by hand (its cells no longer give its fingerprint, or its fingerprint its code) is
 * a difference of its own ("lock").
 */
export function compareWithLock(
  lock: LockRecord,
  values: readonly (readonly unknown[])[] | null,
  nowCells: readonly (readonly [string, string])[],
  rules: string,
  decision: { number?: string; date?: string } | undefined,
  read: (address: string) => unknown,
): Difference[] {
  const differences: Difference[] = [];
  const recomputed = snapshotFingerprint(lock);
  if (recomputed !== lock.fingerprint || verificationCode(recomputed) !== lock.code)
    differences.push({ cell: "lock", locked: lock.code, now: verificationCode(recomputed) });
  const locked = new Map(lock.cells);
  for (const [address, text] of lock.cells) {
    const now = values === null ? "" : cellText(read(address));
    if (now !== text) differences.push({ cell: address, locked: text, now });
  }
  for (const [address, text] of nowCells) if (!locked.has(address) && text !== "") differences.push({ cell: address, locked: "", now: text });
  if (rules !== lock.rules) differences.push({ cell: "rules", locked: lock.rules, now: rules });
  const number = decision?.number ?? "";
  const date = decision?.date ?? "";
  if (number !== lock.decision.number) differences.push({ cell: "decision.number", locked: lock.decision.number, now: number });
  if (date !== lock.decision.date) differences.push({ cell: "decision.date", locked: lock.decision.date, now: date });
  return differences;
}

/**
 * A scored sheet against the workbook's lock, as `verify` compares it (cells by address on the sheet,
 * agencies added since, the rules, the decision): what an annex made again while locked would print
 * under the lock's code. Another sheet than the locked one is a difference of its own ("sheet").
 */
export function sheetAgainstLock(
  lock: LockRecord,
  sheet: string,
  values: readonly (readonly unknown[])[],
  result: Scored,
  rules: RulesJson,
  decision: Partial<DecisionMetadata> | undefined,
  origin: Origin = SHEET_ORIGIN,
): Difference[] {
  if (sheet !== lock.sheet) return [{ cell: "sheet", locked: lock.sheet, now: sheet }];
  return compareWithLock(lock, values, snapshotCells(values, result, origin), rulesFingerprint(rules), decision, (address) => {
    const { row, col } = parseCell(address);
    return values[row - origin.row]?.[col - origin.col];
  });
}

/** The actions a lock stops. */
export type LockedAction = "score" | "merge" | "encoding" | "conclusion" | "undo";

const ACTION = {
  score: { vi: "Tính điểm", en: "Score" },
  merge: { vi: "Gộp phiếu", en: "Merge forms" },
  encoding: { vi: "Chuyển mã", en: "Convert encoding" },
  conclusion: { vi: "Ghi kết luận", en: "Record conclusions" },
  undo: { vi: "Hoàn tác", en: "Undo" },
} as const;

/** "09:30 07/12/2026", in the local time zone. */
export const lockTime = (iso: string): string => `${hhmm(iso)} ${ddmmyyyy(iso)}`;
const when = lockTime;

const ERROR_EXAMPLE = { cell: "H10", agency: "Sở Y tế", group: "Hạ tầng kỹ thuật", value: "55" } as Finding;
const errorCells = (errors: readonly Finding[], empty: string): string =>
  errors
    .slice(0, 10)
    .map((f) => `${f.cell} (${f.agency}${f.group ? `, ${f.group}` : ""}: ${f.value || empty})`)
    .join("; ") + (errors.length > 10 ? "…" : "");
const annexCells = (differences: readonly Difference[], results: string, empty: string): string =>
  differences
    .slice(0, 10)
    .map((d) => `${d.cell}: ${d.now || empty}, ${results} ${d.locked || empty}`)
    .join("; ") + (differences.length > 10 ? "…" : "");

/** The places of a difference that are not cells, as a reader names them. */
const PLACE: Record<string, { vi: string; en: string }> = {
  rules: { vi: "quy tắc chấm điểm", en: "scoring rules" },
  "decision.number": { vi: "số quyết định", en: "decision number" },
  "decision.date": { vi: "ngày quyết định", en: "decision date" },
  lock: { vi: "bản ghi chốt", en: "lock record" },
};

export const LOCK_MESSAGES = catalogue("lock", {
  locked: entry({
    vi: (p: { action: LockedAction; code: string; at: string; by: string }) =>
      `Kết quả đã được chốt (mã kiểm tra ${p.code}, lúc ${when(p.at)}${p.by ? `, bởi ${p.by}` : ""}): không ${ACTION[p.action].vi} được nữa. Nếu thật sự cần sửa, hãy “Mở chốt” (ghi rõ lý do) trong mục “Phụ lục”, hoặc lệnh unlock của công cụ dòng lệnh. Chưa có ô nào bị thay đổi.`,
    en: (p) =>
      `The results are locked (verification code ${p.code}, at ${when(p.at)}${p.by ? `, by ${p.by}` : ""}): “${ACTION[p.action].en}” is no longer possible. If a change is really needed, “Unlock” (with a reason) on the Annex tab, or with the command line's unlock. No cell has been changed.`,
    example: { action: "score", code: "7F3K-92QD", at: "2026-12-07T09:30:00.000Z", by: "Nguyễn Văn A" },
  }),
  notScored: entry({
    vi: (p: { sheet: string }) => `Chưa chốt được: trang “${p.sheet}” chưa có kết quả (Tổng điểm, Chỉ số, Xếp hạng). Hãy “Tính điểm” trước khi chốt.`,
    en: (p) => `Cannot lock: the sheet “${p.sheet}” has no results yet (“Tổng điểm”, “Chỉ số”, “Xếp hạng”). Score it before locking.`,
    example: { sheet: "Bảng điểm" },
  }),
  staleResults: entry({
    vi: (p: { sheet: string; cells: string[] }) =>
      `Chưa chốt được: kết quả trên trang “${p.sheet}” không còn khớp với điểm (ô ${p.cells.slice(0, 10).join(", ")}${p.cells.length > 10 ? "…" : ""}). Hãy “Tính điểm” lại rồi chốt.`,
    en: (p) =>
      `Cannot lock: the results on the sheet “${p.sheet}” no longer match the scores (cells ${p.cells.slice(0, 10).join(", ")}${p.cells.length > 10 ? "…" : ""}). Score again, then lock.`,
    example: { sheet: "Bảng điểm", cells: ["K7", "L7"] },
  }),
  alreadyLocked: entry({
    vi: (p: { code: string; at: string }) => `Kết quả đã được chốt từ ${when(p.at)} (mã kiểm tra ${p.code}). Muốn chốt lại, hãy “Mở chốt” trước.`,
    en: (p) => `The results have been locked since ${when(p.at)} (verification code ${p.code}). To lock again, unlock first.`,
    example: { code: "7F3K-92QD", at: "2026-12-07T09:30:00.000Z" },
  }),
  notLocked: entry({
    vi: (_p: object) => "Sổ tính này chưa được chốt kết quả.",
    en: () => "This workbook's results are not locked.",
    example: {},
  }),
  notLockedFile: entry({
    vi: (p: { file: string }) =>
      `Sổ tính “${p.file}” chưa được chốt kết quả, nên chưa có gì để kiểm tra. Hãy chốt trước: lệnh “xep-hang-cntt lock ${p.file} -o TỆP-ĐÃ-CHỐT.xlsx”, hoặc nút “Chốt kết quả” trong add-in (mục “Phụ lục”).`,
    en: (p) =>
      `The workbook “${p.file}” has no locked results, so there is nothing to verify. Lock it first: “xep-hang-cntt lock ${p.file} -o LOCKED.xlsx”, or “Lock results” in the add-in (Annex tab).`,
    example: { file: "danh-gia-2020.xlsx" },
  }),
  errorsNotFixed: entry({
    vi: (p: { errors: readonly Finding[]; where: "pane" | "cli" }) =>
      `Chưa chốt được: bảng điểm còn ${p.errors.length} lỗi chưa sửa, mã kiểm tra sẽ chứng nhận các số liệu sai này: ${errorCells(p.errors, "trống")}. Hãy sửa các ô đó, “Tính điểm” lại rồi chốt; hoặc ${p.where === "cli" ? "chạy lại với --confirm-errors" : "xác nhận"} để vẫn chốt (việc xác nhận được ghi vào nhật ký). Chưa ghi gì.`,
    en: (p) =>
      `Cannot lock: the score table still has ${p.errors.length} error${p.errors.length === 1 ? "" : "s"} not yet fixed, and the code would certify these wrong figures: ${errorCells(p.errors, "empty")}. Correct those cells, score again and lock; or ${p.where === "cli" ? "run again with --confirm-errors" : "confirm"} to lock anyway (the confirmation is logged). Nothing was written.`,
    example: { errors: [ERROR_EXAMPLE], where: "cli" },
  }),
  annexNotResults: entry({
    vi: (p: { sheet: string; differences: readonly Difference[] }) =>
      `Chưa chốt được: trang “${p.sheet}” không ghi đúng kết quả và quyết định đã lưu (${p.differences.length} ô): ${annexCells(p.differences, "kết quả", "trống")}. Mã kiểm tra in trên phụ lục phải chứng minh đúng những gì phụ lục ghi — hãy “Tạo phụ lục” lại (hoặc “score --annex”) rồi chốt. Chưa ghi gì.`,
    en: (p) =>
      `Cannot lock: the sheet “${p.sheet}” does not say what the results and the stored decision say (${p.differences.length} cell${p.differences.length === 1 ? "" : "s"}): ${annexCells(p.differences, "the results give", "empty")}. The code printed on the annex must prove what the annex says — create the annex again (or “score --annex”), then lock. Nothing was written.`,
    example: { sheet: "Phụ lục", differences: [{ cell: "Phụ lục!J11", locked: "61,5", now: "999" }] },
  }),
  reasonNeeded: entry({
    vi: (_p: object) => "Mở chốt cần ghi lý do (ví dụ: “Hội đồng điều chỉnh điểm Sở Y tế theo kiến nghị”).",
    en: () => "Unlocking needs a reason (for example: “The council adjusted Sở Y tế's score after its reply”).",
    example: {},
  }),
  badCode: entry({
    vi: (p: { code: string }) => `“${p.code}” không phải là mã kiểm tra (8 ký tự như 7F3K-92QD, không có chữ O, I, số 0, 1).`,
    en: (p) => `“${p.code}” is not a verification code (8 characters like 7F3K-92QD, without the letters O, I or the digits 0, 1).`,
    example: { code: "7F3K-92Q0" },
  }),
  annexDiffersFromLock: entry({
    vi: (p: { code: string; cells: string[] }) =>
      `Kết quả đã được chốt (mã kiểm tra ${p.code}) nhưng sổ tính không còn khớp với bản chốt (${p.cells
        .slice(0, 10)
        .map((c) => PLACE[c]?.vi ?? c)
        .join(
          ", ",
        )}${p.cells.length > 10 ? "…" : ""}): phụ lục tạo lúc này sẽ in mã ${p.code} dưới những số liệu mà mã đó không chứng minh, nên không tạo. Hãy trả các ô ấy về như lúc chốt (xem “xep-hang-cntt verify”), hoặc “Mở chốt” (ghi lý do), “Tính điểm” rồi chốt lại.`,
    en: (p) =>
      `The results are locked (verification code ${p.code}) but the workbook no longer matches the lock (${p.cells
        .slice(0, 10)
        .map((c) => PLACE[c]?.en ?? c)
        .join(
          ", ",
        )}${p.cells.length > 10 ? "…" : ""}): an annex made now would print ${p.code} under numbers that code does not prove, so it is not made. Put those cells back as they were locked (see “xep-hang-cntt verify”), or unlock (with a reason), score and lock again.`,
    example: { code: "7F3K-92QD", cells: ["D12", "decision.number"] },
  }),
  annexWhileLockedCli: entry({
    vi: (p: { code: string; at: string; by: string }) =>
      `Kết quả đã được chốt (mã kiểm tra ${p.code}, lúc ${when(p.at)}${p.by ? `, bởi ${p.by}` : ""}): “score -o” không ghi vào sổ tính đã chốt, kể cả với --annex (lệnh này ghi lại cột kết quả). Phụ lục của kết quả đã chốt được tạo trong add-in (Phụ lục → Tạo phụ lục: in mã và được khóa lại như lúc chốt); hoặc “unlock --reason”, “score --annex -o”, rồi “lock” lại: cùng kết quả, cùng quy tắc và cùng số, ngày quyết định thì cùng mã ${p.code}. Chưa ghi gì.`,
    en: (p) =>
      `The results are locked (verification code ${p.code}, at ${when(p.at)}${p.by ? `, by ${p.by}` : ""}): “score -o” does not write to a locked workbook, not even with --annex (it writes the result columns again). The annex of locked results is made in the add-in (Annex → Create the annex: it prints the code and is protected as the lock protects it); or “unlock --reason”, “score --annex -o”, then “lock” again: the same results, rules and decision give the same code ${p.code}. Nothing was written.`,
    example: { code: "7F3K-92QD", at: "2026-12-07T09:30:00.000Z", by: "Nguyễn Văn A" },
  }),
  lockedSheetGone: entry({
    vi: (p: { sheet: string }) => `Không còn trang “${p.sheet}” mà kết quả được chốt trên đó.`,
    en: (p) => `The sheet “${p.sheet}” whose results were locked is no longer there.`,
    example: { sheet: "Bảng điểm" },
  }),
  wrongPassword: entry({
    vi: (p: { sheet: string }) => `Mật khẩu không đúng (trang “${p.sheet}” được khóa bằng mật khẩu khác, hoặc cần mật khẩu đã dùng khi chốt). Chưa ghi gì.`,
    en: (p) => `Wrong password (the sheet “${p.sheet}” is protected with another password, or the password used to lock is needed). Nothing was written.`,
    example: { sheet: "Bảng điểm" },
  }),
});

/** The refusal of an action on a locked workbook, in both languages. */
export const lockRefusal = (lock: LockRecord, action: LockedAction): Both =>
  both(LOCK_MESSAGES, "locked", { action, code: lock.code, at: lock.at, by: lock.by });
