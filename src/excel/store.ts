import { decodeStore, DecodedStore, encodeStore, STORE_SHEET, StoreState } from "../core/store";
import { StoreIssue } from "../core/store-check";
import { isPayloadLimit, loadRowsInBlocks, UserFacingError, utf8Bytes } from "./host";

/** A queued read of the store sheet; `state()` is valid after the next context.sync(). */
export function queueStoreRead(context: Excel.RequestContext) {
  const sheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values, rowCount");
  let decoded: DecodedStore | null = null;
  const decode = (): Extract<DecodedStore, { ok: true }> => {
    decoded ??= used.isNullObject ? { ok: true, state: {}, issues: [] } : decodeStore(used.values);
    if (!decoded.ok) throw new UserFacingError(decoded.message, decoded.messageEn);
    return decoded;
  };
  return {
    state(): StoreState {
      return decode().state;
    },
    /** Stored entries set aside when read (damaged or tampered with), for the action's notices. */
    issues(): StoreIssue[] {
      return decode().issues;
    },
    /** Rows the sheet holds now (0 when it does not exist). */
    rows(): number {
      return used.isNullObject ? 0 : used.rowCount;
    },
    exists(): boolean {
      return !sheet.isNullObject;
    },
    /** Set when this action queued the sheet's creation. */
    created: false,
  };
}

export type StoreRead = ReturnType<typeof queueStoreRead>;


/**
 * Reads the store in blocks of rows, one sync each: only for a store past Excel on the web's 5 MB
 * response limit (tens of thousands of agencies). A block still too large is halved.
 */
export async function readStoreInBlocks(context: Excel.RequestContext): Promise<StoreRead> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowCount, columnCount");
  await context.sync();
  const rowCount = used.isNullObject ? 0 : used.rowCount;
  const { values } = await loadRowsInBlocks(context, rowCount, 64, (r, n) => sheet.getRange(`A${r + 1}:C${r + n}`), "values");
  const decoded = decodeStore(values);
  const decode = () => {
    if (!decoded.ok) throw new UserFacingError(decoded.message, decoded.messageEn);
    return decoded;
  };
  return {
    state: (): StoreState => decode().state,
    issues: (): StoreIssue[] => decode().issues,
    rows: () => rowCount,
    exists: () => !sheet.isNullObject,
    created: false,
  };
}

/** The first sync of a use case, with its fallback: past the response limit, the store is read in blocks. */
export async function syncReadingStore(context: Excel.RequestContext, store: StoreRead): Promise<StoreRead> {
  try {
    await context.sync();
    return store;
  } catch (e) {
    if (!isPayloadLimit(e)) throw e;
    return readStoreInBlocks(context);
  }
}

/**
 * Queues the creation of the very hidden store sheet when it does not exist yet (once per action);
 * the use cases call it before their first write, so that a workbook whose structure is protected
 * refuses before any cell changes.
 */
export function ensureStoreSheet(context: Excel.RequestContext, read: StoreRead): Excel.Worksheet {
  const sheets = context.workbook.worksheets;
  if (read.exists() || read.created) return sheets.getItem(STORE_SHEET);
  const sheet = sheets.add(STORE_SHEET);
  sheet.visibility = Excel.SheetVisibility.veryHidden;
  read.created = true;
  return sheet;
}

/** Bytes of JSON one sync may carry for the store: well under Excel on the web's 5 MB per request. */
const STORE_BYTES_PER_SYNC = 3 * 1024 * 1024;

/**
 * Writes the whole store into its very hidden sheet (created when missing) and syncs: one sync, along
 * with whatever the caller queued before; more only when the store would pass the request limit,
 * in blocks of rows of at most 3 MB each.
 */
export async function writeStore(context: Excel.RequestContext, read: StoreRead, state: StoreState): Promise<void> {
  const rows = encodeStore(state);
  const sheet = ensureStoreSheet(context, read);
  const old = read.rows();
  if (old > rows.length) sheet.getRange(`A${rows.length + 1}:C${old}`).clear();
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = 0;
    while (end < rows.length && (end === start || bytes + rowBytes(rows[end]) <= STORE_BYTES_PER_SYNC)) bytes += rowBytes(rows[end++]);
    const range = sheet.getRange(`A${start + 1}:C${end}`);
    const block = rows.slice(start, end);
    range.numberFormat = block.map((r) => r.map(() => "@"));
    range.values = block;
    await context.sync();
    start = end;
  }
}

/** JSON size of a row as it travels (UTF-8). */
function rowBytes(row: string[]): number {
  return utf8Bytes(JSON.stringify(row)) + 16;
}
