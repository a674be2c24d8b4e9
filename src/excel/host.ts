import { pick, say } from "../core/base/catalogue";
import { HOST_MESSAGES } from "./host-messages";

/**
 * The add-in's only contact with the Office host: Excel.run, requirement checks, error wording.
 * Everything else in src/excel goes through these helpers, so the test double can stand in for
 * Office.js and every path is tested.
 */

/** The manifest's minimum (see manifest.xml <Requirements>): what every host that loads us has. */
export const MIN_EXCEL_API = "1.4";

/** Feature checks above the minimum, answered by the host at run time. */
export const features = {
  /** Range.copyFrom, PageLayout (print titles, orientation, paper, margins, fit to page), getCellProperties. */
  pageLayout: () => supports("1.9"),
  copyFrom: () => supports("1.9"),
  fillPattern: () => supports("1.9"),
  showGridlines: () => supports("1.8"),
  /**
   * Excel keeps the add-in's writes on the user's undo stack and groups a batch into one Ctrl+Z step
   * (requirement set ExcelUndoApiAll, ExcelApi 1.20; checked as Microsoft's "Undo support with the Excel
   * JavaScript API" shows: isSetSupported("ExcelUndoApiAll", "1.0")).
   */
  undoGroups: () => supportsSet("ExcelUndoApiAll", "1.0"),
};

function supportsSet(name: string, version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported(name, version);
  } catch {
    return false;
  }
}

/**
 * Whether setting a sheet's name, position or visibility clears the user's undo stack on this host: on
 * Windows and Mac it does, in Excel on the web it is undoable (Microsoft's table of APIs without undo
 * support, "Undo support with the Excel JavaScript API"). Worksheet.delete and protection clear it everywhere.
 */
export function sheetLayoutClearsUndo(): boolean {
  try {
    return Office.context.platform !== Office.PlatformType.OfficeOnline;
  } catch {
    return true;
  }
}

export function supports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

/** Thrown for conditions the user can fix; its message (Vietnamese, or English: `messageEn`) is shown as is. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
    readonly cells: string[] = [],
  ) {
    super(message);
  }
}

interface OfficeLikeError {
  code?: string;
  message?: string;
  debugInfo?: { errorLocation?: string };
}

/** A message for an error raised by the host (or a UserFacingError), in Vietnamese or English: what happened and what to do. */
export function hostErrorMessage(e: unknown, lang: "vi" | "en" = "vi"): string {
  if (e instanceof UserFacingError) return pick(e, lang);
  const err = (e ?? {}) as OfficeLikeError;
  const byCode = {
    AccessDenied: "hostAccessDenied",
    InvalidOperationInCellEditMode: "hostCellEditMode",
    RequestPayloadSizeLimitExceeded: "hostPayloadLimit",
    ApiNotFound: "hostApiNotFound",
    ItemNotFound: "hostItemNotFound",
  } as const;
  const code = err.code && Object.prototype.hasOwnProperty.call(byCode, err.code) ? byCode[err.code as keyof typeof byCode] : null;
  return code ? say(HOST_MESSAGES, code, {}, lang) : say(HOST_MESSAGES, "hostOther", { code: err.code ?? "", detail: err.message ?? String(e) }, lang);
}

/** Points per Excel character-width unit (Calibri 11: 7 px per digit plus 5 px padding, 0.75 pt per px). */
export const charsToPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
export const cmToPoints = (cm: number): number => Math.round((cm / 2.54) * 72 * 100) / 100;

/** UTF-8 size of a text: how a request's JSON travels (the 5 MB limits count these bytes). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

/** Whether a host error is one of Excel on the web's size limits (5 MB a request or response, 5 M cells). */
export function isPayloadLimit(e: unknown): boolean {
  return /PayloadSizeLimitExceeded|RangeExceedsLimit/.test((e as { code?: string } | null)?.code ?? "");
}

/**
 * Bytes one sync may carry for what an action writes (request) and reads back (response): well under
 * Excel on the web's 5 MB per request and per response, leaving room for the JSON around the data.
 */
export const BYTES_PER_SYNC = 3 * 1024 * 1024;

/**
 * What one queued operation adds to a request besides its values (the object paths of its range and
 * format, the property's name), for batches of many small operations (an annex's row heights). An
 * estimate: what is under it still fits in the room BYTES_PER_SYNC leaves below the 5 MB limit.
 */
export const OP_BYTES = 128;

/** JSON size of a value as it travels in a request or a response (UTF-8). */
export const jsonBytes = (v: unknown): number => utf8Bytes(JSON.stringify(v) ?? "");

/**
 * The one chunker: cuts `items` into consecutive runs whose sizes (`bytesOf`) add up to at most
 * `budget`; an item larger than the budget goes alone. `first` is the budget already used in the
 * first run (what the batch carries besides these items).
 */
export function chunkByBytes<T>(items: readonly T[], bytesOf: (item: T, index: number) => number, budget: number, first = 0): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let used = first;
  items.forEach((item, i) => {
    const bytes = bytesOf(item, i);
    if (used + bytes > budget && (current.length > 0 || (chunks.length === 0 && used > 0))) {
      chunks.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += bytes;
  });
  if (current.length > 0 || chunks.length === 0) chunks.push(current);
  return chunks;
}

/**
 * The one read with its fallback: syncs what `queue()` queued (one round trip); if the response passes
 * the size limits (nothing of that sync arrives), `inBlocks()` reads the same again in blocks of rows.
 */
export async function readOrInBlocks<T>(context: Excel.RequestContext, queued: T, inBlocks: () => Promise<T>): Promise<T> {
  try {
    await context.sync();
    return queued;
  } catch (e) {
    if (!isPayloadLimit(e)) throw e;
    return inBlocks();
  }
}

/**
 * Loads `rowCount` rows in blocks, one sync each (only for what passes the size limits in one go):
 * `block(first, count)` gives the range of a block; a block still too large is halved.
 */
export async function loadRowsInBlocks(
  context: Excel.RequestContext,
  rowCount: number,
  rowsPerBlock: number,
  block: (first: number, count: number) => Excel.Range,
  properties: "values" | "values, formulas, numberFormat",
): Promise<{ values: unknown[][]; formulas: unknown[][]; numberFormat: string[][] }> {
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  const numberFormat: string[][] = [];
  let perBlock = Math.max(1, rowsPerBlock);
  for (let r = 0; r < rowCount;) {
    const n = Math.min(perBlock, rowCount - r);
    const range = block(r, n);
    range.load(properties);
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block past the response size limit, never per row
      await context.sync();
    } catch (e) {
      if (isPayloadLimit(e) && n > 1) {
        perBlock = Math.ceil(n / 2);
        continue;
      }
      throw e;
    }
    values.push(...(range.values as unknown[][]));
    if (properties !== "values") {
      formulas.push(...(range.formulas as unknown[][]));
      numberFormat.push(...(range.numberFormat as string[][]));
    }
    r += n;
  }
  return { values, formulas, numberFormat };
}
