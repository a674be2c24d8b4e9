import { cellAddress, Origin, SHEET_ORIGIN } from "./address";
import { add, cmp, Dec, div, formatVi, fromNumber, min, mul, sign, sub, ZERO } from "./decimal";
import { Finding, FindingCode, makeFinding } from "./findings";
import { COLUMN_ALIASES, GridLayout, groupOfHeader, locateGrid, LocateResult } from "./grid";
import { displayValue, isBlank, parseScore, ParsedCell } from "./numbers";
import { rankDescending } from "./ranking";
import { Rules } from "./rules";
import { cleanText, headerKey, matchKey } from "./text";
import { byEncoding, LEGACY_MESSAGES, LegacyCell, legacyCellsOfGrid, legacyCellsOfTop, legacyExample } from "./legacy-cells";
import { ENCODING_NAMES } from "./legacy-encoding";

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
  | {
      ok: true;
      layout: GridLayout;
      rows: RowResult[];
      findings: Finding[];
      summary: Summary;
      rules: Rules;
      /** Headers, names and notes typed in TCVN3 or VNI (reported by legacyText findings). */
      legacy: LegacyCell[];
    }
  | {
      ok: false;
      error: Extract<LocateResult, { ok: false }>;
      /** With no grid found: the legacy texts among the rows where headers were looked for. */
      legacy: LegacyCell[];
    };

/** Rows searched for a header row (as locateGrid does). */
const HEADER_SEARCH_ROWS = 40;

const ALIAS_KEYS = new Set(Object.values(COLUMN_ALIASES).flatMap((words) => words.map(headerKey)));

/** Whether a text is a header the grid recognises: a group of the rules or one of the other columns. */
export const knownHeader =
  (rules: Rules) =>
  (text: string): boolean =>
    groupOfHeader(rules, text) >= 0 || ALIAS_KEYS.has(headerKey(text));

/**
 * Scores a sheet: locates the grid, reads every score, applies the rules and ranks. Never throws on
 * any cell content; every problem becomes a finding pointing at its cell.
 */
export function scoreSheet(values: readonly (readonly unknown[])[], rules: Rules, origin: Origin = SHEET_ORIGIN): ScoreResult {
  const located = locateGrid(values, rules);
  if (!located.ok) {
    const legacy = located.reason === "noGrid" ? legacyCellsOfTop(values, HEADER_SEARCH_ROWS, origin, knownHeader(rules)) : [];
    return { ok: false, error: withLegacyHint(located, legacy), legacy };
  }
  const { layout } = located;
  const findings: Finding[] = [];
  const rows: RowResult[] = [];
  const seenNames = new Map<string, number>();

  // Text typed in TCVN3 or VNI: one warning per encoding naming its cells; names are compared by
  // their Unicode form (so “Së Y tÕ” repeats “Sở Y tế”).
  const legacy = legacyCellsOfGrid(values, layout, origin, knownHeader(rules));
  const legacyAt = new Map(legacy.map((c) => [c.row * 65536 + c.col, c]));
  for (const group of byEncoding(legacy)) {
    const first = group[0];
    findings.push(
      makeFinding("legacyText", first.row, first.col, origin, {
        agency: "",
        group: "",
        value: first.text,
        detail: first.converted,
        cells: group.map((c) => c.cell),
        encoding: first.encoding,
      }),
    );
  }

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
  const { decimals, rounding } = rules.json.index;
  const cap = rules.json.overMax === "cap";
  const report = (code: FindingCode, r: number, col: number, agency: string, g: number, raw: unknown, detail: string) =>
    findings.push(makeFinding(code, r, col, origin, { agency, group: rules.groups[g].name, value: displayValue(raw), detail }));

  for (const r of layout.dataRows) {
    const cells = values[r];
    const name = cleanText(String(cells[layout.nameCol] ?? ""));
    const notesRaw = layout.notesCol === null ? "" : cells[layout.notesCol];
    const notes = isBlank(notesRaw) ? "" : cleanText(String(notesRaw));
    const nameKey = matchKey(legacyAt.get(r * 65536 + layout.nameCol)?.converted ?? name);
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
    // A note in TCVN3/VNI whose Unicode form names an exemption: not applied until converted, and said loudly.
    const legacyNote = layout.notesCol === null ? undefined : legacyAt.get(r * 65536 + layout.notesCol);
    if (!exemption && legacyNote) {
      const convertedKey = ` ${matchKey(legacyNote.converted)} `;
      const e = exemptionKeys.findIndex((k) => k.length > 0 && convertedKey.includes(` ${k} `));
      if (e >= 0) {
        const groups = rules.exemptions[e].groupIndexes.map((g) => rules.groups[g].name).join(", ");
        findings.push(
          makeFinding("legacyExemption", r, legacyNote.col, origin, { agency: name, group: groups, value: legacyNote.text, detail: legacyNote.converted, encoding: legacyNote.encoding }),
        );
      }
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
  return { ok: true, layout, rows, findings, summary, rules, legacy };
}

/** “No header row”: when the rows searched hold TCVN3/VNI text, the message says so and names the cells. */
function withLegacyHint(error: Extract<LocateResult, { ok: false }>, legacy: readonly LegacyCell[]): Extract<LocateResult, { ok: false }> {
  if (legacy.length === 0) return error;
  const example = legacyExample(legacy, ENCODING_NAMES);
  return { ...error, message: error.message + LEGACY_MESSAGES.headersLegacy.vi(example), messageEn: error.messageEn + LEGACY_MESSAGES.headersLegacy.en(example) };
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
