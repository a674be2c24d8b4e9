/**
 * Comparison with last year's results: agencies matched by name (case, accents, spacing and
 * punctuation ignored), last year's rank and the change ("▲2", "▼1", "mới").
 */
import { Dec } from "./decimal";
import { RowResult, scoreSheet } from "./scoring";
import { cellAddress, Origin, SHEET_ORIGIN } from "./address";
import { isBlank } from "./numbers";
import { presetRules, PRESET_THAI_BINH_2020, validateRules } from "./rules";
import { matchKey } from "./text";
import type { AnnexPreviousProblem, PreviousProblem } from "./previous-messages";
import type { ResultColumn } from "./columns";

/** Last year's agency as its own workbook scores it. */
export interface PreviousAgency {
  name: string;
  rank: number | null;
  index: Dec | null;
  className: string | null;
}

export interface RowComparison {
  /** Last year's rank; null for an agency new this year (or unranked last year). */
  previousRank: number | null;
  /** previousRank − rank: positive when the agency went up. Null when either rank is missing. */
  rankChange: number | null;
  /** Last year's name as it was written, when it matched. */
  previousName: string | null;
}

export interface Comparison {
  /** By row of this year's values array. */
  byRow: Map<number, RowComparison>;
  /** Last year's agencies no agency matches this year (renamed, merged or gone). */
  missing: string[];
  /** Agencies this year that had no match last year. */
  added: string[];
}

/**
 * The key names are matched on. Legacy-encoded names (TCVN3, VNI) are converted to Unicode first
 * by the function passed as `toUnicode` (the encodings module's converter), so "Së Y tÕ" in an old
 * workbook meets "Sở Y tế".
 */
export function agencyKey(name: string, toUnicode: (text: string) => string = (t) => t): string {
  return matchKey(toUnicode(name));
}

export function compareWithPrevious(current: readonly RowResult[], previous: readonly PreviousAgency[], toUnicode?: (text: string) => string): Comparison {
  const last = new Map<string, PreviousAgency>();
  for (const p of previous) {
    const key = agencyKey(p.name, toUnicode);
    // A name repeated last year: the better ranked entry stands for it.
    const seen = last.get(key);
    if (key !== "" && (!seen || (p.rank !== null && (seen.rank === null || p.rank < seen.rank)))) last.set(key, p);
  }
  const used = new Set<string>();
  const byRow = new Map<number, RowComparison>();
  const added: string[] = [];
  for (const r of current) {
    const key = agencyKey(r.name, toUnicode);
    const p = last.get(key);
    if (!p) {
      added.push(r.name);
      byRow.set(r.row, { previousRank: null, rankChange: null, previousName: null });
      continue;
    }
    used.add(key);
    const change = p.rank !== null && r.rank !== null ? p.rank - r.rank : null;
    byRow.set(r.row, { previousRank: p.rank, rankChange: change, previousName: p.name });
  }
  const missing = previous.filter((p) => !used.has(agencyKey(p.name, toUnicode))).map((p) => p.name);
  return { byRow, missing: [...new Set(missing)], added };
}

export type Lang = "vi" | "en";

/** An agency with no rank last year, as each language writes it in the "Tăng/giảm" column. */
const NEW_THIS_YEAR: Record<Lang, string> = { vi: "mới", en: "new" };

/** The "Tăng/giảm" cell: ▲2 up two places, ▼1 down one, "=" unchanged, "mới" new this year. */
export function rankChangeText(c: RowComparison | undefined, rank: number | null, lang: Lang = "vi"): string {
  if (rank === null) return "";
  if (!c || c.previousRank === null) return NEW_THIS_YEAR[lang];
  if (c.rankChange === null) return "";
  if (c.rankChange > 0) return `▲${c.rankChange}`;
  if (c.rankChange < 0) return `▼${-c.rankChange}`;
  return "=";
}

/** Headers of last year's columns (recognised again on the next run, so they are reused, not repeated). */
export type PreviousKind = "previousRank" | "rankChange";
export const PREVIOUS_KINDS: readonly PreviousKind[] = ["previousRank", "rankChange"];
export const PREVIOUS_HEADERS: Record<PreviousKind, string> = { previousRank: "Xếp hạng năm trước", rankChange: "Tăng/giảm" };

/** Whether a cell of a "Tăng/giảm" column holds what the add-in writes there (▲2, ▼1, =, mới). */
export const isRankChangeText = (v: unknown): boolean => typeof v === "string" && /^(?:[▲▼]\d+|=|mới|new)$/.test(v.trim());

// The problems' catalogue lives in previous-messages.ts (the task pane renders it without loading the scoring core).
export { PREVIOUS_PROBLEMS, previousProblemText, ANNEX_PREVIOUS_PROBLEMS, annexPreviousProblemText } from "./previous-messages";
export type { PreviousProblem, AnnexPreviousProblem } from "./previous-messages";

/** A sheet of last year's workbook as read (values from its top-left cell A1). */
export interface PreviousSheet {
  name: string;
  values: readonly (readonly unknown[])[];
}

