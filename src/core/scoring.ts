import { cellAddress, Origin, SHEET_ORIGIN } from "./address";
import { add, cmp, Dec, div, formatVi, fromNumber, min, mul, neg, sign, sub, ZERO } from "./decimal";
import { Finding, FindingCode, makeFinding } from "./findings";
import { GridLayout, locateGrid, LocateResult } from "./grid";
import { displayValue, isBlank, parseScore, ParsedCell } from "./numbers";
import { rankDescending } from "./ranking";
import { Rules } from "./rules";
import { cleanText, matchKey } from "./text";

export interface RowResult {
  /** Row in the values array. */
  row: number;
  name: string;
  notes: string;
  /** Indexes (in rules.groups) of the groups this agency is exempt from. */
  exemptGroups: number[];
  /** Keyword of the exemption that applied, if any. */
  exemptKeyword: string | null;
  /** Each group's score as counted (null: exempt or unusable). */
  scores: (Dec | null)[];
  /** Null when a score is missing or unusable: the row gets no result rather than a made-up one. */
  total: Dec | null;
  maxPoints: Dec | null;
  index: Dec | null;
  className: string | null;
  rank: number | null;
}

export interface Summary {
  agencies: number;
  scored: number;
  byClass: { name: string; count: number }[];
  errors: number;
  warnings: number;
}

export type ScoreResult =
  | { ok: true; layout: GridLayout; rows: RowResult[]; findings: Finding[]; summary: Summary; rules: Rules }
  | { ok: false; error: Extract<LocateResult, { ok: false }> };

/**
 * Scores a sheet: locates the grid, reads every score, applies the rules and ranks. Never throws on
 * any cell content; every problem becomes a finding pointing at its cell.
 */
