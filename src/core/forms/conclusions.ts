import { cellAddress, Origin, SHEET_ORIGIN } from "../base/address";
import { cmp, toNumber } from "../base/decimal";
import { Finding, makeFinding } from "../findings/findings";
import { FORM_TEXT } from "./form-messages";
import { GridLayout } from "../grid/grid";
import { displayValue, isBlank, parseScore } from "../base/numbers";
import { Rules } from "../rules/rules";
import { cleanText, matchKey } from "../text/text";

/**
 * The council's conclusions, read back from the "Chênh lệch" sheet the merge made: per difference
 * between a self-assessed and an appraised score, "Kết luận của hội đồng" (chấp nhận tự chấm / giữ
 * điểm thẩm định / điểm khác), "Điểm kết luận" (for điểm khác) and "Lý do". Tính điểm puts each
 * concluded score into the grid's cell (undoable, logged) when that cell still holds what the sheet
 * recorded as appraised; a difference without a conclusion is a finding (an error, so the annex lists
 * it and asks before it is made). Pure: the add-in and the command line read the sheet and write.
 */

export type ConclusionKind = "accept" | "keep" | "other";

/** One row of "Chênh lệch" as read back (0-based `row` in the sheet's values). */
export interface DifferenceRow {
  row: number;
  agency: string;
  group: string;
  self: unknown;
  appraised: unknown;
  evidence: string;
  /** null: no conclusion typed; "unknown": words that are none of the three. */
  conclusion: ConclusionKind | null | "unknown";
  conclusionText: string;
  /** The conclusion cell as typed (kept when the merge makes the sheet again). */
  typed: unknown;
  /** The other score ("Điểm kết luận", or a number typed as the conclusion itself). */
  score: unknown;
  reason: string;
  /** The agency's reply from a returned notice ("Kiến nghị"), when the sheet has that column. */
  reply: string;
}

/** Where each column of the sheet is (0-based), found by its header; -1 when absent. */
export interface DifferenceColumns {
  headerRow: number;
  agency: number;
  group: number;
  self: number;
  appraised: number;
  evidence: number;
  conclusion: number;
  score: number;
  reason: number;
  reply: number;
}

const HEADER_KEYS: Record<Exclude<keyof DifferenceColumns, "headerRow">, string> = {
  agency: matchKey(FORM_TEXT.diffHeader.agency),
  group: matchKey(FORM_TEXT.diffHeader.group),
  self: matchKey(FORM_TEXT.diffHeader.self),
  appraised: matchKey(FORM_TEXT.diffHeader.appraised),
  evidence: matchKey(FORM_TEXT.diffHeader.evidence),
  // "Kết luận của hội đồng" (and the older "… thẩm định"): matched by its start.
  conclusion: matchKey("Kết luận của hội đồng"),
  score: matchKey(FORM_TEXT.diffHeader.score),
  reason: matchKey(FORM_TEXT.diffHeader.reason),
  reply: matchKey(FORM_TEXT.diffHeader.reply),
};

const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

/** The columns of a "Chênh lệch" sheet from its header row (within its first 10 rows); null when it has none. */
export function differenceColumns(values: readonly (readonly unknown[])[]): DifferenceColumns | null {
  for (let r = 0; r < Math.min(values.length, 10); r++) {
    const keys = (values[r] ?? []).map((v) => (typeof v === "string" ? matchKey(v) : ""));
    const find = (key: string, prefix = false) => keys.findIndex((k) => k === key || (prefix && k.startsWith(key)));
    const cols = {
      headerRow: r,
      agency: find(HEADER_KEYS.agency),
      group: find(HEADER_KEYS.group),
      self: find(HEADER_KEYS.self),
      appraised: find(HEADER_KEYS.appraised),
      evidence: find(HEADER_KEYS.evidence),
      conclusion: find(HEADER_KEYS.conclusion, true),
      score: find(HEADER_KEYS.score),
      reason: find(HEADER_KEYS.reason),
      reply: find(HEADER_KEYS.reply),
    };
    if (cols.agency >= 0 && cols.group >= 0 && cols.conclusion >= 0) return cols;
  }
  return null;
}

/** The kind of conclusion typed (its words matched without case or accents, by their start); a number is "điểm khác". */
export function conclusionKind(value: unknown): ConclusionKind | null | "unknown" {
  if (isBlank(value)) return null;
  if (typeof value === "number") return "other";
  const key = matchKey(str(value));
  const words = FORM_TEXT.conclusions;
  if (key.startsWith(matchKey(words.accept)) || key.startsWith("chap nhan")) return "accept";
  if (key.startsWith(matchKey(words.keep)) || key.startsWith("giu")) return "keep";
  if (key.startsWith(matchKey(words.other)) || key.startsWith("khac")) return "other";
  return parseScore(value).kind === "number" ? "other" : "unknown";
}

/** The rows of a "Chênh lệch" sheet (those naming an agency and a group); null when the sheet has no such header. */
export function readDifferences(values: readonly (readonly unknown[])[]): { columns: DifferenceColumns; rows: DifferenceRow[] } | null {
  const columns = differenceColumns(values);
  if (columns === null) return null;
  const at = (r: number, c: number): unknown => (c < 0 ? "" : (values[r]?.[c] ?? ""));
  const rows: DifferenceRow[] = [];
  for (let r = columns.headerRow + 1; r < values.length; r++) {
    const agency = cleanText(str(at(r, columns.agency)));
    const group = cleanText(str(at(r, columns.group)));
    if (agency === "" || group === "") continue;
    const typed = at(r, columns.conclusion);
    const kind = conclusionKind(typed);
    rows.push({
      row: r,
      agency,
      group,
      self: at(r, columns.self),
      appraised: at(r, columns.appraised),
      evidence: cleanText(str(at(r, columns.evidence))),
      conclusion: kind,
      conclusionText: displayValue(typed),
      typed,
      score: kind === "other" && typeof typed === "number" ? typed : kind === "other" && parseScore(typed).kind === "number" ? typed : at(r, columns.score),
      reason: cleanText(str(at(r, columns.reason))),
      reply: cleanText(str(at(r, columns.reply))),
    });
  }
  return { columns, rows };
}

