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
import { cellAddress, parseCell, SHEET_ORIGIN } from "../base/address";
import { Finding } from "../findings/findings";
import { RowResult, scoreSheet } from "../grid/scoring";
import { DecisionMetadata } from "../rules/metadata";
import { buildAnnex } from "../sheets/annex";
import { annexMetadata } from "./annex";
import { PRESET_THAI_BINH_2020, Rules, validateRules } from "../rules/rules";
import { SheetSnapshot, TextLook, WorkbookPort } from "../sheets/port";
import {
  annexCodeLine,
  cellText,
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

export type LockRefused = { ok: false; message: Both; cells: string[]; errors?: Finding[] };

const refused = (message: Both, cells: string[] = []): LockRefused => ({ ok: false, message, cells });

/** The lock's log note when it was confirmed with errors still in the grid: the code and the cells confirmed. */
export const lockedWithErrorsNote = (code: string, errors: readonly Finding[]): string =>
  `${code}; xác nhận chốt khi còn ${errors.length} lỗi: ${errors
    .slice(0, 20)
    .map((f) => f.cell)
    .join(", ")}${errors.length > 20 ? "…" : ""}`;

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

/**
 * The annex sheet against the annex the results give: the annex described again (buildAnnex) from the scored
 * rows, the rules and the stored decision, its every cell compared with the sheet's (the table's columns found by
 * their header, so last year's columns, when the annex shows them, stay out; the code line stays out). Each
 * differing cell is a difference "Phụ lục!J11" with the text the results give (`locked`) and the sheet's (`now`).
 */
export function annexAgainstResults(
  annex: { name: string; snapshot: SheetSnapshot },
  rules: Rules,
  rows: readonly RowResult[],
  decision: Partial<DecisionMetadata> | undefined,
  grid: { values: readonly (readonly unknown[])[]; headerTop: number },
): Difference[] {
  const { values } = annex.snapshot;
  const origin = annex.snapshot.origin ?? SHEET_ORIGIN;
  const at = (row: number, col: number) => values[row - origin.row]?.[col - origin.col];
  // The add-in takes a province not given from the grid's title, the command line does not: either annex is one the tool made.
  const metas = [annexMetadata(decision, grid.values, grid.headerTop), annexMetadata(decision, grid.values, grid.headerTop, { provinceFromTitle: true })];
  let best: Difference[] | null = null;
  for (const checked of metas) {
    if (!checked.ok) continue;
    const expected = buildAnnex(rules, rows, checked.meta);
    const { headerRow, lastRow } = expected.table;
    const headers = (values[headerRow - origin.row] ?? []).map((v) => cellText(v).trim());
    const colOf = new Map<number, number>();
    for (const c of expected.cells) {
      const found = c.row === headerRow ? headers.indexOf(c.text.trim()) : -1;
      if (found >= 0) colOf.set(c.col, found + origin.col);
    }
    const differences: Difference[] = [];
    for (const c of expected.cells) {
      const col = c.row >= headerRow && c.row <= lastRow ? (colOf.get(c.col) ?? c.col) : c.col;
      const printed = at(c.row, col);
      if (isAnnexCodeLine(printed)) continue;
      const now = cellText(printed);
      if (now.trim() !== c.text.trim()) differences.push({ cell: `${annex.name}!${cellAddress(c.row, col)}`, locked: c.text, now });
    }
    if (best === null || differences.length < best.length) best = differences;
  }
  return best ?? [];
}

/** The error findings a lock stops at (unless confirmed): the cells the annex gate names too. */
export const errorFindings = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.severity === "error");

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
  /** The error findings still in the grid were shown and the user chose to lock anyway (logged with the lock). */
  confirmErrors?: boolean;
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
  // As the annex does: the errors still in the grid stop the lock until fixed, or until the user confirms them.
  const errors = errorFindings(scored.findings);
  if (errors.length > 0 && !input.confirmErrors) {
    const cells = errors.map((f) => f.cell);
    return { ...refused(both(LOCK_MESSAGES, "errorsNotFixed", { errors, where: input.via === "cli" ? "cli" : "pane" }), cells), errors };
  }
  const annexName = annexSheetOf(state, names);
  // The code proves the printed annex too: an annex that does not say what the results say is not locked.
  if (annexName) {
    const differing = annexAgainstResults({ name: annexName, snapshot: port.readSheet(annexName) }, input.rules, scored.rows, state.decision, {
      values: snapshot.values,
      headerTop: scored.layout.headerTop,
    });
    if (differing.length > 0)
      return refused(
        both(LOCK_MESSAGES, "annexNotResults", { sheet: annexName, differences: differing }),
        differing.map((d) => d.cell),
      );
  }
  // The sheets the user protected already keep their own protection (and unlocking leaves it).
  const ours = lockedSheetNames(state, sheet, names).filter((n) => !port.isProtected(n));
  const by = input.by.trim();
  const lock: LockRecord = { ...makeLock(snap.snapshot, input.at, by), protectedSheets: ours };
  const annex = annexName;
  if (annex) port.writeText(annex, codeLine(port.readSheet(annex)).row, 0, annexCodeLine(lock.code), CODE_LOOK);
  port.protectSheets(ours, input.password);
  const { undo: _u, ...kept } = state;
  void _u;
  const after = withLog(
    { ...kept, rules: input.rules.json, lock },
    logEntry({ at: lock.at, action: "lock", by, via: input.via, sheet, note: errors.length > 0 ? lockedWithErrorsNote(lock.code, errors) : lock.code }),
  );
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
  const result = values && checked.ok ? scoreSheet(values, checked.rules, origin, "cli") : null;
  if (values && result?.ok) nowCells = snapshotCells(values, result, origin);
  const rulesPrint = checked.ok ? fingerprint(checked.rules.json) : fingerprint(state.rules ?? null);
  const differences = compareWithLock(lock, values, nowCells, rulesPrint, state.decision, (address) => {
    const { row, col } = parseCell(address);
    return values?.[row - origin.row]?.[col - origin.col];
  });
  // The printed annex against the locked results: compared when the grid still holds them (else its differences say enough).
  const annex = annexSheetOf(
    state,
    port.sheets().map((s) => s.name),
  );
  if (differences.length === 0 && annex && values && checked.ok && result?.ok)
    differences.push(
      ...annexAgainstResults({ name: annex, snapshot: port.readSheet(annex) }, checked.rules, result.rows, state.decision, {
        values,
        headerTop: result.layout.headerTop,
      }),
    );
  return differences;
}