export function scoreSheet(values: readonly (readonly unknown[])[], rules: Rules, origin: Origin = SHEET_ORIGIN): ScoreResult {
  const located = locateGrid(values, rules);
  if (!located.ok) return { ok: false, error: located };
  const { layout } = located;
  const findings: Finding[] = [];
  const rows: RowResult[] = [];
  const seenNames = new Map<string, number>();

  for (const skipped of layout.skippedRows) {
    if (skipped.why === "noName") findings.push(makeFinding("missingName", skipped.row, layout.nameCol, origin, { agency: "", group: "", value: "", detail: "" }));
    if (skipped.why === "noScores") {
      const name = cleanText(String(values[skipped.row][layout.nameCol]));
      findings.push(makeFinding("noScores", skipped.row, layout.nameCol, origin, { agency: name, group: "", value: "", detail: "" }));
    }
  }

  // Worked out once, not per cell: the exemption keywords' keys and the maxima as messages show them.
  const exemptionKeys = rules.exemptions.map((e) => matchKey(e.keyword));
  const maxText = rules.groups.map((g) => formatVi(g.max));
  // The largest magnitude a cell can hold and still be a score of its group: 1 000 times the group's
  // maximum (a typo such as 505 for 50,5 stays an "above the maximum" error), and never 10^15 or
  // more (Excel keeps 15 significant digits).
  const scoreLimit = rules.groups.map((g) => min(mul(g.max, { m: 1000, s: 0 }), { m: 1e15, s: 0 }));
  const { decimals, rounding } = rules.json.index;
  const cap = rules.json.overMax === "cap";
  const report = (code: FindingCode, r: number, col: number, agency: string, g: number, raw: unknown, detail: string) =>
    findings.push(makeFinding(code, r, col, origin, { agency, group: rules.groups[g].name, value: displayValue(raw), detail }));

  for (const r of layout.dataRows) {
    const cells = values[r];
    const name = cleanText(String(cells[layout.nameCol] ?? ""));
    const notesRaw = layout.notesCol === null ? "" : cells[layout.notesCol];
    const notes = isBlank(notesRaw) ? "" : cleanText(String(notesRaw));
    const nameKey = matchKey(name);
    const firstRow = seenNames.get(nameKey);
    if (firstRow !== undefined) {
      findings.push(makeFinding("duplicateName", r, layout.nameCol, origin, { agency: name, group: "", value: "", detail: cellAddressOf(firstRow, layout.nameCol, origin) }));
    } else seenNames.set(nameKey, r);

    // The first exemption whose keyword the notes contain as whole words (containsKeyword).
    let exemption: Rules["exemptions"][number] | undefined;
    if (notes !== "" && exemptionKeys.length > 0) {
      const notesKey = ` ${matchKey(notes)} `;
      const e = exemptionKeys.findIndex((k) => k.length > 0 && notesKey.includes(` ${k} `));
      if (e >= 0) exemption = rules.exemptions[e];
    }
    const exemptGroups = exemption ? [...exemption.groupIndexes] : [];
    const scores: (Dec | null)[] = [];
    let usable = true;
    let total = ZERO;
    let maxPoints = rules.generalMax;

    for (let g = 0; g < rules.groups.length; g++) {
      const group = rules.groups[g];
      const col = layout.groupCols[g];
      const raw = cells[col];
      // parseScore, with its first case (a number cell) inline: no intermediate object per cell.
      let value: Dec | null = typeof raw === "number" ? fromNumber(raw) : null;
      let kind: ParsedCell["kind"] = "number";
      if (value === null) {
        const parsed = parseScore(raw);
        kind = parsed.kind;
        if (parsed.kind === "number") value = parsed.value;
      }
      if (exemptGroups.length > 0 && exemptGroups.includes(g)) {
        maxPoints = sub(maxPoints, group.max);
        scores.push(null);
        if (value !== null && sign(value) !== 0) {
          report("exemptNonZero", r, col, name, g, raw, exemption!.keyword);
        } else if (kind === "error" || kind === "invalid") {
          report(kind === "error" ? "errorValue" : "notANumber", r, col, name, g, raw, maxText[g]);
        }
        continue;
      }
      if (value === null) {
        report(kind === "blank" ? "missing" : kind === "error" ? "errorValue" : "notANumber", r, col, name, g, raw, maxText[g]);
        usable = false;
        scores.push(null);
        continue;
      }
      // Beyond any score (1e308, a pasted serial number): reported, and the agency is not scored, so
      // no total, index or output ever holds a number Excel cannot (Infinity) or should not show.
      if (cmp(sign(value) < 0 ? neg(value) : value, scoreLimit[g]) > 0) {
        report("notAScore", r, col, name, g, raw, maxText[g]);
        usable = false;
        scores.push(null);
        continue;
      }
      if (sign(value) < 0) report("negative", r, col, name, g, raw, maxText[g]);
      else if (cmp(value, group.max) > 0) {
        report("aboveMax", r, col, name, g, raw, maxText[g]);
        if (cap) value = min(value, group.max);
      }
      scores.push(value);
      total = add(total, value);
    }

    const row: RowResult = {
      row: r,
      name,
      notes,
      exemptGroups,
      exemptKeyword: exemption?.keyword ?? null,
      scores,
      total: null,
      maxPoints: null,
      index: null,
      className: null,
      rank: null,
    };
    if (sign(maxPoints) <= 0) {
      findings.push(makeFinding("noApplicableGroup", r, layout.notesCol ?? layout.nameCol, origin, { agency: name, group: "", value: "", detail: exemption?.keyword ?? "" }));
      usable = false;
    }
    if (usable) {
      row.total = total;
      row.maxPoints = maxPoints;
      row.index = div(total, maxPoints, decimals, rounding);
      row.className = classify(rules, total, maxPoints, row.index);
    }
    rows.push(row);
  }

  const scored = rows.filter((r) => r.index !== null);
  const ranks = rankDescending(scored.map((r) => (rules.json.rankBy === "total" ? r.total! : r.index!)));
  scored.forEach((r, i) => (r.rank = ranks[i]));

  findings.sort((a, b) => a.row - b.row || a.col - b.col);
  const summary: Summary = {
    agencies: rows.length,
    scored: scored.length,
    byClass: countByClass(rules, scored),
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
  };
  return { ok: true, layout, rows, findings, summary, rules };
}

function countByClass(rules: Rules, scored: readonly RowResult[]): Summary["byClass"] {
  const counts = new Map<string, number>();
  for (const r of scored) if (r.className !== null) counts.set(r.className, (counts.get(r.className) ?? 0) + 1);
  return rules.classes.map((c) => ({ name: c.name, count: counts.get(c.name) ?? 0 }));
}

/** The class of an index: the first band (highest first) whose minimum it reaches. */
export function classify(rules: Rules, total: Dec, maxPoints: Dec, roundedIndex: Dec): string {
  for (const band of rules.classes) {
    const reaches = rules.json.classifyOn === "roundedIndex" ? cmp(roundedIndex, band.min) >= 0 : cmp(total, mul(band.min, maxPoints)) >= 0;
    if (reaches) return band.name;
  }
  return rules.classes[rules.classes.length - 1].name;
}

function cellAddressOf(row: number, col: number, origin: Origin): string {
  return cellAddress(row, col, origin);
}

/** Rows in annex order: by rank, unranked rows last, ties in sheet order. */
export function rankedRows(rows: readonly RowResult[]): RowResult[] {
  return [...rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.row - b.row);
}

export const errorFindings = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.severity === "error");
