import { rangeAddress } from "../core/base/address";
import {
  decodeStore,
  DecodedStore,
  decodeStoreHead,
  encodeStoreSections,
  LockInfo,
  STORE_BODY_ROW,
  STORE_SHEET,
  StoreState,
  UndoInfo,
} from "../core/store/store";
import { StoreIssue } from "../core/store/store-check";
import { BYTES_PER_SYNC, chunkByBytes, features, jsonBytes, loadRowsInBlocks, readOrInBlocks, sheetLayoutClearsUndo, UserFacingError } from "./host";

/** The store's columns A:C, `count` rows from the 0-based `first`. */
const storeRows = (first: number, count: number): string => rangeAddress(first, 0, count, 3);

/** A read of the store sheet; `state()` is valid once the read's sync has run. */
export interface StoreRead {
  state(): StoreState;
  /** Stored entries set aside when read (damaged or tampered with), for the action's notices. */
  issues(): StoreIssue[];
  /** Rows the sheet holds now (0 when it does not exist). */
  rows(): number;
  exists(): boolean;
  /** Set when this action queued the sheet's creation. */
  created: boolean;
}

/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- queues loads; the accessors below are called after the caller's sync */
/** Queues a read of the whole store sheet (head and body); `state()` is valid after the next context.sync(). */
export function queueStoreRead(context: Excel.RequestContext): StoreRead {
  const sheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values, rowIndex, rowCount");
  let decoded: DecodedStore | null = null;
  const decode = (): Extract<DecodedStore, { ok: true }> => {
    decoded ??= used.isNullObject ? { ok: true, state: {}, issues: [] } : decodeStore(used.values);
    if (!decoded.ok) throw new UserFacingError(decoded.message, decoded.messageEn);
    return decoded;
  };
  return {
    state: () => decode().state,
    issues: () => decode().issues,
    rows: () => (used.isNullObject ? 0 : used.rowIndex + used.rowCount),
    exists: () => !sheet.isNullObject,
    created: false,
  };
}

/**
 * Queues a read of the store's head alone: what the pane shows on opening (rules, decision, the last
 * run, the annex it made, what undo would undo). A few kilobytes, whatever the size of the grid.
 */
export function queueStoreHeadRead(context: Excel.RequestContext) {
  const sheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
  const head = sheet.getRange(storeRows(0, STORE_BODY_ROW - 1)).getUsedRangeOrNullObject(true);
  head.load("values");
  return {
    head(): { state: StoreState; undo: UndoInfo | null; lock: LockInfo | null } {
      if (sheet.isNullObject || head.isNullObject) return { state: {}, undo: null, lock: null };
      const result = decodeStoreHead(head.values);
      if (!result.ok) throw new UserFacingError(result.message, result.messageEn);
      return result;
    },
  };
}

/* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */

/**
 * Reads the store in blocks of rows, one sync each: only for a store past Excel on the web's 5 MB
 * response limit (tens of thousands of agencies). A block still too large is halved.
 */
export async function readStoreInBlocks(context: Excel.RequestContext): Promise<StoreRead> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex, rowCount");
  await context.sync();
  const rowCount = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
  const { values } = await loadRowsInBlocks(context, rowCount, 64, (r, n) => sheet.getRange(storeRows(r, n)), "values");
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

/** The first sync of a use case that reads the store, with the one fallback: past the response limit, the store is read in blocks. */
export function syncReadingStore(context: Excel.RequestContext, store: StoreRead): Promise<StoreRead> {
  return readOrInBlocks(context, store, () => readStoreInBlocks(context));
}

/**
 * Queues the creation of the very hidden store sheet when it does not exist yet (once per action);
 * the use cases call it before their first write, so that a workbook whose structure is protected
 * refuses before any cell changes.
 */
