/**
 * Stale results: the result columns on the sheet (Tổng điểm, Chỉ số, Phân loại, Xếp hạng) compared
 * with what the scores give now. Scores edited after "Tính điểm" leave results that no longer match;
 * an annex must never be made from them.
 */
import { cellAddress, Origin, parseCell, SHEET_ORIGIN } from "../base/address";
import { RESULT_COLUMNS, ResultColumn } from "./columns";
import { cmp, fromNumber } from "../base/decimal";
import { ResultKind } from "./grid";
import { isBlank, parseScore } from "../base/numbers";
import { Scored } from "../findings/explain";
import { list } from "../findings/explain-messages";
import { Finding, makeFinding } from "../findings/findings";
import { cleanText } from "../text/text";

export interface StaleAgency {
  row: number;
  name: string;
  /** Sheet addresses of the result cells that disagree. */
  cells: string[];
}

export interface StaleCheck {
  /** True when some result cell disagrees with the scores. */
  stale: boolean;
  /** False when the sheet has no result column, or only blank ones: nothing was computed yet. */
  hasResults: boolean;
  agencies: StaleAgency[];
}

function sameNumber(cell: unknown, expected: number): boolean {
  if (isBlank(cell)) return false;
  const parsed = parseScore(cell);
  const want = fromNumber(expected);
  return parsed.kind === "number" && want !== null && cmp(parsed.value, want) === 0;
}

function sameText(cell: unknown, expected: string): boolean {
  return typeof cell === "string" && cleanText(cell) === expected;
}

const COLUMN_OF = new Map((RESULT_COLUMNS as readonly ResultColumn[]).map((c) => [c.kind, c]));

/**
 * Compares every agency's result cells with the result the scores give. A sheet whose result
 * columns are all blank has no results to be stale (it was never scored).
 */
export function checkStale(values: readonly (readonly unknown[])[], result: Scored, origin: Origin = SHEET_ORIGIN): StaleCheck {
  const { layout, rows } = result;
  const kinds = (Object.keys(layout.resultCols) as ResultKind[]).filter((k) => layout.resultCols[k] !== undefined);
  const agencies: StaleAgency[] = [];
  let hasResults = false;
  for (const r of rows) {
    const cells: string[] = [];
    for (const kind of kinds) {
      const col = layout.resultCols[kind]!;
      const v = values[r.row]?.[col];
      if (!isBlank(v)) hasResults = true;
      // What "Tính điểm" writes there now (the result columns' table): nothing, a number or a text.
      const expected = COLUMN_OF.get(kind)!.value(r);
      const ok = expected === null ? isBlank(v) : typeof expected === "number" ? sameNumber(v, expected) : sameText(v, expected);
      if (!ok) cells.push(cellAddress(r.row, col, origin));
    }
    if (cells.length > 0) agencies.push({ row: r.row, name: r.name, cells });
  }
  return hasResults ? { stale: agencies.length > 0, hasResults, agencies } : { stale: false, hasResults, agencies: [] };
}

/** The command line's finding for stale result columns: one, at the first cell, naming the agencies. */
export function staleFinding(check: StaleCheck, origin: Origin = SHEET_ORIGIN): Finding | null {
  if (!check.stale) return null;
  const first = check.agencies[0];
  const col = parseCell(first.cells[0]).col - origin.col;
  return makeFinding("staleResults", first.row, col, origin, {
    agency: list(
      "vi",
      check.agencies.map((a) => a.name),
    ),
    group: "",
    value: "",
    detail: list(
      "vi",
      check.agencies.flatMap((a) => a.cells),
      12,
    ),
  });
}
