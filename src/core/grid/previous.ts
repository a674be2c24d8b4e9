/**
 * Comparison with last year's results: agencies matched by name (case, accents, spacing and
 * punctuation ignored), last year's rank and the change ("▲2", "▼1", "mới").
 */
import { add, cmp, Dec, div, formatVi, fromNumber, ZERO } from "../base/decimal";
import { rankDescending } from "./ranking";
import { RowResult, scoreSheet } from "./scoring";
import { cellAddress, Origin, SHEET_ORIGIN } from "../base/address";
import { isBlank } from "../base/numbers";
import { LineageModel, LineageRule, presetRules, PRESET_THAI_BINH_2020, Rules, RulesJson, validateRules } from "../rules/rules";
import { titleRowsOf, yearInTitle } from "../rules/metadata";
import { Finding, makeFinding } from "../findings/findings";
import { both, Both } from "../base/catalogue";
import { EXPLAIN_MESSAGES } from "../findings/explain-messages";
import { matchKey } from "../text/text";
import type { AnnexPreviousProblem, PreviousProblem } from "./previous-messages";
import type { ResultColumn } from "./columns";

/** Last year's agency as its own workbook scores it. */
export interface PreviousAgency {
  name: string;
  rank: number | null;
  index: Dec | null;
  className: string | null;
  /** Its total (ranking by total), its block id and its index's decimals under last year's rules; absent from older callers. */
  total?: Dec | null;
  block?: string | null;
  decimals?: number;
}

export interface RowComparison {
  /** Last year's rank; null for an agency new this year (or unranked last year). */
  previousRank: number | null;
  /** previousRank − rank: positive when the agency went up. Null when either rank is missing. */
  rankChange: number | null;
  /** Last year's name as it was written, when it matched. */
  previousName: string | null;
  /** Last year's agencies it is compared with, as written last year (several for a merger). */
  from?: string[];
  /** Last year's index it is compared with: its own, or its predecessors' exact mean rounded half-up. */
  previousIndex?: Dec | null;
  /** Compared with several predecessors ("sáp nhập" in Tăng/giảm). */
  merged?: boolean;
}

/** What differs between last year's rules and this year's (comparisons then are as published). */
/** What the last "Tính điểm" that compared wrote its columns from, as the store keeps it (StoreState.lastYear.compared). */
export interface ComparedRecord {
  /** The sheet whose "Xếp hạng năm trước" and "Tăng/giảm" it wrote. */
  sheet: string;
  /** The two years compared (the grids' titles), when known. */
  years: { current: number | null; previous: number | null };
  /** What differs in last year's stored rules (indices compared as published); empty when nothing does. */
  rulesChanged: RulesChange[];
  /** The entries of the 2025 list it compared through (accepted with the box). */
  lineage2025: LineageRule[];
}

export interface RulesChange {
  kind: "groups" | "maxima" | "weights" | "classes" | "criteria";
  /** What changed, with names and numbers ("Cung cấp DVCTT: 100 → 80"). */
  detail: string;
}

export interface Comparison {
  /** By row of this year's values array. */
  byRow: Map<number, RowComparison>;
  /** Last year's agencies no agency matches this year, directly or through the lineage ("không còn"). */
  missing: string[];
  /** Agencies this year that had no match last year. */
  added: string[];
  /** Whether last year's ranking was recomputed (predecessors replaced by their successors). */
  recomputed?: boolean;
  /** The two years compared, when known (the grids' titles). */
  years?: { current: number | null; previous: number | null };
  /** Last year's stored rules differ from this year's (only when last year's workbook stores its rules). */
  rulesChanged?: RulesChange[];
  /** This year's agencies compared through the lineage (merged, renamed, split), as written this year. */
  through?: string[];
}

/**
 * The key names are matched on. Legacy-encoded names (TCVN3, VNI) are converted to Unicode first
 * by the function passed as `toUnicode` (the encodings module's converter), so "Së Y tÕ" in an old
 * workbook meets "Sở Y tế".
 */
export function agencyKey(name: string, toUnicode: (text: string) => string = (t) => t): string {
  return matchKey(toUnicode(name));
}

