/**
 * The command line and the ledger "Chấm điểm chi tiết" (criteria sets): `score` on a workbook with
 * a ledger computes every leaf, writes Tự chấm (computed methods) and Điểm on the ledger and the
 * group sums into the grid, then scores as today; `ledger` makes (or makes again, keeping what was
 * entered) the ledger from the rules and the grid's agencies. Kept apart from score.ts, which calls
 * in at two places; the `ledger` command is ledger-main.ts.
 */
import { SHEET_ORIGIN } from "../core/base/address";
import { both, catalogue, entry, joinBoth } from "../core/base/catalogue";
import { criteriaFromSheet } from "../core/rules/criteria-sheet";
import { toNumber } from "../core/base/decimal";
import { criteriaOfAgency, LEDGER_SHEET } from "../core/grid/ledger";
import { LedgerPort, LedgerSums, planLedgerSums, writeLedgerSums } from "../core/flows/ledger";
import { loadRules, Rules } from "../core/rules/rules";
import { RowResult } from "../core/grid/scoring";
import { StoreState } from "../core/store/store";
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

export interface LedgerApplied extends LedgerSums {
  /** The grid's values with the sums in place, and its formulas as read. */
  data: SheetValues;
}

/**
 * With criteria in the rules and a ledger in the workbook: the core's flow (src/core/flows/ledger.ts) over the
 * package port — the grid scored with the ledger's sums, the ledger's Tự chấm and Điểm and the grid's group sums
 * queued. Null when there is no ledger to apply; a ledger without its header row refuses.
 */
export function applyLedger(
  port: LedgerPort,
  sheet: string,
  data: SheetValues,
  rules: Rules,
  state: StoreState,
  ledgerValues: unknown[][] | null,
): LedgerApplied | null {
  const sums = planLedgerSums(port, { sheet, rules, state, gridValues: data.values, ledgerValues });
  if (!sums.ok) {
    if (sums.reason === "noHeader") fail(both(LEDGER_CLI_MESSAGES, "noLedgerHeader", { sheet: LEDGER_SHEET }));
    return null;
  }
  writeLedgerSums(port, sheet, sums);
  return { ...sums, data: { values: sums.values, formulas: data.formulas } };
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
