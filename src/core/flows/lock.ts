/**
 * "Chốt kết quả", "Mở chốt" and the check of a lock, written once against the workbook port
 * (src/core/sheets/port.ts): the add-in (src/excel/lock.ts through ExcelPort) and the command line
 * (`lock`, `unlock`, `verify`: src/cli/lock.ts through XlsxPort) both run them.
 *
 *     lockResults:   refused when locked already → the grid's snapshot scored with the stored rules →
 *                    resultsSnapshot (refused when not scored, or stale) → makeLock → the annex's code line →
 *                    the grid and the annex protected (not a sheet the user protected) → the state with the lock
 *                    and its log entry, the undo journal gone (nothing is undone into locked results)
 *     unlockResults: a reason → the sheets the lock protected unprotected (a wrong password refused where the
 *                    port can tell before writing) → the code line emptied → the state with the unlock
 *                    record and its log entry
 *     verifyLock:    the locked sheet read again and scored with the stored rules, against the lock record
 *
 * The port applies what was queued as one unit: the package when it is saved; Office.js in one batch (the
 * unprotection first, the store, the code line, the protection last).
 */
import { Both, both } from "../base/catalogue";
import { fingerprint } from "../base/hash";
import { parseCell, SHEET_ORIGIN } from "../base/address";
import { scoreSheet } from "../grid/scoring";
import { PRESET_THAI_BINH_2020, Rules, validateRules } from "../rules/rules";
import { SheetSnapshot, TextLook, WorkbookPort } from "../sheets/port";
import {
  annexCodeLine,
  compareWithLock,
  Difference,
  isAnnexCodeLine,
  LOCK_MESSAGES,
  LockRecord,
  makeLock,
  resultsSnapshot,
  snapshotCells,
  UnlockRecord,
} from "../store/lock";
import { LogEntry, logEntry, withLog } from "../store/log";
import { StoreState } from "../store/store";
import { Scored } from "./score";

/** What the lock needs of a port: the sheets, their snapshots and protection, the code line, the store's state. */
export type LockPort = Pick<WorkbookPort, "sheets" | "readSheet" | "isProtected" | "protectSheets" | "unprotectSheets" | "writeText" | "writeStore">;

/** The code line's look, under the annex's notes. */
export const CODE_LOOK: TextLook = { font: { name: "Times New Roman", size: 12, italic: true }, hAlign: "left", vAlign: "center", wrap: false, numFmt: "@" };

export type LockRefused = { ok: false; message: Both; cells: string[] };

const refused = (message: Both, cells: string[] = []): LockRefused => ({ ok: false, message, cells });

/** The refusal of a lock on results locked already (callers ask it first, before reading the grid). */
export const alreadyLocked = (state: StoreState): Both | null =>
  state.lock ? both(LOCK_MESSAGES, "alreadyLocked", { code: state.lock.code, at: state.lock.at }) : null;

/** The sheets a lock protects: the locked grid and the annex the add-in made, when they exist. */
export const lockedSheetNames = (state: StoreState, grid: string, names: readonly string[]): string[] =>
  [grid, ...(state.annex?.sheetName ? [state.annex.sheetName] : [])].filter((n, i, all) => names.includes(n) && all.indexOf(n) === i);

/** The annex the add-in made, when it is still there: where the code line goes. */
export const annexSheetOf = (state: StoreState, names: readonly string[]): string | null =>
  state.annex?.sheetName && names.includes(state.annex.sheetName) ? state.annex.sheetName : null;

/** The code line's row (sheet coordinates): where it is, else two rows under the annex's last row. */
function codeLine(annex: SheetSnapshot): { row: number; found: boolean } {
  const origin = annex.origin ?? SHEET_ORIGIN;
  const at = annex.values.findIndex((row) => isAnnexCodeLine(row[0]));
  return at >= 0 ? { row: origin.row + at, found: true } : { row: origin.row + annex.values.length + 1, found: false };
}

export interface LockInput {
  /** The grid's sheet (the last run's, the active one, --sheet). */
  sheet: string;
  state: StoreState;
  /** The stored rules, checked. */
  rules: Rules;
  /** The grid scored already (the command line scores sheets to find it); scored from the port's snapshot when absent. */
  scored?: Scored;
  at: string;
  by: string;
  via: LogEntry["via"];
  password?: string;
}

export type Locked = { ok: true; lock: LockRecord; state: StoreState; annex: string | null };

