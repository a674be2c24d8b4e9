import { cellAddress, Origin, SHEET_ORIGIN } from "../base/address";
import { cmp, sign, toNumber } from "../base/decimal";
import { both } from "../base/catalogue";
import { Finding, makeFinding, quotedSheet } from "../findings/findings";
import { CriterionModel } from "../rules/criteria";
import { locateLedger } from "../grid/ledger";
import { CONCLUSION_MESSAGES, FORM_TEXT } from "./form-messages";
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
      group: find(HEADER_KEYS.group) >= 0 ? find(HEADER_KEYS.group) : find(matchKey(FORM_TEXT.diffHeader.groupOrCriterion)),
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

/** Where a concluded value goes: the cell's content now, its address (for findings), and how to put the value. */
interface ConcludedCell {
  now: unknown;
  address: string;
  /** The notes ("Ghi chú" rows) take text. */
  notes: boolean;
  put(value: number | string): void;
}

/** A cell of `values` a conclusion may write (the write recorded in `writes`). */
function concludedCell(values: unknown[][], writes: ConclusionWrite[], now: unknown, row: number, col: number, address: string, notes: boolean): ConcludedCell {
  return {
    now,
    address,
    notes,
    put: (value) => {
      values[row][col] = value;
      writes.push({ row, col, value, address });
    },
  };
}

/**
 * Each concluded row of `rows` applied through `locate` (its cell, null when it is not found): "chấp nhận
 * tự chấm" takes the self-assessed value, "điểm khác" the score given, "giữ điểm thẩm định" the appraised
 * one. A cell is written only when it still holds the appraised value the sheet recorded (or the concluded
 * one already: nothing to write); a cell changed since is kept and named.
 */
function concludeRows(
  rows: readonly DifferenceRow[],
  columns: DifferenceColumns,
  diff: { origin?: Origin; sheetName: string },
  /** The row's cell; null: not found (a finding); "skip": only whether the row is concluded is checked. */
  locate: (d: DifferenceRow) => ConcludedCell | null | "skip",
  findings: Finding[],
): { concluded: number; unconcluded: number } {
  const diffOrigin = diff.origin ?? SHEET_ORIGIN;
  let concluded = 0;
  let unconcluded = 0;
  const report = (code: Parameters<typeof makeFinding>[0], r: number, col: number, d: DifferenceRow, value: string, detail: string, cells?: string[]) =>
    findings.push(makeFinding(code, r, col, diffOrigin, { agency: d.agency, group: d.group, value, detail, ...(cells ? { cells } : {}) }, diff.sheetName));
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
    const cell = locate(d);
    if (cell === "skip") continue;
    if (cell === null) {
      report("conclusionNotInGrid", d.row, columns.agency, d, "", "");
      continue;
    }
    let target: unknown;
    if (d.conclusion === "accept") target = d.self;
    else if (d.conclusion === "keep") target = d.appraised;
    else {
      const scoreCol = typeof d.score === "number" || columns.score < 0 ? columns.conclusion : columns.score;
      if (cell.notes ? isBlank(d.score) : parseScore(d.score).kind !== "number") {
        report("conclusionScoreMissing", d.row, scoreCol, d, displayValue(d.score), "");
        continue;
      }
      target = d.score;
    }
    if (same(cell.now, target)) continue;
    if (!same(cell.now, d.appraised)) {
      report("conclusionCellChanged", d.row, columns.conclusion, d, displayValue(cell.now), displayValue(target), [cell.address]);
      continue;
    }
    const parsed = parseScore(target);
    cell.put(cell.notes ? cleanText(str(target)) : parsed.kind === "number" ? toNumber(parsed.value) : str(target));
  }
  return { concluded, unconcluded };
}

/** The leaf criterion a row of "Chênh lệch" names (“1.4 Hạ tầng khác”, or its code alone), null for a group or the notes. */
export function criterionOfRow(rules: Rules, group: string): CriterionModel | null {
  if (rules.leaves.length === 0 || rules.groups.some((g) => matchKey(g.name) === matchKey(group))) return null;
  const code = cleanText(group).split(" ")[0];
  return rules.leaves.find((l) => l.id === code) ?? null;
}