export function ensureStoreSheet(context: Excel.RequestContext, read: StoreRead): Excel.Worksheet {
  const sheets = context.workbook.worksheets;
  if (read.exists() || read.created) return sheets.getItem(STORE_SHEET);
  // Hiding a sheet is not undoable on Windows and Mac: inside an undo group it would fail (UndoNotSupported).
  if (isGrouped(context) && sheetLayoutClearsUndo()) throw new RunAgain("store");
  const sheet = sheets.add(STORE_SHEET);
  sheet.visibility = Excel.SheetVisibility.veryHidden;
  read.created = true;
  return sheet;
}

const rowBytes = (row: string[]) => jsonBytes(row) + 16;

/**
 * Queues the writing of the whole store (head and body) into its very hidden sheet, created when
 * missing, WITHOUT the final sync: the caller queues its own writes after it, in the same batch, so
 * that the add-in's state and undo journal always reach the workbook before the results. Only a store
 * past the request limit takes syncs of its own here (blocks of rows, all before the caller's writes).
 * `headOnly` rewrites the head alone (the body did not change); `first` is what the batch already carries
 * (bytes). Returns the bytes queued in the batch left open.
 */
export async function queueStoreWrite(context: Excel.RequestContext, read: StoreRead, state: StoreState, headOnly = false, first = 0): Promise<number> {
  const { head, body, chunks } = storeChunks(state, headOnly, first);
  const sheet = ensureStoreSheet(context, read);
  const old = read.rows();
  // Rows of the previous store that the new one does not cover.
  if (old > head.length) sheet.getRange(storeRows(head.length, Math.min(old, STORE_BODY_ROW - 1) - head.length)).clear();
  const bodyEnd = STORE_BODY_ROW - 1 + body.length;
  if (!headOnly && old > bodyEnd && old >= STORE_BODY_ROW)
    sheet.getRange(storeRows(Math.max(bodyEnd, STORE_BODY_ROW - 1), old - Math.max(bodyEnd, STORE_BODY_ROW - 1))).clear();
  let queued = 0;
  for (let c = 0; c < chunks.length; c++) {
    // Contiguous runs of rows within a chunk (the head and the body are apart).
    const runs: { at: number; rows: string[][] }[] = [];
    for (const p of chunks[c]) {
      const last = runs[runs.length - 1];
      if (last && last.at + last.rows.length === p.at) last.rows.push(p.row);
      else runs.push({ at: p.at, rows: [p.row] });
    }
    for (const run of runs) {
      const range = sheet.getRange(storeRows(run.at, run.rows.length));
      range.numberFormat = run.rows.map((r) => r.map(() => "@"));
      range.values = run.rows;
    }
    queued = (c === 0 ? first : 0) + chunks[c].reduce((n, p) => n + rowBytes(p.row), 0);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block past the request size limit, never per row
    if (c < chunks.length - 1) await context.sync();
  }
  return queued;
}

/** The store's rows as a write places them, in blocks of rows one sync each (one block unless past the request limit). */
function storeChunks(state: StoreState, headOnly: boolean, first: number) {
  const { head, body } = encodeStoreSections(state);
  const placed = [...head.map((row, i) => ({ row, at: i })), ...(headOnly ? [] : body.map((row, i) => ({ row, at: STORE_BODY_ROW - 1 + i })))];
  return { head, body, chunks: chunkByBytes(placed, (p) => rowBytes(p.row), BYTES_PER_SYNC, first) };
}

/** What the whole store's rows add to a request (bytes, as queueStoreWrite counts them). */
export const storeWriteBytes = (state: StoreState): number =>
  storeChunks(state, false, 0).chunks.reduce((n, c) => n + c.reduce((m, p) => m + rowBytes(p.row), 0), 0);

/** The syncs queueStoreWrite takes for the whole store, its batch's last one included (1 unless past the request limit). */
export const storeWriteSyncs = (state: StoreState, first = 0): number => storeChunks(state, false, first).chunks.length;

/** Writes the whole store and syncs (settings saved from the pane: nothing else in the batch). */
export async function writeStore(context: Excel.RequestContext, read: StoreRead, state: StoreState): Promise<void> {
  await queueStoreWrite(context, read, state);
  await context.sync();
}

