import { decodeStore, encodeStore, STORE_SHEET, StoreState } from "../core/store";
import { UserFacingError } from "./host";

/** A queued read of the store sheet; `state()` is valid after the next context.sync(). */
export function queueStoreRead(context: Excel.RequestContext) {
  const sheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values, rowCount");
  return {
    state(): StoreState {
      if (used.isNullObject) return {};
      const decoded = decodeStore(used.values);
      if (!decoded.ok) throw new UserFacingError(decoded.message);
      return decoded.state;
    },
    /** Rows the sheet holds now (0 when it does not exist). */
    rows(): number {
      return used.isNullObject ? 0 : used.rowCount;
    },
    exists(): boolean {
      return !sheet.isNullObject;
    },
  };
}

export type StoreRead = ReturnType<typeof queueStoreRead>;

/** Queues the write of the whole store into its very hidden sheet (created when missing). */
export function queueStoreWrite(context: Excel.RequestContext, read: StoreRead, state: StoreState): void {
  const rows = encodeStore(state);
  const sheets = context.workbook.worksheets;
  const sheet = read.exists() ? sheets.getItem(STORE_SHEET) : sheets.add(STORE_SHEET);
  if (!read.exists()) sheet.visibility = Excel.SheetVisibility.veryHidden;
  const old = read.rows();
  if (old > rows.length) sheet.getRange(`A${rows.length + 1}:C${old}`).clear();
  const range = sheet.getRange(`A1:C${rows.length}`);
  range.numberFormat = rows.map((r) => r.map(() => "@"));
  range.values = rows;
}
