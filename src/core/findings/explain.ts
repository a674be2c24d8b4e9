/**
 * Explaining a result: what correcting a finding would change (ifCorrected), how far an agency is
 * from the next class (toNextClass), the points it lost per group, and its card (maximum and why,
 * rank and neighbours). Pure: works on a ScoreResult, never re-reads a sheet.
 */
import { add, cmp, Dec, div, fromString, mul, sign, sub, toNumber, trim, ZERO } from "../base/decimal";
import { Finding, FindingCode } from "./findings";
import { Rules } from "../rules/rules";
import { criteriaMaxes, LeafOut } from "../rules/criteria";
import { RowResult, scoreSheet, ScoreResult } from "../grid/scoring";

export type Scored = Extract<ScoreResult, { ok: true }>;

/**
 * Codes of findings as the command line's JSON and other programs see them. They are stable: a
 * finding keeps its code when its wording changes. Most are the finding's own code; the two whose
 * internal names predate this contract are mapped to the names the rules already use ("overMax").
 */
export type PublicFindingCode = Exclude<FindingCode, "aboveMax" | "notANumber"> | "overMax" | "notNumber" | "staleResults";

export function publicCode(code: FindingCode): PublicFindingCode {
  if (code === "aboveMax") return "overMax";
  if (code === "notANumber") return "notNumber";
  return code;
}

/** How the nearest valid value of a cell was chosen. */
export type Correction = "max" | "zero" | "notCounted" | "assumedZero";

/** The agency's result had the finding's cell held its nearest valid value. */
export interface IfCorrected {
  correction: Correction;
  /** The value the cell would hold (0 for an exempt group, whose score is not counted). */
  value: Dec;
  total: Dec | null;
  maxPoints: Dec | null;
  index: Dec | null;
  className: string | null;
  rank: number | null;
  /** Whether the agency's result would change at all. */
  changes: boolean;
}

/** The findings on a score that have a nearest valid value. */
const CORRECTION: Partial<Record<FindingCode, Correction>> = {
  aboveMax: "max",
  negative: "zero",
  exemptNonZero: "notCounted",
  // Not a number: no value can be read, so the nearest valid value is taken to be 0 (as if blank
  // and then typed 0); the message says so ("nếu coi là 0").
  notANumber: "assumedZero",
  errorValue: "assumedZero",
  missing: "assumedZero",
};

/** The block an agency is ranked in (ranks restart per block): its block's id, or "" when the rules define no blocks. */
export function blockOf(row: RowResult): string {
  const block = (row as RowResult & { block?: unknown }).block;
  return typeof block === "string" ? block : typeof block === "number" ? String(block) : "";
}

/** The agency's block in the rules (null without blocks or outside every block). */
export function blockModel(rules: Rules, row: RowResult) {
  const id = (row as RowResult & { block?: string | null }).block;
  return id ? (rules.blocks.find((b) => b.id === id) ?? null) : null;
}

/** The class bands that apply to the agency: its block's, else the rules'. */
export const bandsOf = (rules: Rules, row: RowResult) => blockModel(rules, row)?.classes ?? rules.classes;
/** The exemption that applied to the agency (by its keyword), if any. */
const exemptionOf = (rules: Rules, row: RowResult) =>
  row.exemptKeyword === null ? undefined : rules.exemptions.find((e) => e.keyword === row.exemptKeyword || e.keywords.includes(row.exemptKeyword!));

/** Each group's maximum before criteria: its block's, else the group's. */
const baseMaxesOf = (rules: Rules, row: RowResult): readonly Dec[] => blockModel(rules, row)?.maxes ?? rules.groups.map((g) => g.max);

/** With criteria: each group's maximum less the criteria that do not apply to the agency (another block's, or exempt), and those leaves. */
function criteriaOut(rules: Rules, row: RowResult): { maxes: readonly Dec[]; out: LeafOut[][] } {
  const base = baseMaxesOf(rules, row);
  if (rules.leaves.length === 0) return { maxes: base, out: rules.groups.map(() => []) };
  return criteriaMaxes(rules.groups, base, blockOf(row) || null, new Set(exemptionOf(rules, row)?.criteria ?? []));
}

/**
 * Each group's applicable maximum for the agency: its block's, else the group's, less the criteria that do not
 * apply to it (a group it is exempt from keeps its maximum: the whole group is left out, as the notes say).
 */