/**
 * The conclusions of the sheet `sheetName` (its values from `sheetOrigin`) applied to the grid's
 * values (concludeRows), the rows of groups and notes; the rows naming a criterion are the ledger's
 * (applyCriterionConclusions).
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
  if (read === null) return { values, writes: [], findings: [], concluded: 0, unconcluded: 0 };
  const findings: Finding[] = [];
  const writes: ConclusionWrite[] = [];
  const rows = read.rows.filter((d) => criterionOfRow(rules, d.group) === null);
  const counts = concludeRows(rows, read.columns, diff, gridLocator(gridValues, values, writes, layout, rules, origin), findings);
  return { values, writes, findings, ...counts };
}

/** The grid's cell a row of groups or notes names (its agency's row, its group's or the notes' column); null when not found. */
function gridLocator(
  gridValues: readonly (readonly unknown[])[],
  values: unknown[][],
  writes: ConclusionWrite[],
  layout: GridLayout,
  rules: Rules,
  origin: Origin,
): (d: DifferenceRow) => ConcludedCell | null {
  const rowOf = new Map<string, number>();
  for (const r of layout.dataRows) {
    const key = matchKey(str(gridValues[r]?.[layout.nameCol]));
    if (key !== "" && !rowOf.has(key)) rowOf.set(key, r);
  }
  return (d) => {
    const row = rowOf.get(matchKey(d.agency));
    const isNotes = matchKey(d.group) === matchKey(FORM_TEXT.notesGroup);
    const g = rules.groups.findIndex((x) => matchKey(x.name) === matchKey(d.group));
    const col = isNotes ? layout.notesCol : g >= 0 ? layout.groupCols[g] : null;
    if (row === undefined || col === null || col === undefined) return null;
    return concludedCell(values, writes, gridValues[row][col], row, col, cellAddress(row, col, origin), isNotes);
  };
}

/**
 * "Chưa kết luận" chosen for rows that had a conclusion (`rows`, 0-based in the sheet's values, as read before the
 * clearing): the cells that still hold what their conclusion put there (Tính điểm wrote it) go back to the appraised
 * value the row recorded, so that Tính điểm scores it again and lists the row as unconcluded. A cell holding anything
 * else (edited since, or the conclusion never applied) is left alone. `locate`: the row's cell (null: not found).
 */
function clearedWrites(read: { rows: DifferenceRow[] }, rows: readonly number[], locate: (d: DifferenceRow) => ConcludedCell | null): void {
  for (const d of read.rows) {
    if (!rows.includes(d.row) || d.conclusion === null || d.conclusion === "unknown") continue;
    const put = d.conclusion === "accept" ? d.self : d.conclusion === "other" ? d.score : d.appraised;
    const cell = isBlank(put) ? null : locate(d);
    if (cell === null || !same(cell.now, put) || same(cell.now, d.appraised)) continue;
    const parsed = parseScore(d.appraised);
    cell.put(cell.notes ? cleanText(str(d.appraised)) : parsed.kind === "number" ? toNumber(parsed.value) : str(d.appraised));
  }
}

/** clearedWrites on the grid: the rows of groups and notes. */
export function clearedGridWrites(
  gridValues: readonly (readonly unknown[])[],
  layout: GridLayout,
  rules: Rules,
  diffValues: readonly (readonly unknown[])[],
  rows: readonly number[],
  origin: Origin = SHEET_ORIGIN,
): ConclusionWrite[] {
  const read = readDifferences(diffValues);
  const writes: ConclusionWrite[] = [];
  if (read === null) return writes;
  const groups = { rows: read.rows.filter((d) => criterionOfRow(rules, d.group) === null) };
  clearedWrites(
    groups,
    rows,
    gridLocator(
      gridValues,
      gridValues.map((row) => [...row]),
      writes,
      layout,
      rules,
      origin,
    ),
  );
  return writes;
}

/** clearedWrites on the ledger "Chấm điểm chi tiết" (its values from `ledgerOrigin`): the rows naming a criterion, their Thẩm định cells. */
export function clearedLedgerWrites(
  ledgerValues: readonly (readonly unknown[])[],
  rules: Rules,
  diffValues: readonly (readonly unknown[])[],
  rows: readonly number[],
  ledgerSheet: string,
  ledgerOrigin: Origin = SHEET_ORIGIN,
): ConclusionWrite[] {
  const read = readDifferences(diffValues);
  const writes: ConclusionWrite[] = [];
  if (read === null || rules.leaves.length === 0) return writes;
  const criteria = { rows: read.rows.filter((d) => criterionOfRow(rules, d.group) !== null) };
  clearedWrites(
    criteria,
    rows,
    ledgerLocator(
      ledgerValues,
      ledgerValues.map((row) => [...row]),
      writes,
      rules,
      ledgerSheet,
      ledgerOrigin,
    ),
  );
  return writes;
}