export interface ConclusionWrite {
  row: number;
  col: number;
  value: number | string;
  address: string;
}

export interface ConclusionsApplied {
  /** The grid's values with every concluded score in place (what Tính điểm scores). */
  values: unknown[][];
  /** The grid cells to write (0-based in the grid's values): only where the concluded value differs from the cell. */
  writes: ConclusionWrite[];
  /** On the "Chênh lệch" sheet: unconcluded or unreadable conclusions, cells changed since, rows not in the grid. */
  findings: Finding[];
  /** Rows with a conclusion, and those without. */
  concluded: number;
  unconcluded: number;
}

/** Equal as the grid compares them: exact decimals for numbers, text without case, accents or spacing. */
export function same(a: unknown, b: unknown): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  const x = parseScore(a);
  const y = parseScore(b);
  if (x.kind === "number" && y.kind === "number") return cmp(x.value, y.value) === 0;
  return matchKey(str(a)) === matchKey(str(b));
}

/**
 * The conclusions of the sheet `sheetName` (its values from `sheetOrigin`) applied to the grid's
 * values: "chấp nhận tự chấm" takes the self-assessed value, "điểm khác" the score given, "giữ điểm
 * thẩm định" the appraised one. A cell is written only when it still holds the appraised value the
 * sheet recorded (or the concluded one already: nothing to write); a cell changed since is kept and
 * named. The notes ("Ghi chú" rows) take text the same way.
 */
export function applyConclusions(
  gridValues: readonly (readonly unknown[])[],
  layout: GridLayout,
  rules: Rules,
  diff: { values: readonly (readonly unknown[])[]; origin?: Origin; sheetName: string },
  origin: Origin = SHEET_ORIGIN,
): ConclusionsApplied {
  const values = gridValues.map((row) => [...row]);
  const read = readDifferences(diff.values);
  const none: ConclusionsApplied = { values, writes: [], findings: [], concluded: 0, unconcluded: 0 };
  if (read === null) return none;
  const { columns, rows } = read;
  const diffOrigin = diff.origin ?? SHEET_ORIGIN;
  const rowOf = new Map<string, number>();
  for (const r of layout.dataRows) {
    const key = matchKey(str(gridValues[r]?.[layout.nameCol]));
    if (key !== "" && !rowOf.has(key)) rowOf.set(key, r);
  }
  const findings: Finding[] = [];
  const writes: ConclusionWrite[] = [];
  let concluded = 0;
  let unconcluded = 0;
  const report = (code: Parameters<typeof makeFinding>[0], r: number, col: number, d: DifferenceRow, value: string, detail: string) =>
    findings.push(makeFinding(code, r, col, diffOrigin, { agency: d.agency, group: d.group, value, detail }, diff.sheetName));
  for (const d of rows) {
    if (d.conclusion === null) {
      unconcluded++;
      report("differenceNotConcluded", d.row, columns.conclusion, d, displayValue(d.self), displayValue(d.appraised));
      continue;
    }
    if (d.conclusion === "unknown") {
      unconcluded++;
      report("conclusionUnknown", d.row, columns.conclusion, d, d.conclusionText, "");
      continue;
    }
    concluded++;
    const row = rowOf.get(matchKey(d.agency));
    const isNotes = matchKey(d.group) === matchKey(FORM_TEXT.notesGroup);
    const g = rules.groups.findIndex((x) => matchKey(x.name) === matchKey(d.group));
    const col = isNotes ? layout.notesCol : g >= 0 ? layout.groupCols[g] : null;
    if (row === undefined || col === null || col === undefined) {
      report("conclusionNotInGrid", d.row, columns.agency, d, "", "");
      continue;
    }
    let target: unknown;
    if (d.conclusion === "accept") target = d.self;
    else if (d.conclusion === "keep") target = d.appraised;
    else {
      const scoreCol = typeof d.score === "number" || columns.score < 0 ? columns.conclusion : columns.score;
      if (isNotes ? isBlank(d.score) : parseScore(d.score).kind !== "number") {
        report("conclusionScoreMissing", d.row, scoreCol, d, displayValue(d.score), "");
        continue;
      }
      target = d.score;
    }
    const now = gridValues[row][col];
    if (same(now, target)) continue;
    if (!same(now, d.appraised)) {
      findings.push(
        makeFinding(
          "conclusionCellChanged",
          d.row,
          columns.conclusion,
          diffOrigin,
          { agency: d.agency, group: d.group, value: displayValue(now), detail: displayValue(target), cells: [cellAddress(row, col, origin)] },
          diff.sheetName,
        ),
      );
      continue;
    }
    const parsed = parseScore(target);
    const value = isNotes ? cleanText(str(target)) : parsed.kind === "number" ? toNumber(parsed.value) : str(target);
    values[row][col] = value;
    writes.push({ row, col, value, address: cellAddress(row, col, origin) });
  }
  return { values, writes, findings, concluded, unconcluded };
}
