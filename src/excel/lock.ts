/**
 * "Chốt kết quả" and "Mở chốt" in Excel: the same lock as the command line's (core/store/lock.ts), through
 * Office.js in three syncs each: 1 the store and the sheets' names, 2 the grid (and the annex), 3 the
 * write (the sheets protected or unprotected first, then the store and the annex's code line).
 */
import { both, Both, catalogue, entry } from "../core/base/catalogue";
import { annexCodeLine, isAnnexCodeLine, LOCK_MESSAGES, LockRecord, makeLock, resultsSnapshot, UnlockRecord } from "../core/store/lock";
import { StoreState } from "../core/store/store";
import { supports } from "./host";
import { hostRefusal, queueSheetRead, rulesOf } from "./sheet-read";
import { queueStoreRead, queueStoreWrite, writeStore } from "./store";
import { scoreSheet } from "../core/grid/scoring";
import { logEntry, withLog } from "../core/store/log";

export type LockOutcome =
  | ({ kind: "locked"; code: string; sheet: string; annexSheet: string | null } & Both)
  | ({ kind: "unlocked"; code: string } & Both)
  | ({ kind: "refused"; cells: string[] } & Both);

export const EXCEL_LOCK_MESSAGES = catalogue("excel lock", {
  locked: entry({
    vi: (p: { sheet: string; code: string; annex: string | null }) =>
      `Đã chốt kết quả trang “${p.sheet}”. Mã kiểm tra: ${p.code}${p.annex ? ` (in ở cuối trang “${p.annex}”)` : " (tạo phụ lục để in mã này)"}. Từ nay “Tính điểm”, “Gộp phiếu” và “Chuyển mã” không chạy trên sổ tính này cho đến khi “Mở chốt”.`,
    en: (p) =>
      `Locked the results of the sheet “${p.sheet}”. Verification code: ${p.code}${p.annex ? ` (printed at the foot of “${p.annex}”)` : " (create the annex to print it)"}. From now on “Score”, “Merge forms” and “Convert encoding” do not run on this workbook until it is unlocked.`,
    example: { sheet: "Bảng điểm", code: "7F3K-92QD", annex: "Phụ lục" },
  }),
  unlocked: entry({
    vi: (p: { code: string }) => `Đã mở chốt. Mã ${p.code} không còn hiệu lực; lý do đã được ghi lại trong sổ tính.`,
    en: (p) => `Unlocked. The code ${p.code} no longer holds; the reason is recorded in the workbook.`,
    example: { code: "7F3K-92QD" },
  }),
  passwordNeedsNewerExcel: entry({
    vi: (_p: object) => "Khóa bằng mật khẩu cần Excel 2019, Excel 2021 hoặc Microsoft 365. Hãy chốt không mật khẩu, hoặc dùng Excel mới hơn.",
    en: () => "A password needs Excel 2019, Excel 2021 or Microsoft 365. Lock without a password, or use a newer Excel.",
    example: {},
  }),
});

const refused = (m: Both, cells: string[] = []): LockOutcome => ({ kind: "refused", ...m, cells });

/** The sheets a lock protects: the locked grid and the annex the add-in made, when they exist. */
const lockedSheetNames = (state: StoreState, grid: string, names: readonly string[]): string[] =>
  [grid, ...(state.annex?.sheetName ? [state.annex.sheetName] : [])].filter((n, i, all) => names.includes(n) && all.indexOf(n) === i);

/** The row (0-based) of the annex's code line: where it is, else two rows under its last row. */
function codeRow(used: Excel.Range): number {
  if (used.isNullObject) return 0;
  const values = used.values as unknown[][];
  const at = values.findIndex((row) => isAnnexCodeLine(row[0]));
  return at >= 0 ? used.rowIndex + at : used.rowIndex + used.rowCount + 1;
}

/**
 * "Chốt kết quả": freezes the scored sheet's results (the last run's sheet, else the active one), protects
 * it and the annex (with a password only when given), prints the code under the annex. Refused when the
 * results are missing or stale, or already locked. 3 syncs.
 */
