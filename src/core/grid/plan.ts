import { both } from "../base/catalogue";
import { CORE_MESSAGES } from "../base/messages";
import { cellAddress, Origin } from "../base/address";
import { ColumnContext, ResultColumn, ResultKind, sheetColumns } from "./columns";
import { Finding } from "../findings/findings";
import { isBlank } from "../base/numbers";
import { ScoreResult } from "./scoring";
import { MarkRecord, WrittenRecord, writtenCells, writtenRecord } from "../store/store";
import { Comparison, comparisonColumns, PreviousKind } from "./previous";
import { matchKey } from "../text/text";

/** Fills that mark cells with findings (light red for errors, light yellow for warnings). */
export const MARK_FILL = { error: "#FFC7CE", warning: "#FFEB9C" } as const;

/** The columns "Tính điểm" writes: the table's result columns, and with a comparison last year's rank and the change. */
export type PlanKind = ResultKind | PreviousKind;

export interface PlannedColumn {
  kind: PlanKind;
  /** Its entry in the table of result columns (columns.ts), or of last year's columns (previous.ts). */
  spec: ResultColumn & { sheet: NonNullable<ResultColumn["sheet"]> };
  /** Column in the values array. */
  col: number;
  isNew: boolean;
}

export interface WriteBlock {
  /** Top-left in the values array. */
  row: number;
  col: number;
  values: (string | number)[][];
  numberFormat: string[][];
}

export interface WritePlan {
  columns: PlannedColumn[];
  /** Headers of appended columns: at the header row, with the neighbour's look. */
  headers: { row: number; col: number; text: string }[];
  /** Result values, one block per contiguous run of agency rows, spanning the result columns. */
  blocks: WriteBlock[];
  /** Cells to mark now (sheet addresses), with their severity. */
  marks: { address: string; row: number; col: number; severity: "error" | "warning" }[];
  /** Earlier marks on this sheet that are no longer findings: give back their own fill. */
  unmark: MarkRecord[];
  /** Earlier marks still marked now: their own fill stays the recorded one. */
  keptMarks: MarkRecord[];
  written: WrittenRecord;
}

/** A refusal names the cells and says what to do, in Vietnamese (`message`) and English (`messageEn`). */
export type PlanResult = { ok: true; plan: WritePlan } | { ok: false; cells: string[]; message: string; messageEn: string };

/**
 * Decides what "Tính điểm" writes: the result columns (existing ones recognised by their header,
 * missing ones appended right of the grid), their values as numbers, and the finding marks. If a
 * result column holds content the add-in did not write (a formula, someone's text), nothing is
 * written and the cells are named.
 */