export interface CompareOptions {
  /** The rules' lineage (mergers, renames, splits). */
  lineage?: readonly LineageModel[];
  /** How last year ranked (its rules' rankBy): the recomputed ranking ranks on the same. */
  rankBy?: "index" | "total";
}

const decimalsOf = (p: PreviousAgency): number => p.decimals ?? p.index?.s ?? 0;

/** The exact mean of decimals, rounded half-up to `decimals`; null when a value is missing. */
function meanOf(values: readonly (Dec | null | undefined)[], decimals: number): Dec | null {
  if (values.length === 0 || values.some((v) => v === null || v === undefined)) return null;
  if (values.length === 1) return values[0]!;
  const total = values.reduce<Dec>((acc, v) => add(acc, v!), ZERO);
  return div(total, fromNumber(values.length)!, decimals, "halfUp");
}

/**
 * This year's rows against last year's agencies. Without a lineage (or one that changes nothing
 * here), by name: last year's published ranks. With one, an agency is compared with its predecessors
 * (the exact mean of their indices, rounded half-up to the index's decimals), and last year's
 * ranking is recomputed with the predecessors replaced by their successors (ties share a rank and
 * the next is skipped, per block when last year had blocks). A predecessor of two successors (a
 * split) stands for both. An agency this year that keeps a predecessor's name continues it too.
 */
export function compareWithPrevious(
  current: readonly RowResult[],
  previous: readonly PreviousAgency[],
  toUnicode?: (text: string) => string,
  options: CompareOptions = {},
): Comparison {
  const keyOf = (name: string) => agencyKey(name, toUnicode);
  const last = new Map<string, PreviousAgency>();
  for (const p of previous) {
    const key = keyOf(p.name);
    // A name repeated last year: the better ranked entry stands for it.
    const seen = last.get(key);
    if (key !== "" && (!seen || (p.rank !== null && (seen.rank === null || p.rank < seen.rank)))) last.set(key, p);
  }
  const here = new Set(current.map((r) => keyOf(r.name)));
  // Each agency this year (by key): last year's agencies it continues.
  const declared = new Map<string, string[]>();
  for (const e of options.lineage ?? []) {
    const key = keyOf(e.name);
    if (!here.has(key)) continue;
    const found = [...new Set(e.from.map(keyOf))].filter((k) => last.has(k));
    if (found.length > 0) declared.set(key, found);
  }
  const sourcesOf = (key: string): string[] => declared.get(key) ?? (last.has(key) ? [key] : []);
  const sources = new Map([...here].map((k) => [k, sourcesOf(k)] as [string, string[]]));
  const consumed = new Set([...sources.values()].flat());
  const recomputed = [...sources].some(([k, from]) => from.length > 1 || (from.length === 1 && from[0] !== k));

  // Last year's rank and index of each agency this year.
  const rankOf = new Map<string, number | null>();
  const indexOf = new Map<string, Dec | null>();
  for (const [k, from] of sources) {
    if (from.length === 0) continue;
    const agencies = from.map((f) => last.get(f)!);
    const decimals = Math.max(...agencies.map(decimalsOf));
    indexOf.set(
      k,
      meanOf(
        agencies.map((a) => a.index),
        decimals,
      ),
    );
    if (!recomputed) rankOf.set(k, agencies[0].rank);
  }
  if (recomputed) {
    // Last year's ranking again: the successors, and last year's agencies no one continues.
    const entries: { key: string; block: string | null; value: Dec | null; own: boolean }[] = [];
    for (const [k, from] of sources) {
      if (from.length === 0) continue;
      const agencies = from.map((f) => last.get(f)!);
      const value =
        options.rankBy === "total"
          ? meanOf(
              agencies.map((a) => a.total),
              Math.max(...agencies.map((a) => a.total?.s ?? 0)),
            )
          : indexOf.get(k)!;
      entries.push({ key: k, block: agencies[0].block ?? null, value, own: true });
    }
    for (const [k, p] of last)
      if (!consumed.has(k)) entries.push({ key: k, block: p.block ?? null, value: options.rankBy === "total" ? (p.total ?? null) : p.index, own: false });
    const blocks = new Set(entries.map((e) => e.block));
    for (const b of blocks) {
      const ranked = entries.filter((e) => e.block === b && e.value !== null && e.value !== undefined);
      const ranks = rankDescending(ranked.map((e) => e.value!));
      ranked.forEach((e, i) => e.own && rankOf.set(e.key, ranks[i]));
    }
  }

  const byRow = new Map<number, RowComparison>();
  const added: string[] = [];
  for (const r of current) {
    const key = keyOf(r.name);
    const from = sources.get(key) ?? [];
    if (from.length === 0) {
      added.push(r.name);
      byRow.set(r.row, { previousRank: null, rankChange: null, previousName: null, from: [], previousIndex: null });
      continue;
    }
    const prevRank = rankOf.get(key) ?? null;
    const change = prevRank !== null && r.rank !== null ? prevRank - r.rank : null;
    const names = from.map((f) => (toUnicode ? toUnicode(last.get(f)!.name) : last.get(f)!.name));
    byRow.set(r.row, {
      previousRank: prevRank,
      rankChange: change,
      previousName: from.length === 1 ? names[0] : null,
      from: names,
      previousIndex: indexOf.get(key) ?? null,
      merged: from.length > 1,
    });
  }
  const missing = previous.filter((p) => !consumed.has(keyOf(p.name))).map((p) => p.name);
  const through = current.filter((r) => {
    const from = sources.get(keyOf(r.name)) ?? [];
    return from.length > 1 || (from.length === 1 && from[0] !== keyOf(r.name));
  });
  return { byRow, missing: [...new Set(missing)], added, recomputed, through: [...new Set(through.map((r) => r.name))] };
}