export async function lockResults(opts: { by: string; password?: string }, now: () => Date = () => new Date()): Promise<LockOutcome> {
  if (opts.password && !supports("1.7")) return refused(both(EXCEL_LOCK_MESSAGES, "passwordNeedsNewerExcel", {}));
  try {
    return await Excel.run(async (context) => {
      const store = queueStoreRead(context);
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const active = sheets.getActiveWorksheet();
      active.load("name");
      await context.sync(); // 1: the store, the sheets' names
      const state = store.state();
      if (state.lock) return refused(both(LOCK_MESSAGES, "alreadyLocked", { code: state.lock.code, at: state.lock.at }));
      const names = sheets.items.map((s) => s.name);
      const gridName = state.lastRun?.sheet && names.includes(state.lastRun.sheet) ? state.lastRun.sheet : active.name;
      const read = queueSheetRead(sheets.getItem(gridName), "values");
      const protect = lockedSheetNames(state, gridName, names).map((name) => {
        const ws = sheets.getItem(name);
        ws.protection.load("protected");
        return { name, ws };
      });
      const annexName = state.annex?.sheetName && names.includes(state.annex.sheetName) ? state.annex.sheetName : null;
      const annexUsed = annexName ? sheets.getItem(annexName).getUsedRangeOrNullObject(true) : null;
      annexUsed?.load("values, rowIndex, rowCount");
      await context.sync(); // 2: the grid, the annex, the sheets' protection

      const sheet = read.result();
      const rules = rulesOf(state);
      const scored = scoreSheet(sheet.values, rules, sheet.origin);
      if (!scored.ok) return refused(both(LOCK_MESSAGES, "notScored", { sheet: sheet.name }));
      const snap = resultsSnapshot(sheet.values, scored, sheet.name, rules.json, state.decision, sheet.origin);
      if (!snap.ok)
        return snap.code === "notScored"
          ? refused(both(LOCK_MESSAGES, "notScored", { sheet: sheet.name }))
          : refused(both(LOCK_MESSAGES, "staleResults", { sheet: sheet.name, cells: snap.cells }), snap.cells);
      // The sheets the user protected already keep their own protection (and unlocking leaves it).
      const ours = protect.filter((p) => !p.ws.protection.protected);
      const lock: LockRecord = { ...makeLock(snap.snapshot, now().toISOString(), opts.by.trim()), protectedSheets: ours.map((p) => p.name) };
      // The undo journal goes: nothing written before the lock is undone into locked results.
      const { undo: _u, ...kept } = state;
      void _u;
      // The store and the code line first, then the protection (a protected annex would refuse the line).
      const logged = logEntry({ at: lock.at, action: "lock", by: lock.by, via: "pane", sheet: sheet.name, note: lock.code });
      await queueStoreWrite(context, store, withLog({ ...kept, rules: rules.json, lock }, logged));
      if (annexName && annexUsed) {
        const cell = sheets.getItem(annexName).getCell(codeRow(annexUsed), 0);
        cell.values = [[annexCodeLine(lock.code)]];
        cell.format.font.italic = true;
        cell.format.font.name = "Times New Roman";
        cell.format.font.size = 12;
      }
      const options = { allowFormatColumns: true, allowFormatRows: true };
      for (const p of ours) {
        if (opts.password) p.ws.protection.protect(options, opts.password);
        else p.ws.protection.protect(options);
      }
      await context.sync(); // 3: store, code line, protection
      return {
        kind: "locked",
        code: lock.code,
        sheet: sheet.name,
        annexSheet: annexName,
        ...both(EXCEL_LOCK_MESSAGES, "locked", { sheet: sheet.name, code: lock.code, annex: annexName }),
      };
    });
  } catch (e) {
    return hostRefusal(e);
  }
}

/**
 * "Mở chốt": with a reason (recorded with who and when), unprotects the sheets the lock protected
 * (a wrong password stops the batch before anything else changes) and removes the annex's code line. 3 syncs.
 */
export async function unlockResults(opts: { by: string; reason: string; password?: string }, now: () => Date = () => new Date()): Promise<LockOutcome> {
  if (!opts.reason.trim()) return refused(both(LOCK_MESSAGES, "reasonNeeded", {}));
  if (opts.password && !supports("1.7")) return refused(both(EXCEL_LOCK_MESSAGES, "passwordNeedsNewerExcel", {}));
  try {
    return await Excel.run(async (context) => {
      const store = queueStoreRead(context);
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync(); // 1: the store, the sheets' names
      const state = store.state();
      const lock = state.lock;
      if (!lock) return refused(both(LOCK_MESSAGES, "notLocked", {}));
      const names = sheets.items.map((s) => s.name);
      const ours = (lock.protectedSheets ?? lockedSheetNames(state, lock.sheet, names)).filter((n) => names.includes(n));
      const protections = ours.map((name) => {
        const p = sheets.getItem(name).protection;
        p.load("protected");
        return p;
      });
      const annexName = state.annex?.sheetName && names.includes(state.annex.sheetName) ? state.annex.sheetName : null;
      const annexUsed = annexName ? sheets.getItem(annexName).getUsedRangeOrNullObject(true) : null;
      annexUsed?.load("values, rowIndex, rowCount");
      await context.sync(); // 2: the protection, the annex

      // Unprotected first: a wrong password stops the batch here, before the store or the annex change.
      protections.forEach((p) => {
        if (!p.protected) return;
        if (opts.password) p.unprotect(opts.password);
        else p.unprotect();
      });
      if (annexName && annexUsed && !annexUsed.isNullObject) {
        const values = annexUsed.values as unknown[][];
        const at = values.findIndex((row) => isAnnexCodeLine(row[0]));
        if (at >= 0) sheets.getItem(annexName).getCell(annexUsed.rowIndex + at, 0).values = [[""]];
      }
      const record: UnlockRecord = {
        code: lock.code,
        lockedAt: lock.at,
        lockedBy: lock.by,
        at: now().toISOString(),
        by: opts.by.trim(),
        reason: opts.reason.trim(),
      };
      const { undo: _u, lock: _l, ...kept } = state;
      void _u;
      void _l;
      const logged = logEntry({ at: record.at, action: "unlock", by: record.by, via: "pane", sheet: lock.sheet, note: `${lock.code}: ${record.reason}` });
      await writeStore(context, store, withLog({ ...kept, unlocks: [...(state.unlocks ?? []), record] }, logged)); // 3
      return { kind: "unlocked", code: lock.code, ...both(EXCEL_LOCK_MESSAGES, "unlocked", { code: lock.code }) };
    });
  } catch (e) {
    return hostRefusal(e);
  }
}