/**
 * The conclusions of the rows naming a criterion, applied to the ledger "Chấm điểm chi tiết" (its values
 * from A1): the concluded points go into the criterion's Thẩm định cell, so that Tính điểm counts them
 * (“chấp nhận tự chấm”: the self-assessed points; “điểm khác”: the score given; “giữ điểm thẩm định”:
 * nothing to write), only where that cell still holds the appraised value the row recorded.
 */
export function applyCriterionConclusions(
  ledgerValues: readonly (readonly unknown[])[] | null,
  rules: Rules,
  diff: { values: readonly (readonly unknown[])[]; origin?: Origin; sheetName: string },
  ledgerSheet: string,
  ledgerOrigin: Origin = SHEET_ORIGIN,
): ConclusionsApplied {
  // Without the ledger (“Tạo phụ lục” does not read it): only the rows left unconcluded are named.
  if (ledgerValues === null) {
    const read = readDifferences(diff.values);
    const findings: Finding[] = [];
    const rows = read ? read.rows.filter((d) => criterionOfRow(rules, d.group) !== null) : [];
    const counts = read ? concludeRows(rows, read.columns, diff, () => "skip", findings) : { concluded: 0, unconcluded: 0 };
    return { values: [], writes: [], findings, ...counts };
  }
  const values = ledgerValues.map((row) => [...row]);
  const none: ConclusionsApplied = { values, writes: [], findings: [], concluded: 0, unconcluded: 0 };
  const read = readDifferences(diff.values);
  if (read === null || rules.leaves.length === 0) return none;
  const rows = read.rows.filter((d) => criterionOfRow(rules, d.group) !== null);
  const findings: Finding[] = [];
  const writes: ConclusionWrite[] = [];
  const counts = concludeRows(rows, read.columns, diff, ledgerLocator(ledgerValues, values, writes, rules, ledgerSheet, ledgerOrigin), findings);
  return { values, writes, findings, ...counts };
}

/** The ledger's Thẩm định cell a row naming a criterion concludes (its agency's and criterion's row); null when not found. */
function ledgerLocator(
  ledgerValues: readonly (readonly unknown[])[],
  values: unknown[][],
  writes: ConclusionWrite[],
  rules: Rules,
  ledgerSheet: string,
  ledgerOrigin: Origin,
): (d: DifferenceRow) => ConcludedCell | null {
  const ledger = locateLedger(ledgerValues);
  const at = new Map<string, number>();
  if (ledger && ledger.cols.agency !== undefined && ledger.cols.code !== undefined)
    for (let r = ledger.headerRow + 1; r < ledgerValues.length; r++) {
      const key = `${matchKey(str(ledgerValues[r]?.[ledger.cols.agency]))}|${cleanText(str(ledgerValues[r]?.[ledger.cols.code]))}`;
      if (!at.has(key)) at.set(key, r);
    }
  const col = ledger?.cols.appraised;
  return (d) => {
    const row = at.get(`${matchKey(d.agency)}|${criterionOfRow(rules, d.group)?.id}`);
    if (row === undefined || col === undefined) return null;
    return concludedCell(values, writes, ledgerValues[row][col], row, col, `${quotedSheet(ledgerSheet)}!${cellAddress(row, col, ledgerOrigin)}`, false);
  };
}

/** A row of "Chênh lệch" as the pane offers it: what was typed, and the maximum of its group or criterion (null: the notes, text). */
export interface DifferenceItem {
  row: number;
  agency: string;
  group: string;
  self: string;
  appraised: string;
  conclusion: ConclusionKind | null;
  score: string;
  reason: string;
  max: number | null;
}

/** The maximum of the group or criterion a row names; null for the notes (text) or a name the rules do not know. */
function maxOfRow(rules: Rules, group: string): number | null {
  const leaf = criterionOfRow(rules, group);
  if (leaf) return toNumber(leaf.max);
  const g = rules.groups.find((x) => matchKey(x.name) === matchKey(group));
  return g ? toNumber(g.nominalMax) : null;
}