/** "Chốt kết quả": queues the code line, the protection and the state with the lock on the port; refused (nothing queued) as above. */
export function lockResults(port: LockPort, input: LockInput): Locked | LockRefused {
  const { state, sheet } = input;
  const already = alreadyLocked(state);
  if (already) return refused(already);
  const snapshot = port.readSheet(sheet);
  const origin = snapshot.origin ?? SHEET_ORIGIN;
  const scored = input.scored ?? scoreSheet(snapshot.values, input.rules, origin);
  if (!scored.ok) return refused(both(LOCK_MESSAGES, "notScored", { sheet }));
  const snap = resultsSnapshot(snapshot.values, scored, sheet, input.rules.json, state.decision, origin);
  if (!snap.ok)
    return snap.code === "notScored"
      ? refused(both(LOCK_MESSAGES, "notScored", { sheet }))
      : refused(both(LOCK_MESSAGES, "staleResults", { sheet, cells: snap.cells }), snap.cells);
  const names = port.sheets().map((s) => s.name);
  // The sheets the user protected already keep their own protection (and unlocking leaves it).
  const ours = lockedSheetNames(state, sheet, names).filter((n) => !port.isProtected(n));
  const by = input.by.trim();
  const lock: LockRecord = { ...makeLock(snap.snapshot, input.at, by), protectedSheets: ours };
  const annex = annexSheetOf(state, names);
  if (annex) port.writeText(annex, codeLine(port.readSheet(annex)).row, 0, annexCodeLine(lock.code), CODE_LOOK);
  port.protectSheets(ours, input.password);
  const { undo: _u, ...kept } = state;
  void _u;
  const after = withLog({ ...kept, rules: input.rules.json, lock }, logEntry({ at: lock.at, action: "lock", by, via: input.via, sheet, note: lock.code }));
  port.writeStore(after);
  return { ok: true, lock, state: after, annex };
}

export interface UnlockInput {
  state: StoreState;
  reason: string;
  at: string;
  by: string;
  via: LogEntry["via"];
  password?: string;
}

export type Unlocked = { ok: true; lock: LockRecord; record: UnlockRecord; state: StoreState };

/** "Mở chốt": queues the unprotection, the code line emptied and the state with the unlock record; refused (nothing queued) without a reason, a lock, or the password. */
export function unlockResults(port: LockPort, input: UnlockInput): Unlocked | LockRefused {
  const { state } = input;
  const reason = input.reason.trim();
  if (!reason) return refused(both(LOCK_MESSAGES, "reasonNeeded", {}));
  const lock = state.lock;
  if (!lock) return refused(both(LOCK_MESSAGES, "notLocked", {}));
  const names = port.sheets().map((s) => s.name);
  // Only the sheets the lock protected, and only if they still are.
  const sheets = (lock.protectedSheets ?? lockedSheetNames(state, lock.sheet, names)).filter((n) => names.includes(n) && port.isProtected(n));
  const wrong = port.unprotectSheets(sheets, input.password);
  if (wrong !== null) return refused(both(LOCK_MESSAGES, "wrongPassword", { sheet: wrong }));
  const annex = annexSheetOf(state, names);
  const line = annex ? codeLine(port.readSheet(annex)) : null;
  if (annex && line?.found) port.writeText(annex, line.row, 0, "");
  const by = input.by.trim();
  const record: UnlockRecord = { code: lock.code, lockedAt: lock.at, lockedBy: lock.by, at: input.at, by, reason };
  const { undo: _u, lock: _l, ...kept } = state;
  void _u;
  void _l;
  const logged = logEntry({ at: record.at, action: "unlock", by, via: input.via, sheet: lock.sheet, note: `${lock.code}: ${reason}` });
  const after = withLog({ ...kept, unlocks: [...(state.unlocks ?? []), record] }, logged);
  port.writeStore(after);
  return { ok: true, lock, record, state: after };
}

/** The workbook as it is now against its lock (`verify`): the locked sheet read again and scored with the stored rules. */
export function verifyLock(port: Pick<WorkbookPort, "sheets" | "readSheet">, state: StoreState, lock: LockRecord): Difference[] {
  const snapshot = port.sheets().some((s) => s.name === lock.sheet) ? port.readSheet(lock.sheet) : null;
  const values = snapshot?.values ?? null;
  const origin = snapshot?.origin ?? SHEET_ORIGIN;
  const checked = validateRules(state.rules ?? PRESET_THAI_BINH_2020);
  let nowCells: [string, string][] = [];
  if (values && checked.ok) {
    const result = scoreSheet(values, checked.rules, origin, "cli");
    if (result.ok) nowCells = snapshotCells(values, result, origin);
  }
  const rulesPrint = checked.ok ? fingerprint(checked.rules.json) : fingerprint(state.rules ?? null);
  return compareWithLock(lock, values, nowCells, rulesPrint, state.decision, (address) => {
    const { row, col } = parseCell(address);
    return values?.[row - origin.row]?.[col - origin.col];
  });
}