export type Lang = "vi" | "en";

/** An agency with no rank last year, as each language writes it in the "Tăng/giảm" column. */
export const NEW_THIS_YEAR: Record<Lang, string> = { vi: "mới", en: "new" };
/** An agency compared with several predecessors. */
export const MERGED: Record<Lang, string> = { vi: "sáp nhập", en: "merged" };

/** The "Tăng/giảm" cell: ▲2 up two places, ▼1 down one, "=" unchanged, "mới" new this year, "sáp nhập" merged. */
export function rankChangeText(c: RowComparison | undefined, rank: number | null, lang: Lang = "vi"): string {
  if (rank === null) return "";
  if (c?.merged && c.previousRank !== null) return MERGED[lang];
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
export const isRankChangeText = (v: unknown): boolean => typeof v === "string" && /^(?:[▲▼]\d+|=|mới|new|sáp nhập|merged)$/.test(v.trim());

// The problems' catalogue lives in previous-messages.ts (the task pane renders it without loading the scoring core).
export { PREVIOUS_PROBLEMS, previousProblemText, ANNEX_PREVIOUS_PROBLEMS, annexPreviousProblemText } from "./previous-messages";
export type { PreviousProblem, AnnexPreviousProblem } from "./previous-messages";

/** A sheet of last year's workbook as read (values from its top-left cell A1). */
export interface PreviousSheet {
  name: string;
  values: readonly (readonly unknown[])[];
}

/** Last year's data as scored: its agencies, the sheet, its year (the grid's title) and its rules. */
export interface PreviousYearData {
  agencies: PreviousAgency[];
  sheet: string;
  /** The year the grid's title names ("… năm 2024"), or null. */
  year: number | null;
  /** The year its workbook's stored decision data names, when there is one (used when the title names none). */
  decisionYear?: number | null;
  /** The rules it was scored with, when its workbook stores them (not the preset taken for want of any). */
  storedRules: RulesJson | null;
  rankBy: "index" | "total";
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
): ({ ok: true } & PreviousYearData) | { ok: false; problem: PreviousProblem } {
  const checked = validateRules(storedRules ?? PRESET_THAI_BINH_2020);
  const rules = checked.ok ? checked.rules : presetRules();
  for (const ws of sheets) {
    const result = scoreSheet(ws.values, rules, SHEET_ORIGIN);
    if (!result.ok) continue;
    const decimals = rules.json.index.decimals;
    return {
      ok: true,
      sheet: ws.name,
      agencies: result.rows.map((r) => ({ name: r.name, rank: r.rank, index: r.index, className: r.className, total: r.total, block: r.block, decimals })),
      year: yearInTitle(titleRowsOf(ws.values, result.layout.headerTop)),
      storedRules: storedRules !== undefined && checked.ok ? rules.json : null,
      rankBy: rules.json.rankBy,
    };
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
  /** The lineage compared through: a row it declares names its predecessors from it (the annex's notes: a merger, a rename, a split). */
  lineage: readonly LineageModel[] = [],
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
    const shown = values[r.row]?.[changeCol];
    const merged = typeof shown === "string" && matchKey(shown) === matchKey(MERGED.vi);
    const entry = lineage.find((e) => matchKey(e.name) === matchKey(r.name));
    byRow.set(r.row, {
      previousRank: v,
      rankChange: r.rank !== null ? v - r.rank : null,
      previousName: null,
      merged,
      from: entry ? [...entry.from] : undefined,
    });
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
  return { ok: true, comparison: { byRow, missing: [], added, recomputed: [...byRow.values()].some((c) => c.merged) } };
}

/**
 * What differs between last year's rules (as its workbook stores them) and this year's: the groups
 * (by id), their applicable maxima and weights, the classes, and the criteria when the rules carry
 * any. Empty when the two agree on all of these (names of rule sets, aliases, notes do not count).
 */
export function rulesChanges(lastJson: RulesJson, now: Rules): RulesChange[] {
  const checked = validateRules(lastJson);
  if (!checked.ok) return [];
  const before = checked.rules;
  const changes: RulesChange[] = [];
  const byId = new Map(before.groups.map((g) => [g.id, g]));
  const nowIds = new Set(now.groups.map((g) => g.id));
  const addedGroups = now.groups.filter((g) => !byId.has(g.id)).map((g) => `+ ${g.name}`);
  const removedGroups = before.groups.filter((g) => !nowIds.has(g.id)).map((g) => `− ${g.name}`);
  if (addedGroups.length + removedGroups.length > 0) changes.push({ kind: "groups", detail: [...removedGroups, ...addedGroups].join("; ") });
  const maxima: string[] = [];
  const weights: string[] = [];
  for (const g of now.groups) {
    const b = byId.get(g.id);
    if (!b) continue;
    if (cmp(b.max, g.max) !== 0 || b.counted !== g.counted)
      maxima.push(`${g.name}: ${b.counted ? formatVi(b.max) : "—"} → ${g.counted ? formatVi(g.max) : "—"}`);
    const w = (x: Dec | null) => (x === null ? "—" : formatVi(x));
    if ((b.weight === null) !== (g.weight === null) || (b.weight && g.weight && cmp(b.weight, g.weight) !== 0))
      weights.push(`${g.name}: ${w(b.weight)} → ${w(g.weight)}`);
  }
  if (maxima.length > 0) changes.push({ kind: "maxima", detail: maxima.join("; ") });
  if (weights.length > 0) changes.push({ kind: "weights", detail: weights.join("; ") });
  const bands = (r: Rules) => r.classes.map((c) => `${c.name} ≥ ${formatVi(c.min)}`).join(", ") || "—";
  if (bands(before) !== bands(now)) changes.push({ kind: "classes", detail: `${bands(before)} → ${bands(now)}` });
  // The criteria sets (groups[].criteria), compared as data, group by group.
  const criteriaOf = (j: RulesJson, id: string) => JSON.stringify(j.groups.find((g) => g.id === id)?.criteria ?? null);
  const criteria = now.groups.filter((g) => byId.has(g.id) && criteriaOf(before.json, g.id) !== criteriaOf(now.json, g.id)).map((g) => g.name);
  if (criteria.length > 0) changes.push({ kind: "criteria", detail: criteria.join("; ") });
  return changes;
}

/** The finding rulesChangedSinceLastYear, on the grid's name header (the comparison is about the whole table). */
export function rulesChangedFinding(
  changes: readonly RulesChange[],
  layout: { headerRow: number; nameCol: number },
  origin: Origin,
  previousYear: number | null,
): Finding | null {
  if (changes.length === 0) return null;
  return makeFinding("rulesChangedSinceLastYear", layout.headerRow, layout.nameCol, origin, {
    agency: "",
    group: previousYear === null ? "" : String(previousYear),
    value: changes.map((c) => c.kind).join(","),
    detail: changes
      .map((c) => c.detail)
      .filter((d) => d !== "")
      .join("; "),
  });
}

/**
 * Last year's workbook must be of an earlier year than this one. Its year: its title's, else its stored decision's;
 * this one's: the year stated (--year), else the stored decision's, else its title's. The two years when last year's
 * is not earlier, null when it is or either is unknown. `--previous` refuses then unless --force-previous, the pane's
 * “So sánh với năm trước” unless the user confirms (“Vẫn so sánh”).
 */
export function previousNotEarlier(
  previous: { year?: number | null; decisionYear?: number | null },
  current: { stated?: number | null; decisionYear?: number | null; values: readonly (readonly unknown[])[]; headerTop: number },
): { previous: number; current: number } | null {
  const last = previous.year ?? previous.decisionYear ?? null;
  const now = current.stated ?? current.decisionYear ?? yearInTitle(titleRowsOf(current.values, current.headerTop));
  return last !== null && now !== null && last >= now ? { previous: last, current: now } : null;
}

/** Last year as the comparison needs it (a file read by the pane carries what scorePreviousYear found). */
export type PreviousInput = Pick<PreviousYearData, "agencies"> & Partial<Omit<PreviousYearData, "agencies" | "sheet">>;

/**
 * The comparison "Tính điểm" and the command line make: through the rules' lineage, with the two
 * years (the grids' titles) and, when last year's workbook stores its rules, what changed in them
 * (then a rulesChangedSinceLastYear finding on the grid's name header).
 */
export function compareYears(
  values: readonly (readonly unknown[])[],
  result: { rows: readonly RowResult[]; layout: { headerRow: number; headerTop: number; nameCol: number }; rules: Rules },
  last: PreviousInput,
  toUnicode: ((text: string) => string) | undefined,
  origin: Origin = SHEET_ORIGIN,
): { comparison: Comparison; finding: Finding | null } {
  const comparison = compareWithPrevious(result.rows, last.agencies, toUnicode, { lineage: result.rules.lineage, rankBy: last.rankBy });
  comparison.years = { current: yearInTitle(titleRowsOf(values, result.layout.headerTop)), previous: last.year ?? null };
  comparison.rulesChanged = last.storedRules ? rulesChanges(last.storedRules, result.rules) : [];
  return { comparison, finding: rulesChangedFinding(comparison.rulesChanged, result.layout, origin, comparison.years.previous) };
}

/** What the user is told about a comparison, in both languages: the two years (and the agencies compared through the lineage), then last year's agencies gone. */
export function comparisonNotices(c: Comparison): Both[] {
  const out: Both[] = [
    both(EXPLAIN_MESSAGES, "previousYears", { current: c.years?.current ?? null, previous: c.years?.previous ?? null, merged: c.through ?? [] }),
  ];
  if (c.missing.length > 0) out.push(both(EXPLAIN_MESSAGES, "previousMissing", { names: c.missing }));
  return out;
}

/** What the store keeps of a comparison "Tính điểm" wrote on `sheet` (StoreState.lastYear.compared). */
export function comparedRecord(comparison: Comparison, sheet: string, lineage2025: readonly LineageModel[]): ComparedRecord {
  return {
    sheet,
    years: { current: comparison.years?.current ?? null, previous: comparison.years?.previous ?? null },
    rulesChanged: (comparison.rulesChanged ?? []).map((c) => ({ kind: c.kind, detail: c.detail })),
    lineage2025: lineage2025.map((e) => ({ name: e.name, from: [...e.from] })),
  };
}

/**
 * Last year's columns as read from the sheet, with what the last "Tính điểm" that wrote them kept: the
 * two years and the rules changed between them (the annex's notes). A record of another sheet adds nothing.
 */
export function withComparedRecord(comparison: Comparison, record: ComparedRecord | undefined, sheet: string): Comparison {
  if (!record || record.sheet !== sheet) return comparison;
  return { ...comparison, years: { ...record.years }, rulesChanged: record.rulesChanged.map((c) => ({ ...c })) };
}