/** The rows of the sheet as the pane lists them (null when it has no conclusion column). */
export function differenceItems(values: readonly (readonly unknown[])[], rules: Rules): DifferenceItem[] | null {
  const read = readDifferences(values);
  if (read === null) return null;
  return read.rows.map((d) => ({
    row: d.row,
    agency: d.agency,
    group: d.group,
    self: displayValue(d.self),
    appraised: displayValue(d.appraised),
    conclusion: d.conclusion === "unknown" ? null : d.conclusion,
    score: d.conclusion === "other" ? displayValue(d.score) : "",
    reason: d.reason,
    max: maxOfRow(rules, d.group),
  }));
}

/** A conclusion chosen in the pane for a row (its agency and group: the row must still be theirs). */
export interface ConclusionChoice {
  row: number;
  agency: string;
  group: string;
  /** "none": “Chưa kết luận”, the row's conclusion, score and reason cleared. */
  conclusion: ConclusionKind | "none";
  /** For "điểm khác": as typed (a decimal comma is accepted). */
  score?: string;
  reason: string;
}

/** One cell of "Chênh lệch" to write (0-based in the sheet's values): text written as text. */
export interface SheetCellWrite {
  row: number;
  col: number;
  value: string | number;
}

/** The other score typed for a row: a number from 0 to its maximum; null when it is not one. Text for the notes (max null). */
export function otherScore(text: string, max: number | null): number | string | null {
  const clean = cleanText(text);
  if (max === null) return clean === "" ? null : clean;
  const parsed = parseScore(clean);
  if (parsed.kind !== "number") return null;
  const top = parseScore(max);
  if (top.kind !== "number" || cmp(parsed.value, top.value) > 0 || sign(parsed.value) < 0) return null;
  return toNumber(parsed.value);
}

/**
 * The cells of "Chênh lệch" that record the choices: the conclusion's words, the other score (in "Điểm
 * kết luận", or as the conclusion itself on a sheet without that column; cleared for the other two), the
 * reason; “Chưa kết luận” ("none") clears all three. Only cells whose content changes. A problem (a score that is not a number 0..max, a row that is
 * no longer the one listed) refuses the whole: nothing is written.
 */
export function conclusionWrites(
  values: readonly (readonly unknown[])[],
  rules: Rules,
  choices: readonly ConclusionChoice[],
  sheet: string,
): { ok: true; writes: SheetCellWrite[]; rows: number } | { ok: false; message: string; messageEn: string } {
  const read = readDifferences(values);
  if (read === null) return { ok: false, ...both(CONCLUSION_MESSAGES, "noSheet", { sheet }) };
  const { columns } = read;
  const writes: SheetCellWrite[] = [];
  let rows = 0;
  for (const c of choices) {
    const d = read.rows.find((x) => x.row === c.row);
    if (!d || matchKey(d.agency) !== matchKey(c.agency) || matchKey(d.group) !== matchKey(c.group))
      return { ok: false, ...both(CONCLUSION_MESSAGES, "rowMoved", { agency: c.agency, group: c.group, sheet }) };
    const max = maxOfRow(rules, d.group);
    let score: number | string | null = null;
    if (c.conclusion === "other") {
      score = otherScore(c.score ?? "", max);
      if (score === null)
        return {
          ok: false,
          ...both(CONCLUSION_MESSAGES, "badScore", { agency: d.agency, group: d.group, value: c.score ?? "", max: displayValue(max ?? "") }),
        };
    }
    const wanted: [number, string | number][] = [];
    const words = c.conclusion === "none" ? "" : FORM_TEXT.conclusions[c.conclusion];
    if (columns.score >= 0) {
      wanted.push([columns.conclusion, words], [columns.score, score ?? ""]);
    } else wanted.push([columns.conclusion, score ?? words]);
    if (columns.reason >= 0) wanted.push([columns.reason, c.conclusion === "none" ? "" : cleanText(c.reason)]);
    const changed = wanted.filter(([col, v]) => {
      const now = values[d.row]?.[col] ?? "";
      return typeof v === "number" ? !(typeof now === "number" && now === v) : str(now) !== v || typeof now !== "string";
    });
    const real = changed.filter(([col, v]) => !(v === "" && isBlank(values[d.row]?.[col])));
    if (real.length > 0) rows++;
    for (const [col, value] of real) writes.push({ row: d.row, col, value });
  }
  return { ok: true, writes, rows };
}
