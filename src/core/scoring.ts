import { cellAddress, Origin, SHEET_ORIGIN } from "./address";
import { add, cmp, Dec, div, formatVi, min, mul, sign, sub, ZERO } from "./decimal";
import { Finding, makeFinding } from "./findings";
import { GridLayout, locateGrid, LocateResult } from "./grid";
import { displayValue, isBlank, parseScore } from "./numbers";
import { rankDescending } from "./ranking";
import { Rules } from "./rules";
import { cleanText, containsKeyword, matchKey } from "./text";

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
    if (skipped.why !== "noName") continue;
    findings.push(makeFinding("missingName", skipped.row, layout.nameCol, origin, { agency: "", group: "", value: "", detail: "" }));
  }

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

    const exemption = notes === "" ? undefined : rules.exemptions.find((e) => containsKeyword(notes, e.keyword));
    const exemptGroups = exemption ? [...exemption.groupIndexes] : [];
    const scores: (Dec | null)[] = [];
    let usable = true;
    let total = ZERO;
    let maxPoints = rules.generalMax;

    rules.groups.forEach((group, g) => {
      const col = layout.groupCols[g];
      const raw = cells[col];
      const parsed = parseScore(raw);
      const params = { agency: name, group: group.name, value: displayValue(raw), detail: formatVi(group.max) };
      if (exemptGroups.includes(g)) {
        maxPoints = sub(maxPoints, group.max);
        scores.push(null);
        if (parsed.kind === "number" && sign(parsed.value) !== 0) {
          findings.push(makeFinding("exemptNonZero", r, col, origin, { ...params, detail: exemption!.keyword }));
        } else if (parsed.kind === "error" || parsed.kind === "invalid") {
          findings.push(makeFinding(parsed.kind === "error" ? "errorValue" : "notANumber", r, col, origin, params));
        }
        return;
      }
      switch (parsed.kind) {
        case "blank":
          findings.push(makeFinding("missing", r, col, origin, params));
          usable = false;
          scores.push(null);
          return;
        case "error":
          findings.push(makeFinding("errorValue", r, col, origin, params));
          usable = false;
          scores.push(null);
          return;
        case "invalid":
          findings.push(makeFinding("notANumber", r, col, origin, params));
          usable = false;
          scores.push(null);
          return;
        case "number": {
          let value = parsed.value;
          if (sign(value) < 0) findings.push(makeFinding("negative", r, col, origin, params));
          else if (cmp(value, group.max) > 0) {
            findings.push(makeFinding("aboveMax", r, col, origin, params));
            if (rules.json.overMax === "cap") value = min(value, group.max);
          }
          scores.push(value);
          total = add(total, value);
        }
      }
    });

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
      row.index = div(total, maxPoints, rules.json.index.decimals, rules.json.index.rounding);
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
    byClass: rules.classes.map((c) => ({ name: c.name, count: scored.filter((r) => r.className === c.name).length })),
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
  };
  return { ok: true, layout, rows, findings, summary, rules };
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