export const maxesOf = (rules: Rules, row: RowResult): readonly Dec[] => {
  const base = baseMaxesOf(rules, row);
  const { maxes } = criteriaOut(rules, row);
  return base.map((m, i) => (row.exemptGroups.includes(i) ? m : maxes[i]));
};
/** The maximum before exemptions: the block's, else the rules'. */
export const generalMaxOf = (rules: Rules, row: RowResult): Dec => blockModel(rules, row)?.generalMax ?? rules.generalMax;

const rankKey = (rules: Rules, total: Dec, index: Dec): Dec => (rules.json.rankBy === "total" ? total : index);

/** Sorted keys (highest first) of the scored agencies of each block, worked out once per result. */
const keyCache = new WeakMap<Scored, Map<string, Dec[]>>();

function blockKeys(result: Scored): Map<string, Dec[]> {
  let cached = keyCache.get(result);
  if (!cached) {
    cached = new Map();
    for (const r of result.rows) {
      if (r.total === null || r.index === null) continue;
      const b = blockOf(r);
      let list = cached.get(b);
      if (!list) cached.set(b, (list = []));
      list.push(rankKey(result.rules, r.total, r.index));
    }
    for (const list of cached.values()) list.sort((a, b) => cmp(b, a));
    keyCache.set(result, cached);
  }
  return cached;
}

/** Number of keys strictly above `key` in a list sorted highest first. */
function countAbove(sorted: readonly Dec[], key: Dec): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(sorted[mid], key) > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The rank (competition ranking, ties share) an agency would have with `key`, the others unchanged. */
export function rankWith(result: Scored, row: RowResult, key: Dec): number {
  const keys = blockKeys(result).get(blockOf(row)) ?? [];
  let above = countAbove(keys, key);
  // The agency's own current key is in the list: it is not "another agency above".
  if (row.total !== null && row.index !== null && cmp(rankKey(result.rules, row.total, row.index), key) > 0) above -= 1;
  return above + 1;
}

/** Rows of the values array that are agencies, worked out once per result. */
const agencyRowsCache = new WeakMap<Scored, Set<number>>();

/**
 * What the finding's agency would get had the cell held its nearest valid value: over the maximum
 * → the maximum; negative → 0; exempt but scored → not counted (0); not a number (or blank, or an
 * error value) → taken as 0. Null for findings that are not about a score. Other cells of the row
 * stay as they are: if another score is still unusable, the result stays unknown (nulls).
 *
 * The agency is scored again by scoreSheet itself (the same code, so weights, blocks and classes
 * apply exactly), on the sheet without the other agencies' rows (headers and block headings stay),
 * which costs a few rows, not the whole sheet; its rank comes from the others' results unchanged.
 */
export function ifCorrected(result: Scored, finding: Finding, values: readonly (readonly unknown[])[]): IfCorrected | null {
  // A finding on another sheet (the ledger's): corrected by whoever scored it, never on the grid's values.
  if (finding.sheet) return otherSheetCorrections.get(result)?.(finding) ?? null;
  const correction = CORRECTION[finding.code];
  if (!correction) return null;
  const g = result.layout.groupCols.indexOf(finding.col);
  const row = result.rows.find((r) => r.row === finding.row);
  if (g < 0 || !row) return null;
  const rules = result.rules;
  // The maximum the finding names (the agency's own, in its block), else the group's.
  const value = correction === "max" ? (fromString(finding.detail.replace(",", ".")) ?? rules.groups[g].max) : ZERO;

  let agencyRows = agencyRowsCache.get(result);
  if (!agencyRows) agencyRowsCache.set(result, (agencyRows = new Set(result.layout.dataRows)));
  const kept: (readonly unknown[])[] = [];
  let at = -1;
  for (let i = 0; i < values.length; i++) {
    if (i === finding.row) {
      at = kept.length;
      const copy = [...values[i]];
      copy[finding.col] = toNumber(value);
      kept.push(copy);
    } else if (!agencyRows.has(i)) kept.push(values[i]);
  }
  const again = scoreSheet(kept, rules);
  const mine = again.ok ? again.rows.find((r) => r.row === at) : undefined;
  if (!mine || mine.total === null || mine.index === null) {
    return { correction, value, total: null, maxPoints: null, index: null, className: null, rank: null, changes: row.total !== null };
  }
  const rank = mine.rank === null ? null : rankWith(result, row, rankKey(rules, mine.total, mine.index));
  const same = (a: Dec | null, b: Dec) => a !== null && cmp(a, b) === 0;
  const changes = !(same(row.total, mine.total) && same(row.index, mine.index) && row.className === mine.className && row.rank === rank);
  return { correction, value, total: mine.total, maxPoints: mine.maxPoints, index: mine.index, className: mine.className, rank, changes };
}

