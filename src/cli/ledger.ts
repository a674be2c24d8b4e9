/**
 * The command line and the ledger "Chấm điểm chi tiết" (criteria sets): `score` on a workbook with
 * a ledger computes every leaf, writes Tự chấm (computed methods) and Điểm on the ledger and the
 * group sums into the grid, then scores as today; `ledger` makes (or makes again, keeping what was
 * entered) the ledger from the rules and the grid's agencies. Kept apart from score.ts, which calls
 * in at two places; the `ledger` command is ledger-main.ts.
 */
import { cellAddress, SHEET_ORIGIN } from "../core/base/address";
import { both, catalogue, entry, joinBoth } from "../core/base/catalogue";
import { criteriaFromSheet } from "../core/rules/criteria-sheet";
import { toNumber } from "../core/base/decimal";
import { criteriaOfAgency, LEDGER_SHEET, LedgerRead, scoreWithLedger } from "../core/grid/ledger";
import { loadRules, Rules } from "../core/rules/rules";
import { RowResult, ScoreResult } from "../core/grid/scoring";
import { StoreState, WrittenRecord, writtenCells, writtenRecord } from "../core/store/store";
import { fail } from "./messages";
import { SheetValues } from "./workbook";

export const LEDGER_CLI_MESSAGES = catalogue("cli ledger", {
  noLedgerHeader: entry({
    vi: (p: { sheet: string }) =>
      `Trang “${p.sheet}” không có dòng tiêu đề của trang chấm chi tiết (cần ít nhất các cột “Cơ quan” và “Mã tiêu chí”). Hãy tạo lại trang bằng lệnh “xep-hang-cntt ledger”, hoặc sửa tiêu đề.`,
    en: (p) =>
      `Sheet “${p.sheet}” has no ledger header row (it needs at least the “Cơ quan” and “Mã tiêu chí” columns). Make it again with “xep-hang-cntt ledger”, or fix the headers.`,
    example: { sheet: "Chấm điểm chi tiết" },
  }),
  noCriteria: entry({
    vi: (p: { sheet: string }) =>
      `Quy tắc đang dùng không có bộ tiêu chí (groups[].criteria) nên không tạo được trang “${p.sheet}”. Hãy dùng --rules với một bộ quy tắc có tiêu chí.`,
    en: (p) => `The rules in use have no criteria set (groups[].criteria), so “${p.sheet}” cannot be made. Use --rules with rules that have criteria.`,
    example: { sheet: "Chấm điểm chi tiết" },
  }),
  noOutput: entry({
    vi: () => "Lệnh ledger cần -o RA.xlsx (tệp đầu vào không bao giờ bị sửa).",
    en: () => "The ledger command needs -o OUT.xlsx (the input file is never modified).",
    example: {},
  }),
  usage: entry({
    vi: () =>
      "  xep-hang-cntt ledger BANG-DIEM.xlsx -o RA.xlsx [--force] [--sheet TÊN] [--rules QUY-TAC.json]   # tạo trang “Chấm điểm chi tiết” (giữ số liệu đã nhập)",
    en: () =>
      "  xep-hang-cntt ledger GRID.xlsx -o OUT.xlsx [--force] [--sheet NAME] [--rules RULES.json]   # make the “Chấm điểm chi tiết” sheet (keeps what was entered)",
    example: {},
  }),
  made: entry({
    vi: (p: { file: string; rows: number; agencies: number }) => `Đã ghi ${p.file}: trang “Chấm điểm chi tiết”, ${p.rows} dòng cho ${p.agencies} cơ quan.`,
    en: (p) => `Wrote ${p.file}: the “Chấm điểm chi tiết” sheet, ${p.rows} rows for ${p.agencies} agencies.`,
    example: { file: "ra.xlsx", rows: 150, agencies: 5 },
  }),
});

export interface LedgerApplied {
  data: SheetValues;
  result: Extract<ScoreResult, { ok: true }>;
  ledger: Extract<LedgerRead, { ok: true }>;
  /** The group sums written into the grid, by address (for the store's record of what the add-in wrote). */
  gridWritten: Map<string, string | number>;
}