export function planResultWrite(
  values: readonly (readonly unknown[])[],
  formulas: readonly (readonly unknown[])[] | null,
  origin: Origin,
  sheet: string,
  result: Extract<ScoreResult, { ok: true }>,
  previous: { written?: WrittenRecord; marks?: MarkRecord[] },
  /** Last year's ranks: "Xếp hạng năm trước" and "Tăng/giảm" are written too (reused when the header row has them). */
  comparison: Comparison | null = null,
  /** Who reads the refusal: the add-in's pane (the default) or the command line. */
  where: "pane" | "cli" = "pane",
): PlanResult {
  const { layout, rows, rules, findings } = result;
  const written = writtenCells(previous.written, sheet);
  const context: ColumnContext = { rules, decimals: rules.json.index.decimals };

  let next = layout.lastCol + 1;
  // The table's columns that exist under these rules (no Phân loại without classes).
  const columns: PlannedColumn[] = sheetColumns(rules).map((spec) => {
    const kind = spec.kind as ResultKind;
    const existing = layout.resultCols[kind];
    return existing !== undefined ? { kind, spec, col: existing, isNew: false } : { kind, spec, col: next++, isNew: true };
  });
  if (comparison) {
    const header = values[layout.headerRow] ?? [];
    let after = Math.max(next - 1, ...columns.map((c) => c.col)) + 1;
    for (const spec of comparisonColumns(comparison)) {
      const found = header.findIndex((v) => typeof v === "string" && matchKey(v) === matchKey(spec.sheet.header));
      columns.push(found >= 0 ? { kind: spec.kind, spec, col: found, isNew: false } : { kind: spec.kind, spec, col: after++, isNew: true });
    }
  }

  // Content in a result column that is not the add-in's.
  const foreign: string[] = [];
  const top = layout.headerRow + 1;
  for (const c of columns) {
    const from = c.isNew ? layout.headerTop : top;
    for (let r = from; r <= layout.lastRow; r++) {
      const v = values[r]?.[c.col];
      const f = formulas?.[r]?.[c.col];
      const address = cellAddress(r, c.col, origin);
      // "=" in "Tăng/giảm" is the add-in's text (unchanged rank), written under the text format.
      if (typeof f === "string" && f.startsWith("=") && !(c.kind === "rankChange" && f === "=")) {
        foreign.push(address);
        continue;
      }
      if (isBlank(v)) continue;
      if (c.isNew) {
        foreign.push(address);
        continue;
      }
      if (written.get(address) === v) continue;
      if (!c.spec.sheet.isResult(v, context) || !layout.dataRows.includes(r)) foreign.push(address);
    }
  }
  if (foreign.length > 0) {
    return { ok: false, cells: foreign, ...both(CORE_MESSAGES, "foreignContent", { cells: foreign, where }) };
  }

  const byRow = new Map(rows.map((r) => [r.row, r]));
  const sorted = [...columns].sort((a, b) => a.col - b.col);
  const newWritten = new Map<string, string | number>();
  const blocks: WriteBlock[] = [];
  // Runs of consecutive agency rows; each run is one block per contiguous group of result columns.
  const runs: number[][] = [];
  for (const r of layout.dataRows) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === r - 1) last.push(r);
    else runs.push([r]);
  }
  const colRuns: PlannedColumn[][] = [];
  for (const c of sorted) {
    const last = colRuns[colRuns.length - 1];
    if (last && last[last.length - 1].col === c.col - 1) last.push(c);
    else colRuns.push([c]);
  }
  for (const run of runs) {
    for (const cols of colRuns) {
      const blockValues = run.map((r) => {
        const res = byRow.get(r)!;
        return cols.map((c): string | number => {
          let v: string | number = c.spec.value(res) ?? "";
          // Last guard: a number Excel cannot hold (Infinity, NaN) is never written. scoreSheet leaves
          // an agency with a value beyond any score unscored, so this only catches a broken caller.
          if (typeof v === "number" && !Number.isFinite(v)) v = "";
          if (v !== "") newWritten.set(cellAddress(r, c.col, origin), v);
          return v;
        });
      });
      blocks.push({
        row: run[0],
        col: cols[0].col,
        values: blockValues,
        numberFormat: run.map(() => cols.map((c) => c.spec.sheet.numberFormat(context))),
      });
    }
  }

  const headers = columns.filter((c) => c.isNew).map((c) => ({ row: layout.headerRow, col: c.col, text: c.spec.sheet.header }));

  const markCells = new Map<string, WritePlan["marks"][number]>();
  for (const f of findings) {
    // A finding on another sheet (the ledger's) marks nothing on the grid.
    if (f.sheet) continue;
    const existing = markCells.get(f.cell);
    if (!existing || (existing.severity === "warning" && f.severity === "error")) {
      markCells.set(f.cell, { address: f.cell, row: f.row, col: f.col, severity: f.severity });
    }
  }
  const oldMarks = (previous.marks ?? []).filter((m) => m.sheet === sheet);
  const unmark = oldMarks.filter((m) => !markCells.has(m.address));
  const keptMarks = oldMarks.filter((m) => markCells.has(m.address));

  return {
    ok: true,
    plan: { columns, headers, blocks, marks: [...markCells.values()], unmark, keptMarks, written: writtenRecord(sheet, newWritten) },
  };
}

export type { Finding };

/**
 * Cells as runs of consecutive rows in a column (columns in the order first met, rows ascending): what a write of
 * scattered cells queues as blocks. `same` keeps apart neighbours that cannot share a block (one written with a
 * number format, the next without).
 */
export function columnRuns<C extends { row: number; col: number }>(cells: readonly C[], same: (a: C, b: C) => boolean = () => true): C[][] {
  const byCol = new Map<number, C[]>();
  for (const c of cells) {
    const list = byCol.get(c.col) ?? [];
    list.push(c);
    byCol.set(c.col, list);
  }
  const runs: C[][] = [];
  for (const list of byCol.values()) {
    const sorted = [...list].sort((a, b) => a.row - b.row);
    let run: C[] = [];
    for (const c of sorted) {
      const last = run[run.length - 1];
      if (last && (last.row !== c.row - 1 || !same(last, c))) {
        runs.push(run);
        run = [];
      }
      run.push(c);
    }
    if (run.length > 0) runs.push(run);
  }
  return runs;
}