/** How findings on another sheet than the grid are corrected, by the result they belong to (ledger.ts registers its own). */
const otherSheetCorrections = new WeakMap<Scored, (finding: Finding) => IfCorrected | null>();

/** Registers how a result's findings on another sheet are corrected (scoreWithLedger: a criterion at its maximum, on its step). */
export function registerOtherSheetCorrections(result: Scored, correct: (finding: Finding) => IfCorrected | null): void {
  otherSheetCorrections.set(result, correct);
}

/** Points an agency lost in each group: the group's maximum less its counted score. */
export interface GroupLoss {
  group: string;
  /** Applicable maximum (nominal less the items not evaluated). */
  max: Dec;
  /** Null for a group the agency is exempt from, or an unusable score. */
  score: Dec | null;
  /** The maximum less the score, never below 0 (a score over the maximum lost nothing: `aboveMax` says so). */
  lost: Dec | null;
  /** The score is over the group's maximum (an error the findings name): "Điểm chưa đạt" shows 0, not a negative. */
  aboveMax: boolean;
  exempt: boolean;
  /** False for a group shown but not counted in the total (rules' counted: false). */
  counted: boolean;
}

export function pointsLost(rules: Rules, row: RowResult): GroupLoss[] {
  const maxes = maxesOf(rules, row);
  return rules.groups.map((g, i) => {
    const exempt = row.exemptGroups.includes(i);
    const score = exempt ? null : (row.scores[i] ?? null);
    const aboveMax = score !== null && cmp(score, maxes[i]) > 0;
    const lost = score === null ? null : aboveMax ? ZERO : sub(maxes[i], score);
    return { group: g.name, max: maxes[i], score, lost, aboveMax, exempt, counted: g.counted };
  });
}

export interface ToNextClass {
  /** The class just above the agency's. */
  className: string;
  /** Exact points more (on the total) that would reach it, at the rules' precision. */
  points: Dec;
  /** False when the points would take the total above the agency's maximum. */
  reachable: boolean;
}

const unit = (scale: number): Dec => ({ m: 1, s: scale });

/** The smallest index the rules' rounding brings to at least `min` (inclusive, or just above it). */
function indexThreshold(rules: Rules, min: Dec): { at: Dec; inclusive: boolean } {
  const { decimals, rounding } = rules.json.index;
  // The smallest value with `decimals` places that is ≥ min.
  let target = div(min, { m: 1, s: 0 }, decimals, "down");
  if (cmp(target, min) < 0) target = add(target, unit(decimals));
  if (rounding === "down") return { at: target, inclusive: true };
  const half = { m: 5, s: decimals + 1 };
  const at = sub(target, half);
  if (rounding === "halfUp") return { at, inclusive: true };
  // Half-even: the midpoint rounds up only when the target's last digit is even.
  const last = Number((BigInt(target.m) * 10n ** BigInt(decimals - target.s)) % 10n);
  return { at, inclusive: last % 2 === 0 };
}

/**
 * The exact points an agency lacks to reach the next class, under the rules' rounding and
 * classifyOn (Sở Y tế 2020: 422,85 of 498 → 0,849 Khá; 0,201 more → 423,051 → 0,8495 → 0,850 Tốt).
 * Null in the top class and for an agency without a result.
 */
export function toNextClass(rules: Rules, row: RowResult): ToNextClass | null {
  if (row.total === null || row.maxPoints === null || row.className === null) return null;
  // With weights the index is not the total over the maximum: points "on the total" would depend
  // on the group they are earned in, so no single figure is given.
  if (rules.weighted) return null;
  const bands = bandsOf(rules, row);
  const at = bands.findIndex((c) => c.name === row.className);
  if (at <= 0) return null;
  const next = bands[at - 1];
  const { at: indexAt, inclusive } = rules.json.classifyOn === "roundedIndex" ? indexThreshold(rules, next.min) : { at: next.min, inclusive: true };
  const needed = trim(mul(indexAt, row.maxPoints));
  let points = sub(needed, row.total);
  // The precision of the answer: the finer of the threshold's and the scores' decimals.
  const scale = Math.max(needed.s, row.total.s, 1);
  if (!inclusive) points = add(points, unit(scale));
  const { decimals, rounding } = rules.json.index;
  const reaches = (p: Dec) => {
    const t = add(row.total!, p);
    return rules.json.classifyOn === "roundedIndex"
      ? cmp(div(t, row.maxPoints!, decimals, rounding), next.min) >= 0
      : cmp(t, mul(next.min, row.maxPoints!)) >= 0;
  };
  // The formula is exact; the check guards it (and finds the step if a rule ever makes it miss).
  for (let i = 0; i < 10 && !reaches(points); i++) points = add(points, unit(scale));
  points = trim(points);
  if (sign(points) <= 0) points = unit(scale);
  return { className: next.name, points, reachable: cmp(add(row.total, points), row.maxPoints) <= 0 };
}