/**
 * Last year's agencies: its sheets scored with its own stored rules (or the preset when it stores
 * none, or stores rules that no longer validate), from the first sheet with a score grid. The CLI
 * (--previous) and the add-in ("So sánh với năm trước") both call this.
 */
export function scorePreviousYear(
  sheets: readonly PreviousSheet[],
  storedRules: unknown | undefined,
  source: string,
): { ok: true; agencies: PreviousAgency[]; sheet: string } | { ok: false; problem: PreviousProblem } {
  const checked = validateRules(storedRules ?? PRESET_THAI_BINH_2020);
  const rules = checked.ok ? checked.rules : presetRules();
  for (const ws of sheets) {
    const result = scoreSheet(ws.values, rules, SHEET_ORIGIN);
    if (!result.ok) continue;
    return { ok: true, sheet: ws.name, agencies: result.rows.map((r) => ({ name: r.name, rank: r.rank, index: r.index, className: r.className })) };
  }
  return { ok: false, problem: { code: "noGrid", source } };
}

type SheetColumn = ResultColumn<PreviousKind> & { sheet: NonNullable<ResultColumn["sheet"]> };

/**
 * Last year's two result columns, entries shaped as the table of result columns (columns.ts): their
 * values come from this comparison, so the entries are made for it.
 */
export function comparisonColumns(comparison: Comparison): SheetColumn[] {
  return [
    {
      kind: "previousRank",
      sheet: { header: PREVIOUS_HEADERS.previousRank, aliases: [], numberFormat: () => "0", isResult: (v) => typeof v === "number" },
      value: (r) => comparison.byRow.get(r.row)?.previousRank ?? null,
      // In the annex only when the user chooses (annexPrevious); empty for an agency new this year.
      annex: { header: PREVIOUS_HEADERS.previousRank, width: 9, text: (r) => String(comparison.byRow.get(r.row)?.previousRank ?? "") },
      json: "previousRank",
    },
    {
      kind: "rankChange",
      // Text ("▲2"): never read as a number or a formula.
      sheet: { header: PREVIOUS_HEADERS.rankChange, aliases: [], numberFormat: () => "@", isResult: isRankChangeText },
      value: (r) => rankChangeText(comparison.byRow.get(r.row), r.rank) || null,
      annex: { header: PREVIOUS_HEADERS.rankChange, width: 8, text: (r) => rankChangeText(comparison.byRow.get(r.row), r.rank) },
      json: "rankChange",
    },
  ];
}

/**
 * Last year's comparison as "Tính điểm" left it on the score sheet: "Xếp hạng năm trước" read from
 * its column (found by header on the grid's header row), the change recomputed from it and this year's
 * rank. The add-in's "Tạo phụ lục" builds the annex's two columns from it, through the same
 * comparisonColumns as the command line's --annex-previous. Refused when a column is missing, a cell
 * is not a rank, or a "Tăng/giảm" cell disagrees with the ranks (the annex would then not say what the
 * sheet says).
 */
export function comparisonFromSheet(
  values: readonly (readonly unknown[])[],
  result: { layout: { headerRow: number }; rows: readonly RowResult[] },
  origin: Origin = SHEET_ORIGIN,
): { ok: true; comparison: Comparison } | { ok: false; problem: AnnexPreviousProblem } {
  const header = values[result.layout.headerRow] ?? [];
  const colOf = (kind: PreviousKind) => header.findIndex((v) => typeof v === "string" && matchKey(v) === matchKey(PREVIOUS_HEADERS[kind]));
  const prevCol = colOf("previousRank");
  const changeCol = colOf("rankChange");
  const missing = PREVIOUS_KINDS.filter((k) => (k === "previousRank" ? prevCol : changeCol) < 0).map((k) => PREVIOUS_HEADERS[k]);
  if (missing.length > 0) return { ok: false, problem: { code: "annexPreviousNoColumns", missing } };

  const byRow = new Map<number, RowComparison>();
  const notRank: string[] = [];
  for (const r of result.rows) {
    const v = values[r.row]?.[prevCol];
    if (isBlank(v)) {
      byRow.set(r.row, { previousRank: null, rankChange: null, previousName: null });
      continue;
    }
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1) {
      notRank.push(cellAddress(r.row, prevCol, origin));
      continue;
    }
    byRow.set(r.row, { previousRank: v, rankChange: r.rank !== null ? v - r.rank : null, previousName: null });
  }
  if (notRank.length > 0) return { ok: false, problem: { code: "annexPreviousNotRank", cells: notRank } };

  const stale = result.rows
    .filter((r) => {
      const cell = values[r.row]?.[changeCol];
      const shown = typeof cell === "string" ? cell.trim() : isBlank(cell) ? "" : String(cell);
      return shown !== rankChangeText(byRow.get(r.row), r.rank);
    })
    .map((r) => cellAddress(r.row, changeCol, origin));
  if (stale.length > 0) return { ok: false, problem: { code: "annexPreviousChangeStale", cells: stale } };
  const added = result.rows.filter((r) => byRow.get(r.row)?.previousRank === null).map((r) => r.name);
  return { ok: true, comparison: { byRow, missing: [], added } };
}
