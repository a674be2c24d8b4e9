/**
 * The command line's explanations: the JSON fields of ifCorrected / toNextClass / previous ranks and of
 * the comparison with last year.
 */
import { toNumber, Dec } from "../core/base/decimal";
import { ifCorrected, publicCode, Scored, toNextClass } from "../core/findings/explain";
import { ifCorrectedText } from "../core/findings/explain-messages";
import { Finding, findingMessage, Lang } from "../core/findings/findings";
import { Comparison, RulesChange, rankChangeText } from "../core/grid/previous";
import { rankedRows } from "../core/grid/scoring";

const num = (d: Dec | null) => (d === null ? null : toNumber(d));

export interface JsonIfCorrected {
  value: number;
  total: number | null;
  index: number | null;
  class: string | null;
  rank: number | null;
}

export interface JsonFinding {
  code: string;
  cell: string;
  severity: string;
  message: string;
  ifCorrected?: JsonIfCorrected;
}

/** Findings for the JSON output: stable code, and for a score what correcting it would give. */
export function jsonFindings(result: Scored, findings: readonly Finding[], values: readonly (readonly unknown[])[]): JsonFinding[] {
  return findings.map((f) => {
    const out: JsonFinding = {
      code: f.code === "staleResults" ? "staleResults" : publicCode(f.code),
      cell: f.cell,
      severity: f.severity,
      message: findingMessage(f, "vi", "cli"),
    };
    const ic = f.code === "staleResults" ? null : ifCorrected(result, f, values);
    if (ic) out.ifCorrected = { value: toNumber(ic.value), total: num(ic.total), index: num(ic.index), class: ic.className, rank: ic.rank };
    return out;
  });
}

/** The line under a finding in the text output ("  → Nếu sửa 55 → 50: …"). */
export const ifCorrectedLine = (result: Scored, f: Finding, values: readonly (readonly unknown[])[], lang: Lang = "vi"): string | null =>
  ifCorrectedText(result, f, lang, values);

export interface JsonRowExtras {
  toNextClass: { class: string; points: number; reachable: boolean } | null;
  previousRank?: number | null;
  rankChange?: number | null;
  rankChangeText?: string;
  /** Last year's index and rank this row is compared with, and the agencies they are of (several for a merger); null for a new agency. */
  previous?: { index: number | null; rank: number | null; from: string[] } | null;
}

/** rows[].toNextClass, and with a comparison rows[].previousRank / rankChange, in rank order. */
export function jsonRowExtras(result: Scored, comparison: Comparison | null): JsonRowExtras[] {
  return rankedRows(result.rows, result.rules).map((r) => {
    const t = toNextClass(result.rules, r);
    const extras: JsonRowExtras = { toNextClass: t ? { class: t.className, points: toNumber(t.points), reachable: t.reachable } : null };
    if (comparison) {
      const c = comparison.byRow.get(r.row);
      extras.previousRank = c?.previousRank ?? null;
      extras.rankChange = c?.rankChange ?? null;
      extras.rankChangeText = rankChangeText(c, r.rank);
      extras.previous = c && (c.from?.length ?? 0) > 0 ? { index: num(c.previousIndex ?? null), rank: c.previousRank, from: [...c.from!] } : null;
    }
    return extras;
  });
}

/** The comparison as a whole in the JSON output: the two years, last year's agencies gone, what changed in the rules. */
export interface JsonComparison {
  years: { current: number | null; previous: number | null };
  /** Last year's agencies with no successor this year ("không còn"), each once. */
  gone: string[];
  /** This year's agencies with no predecessor ("mới"). */
  added: string[];
  /** Whether last year's ranking was recomputed through the lineage. */
  recomputed: boolean;
  rulesChanged: RulesChange[];
}

export const comparisonJson = (c: Comparison): JsonComparison => ({
  years: { current: c.years?.current ?? null, previous: c.years?.previous ?? null },
  gone: [...c.missing],
  added: [...c.added],
  recomputed: c.recomputed === true,
  rulesChanged: c.rulesChanged ?? [],
});
