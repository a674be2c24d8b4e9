/**
 * "Chốt kết quả" and "Mở chốt" in Excel: the core's flows (src/core/flows/lock.ts) through ExcelPort, as the
 * command line runs them on the package, in three syncs each: 1 the store and the sheets, 2 the grid (lock),
 * the annex and the protection of the sheets concerned, 3 the write (ExcelPort.apply: the unprotection first,
 * the store, the annex's code line, the protection last).
 */
import { both, Both, catalogue, entry } from "../core/base/catalogue";
import { alreadyLocked, annexSheetOf, lockedSheetNames, lockResults as lockFlow, unlockResults as unlockFlow } from "../core/flows/lock";
import { SheetInfo } from "../core/sheets/port";
import { LOCK_MESSAGES } from "../core/store/lock";
import { supports } from "./host";
import { ExcelPort, ExcelRead, sheetState } from "./port";
import { hostRefusal, queueSheetRead, rulesOf, SheetData } from "./sheet-read";
import { queueStoreRead, StoreRead } from "./store";

export type LockOutcome =
  | ({ kind: "locked"; code: string; sheet: string; annexSheet: string | null } & Both)
  | ({ kind: "unlocked"; code: string } & Both)
  | ({ kind: "refused"; cells: string[] } & Both)
  /** Error findings still in the grid: the pane asks, and "Vẫn chốt" runs the lock again with confirmErrors. */
  | ({ kind: "needsConfirmation"; cells: string[] } & Both);

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

/** "Mở chốt" reads no grid: its port answers for the annex and the protection of the sheets the lock protected. */
const NO_GRID: SheetData = { name: "", values: [], formulas: [], numberFormat: [], origin: { row: 0, col: 0 }, protected: false };

/** Sync 2's loads: the grid (to lock), the annex (its code line), the protection of the sheets the action protects or unprotects. */
function queueLockRead(
  sheets: Excel.WorksheetCollection,
  infos: SheetInfo[],
  store: StoreRead,
  grid: string | null,
  annex: string | null,
  guarded: readonly string[],
): () => ExcelRead {
  const gridRead = grid ? queueSheetRead(sheets.getItem(grid), "values") : null;
  const annexRead = annex ? queueSheetRead(sheets.getItem(annex), "values") : null;
  const protections = guarded
    .filter((n) => n !== grid && n !== annex)
    .map((name) => {
      const protection = sheets.getItem(name).protection;
      protection.load("protected");
      return { name, protection };
    });
  return () => {
    const annexData = annexRead?.result();
    const protection = new Map(protections.map((p) => [p.name, p.protection.protected]));
    if (annexData) protection.set(annexData.name, annexData.protected);
    return { sheets: infos, grid: gridRead?.result() ?? NO_GRID, store, others: annexData ? new Map([[annexData.name, annexData]]) : undefined, protection };
  };
}

/** Sync 1: the store, the sheets (names and states), the active sheet's name. */
async function firstRead(context: Excel.RequestContext) {
  const store = queueStoreRead(context);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name, items/visibility");
  const active = sheets.getActiveWorksheet();
  active.load("name");
  await context.sync(); // 1
  const infos: SheetInfo[] = sheets.items.map((s) => ({ name: s.name, state: sheetState(s.visibility) }));
  return { store, sheets, active: active.name, infos, names: infos.map((s) => s.name), state: store.state() };
}

/**
 * "Chốt kết quả": freezes the scored sheet's results (the last run's sheet, else the active one), protects
 * it and the annex (with a password only when given), prints the code under the annex. Refused when the
 * results are missing or stale, or already locked. 3 syncs.
 */
export async function lockResults(opts: { by: string; password?: string; confirmErrors?: boolean }, now: () => Date = () => new Date()): Promise<LockOutcome> {
  if (opts.password && !supports("1.7")) return refused(both(EXCEL_LOCK_MESSAGES, "passwordNeedsNewerExcel", {}));
  try {
    return await Excel.run(async (context) => {
      const { store, sheets, active, infos, names, state } = await firstRead(context);
      const already = alreadyLocked(state);
      if (already) return refused(already);
      const grid = state.lastRun?.sheet && names.includes(state.lastRun.sheet) ? state.lastRun.sheet : active;
      const read = queueLockRead(sheets, infos, store, grid, annexSheetOf(state, names), lockedSheetNames(state, grid, names));
      await context.sync(); // 2: the grid, the annex, the sheets' protection
      const port = new ExcelPort(context, read());
      const locked = lockFlow(port, {
        sheet: grid,
        state,
        rules: rulesOf(state),
        at: now().toISOString(),
        by: opts.by,
        via: "pane",
        password: opts.password,
        confirmErrors: opts.confirmErrors,
      });
      if (!locked.ok) return locked.errors ? { kind: "needsConfirmation", ...locked.message, cells: locked.cells } : refused(locked.message, locked.cells);
      await port.apply(); // 3: store, code line, protection
      const { code } = locked.lock;
      return {
        kind: "locked",
        code,
        sheet: grid,
        annexSheet: locked.annex,
        ...both(EXCEL_LOCK_MESSAGES, "locked", { sheet: grid, code, annex: locked.annex }),
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
      const { store, sheets, infos, names, state } = await firstRead(context);
      const lock = state.lock;
      if (!lock) return refused(both(LOCK_MESSAGES, "notLocked", {}));
      const guarded = (lock.protectedSheets ?? lockedSheetNames(state, lock.sheet, names)).filter((n) => names.includes(n));
      const read = queueLockRead(sheets, infos, store, null, annexSheetOf(state, names), guarded);
      await context.sync(); // 2: the protection, the annex
      const port = new ExcelPort(context, read());
      const unlocked = unlockFlow(port, { state, reason: opts.reason, at: now().toISOString(), by: opts.by, via: "pane", password: opts.password });
      if (!unlocked.ok) return refused(unlocked.message, unlocked.cells);
      await port.apply(); // 3
      return { kind: "unlocked", code: lock.code, ...both(EXCEL_LOCK_MESSAGES, "unlocked", { code: lock.code }) };
    });
  } catch (e) {
    return hostRefusal(e);
  }
}
