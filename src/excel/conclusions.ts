/**
 * The council's conclusions in the add-in: the "Chênh lệch" sheet read in the first sync of "Tính
 * điểm" (and of "Gộp phiếu", which keeps them when it makes the sheet again, and of "Tạo phụ lục",
 * which lists the differences left without one); each concluded score goes into the grid's cell as
 * part of the same write plan, so the undo journal and the log cover it.
 */
import { Origin } from "../core/base/address";
import { applyConclusions, applyCriterionConclusions, ConclusionsApplied } from "../core/forms/conclusions";
import { LEDGER_SHEET } from "../core/grid/ledger";
import type { LedgerSheetData } from "./ledger";
import { FORM_TEXT } from "../core/forms/form-messages";
import { locateGrid } from "../core/grid/grid";
import { WriteBlock, WritePlan } from "../core/grid/plan";
import { Rules } from "../core/rules/rules";
import type { SheetData } from "./sheet-read";

export interface DifferencesRead {
  values: unknown[][];
  origin: Origin;
  name: string;
  /** Loaded when asked for (a snapshot for the port, "Thông báo"). */
  formulas?: unknown[][];
}

/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- queues loads; the accessor is called after the caller's sync */
/**
 * Queues a read of the "Chênh lệch" sheet's used range; null after the sync when there is none. The
 * sheet is read by its usual name: one the merge had to name otherwise (a user's sheet held the name)
 * is not read, and its conclusions then count only once it is renamed.
 */
export function queueDifferencesRead(context: Excel.RequestContext, opts: { formulas?: boolean } = {}): () => DifferencesRead | null {
  const ws = context.workbook.worksheets.getItemOrNullObject(FORM_TEXT.diffSheet);
  const used = ws.getUsedRangeOrNullObject(true);
  if (opts.formulas) used.load("values, formulas, rowIndex, columnIndex");
  else used.load("values, rowIndex, columnIndex");
  return () =>
    ws.isNullObject || used.isNullObject
      ? null
      : {
          values: used.values as unknown[][],
          origin: { row: used.rowIndex, col: used.columnIndex },
          name: FORM_TEXT.diffSheet,
          ...(opts.formulas ? { formulas: used.formulas as unknown[][] } : {}),
        };
}
/* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */

/**
 * The grid with the council's conclusions applied (null: no "Chênh lệch" sheet, no grid found, or
 * a sheet that is not the one the merge made, `owned` naming it). With `criteria` (“Tạo phụ lục”, which
 * does not read the ledger), the rows naming a criterion left unconcluded are named too.
 */
export function concludedSheet(
  sheet: SheetData,
  diff: DifferencesRead | null,
  rules: Rules,
  owned: string | undefined,
  criteria = false,
): ConclusionsApplied | null {
  if (diff === null || (owned !== undefined && owned !== diff.name)) return null;
  const located = locateGrid(sheet.values, rules);
  if (!located.ok) return null;
  const on = { values: diff.values, origin: diff.origin, sheetName: diff.name };
  const applied = applyConclusions(sheet.values, located.layout, rules, on, sheet.origin);
  const open = criteria ? applyCriterionConclusions(null, rules, on, LEDGER_SHEET) : null;
  const all = open ? { ...applied, findings: [...applied.findings, ...open.findings], unconcluded: applied.unconcluded + open.unconcluded } : applied;
  return all.concluded + all.unconcluded === 0 ? null : all;
}

/**
 * The ledger with the council's conclusions per criterion applied: the concluded points in Thẩm định
 * (null: no ledger, no "Chênh lệch" the merge made, no row naming a criterion).
 */
export function concludedLedger(
  ledger: LedgerSheetData | null,
  diff: DifferencesRead | null,
  rules: Rules,
  owned: string | undefined,
): ConclusionsApplied | null {
  if (ledger === null || diff === null || rules.leaves.length === 0 || (owned !== undefined && owned !== diff.name)) return null;
  const on = { values: diff.values, origin: diff.origin, sheetName: diff.name };
  const applied = applyCriterionConclusions(ledger.values, rules, on, LEDGER_SHEET, ledger.origin);
  return applied.concluded + applied.unconcluded === 0 ? null : applied;
}

/** The write plan with the concluded scores: one block per cell, its number format kept (journalled like the results). */
export function withConcludedScores(plan: WritePlan, applied: ConclusionsApplied | null, sheet: SheetData): WritePlan {
  if (applied === null || applied.writes.length === 0) return plan;
  const blocks: WriteBlock[] = applied.writes.map((w) => ({
    row: w.row,
    col: w.col,
    values: [[w.value]],
    // A note stays text ("@"): never a formula, date or number.
    numberFormat: [[typeof w.value === "string" ? "@" : ((sheet.numberFormat[w.row]?.[w.col] as string | undefined) ?? "General")]],
  }));
  return { ...plan, blocks: [...plan.blocks, ...blocks] };
}

/** The journal's cells for the concluded scores say what was written (not in the store's record of result cells), so "Hoàn tác" takes them back. */
export function withConclusionsJournalled<T extends { address: string; sheet?: string; wrote?: unknown[][] }>(
  cells: T[],
  applied: ConclusionsApplied | null,
): T[] {
  if (applied === null || applied.writes.length === 0) return cells;
  const wrote = new Map(applied.writes.map((w) => [w.address, w.value]));
  // The grid's cells only (a block on the ledger's sheet may have the same address).
  return cells.map((c) => (c.sheet === undefined && wrote.has(c.address) ? { ...c, wrote: [[wrote.get(c.address)]] } : c));
}