/** A value the ledger step writes (0-based cell), on the ledger or on the grid. */
export interface LedgerCellWrite {
  row: number;
  col: number;
  value: string | number;
}

/**
 * With criteria in the rules and a ledger in the workbook: the grid scored with the ledger's sums,
 * and the writes to make (ledger: Tự chấm, Điểm; grid: group sums, never over a cell a user typed),
 * applied by the caller through the workbook port. Null when there is no ledger to apply.
 */
export function applyLedger(
  ledgerValues: unknown[][] | null,
  gridSheet: string,
  data: SheetValues,
  rules: Rules,
  state: StoreState,
): (LedgerApplied & { ledgerWrites: LedgerCellWrite[]; gridWrites: LedgerCellWrite[] }) | null {
  if (rules.leaves.length === 0 || ledgerValues === null) return null;
  const written = writtenCells(state.written, gridSheet);
  const scored = scoreWithLedger(data.values, ledgerValues, rules, { written });
  if (!scored.ok) {
    if (!scored.ledger.ok) fail(both(LEDGER_CLI_MESSAGES, "noLedgerHeader", { sheet: LEDGER_SHEET }));
    return null;
  }
  const gridWritten = new Map<string, string | number>();
  for (const w of scored.gridWrites) if (w.value !== "") gridWritten.set(cellAddress(w.row, w.col, SHEET_ORIGIN), w.value);
  // Sums already in place (written before, unchanged) stay the add-in's.
  for (const r of scored.result.rows)
    rules.groups.forEach((g, i) => {
      const col = scored.result.layout.groupCols[i];
      const address = cellAddress(r.row, col, SHEET_ORIGIN);
      if (g.criteria.length > 0 && !gridWritten.has(address) && written.get(address) === data.values[r.row]?.[col])
        gridWritten.set(address, written.get(address)!);
    });
  return {
    data: { values: scored.values, formulas: data.formulas },
    result: scored.result,
    ledger: scored.ledger,
    gridWritten,
    ledgerWrites: scored.ledger.writes.map((w) => ({ row: w.row, col: w.col, value: w.value })),
    gridWrites: scored.gridWrites.map((w) => ({ row: w.row, col: w.col, value: w.value })),
  };
}

/** The rules with the criteria of a “Bộ tiêu chí” worksheet (its values read through the workbook port); its problems (by cell) refuse the input. */
export function withCriteriaValues(values: unknown[][], sheet: string, rules: Rules): Rules {
  const read = criteriaFromSheet(values, rules.json, SHEET_ORIGIN, sheet);
  if (!read.ok)
    return fail(
      joinBoth(
        read.problems.map((p) => ({ message: p.message, messageEn: p.messageEn })),
        "\n",
      ),
    );
  return loadRules(read.rules);
}

/** The store's record of what the add-in wrote: the result columns' (plan) and the group sums'. */
export function withGridWritten(record: WrittenRecord, applied: LedgerApplied | null): WrittenRecord {
  if (!applied || applied.gridWritten.size === 0) return record;
  const cells = writtenCells(record, record.sheet);
  for (const [a, v] of applied.gridWritten) cells.set(a, v);
  return writtenRecord(record.sheet, cells);
}

export interface CriteriaJson {
  /** Group id → the points counted (null: not scored, or exempt). */
  groups: Record<string, number | null>;
  /** With a ledger: each applicable leaf's self-assessed, appraised and counted points. */
  criteria?: { id: string; self: number | null; appraised: number | null; points: number | null }[];
}

/** rows[].groups and, with a ledger, rows[].criteria, for one agency. */
export function criteriaJson(row: RowResult, rules: Rules, applied: LedgerApplied | null): CriteriaJson {
  const groups = Object.fromEntries(rules.groups.map((g, i) => [g.id, row.scores[i] === null ? null : toNumber(row.scores[i]!)]));
  return applied ? { groups, criteria: criteriaOfAgency(applied.ledger, row.name) } : { groups };
}
