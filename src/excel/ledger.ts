/**
 * "Tính điểm" with a ledger (criteria sets): the ledger sheet "Chấm điểm chi tiết" is read in the
 * action's first sync, every leaf computed and each agency's group sums put into the grid's group
 * cells as part of the same write plan (so the undo journal covers them), never over a cell a user
 * typed (a groupTypedOver finding). The ledger's own computed columns (Tự chấm of the computed
 * methods, Điểm) are written in the same batch, as blocks of the ledger sheet in the same journal
 * (CellSnapshot.sheet): "Hoàn tác" gives both sheets back.
 */
import { cellAddress, Origin } from "../core/base/address";
import { LEDGER_SHEET, scoreWithLedger } from "../core/grid/ledger";
import { columnRuns, WriteBlock, WritePlan } from "../core/grid/plan";
import { Rules } from "../core/rules/rules";
import { ScoreResult } from "../core/grid/scoring";
import { StoreState, writtenCells, writtenRecord } from "../core/store/store";
import type { SheetData } from "./sheet-read";

/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- queues loads; the accessor is called after the caller's sync */
/**
 * Queues a read of the ledger's used range (values, formulas for the undo journal, origin, protection); null after the
 * sync when there is no ledger. Not its number formats (a third of the response): the add-in writes values there only,
 * and the journal's formats, predicted "General" as the add-in makes the ledger, are checked in the write batch.
 */
export function queueLedgerRead(context: Excel.RequestContext): () => LedgerSheetData | null {
  const ws = context.workbook.worksheets.getItemOrNullObject(LEDGER_SHEET);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values, formulas, rowIndex, columnIndex");
  const protection = ws.protection;
  protection.load("protected");
  return () =>
    ws.isNullObject || used.isNullObject
      ? null
      : {
          values: used.values as unknown[][],
          formulas: used.formulas as unknown[][],
          origin: { row: used.rowIndex, col: used.columnIndex },
          protected: protection.protected,
        };
}
/* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */

/** The ledger sheet as read in the first sync. */
export interface LedgerSheetData {
  values: unknown[][];
  formulas: unknown[][];
  origin: Origin;
  protected: boolean;
}

export interface LedgerScoring {
  result: Extract<ScoreResult, { ok: true }>;
  /** The grid's values as scored (group sums in place): what a correction is tried on. */
  values: unknown[][];
  gridWrites: { row: number; col: number; value: number | "" }[];
  /** The ledger as read, and its cells to write (Tự chấm of computed methods, Điểm) as blocks of the ledger's values (formats predicted). */
  ledger: LedgerSheetData;
  ledgerBlocks: WriteBlock[];
}

/** The grid scored with the ledger, when the rules have criteria and the workbook a ledger; else null (scored as without criteria). */
export function scoreWithLedgerSheet(sheet: SheetData, ledger: LedgerSheetData | null, rules: Rules, state: StoreState): LedgerScoring | null {
  if (rules.leaves.length === 0 || ledger === null) return null;
  const scored = scoreWithLedger(sheet.values, ledger.values, rules, {
    origin: sheet.origin,
    ledgerOrigin: ledger.origin,
    written: writtenCells(state.written, sheet.name),
  });
  if (!scored.ok) return null;
  const ledgerBlocks = blocksOf(scored.ledger.writes, () => "General");
  return { result: scored.result, values: scored.values, gridWrites: scored.gridWrites, ledger, ledgerBlocks };
}

/** Writes as blocks: one per run of consecutive rows in a column, each cell keeping its number format. */
function blocksOf(writes: readonly { row: number; col: number; value: number | "" }[], format: (row: number, col: number) => unknown): WriteBlock[] {
  return columnRuns(writes).map((run) => ({
    row: run[0].row,
    col: run[0].col,
    values: run.map((w) => [w.value]),
    numberFormat: run.map((w) => [(format(w.row, w.col) as string | undefined) ?? "General"]),
  }));
}

/**
 * The write plan with the group sums: one block per run of consecutive rows in a group column (the
 * journal snapshots them like the results), and the store's record of what the add-in wrote
 * extended with them (sums already in place and unchanged stay the add-in's).
 */
export function withGridSums(plan: WritePlan, ledger: LedgerScoring, sheet: SheetData): WritePlan {
  const { origin } = sheet;
  const blocks = blocksOf(ledger.gridWrites, (r, c) => sheet.numberFormat[r]?.[c]);
  const cells = writtenCells(plan.written, plan.written.sheet);
  const before = new Map(ledger.gridWrites.map((w) => [cellAddress(w.row, w.col, origin), w.value]));
  const { layout, rows, rules } = ledger.result;
  for (const r of rows)
    rules.groups.forEach((g, i) => {
      if (g.criteria.length === 0) return;
      const address = cellAddress(r.row, layout.groupCols[i], origin);
      const value = before.has(address) ? before.get(address)! : ledger.values[r.row]?.[layout.groupCols[i]];
      // What the grid shows after the write, where it is the criteria's sum (not a typed cell kept).
      const typed = ledger.result.findings.some((f) => f.code === "groupTypedOver" && f.row === r.row && f.col === layout.groupCols[i]);
      if (!typed && (typeof value === "number" || (typeof value === "string" && value !== ""))) cells.set(address, value);
    });
  return { ...plan, blocks: [...plan.blocks, ...blocks], written: writtenRecord(plan.written.sheet, cells) };
}
