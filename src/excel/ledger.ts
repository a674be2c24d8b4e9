/**
 * "Tính điểm" with a ledger (criteria sets): the ledger sheet "Chấm điểm chi tiết" is read in the
 * action's first sync; the core's flow (src/core/flows/ledger.ts) computes every leaf and each agency's
 * group sums, never over a cell a user typed (a groupTypedOver finding), and queues them on the port
 * (writeValues): the ledger's computed columns (Tự chấm of the computed methods, Điểm) and the grid's
 * group cells go in the results' write batch and journal (CellSnapshot.sheet for the ledger's):
 * "Hoàn tác" gives both sheets back.
 */
import { Origin } from "../core/base/address";
import { LEDGER_SHEET } from "../core/grid/ledger";
import { LedgerSums, planLedgerSums, writeLedgerSums } from "../core/flows/ledger";
import type { ConclusionsApplied } from "../core/forms/conclusions";
import { Rules } from "../core/rules/rules";
import { ValueWrite, WorkbookPort } from "../core/sheets/port";
import { StoreState } from "../core/store/store";
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

/** "Tính điểm" with the ledger: the core's sums, the ledger as read (what its cells held), and its cells to write. */
export interface LedgerScoring extends LedgerSums {
  read: LedgerSheetData;
  /** The ledger's cells to write: Tự chấm of computed methods and Điểm, then the council's concluded Thẩm định. */
  ledgerCells: ValueWrite[];
}

/**
 * The grid scored with the ledger through the port (src/core/flows/ledger.ts, as `score` runs it on the package), the
 * concluded Thẩm định counted; null without criteria or a readable ledger (then scored as without criteria).
 */
export function scoreWithLedgerSheet(
  port: Pick<WorkbookPort, "sheets" | "readSheet">,
  sheet: SheetData,
  read: LedgerSheetData | null,
  concluded: ConclusionsApplied | null,
  rules: Rules,
  state: StoreState,
): LedgerScoring | null {
  if (read === null) return null;
  const sums = planLedgerSums(port, { sheet: sheet.name, rules, state, gridValues: sheet.values, ledgerValues: concluded ? concluded.values : read.values });
  if (!sums.ok) return null;
  const conclusions = (concluded?.writes ?? []).map((w) => ({ row: w.row, col: w.col, value: w.value }));
  return { ...sums, read, ledgerCells: [...sums.ledgerWrites, ...conclusions] };
}

/** Queues the ledger's cells and the grid's group sums on the port, before the results (their journal goes with the results'). */
export function writeLedger(port: Pick<WorkbookPort, "writeValues">, sheet: string, ledger: LedgerScoring): void {
  writeLedgerSums(port, sheet, { ...ledger, ledgerWrites: ledger.ledgerCells });
}
