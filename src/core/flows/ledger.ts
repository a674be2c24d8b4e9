/**
 * The ledger's sums (criteria sets) written once against the workbook port (src/core/sheets/port.ts): "Tính điểm" in
 * the add-in (src/excel/scoring.ts through ExcelPort) and `score` on the command line (src/cli/score.ts through
 * XlsxPort) both run it.
 *
 *     planLedgerSums:  the ledger "Chấm điểm chi tiết" and the grid from the port (or as the caller concluded them)
 *                      → scoreWithLedger: every leaf computed, each agency's group sums, the grid scored with them
 *     writeLedgerSums: port.writeValues(ledger: Tự chấm of computed methods, Điểm) → port.writeValues(grid: the group
 *                      sums, never over a cell a user typed: a groupTypedOver finding)
 *     ledgerWritten:   the store's record of what the tool wrote, with the group sums
 */
import { cellAddress, SHEET_ORIGIN } from "../base/address";
import { LEDGER_SHEET, LedgerRead, scoreWithLedger } from "../grid/ledger";
import { Rules } from "../rules/rules";
import { ValueWrite, WorkbookPort } from "../sheets/port";
import { StoreState, WrittenRecord, writtenCells, writtenRecord } from "../store/store";
import { Scored } from "./score";

export interface LedgerSumsInput {
  /** The grid's sheet, as the port knows it. */
  sheet: string;
  rules: Rules;
  /** The store as read: the group sums the tool wrote before are its own to replace. */
  state: StoreState;
  /** The grid's values as scored (the council's concluded scores in place); the port's snapshot by default. */
  gridValues?: readonly (readonly unknown[])[];
  /** The ledger's values as counted (concluded Thẩm định in place); the port's snapshot of the ledger by default, null for none. */
  ledgerValues?: readonly (readonly unknown[])[] | null;
}

export interface LedgerSums {
  /** The grid scored with the ledger's sums. */
  result: Scored;
  /** The grid's values with the sums in place. */
  values: unknown[][];
  ledger: Extract<LedgerRead, { ok: true }>;
  /** The ledger's cells to write (Tự chấm of computed methods, Điểm), from the ledger's origin. */
  ledgerWrites: ValueWrite[];
  /** The group sums to write into the grid, from the grid's origin. */
  gridWrites: ValueWrite[];
  /** The group sums the tool wrote or keeps, by address: what the store's record adds. */
  gridWritten: Map<string, string | number>;
}

export type LedgerSumsPlan = ({ ok: true } & LedgerSums) | { ok: false; reason: "noLedger" | "noHeader" | "notScored" };

/** What the ledger's sums need of a port: the sheets, the grid and the ledger's snapshots, values written. */
export type LedgerPort = Pick<WorkbookPort, "sheets" | "readSheet" | "writeValues">;

/** The ledger's leaves and the grid's group sums, computed from the port's snapshots; not ok without criteria, a ledger, or a readable one. */
export function planLedgerSums(port: Pick<LedgerPort, "sheets" | "readSheet">, input: LedgerSumsInput): LedgerSumsPlan {
  if (input.rules.leaves.length === 0) return { ok: false, reason: "noLedger" };
  const hasLedger = port.sheets().some((s) => s.name === LEDGER_SHEET);
  const ledgerRead = hasLedger && input.ledgerValues === undefined ? port.readSheet(LEDGER_SHEET) : null;
  const ledgerValues = input.ledgerValues === undefined ? (ledgerRead?.values ?? null) : input.ledgerValues;
  if (ledgerValues === null) return { ok: false, reason: "noLedger" };
  const grid = port.readSheet(input.sheet);
  const origin = grid.origin ?? SHEET_ORIGIN;
  const ledgerOrigin = (hasLedger ? (ledgerRead ?? port.readSheet(LEDGER_SHEET)).origin : undefined) ?? SHEET_ORIGIN;
  const gridValues = input.gridValues ?? grid.values;
  const written = writtenCells(input.state.written, input.sheet);
  const scored = scoreWithLedger(gridValues, ledgerValues, input.rules, { origin, ledgerOrigin, written });
  if (!scored.ok) return { ok: false, reason: scored.ledger.ok ? "notScored" : "noHeader" };
  const gridWritten = new Map<string, string | number>();
  for (const w of scored.gridWrites) if (w.value !== "") gridWritten.set(cellAddress(w.row, w.col, origin), w.value);
  // Sums already in place (written before, unchanged) stay the tool's.
  const { layout, rows } = scored.result;
  for (const r of rows)
    input.rules.groups.forEach((g, i) => {
      const col = layout.groupCols[i];
      const address = cellAddress(r.row, col, origin);
      if (g.criteria.length > 0 && !gridWritten.has(address) && written.get(address) === gridValues[r.row]?.[col])
        gridWritten.set(address, written.get(address)!);
    });
  return {
    ok: true,
    result: scored.result,
    values: scored.values,
    ledger: scored.ledger,
    ledgerWrites: scored.ledger.writes.map((w) => ({ row: w.row, col: w.col, value: w.value })),
    gridWrites: scored.gridWrites.map((w) => ({ row: w.row, col: w.col, value: w.value })),
    gridWritten,
  };
}

/** Queues the ledger's computed cells and the grid's group sums (their look kept), applied with the rest of "Tính điểm". */
export function writeLedgerSums(port: Pick<LedgerPort, "writeValues">, sheet: string, sums: LedgerSums): void {
  port.writeValues(LEDGER_SHEET, sums.ledgerWrites);
  port.writeValues(sheet, sums.gridWrites);
}

/** The store's record of what the tool wrote: the result columns' (the plan's) and the group sums'. */
export function ledgerWritten(record: WrittenRecord, sums: Pick<LedgerSums, "gridWritten"> | null): WrittenRecord {
  if (!sums || sums.gridWritten.size === 0) return record;
  const cells = writtenCells(record, record.sheet);
  for (const [a, v] of sums.gridWritten) cells.set(a, v);
  return writtenRecord(record.sheet, cells);
}