/** Why an agency's maximum is what it is: the groups left out and the items not evaluated. */
export interface MaxReason {
  /** "criteria": criteria of the group that do not apply to the agency (`criteria`), the points they leave out of the group. */
  kind: "exempt" | "notEvaluated" | "criteria";
  group: string;
  points: Dec;
  /** Exemption keyword and reason, or the item not evaluated. */
  detail: string;
  /** For "criteria": each leaf left out, with the names of the blocks it is scored for (null: exempt, `detail` says why). */
  criteria?: { id: string; name: string; onlyFor: string[] | null }[];
}

export function maxReasons(rules: Rules, row: RowResult): MaxReason[] {
  const reasons: MaxReason[] = [];
  const exemption = exemptionOf(rules, row);
  const maxes = maxesOf(rules, row);
  const base = baseMaxesOf(rules, row);
  const { out } = criteriaOut(rules, row);
  const why = exemption ? `${row.exemptKeyword ?? exemption.keyword}: ${exemption.reason}` : (row.exemptKeyword ?? "");
  const blockName = (id: string) => rules.blocks.find((b) => b.id === id)?.name ?? id;
  rules.groups.forEach((g, i) => {
    if (!g.counted) return;
    if (row.exemptGroups.includes(i)) {
      reasons.push({ kind: "exempt", group: g.name, points: maxes[i], detail: why });
      return;
    }
    for (const it of g.notEvaluated) reasons.push({ kind: "notEvaluated", group: g.name, points: it.points, detail: it.item });
    const lost = sub(base[i], maxes[i]);
    if (out[i].length > 0 && sign(lost) > 0)
      reasons.push({
        kind: "criteria",
        group: g.name,
        points: lost,
        detail: why,
        criteria: out[i].map((o) => ({ id: o.leaf.id, name: o.leaf.name, onlyFor: o.onlyFor === null ? null : o.onlyFor.map(blockName) })),
      });
  });
  return reasons;
}

export interface Neighbour {
  name: string;
  rank: number;
  index: Dec;
  total: Dec;
}

/** Everything the pane's agency card and a Giải trình page say about one agency. */
export interface AgencyCard {
  row: number;
  name: string;
  notes: string;
  total: Dec | null;
  maxPoints: Dec | null;
  generalMax: Dec;
  maxReasons: MaxReason[];
  groups: GroupLoss[];
  index: Dec | null;
  className: string | null;
  toNextClass: ToNextClass | null;
  rank: number | null;
  /** Agencies in the same block ranked just above and just below. */
  above: Neighbour | null;
  below: Neighbour | null;
  /** Agencies in the block that are ranked. */
  rankedCount: number;
}

export function agencyCard(result: Scored, row: RowResult): AgencyCard {
  const rules = result.rules;
  const block = blockOf(row);
  const ranked = result.rows
    .filter((r) => r.rank !== null && r.index !== null && r.total !== null && blockOf(r) === block)
    .sort((a, b) => a.rank! - b.rank! || a.row - b.row);
  const at = ranked.indexOf(row);
  const neighbour = (r: RowResult | undefined): Neighbour | null => (r ? { name: r.name, rank: r.rank!, index: r.index!, total: r.total! } : null);
  return {
    row: row.row,
    name: row.name,
    notes: row.notes,
    total: row.total,
    maxPoints: row.maxPoints,
    generalMax: generalMaxOf(rules, row),
    maxReasons: maxReasons(rules, row),
    groups: pointsLost(rules, row),
    index: row.index,
    className: row.className,
    toNextClass: toNextClass(rules, row),
    rank: row.rank,
    above: at > 0 ? neighbour(ranked[at - 1]) : null,
    below: at >= 0 ? neighbour(ranked[at + 1]) : null,
    rankedCount: ranked.length,
  };
}

/** The agency whose row holds a given values-array row, if any (for the pane's selection). */
export const rowAt = (result: Scored, valuesRow: number): RowResult | undefined => result.rows.find((r) => r.row === valuesRow);
