/**
 * Reading a sheet for a use case: its used range (one queued load, or in blocks past the response limit),
 * last year's sheet, the rules stored in the workbook, and the refusals every use case gives for a sheet
 * without a grid or an error of the host. Tính điểm (scoring.ts) and the other use cases import it.
 */
import { Origin, rangeAddress } from "../core/base/address";
import type { PreviousInput } from "../core/grid/previous";
import { presetRules, Rules, validateRules } from "../core/rules/rules";
import type { StoreState } from "../core/store/store";
import { hostErrorMessage, loadRowsInBlocks, UserFacingError } from "./host";
import { excelBoth } from "./messages";
import type { ScoringOutcome } from "./types";

/**
 * Last year's data for "So sánh với năm trước": a sheet of this workbook (read in the same sync as
 * the active sheet), or agencies already scored from another workbook's file (read by the pane).
 */
export type PreviousChoice = ({ kind: "sheet"; sheet: string } | ({ kind: "agencies"; source: string } & PreviousInput)) & {
  /** Use the built-in 2025 list of department mergers where it fits (otherwise it is only offered). */
  lineage2025?: boolean;
  /** Compared even though last year's is not of an earlier year than this one (the user confirmed “Vẫn so sánh”). */
  force?: boolean;
};

/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- queues loads; the accessors below are called after the caller's sync */
/** The sheet's used range, or an empty array; one queued load. */
export function queuePreviousSheet(context: Excel.RequestContext, name: string) {
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values");
  return () => (ws.isNullObject ? null : used.isNullObject ? [] : (used.values as unknown[][]));
}

/* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */

/** Rules stored in the workbook, else the preset; stored rules that are invalid are reported, not ignored. */
export function rulesOf(state: StoreState): Rules {
  if (!state.rules) return presetRules();
  const checked = validateRules(state.rules);
  if (!checked.ok) {
    const m = excelBoth("storedRulesInvalid", { problems: checked.problems });
    throw new UserFacingError(m.message, m.messageEn);
  }
  return checked.rules;
}

/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- queues loads; the accessors below are called after the caller's sync */
/**
 * Reads a sheet's used range and its origin; one queued load. What is read: "values" alone, with
 * their "formulas" (the default), or with their "formats" too (number formats, for an action that
 * writes); what is not read comes back as [].
 */
export function queueSheetRead(sheet: Excel.Worksheet, what: "values" | "formulas" | "formats" = "formulas") {
  const withFormats = what === "formats";
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  if (withFormats) used.load("values, formulas, numberFormat, rowIndex, columnIndex");
  else if (what === "formulas") used.load("values, formulas, rowIndex, columnIndex");
  else used.load("values, rowIndex, columnIndex");
  const protection = sheet.protection;
  protection.load("protected");
  return {
    sheet,
    result(): SheetData {
      if (used.isNullObject)
        return { name: sheet.name, values: [], formulas: [], numberFormat: [], origin: { row: 0, col: 0 }, protected: protection.protected };
      return {
        name: sheet.name,
        values: used.values as unknown[][],
        formulas: what === "values" ? [] : (used.formulas as unknown[][]),
        numberFormat: withFormats ? (used.numberFormat as string[][]) : [],
        origin: { row: used.rowIndex, col: used.columnIndex },
        protected: protection.protected,
      };
    },
  };
}

export interface SheetData {
  name: string;
  values: unknown[][];
  formulas: unknown[][];
  /** Number formats of the used range (only read by actions that write). */
  numberFormat: string[][];
  origin: Origin;
  protected: boolean;
}

export type SheetRead = { sheet: Excel.Worksheet; result(): SheetData };

/* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */

/** The very hidden sheet where the annex replaced last is kept until the next action (for "Hoàn tác"). */
export const ANNEX_BACKUP_SHEET = "XepHangCNTT_PhuLucCu";

/** The refusal for a sheet where no score grid was found (the grid's own words say why). */
export function sheetRefusal(sheet: string, error: { message: string; messageEn: string }): Extract<ScoringOutcome, { kind: "refused" }> {
  return { kind: "refused", ...excelBoth("onSheet", { sheet, reason: error }), cells: [] };
}

/** The refusal for an error the host raised (or a UserFacingError), in both languages. */
export function hostRefusal(e: unknown): Extract<ScoringOutcome, { kind: "refused" }> {
  return { kind: "refused", message: hostErrorMessage(e), messageEn: hostErrorMessage(e, "en"), cells: e instanceof UserFacingError ? e.cells : [] };
}

/** Cells per block when a sheet must be read in blocks; halved while a block is still too large. */
const READ_CELLS_PER_SYNC = 60000;

/** Reads the used range in blocks of rows, one sync each (only for sheets past the response limit). */
export async function readSheetInBlocks(context: Excel.RequestContext, sheet: Excel.Worksheet, withFormats = false): Promise<SheetRead> {
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount");
  const protection = sheet.protection;
  protection.load("protected");
  await context.sync();
  const origin = used.isNullObject ? { row: 0, col: 0 } : { row: used.rowIndex, col: used.columnIndex };
  const rowCount = used.isNullObject ? 0 : used.rowCount;
  const colCount = used.isNullObject ? 0 : used.columnCount;
  const perBlock = Math.floor(READ_CELLS_PER_SYNC / Math.max(1, colCount));
  const { values, formulas, numberFormat } = await loadRowsInBlocks(
    context,
    rowCount,
    perBlock,
    (r, n) => sheet.getRange(rangeAddress(r, 0, n, colCount, origin)),
    "values, formulas, numberFormat",
  );
  return {
    sheet,
    result: () => ({ name: sheet.name, values, formulas, numberFormat: withFormats ? numberFormat : [], origin, protected: protection.protected }),
  };
}