/**
 * Thrown by a batch that runs as an undo group, after its reads and before any write, when it cannot stay one:
 * "store" — the hidden store sheet must be made first (once per workbook, outside the group); "plain" — the
 * action must delete or rename a sheet, which Excel cannot undo (it clears the user's undo stack).
 */
export class RunAgain extends Error {
  constructor(readonly need: "store" | "plain") {
    super(`run again: ${need}`);
  }
}

/**
 * Asked before a step that clears the user's undo stack (ExcelApi 1.20): `step` says which (RunAgain's need: "store" —
 * the add-in's very hidden sheet made, the first time on a workbook, on Windows and Mac; "plain" — a sheet deleted,
 * renamed or unprotected); true goes on, otherwise the answer is what to tell the user (nothing was done). The ribbon
 * and the pane ask in a dialog; with none set, the action goes on (hosts below 1.20 never ask).
 */
export type UndoClearConsent = (step: "store" | "plain") => Promise<true | { message: string; messageEn: string }>;

let undoClearConsent: UndoClearConsent | null = null;

/** Sets (or, with null, removes) who is asked before the undo stack is cleared; returns the one set before. */
export function setUndoClearConsent(ask: UndoClearConsent | null): UndoClearConsent | null {
  const before = undoClearConsent;
  undoClearConsent = ask;
  return before;
}

/** Asks before clearing the undo stack; a "no" ends the action before anything is written (the use case's refusal says so). */
async function consentToClear(step: "store" | "plain"): Promise<void> {
  const answer = undoClearConsent ? await undoClearConsent(step) : true;
  if (answer !== true) throw new UserFacingError(answer.message, answer.messageEn);
}

const groupedContexts = new WeakSet<object>();

/** Whether this batch runs as one undo group (Excel.run with mergeUndoGroup): it must call nothing that clears the undo stack. */
export function isGrouped(context: Excel.RequestContext): boolean {
  return groupedContexts.has(context);
}

let writes = 0;
/** How many runWriting calls this page made (an action that may write counts once, however many times it ran). */
export const writeRuns = (): number => writes;

/**
 * Runs an action that writes. Where Excel keeps add-in writes on the user's undo stack (ExcelUndoApiAll, ExcelApi
 * 1.20), the whole action is one undo group — one Ctrl+Z takes it back — with `Excel.run({ mergeUndoGroup: true }, …)`
 * (Excel.RunOptions.mergeUndoGroup: "When true, all context.sync() calls in a single Excel.run are merged into one undo
 * group"); a call without undo support inside the group fails with UndoNotSupported, so the batch throws RunAgain
 * before writing when it needs one: the store sheet is then made on its own (clearing the stack once, on Windows and
 * Mac), or the action runs as before. Below ExcelApi 1.20, Excel.run as before.
 */
export async function runWriting<T>(batch: (context: Excel.RequestContext) => Promise<T>, opts: { plain?: boolean } = {}): Promise<T> {
  writes++;
  if (!features.undoGroups() || opts.plain) return Excel.run(batch);
  const grouped = () =>
    Excel.run({ mergeUndoGroup: true }, (context) => {
      groupedContexts.add(context);
      return batch(context);
    });
  try {
    return await grouped();
  } catch (e) {
    if (!(e instanceof RunAgain)) throw e;
    // Said before it happens, once: the user may keep their undo history and not go on.
    await consentToClear(e.need);
    if (e.need === "plain") return Excel.run(batch);
  }
  await createStoreSheet();
  return grouped();
}

/** The very hidden store sheet, made on its own (1 sync): hiding a sheet clears the undo stack on Windows and Mac. */
async function createStoreSheet(): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.add(STORE_SHEET);
    sheet.visibility = Excel.SheetVisibility.veryHidden;
    try {
      await context.sync();
    } catch (e) {
      if ((e as { code?: string }).code !== "ItemAlreadyExists") throw e;
    }
  });
}
