/**
 * The self-assessment form at criterion level (rules with a criteria set): under each group, every
 * criterion that applies to the agency, with its code, name, maximum, how it is scored (and the
 * guidance), the input cells its method needs, the points it gives (a formula, so the agency sees its
 * score as it types) and the evidence cell. Input cells are the unlocked cells right of the code and
 * the name, in this order: the points or first input, the second input (ratio), the evidence. Group
 * and overall totals are formulas; A4 portrait, as many pages as needed, the header on each. And the
 * form read back: each criterion's inputs and evidence by its code. Pure, like forms.ts.
 */
import { cellAddress } from "../base/address";
import { Dec, formatVi, toNumber, ZERO, add } from "../base/decimal";
import { isBlank } from "../base/numbers";
import { applicableMax, CriterionModel, criteriaMaxes, isLeaf, leafApplies, levelLabels } from "../rules/criteria";
import { Rules } from "../rules/rules";
import { fitsListValidation } from "../sheets/sheet";
import { cleanText, matchKey } from "../text/text";
import { FORM_TEXT } from "./form-messages";
import {
  exemptGroupsOf,
  formCanvas,
  FormCanvas,
  FormDescription,
  formFoot,
  formHead,
  formIdentity,
  FormInput,
  formSheet,
  LINE_PT,
  lines,
  scoreValidation,
} from "./form-parts";

/** Columns of the form at criterion level. */
export const CRITERIA_FORM_COLS = { code: 0, name: 1, max: 2, input1: 3, input2: 4, points: 5, evidence: 6 } as const;
const WIDTHS = [7, 34, 8, 13, 10, 8, 26];
/** The header row (0-based): the first group follows. */
export const CRITERIA_FORM_HEADER_ROW = 5;

const num = (d: Dec) => String(toNumber(d));
/** A text in an Excel formula: double quotes, a quote doubled. */
const quoted = (t: string) => `"${t.replace(/"/g, '""')}"`;

/** The exemption (by the agency's notes) and the criteria codes it names. */
function exemptionOf(rules: Rules, notes: string) {
  const groups = exemptGroupsOf(rules, notes);
  if (groups === null) return { groups: [] as number[], criteria: new Set<string>(), keyword: "", reason: "" };
  const ex = rules.exemptions.find((e) => e.keywords.includes(groups.keyword));
  return { groups: groups.groups, criteria: new Set(ex?.criteria ?? []), keyword: groups.keyword, reason: groups.reason };
}

/** The formula of a leaf's points from its input cells (blank while the inputs are). */
export function pointsFormula(leaf: CriterionModel, row: number, decimals: number): string {
  const a = cellAddress(row, CRITERIA_FORM_COLS.input1);
  const b = cellAddress(row, CRITERIA_FORM_COLS.input2);
  const max = num(leaf.max);
  switch (leaf.method) {
    case "levels":
    case "yesno": {
      const levels =
        leaf.method === "yesno"
          ? [
              { label: "Có", points: leaf.max },
              { label: "Không", points: ZERO },
            ]
          : leaf.levels;
      return levels.reduceRight((inner, l) => `IF(TRIM(${a})=${quoted(l.label)},${num(l.points)},${inner})`, `""`);
    }
    case "ratio":
      return `IF(AND(ISNUMBER(${a}),ISNUMBER(${b})),IF(${b}>0,ROUND(${max}*MIN(1,${a}/(${b}*${num(leaf.target)})),${decimals}),""),"")`;
    case "tiers":
      return `IF(ISNUMBER(${a}),${leaf.tiers.reduceRight((inner, t) => `IF(${a}>=${num(t.atLeast)},${num(t.points)},${inner})`, "0")},"")`;
    default:
      return `IF(ISNUMBER(${a}),${a},"")`;
  }
}

/** What the line under a criterion says: how to enter it, the evidence asked, the guidance. */
export function criterionHint(leaf: CriterionModel): string {
  const h = FORM_TEXT.hint;
  const max = formatVi(leaf.max);
  let how: string;
  switch (leaf.method) {
    case "levels":
      how = h.levels(leaf.levels.map((l) => h.level(l.label, formatVi(l.points))).join("; "));
      break;
    case "yesno":
      how = h.yesno(max);
      break;
    case "ratio":
      how = h.ratio(leaf.inputs[0] ?? "a", leaf.inputs[1] ?? "b", max, toNumber(leaf.target) === 1 ? "" : formatVi(leaf.target));
      break;
    case "tiers":
      how = h.tiers(leaf.inputs[0] ?? "", leaf.tiers.map((t) => h.tier(formatVi(t.atLeast), formatVi(t.points))).join("; "));
      break;
    default:
      how = h.points(max, leaf.step ? formatVi(leaf.step) : "");
  }
  const evidence = leaf.evidence === "required" ? ` ${h.required}` : leaf.evidence === "none" ? ` ${h.none}` : "";
  return `${how}${evidence}${leaf.guidance ? ` ${h.guidance(leaf.guidance)}` : ""}`;
}

/** The input cells of a leaf's row: unlocked, each with its validation (0..max, a list of levels, a number ≥ 0). */
function leafInputs(c: FormCanvas, leaf: CriterionModel, row: number): void {
  const { input1, input2, evidence } = CRITERIA_FORM_COLS;
  const input = { unlocked: true, numberFormat: "General" } as const;
  if (leaf.method === "levels" || leaf.method === "yesno") {
    const labels = levelLabels(leaf);
    c.put(row, input1, null, "input", { unlocked: true });
    if (fitsListValidation(labels)) {
      const list = labels.map((l) => `“${l}”`).join(", ");
      c.validations.push({
        row,
        col: input1,
        min: 0,
        max: 0,
        list: labels,
        promptTitle: FORM_TEXT.levelPromptTitle,
        prompt: FORM_TEXT.levelPrompt(list),
        errorTitle: FORM_TEXT.levelErrorTitle,
        error: FORM_TEXT.levelError(list),
      });
    }
  } else if (leaf.method === "ratio" || leaf.method === "tiers") {
    c.put(row, input1, null, "input", input);
    c.validations.push(rawValidation(row, input1, leaf.inputs[0] ?? ""));
  } else {
    c.put(row, input1, null, "input", input);
    c.validations.push(scoreValidation(row, input1, leaf.max));
  }
  if (leaf.method === "ratio") {
    c.put(row, input2, null, "input", input);
    c.validations.push(rawValidation(row, input2, leaf.inputs[1] ?? ""));
  } else c.put(row, input2, null, "cell");
  if (leaf.evidence === "none") c.put(row, evidence, null, "cell");
  else c.put(row, evidence, null, leaf.evidence === "required" ? "inputRequired" : "inputLeft", { unlocked: true });
}

const rawValidation = (row: number, col: number, name: string) => ({
  row,
  col,
  min: 0,
  max: 1e15,
  promptTitle: FORM_TEXT.inputPromptTitle,
  prompt: FORM_TEXT.inputPrompt(name),
  errorTitle: FORM_TEXT.inputErrorTitle,
  error: FORM_TEXT.inputError,
});

/**
 * The form of one agency with a criteria set: title, agency, instructions, the header (repeated on every
 * printed page), then each group (its row: code = its number, name, applicable maximum, total formula)
 * with its applicable criteria (a parent: its total formula capped at its maximum; a leaf: its inputs,
 * points formula and evidence, then a line saying how it is scored), a group without criteria as one
 * input row, an exempt group marked; the total, notes and signatures.
 */
export function buildCriteriaFormOf(input: FormInput): FormDescription {
  const { rules, year } = input;
  const agency = cleanText(input.agency);
  const notes = cleanText(input.notes);
  const block = input.block ?? null;
  const exemption = exemptionOf(rules, notes);
  const base = input.maxes ?? rules.groups.map((g) => g.max);
  const { maxes } = criteriaMaxes(rules.groups, base, block, exemption.criteria);
  const applies = (leaf: CriterionModel) => leafApplies(leaf, block, exemption.criteria);
  const c = formCanvas();
  const { put, heights } = c;
  const cols = CRITERIA_FORM_COLS;
  formHead(c, WIDTHS, year, agency, FORM_TEXT.criteriaInstructions);
  const h = FORM_TEXT.criteriaHeader;
  const headerRow = CRITERIA_FORM_HEADER_ROW;
  [h.code, h.name, h.max, h.input1, h.input2, h.points, h.evidence].forEach((t, col) => put(headerRow, col, t, "header"));
  heights[headerRow] = 2 * LINE_PT + 6;

  let row = headerRow + 1;
  const groupRows: number[] = [];
  const leafRows: { id: string; row: number }[] = [];
  const countedRows: number[] = [];
  let applicable = ZERO;
  const nameHeight = (text: string) => Math.max(1, lines(text, WIDTHS[1])) * LINE_PT + 6;
  const pointsCell = (r: number) => cellAddress(r, cols.points);
  const capped = (max: Dec, rows: number[]) => (rows.length === 0 ? "0" : `MIN(${num(max)},SUM(${rows.map(pointsCell).join(",")}))`);

  /** A criterion's rows (and its children's); its own row for the parent's total. */
  const node = (n: CriterionModel): number | null => {
    if (sign0(applicableMax(n, applies))) return null;
    const at = row++;
    put(at, cols.code, n.id, isLeaf(n) ? "cell" : "parentCell", { numberFormat: "@" });
    put(at, cols.name, n.name, isLeaf(n) ? "cellLeft" : "parentName");
    put(at, cols.max, toNumber(applicableMax(n, applies)), isLeaf(n) ? "cell" : "parentCell", { numberFormat: "General" });
    heights[at] = nameHeight(n.name);
    if (!isLeaf(n)) {
      for (const col of [cols.input1, cols.input2, cols.evidence]) put(at, col, null, "parentCell");
      const children = n.children.map(node).filter((r): r is number => r !== null);
      put(at, cols.points, null, "parentCell", { formula: capped(applicableMax(n, applies), children), numberFormat: "General" });
      return at;
    }
    leafInputs(c, n, at);
    put(at, cols.points, null, "cell", { formula: pointsFormula(n, at, rules.criteriaDecimals), numberFormat: "General" });
    leafRows.push({ id: n.id, row: at });
    const hint = criterionHint(n);
    put(row, cols.code, null, "hint");
    put(row, cols.name, hint, "hint");
    c.merge(row, cols.name, WIDTHS.length - 1);
    heights[row] = lines(hint, (WIDTHS.reduce((x, y) => x + y, 0) - WIDTHS[0]) * 1.2) * 13 + 4;
    row++;
    return at;
  };

  rules.groups.forEach((g, i) => {
    const at = row++;
    groupRows.push(at);
    put(at, cols.code, String(i + 1), "groupCell", { numberFormat: "@" });
    put(at, cols.name, g.name, "groupName");
    heights[at] = nameHeight(g.name);
    if (exemption.groups.includes(i)) {
      put(at, cols.max, null, "groupCell");
      put(at, cols.input1, FORM_TEXT.exempt, "exempt");
      c.merge(at, cols.input1, 3);
      put(at, cols.evidence, FORM_TEXT.exemptEvidence(exemption.keyword, exemption.reason), "exemptLeft");
      return;
    }
    put(at, cols.max, toNumber(maxes[i]), "groupCell", { numberFormat: "General" });
    if (g.counted !== false) {
      applicable = add(applicable, maxes[i]);
      countedRows.push(at);
    }
    if (g.criteria.length === 0) {
      // A group without criteria: its score typed on its own row, as in the form without criteria.
      put(at, cols.input1, null, "input", { unlocked: true, numberFormat: "General" });
      c.validations.push(scoreValidation(at, cols.input1, maxes[i]));
      put(at, cols.input2, null, "groupCell");
      put(at, cols.points, null, "groupCell", {
        formula: `IF(ISNUMBER(${cellAddress(at, cols.input1)}),${cellAddress(at, cols.input1)},"")`,
        numberFormat: "General",
      });
      put(at, cols.evidence, null, "inputLeft", { unlocked: true });
      return;
    }
    for (const col of [cols.input1, cols.input2, cols.evidence]) put(at, col, null, "groupCell");
    const children = g.criteria.map(node).filter((r): r is number => r !== null);
    put(at, cols.points, null, "groupCell", { formula: capped(maxes[i], children), numberFormat: "General" });
  });

  const totalRow = row;
  put(totalRow, cols.code, FORM_TEXT.total, "total");
  c.merge(totalRow, cols.code, 2);
  put(totalRow, cols.max, toNumber(applicable), "total", { numberFormat: "General" });
  for (const col of [cols.input1, cols.input2, cols.evidence]) put(totalRow, col, null, "total");
  put(totalRow, cols.points, null, "total", { formula: `SUM(${countedRows.map(pointsCell).join(",") || "0"})`, numberFormat: "General" });
  heights[totalRow] = LINE_PT + 8;
  const notesRow = totalRow + 1;
  const rowCount = formFoot(c, WIDTHS.length, notesRow, notes);
  return {
    ...formSheet(c, WIDTHS, rowCount, 0, { first: headerRow, last: headerRow }),
    identity: formIdentity(input, agency),
    layout: {
      agencyCell: { row: 1, col: 2 },
      groupRows,
      exempt: exemption.groups,
      notesCell: { row: notesRow, col: 2 },
      totalCell: { row: totalRow, col: cols.points },
      criteria: leafRows,
    },
  };
}

const sign0 = (d: Dec) => toNumber(d) === 0;

// ---------------------------------------------------------------------------------------------
// Reading a returned form at criterion level.

/** One criterion as the agency entered it, with the cells (A1, in the form) it was read from. */
export interface CriterionEntry {
  leaf: CriterionModel;
  first: unknown;
  second: unknown;
  evidence: string;
  cells: { first: string; second: string; evidence: string };
}

export interface CriteriaFormReading {
  entries: CriterionEntry[];
  /** Groups without criteria: their score row (code = the group's number). */
  groups: { group: number; cell: string; raw: unknown; evidence: string }[];
}

const HEADER_SCAN = 30;
const text = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

/** The window the merge reads of a returned form by group: its first 200 rows × 40 columns. */
export const SCAN_ROWS = 200;
export const SCAN_COLS = 40;

/** A form at criterion level's header row (“Mã”, “Tự chấm / Số liệu”, …, in its first 30 rows): where it is, its columns, its width. */
function criteriaHeaderOf(
  values: readonly (readonly unknown[])[],
): { row: number; at: Partial<Record<keyof typeof FORM_TEXT.criteriaHeader, number>>; width: number } | null {
  const h = FORM_TEXT.criteriaHeader;
  const key = (v: unknown) => matchKey(text(v));
  for (let r = 0; r < Math.min(values.length, HEADER_SCAN); r++) {
    const keys = (values[r] ?? []).slice(0, SCAN_COLS).map(key);
    const find = (t: string, prefix = false) => keys.findIndex((k) => k === matchKey(t) || (prefix && k.startsWith(matchKey(t))));
    if (find(h.code) >= 0 && find(h.input1) >= 0) {
      let width = keys.length;
      while (width > 0 && keys[width - 1] === "") width--;
      return { row: r, at: { code: find(h.code), input1: find(h.input1), input2: find(h.input2), evidence: find(h.evidence, true) }, width };
    }
  }
  return null;
}

/**
 * The window the merge reads of a returned form, sized by the form itself within a fixed number of cells
 * (SCAN_ROWS × SCAN_COLS, whatever the form): a form by group, its first 200 rows × 40 columns; a form at
 * criterion level (its header found), its own columns and as many rows as the same number of cells holds
 * (7 columns: 1 142 rows, some 550 criteria), so a large criteria set is read to its last criterion.
 */
export function formWindow(values: readonly (readonly unknown[])[]): { rows: number; cols: number } {
  const header = criteriaHeaderOf(values);
  if (header === null) return { rows: SCAN_ROWS, cols: SCAN_COLS };
  const cols = Math.max(1, header.width);
  return { rows: Math.floor((SCAN_ROWS * SCAN_COLS) / cols), cols };
}

/**
 * Reads a form at criterion level from its values: its header row (“Mã”, “Tự chấm / Số liệu”, “Tài liệu
 * kiểm chứng”, …) gives the columns, then every row whose code is a leaf's gives that leaf's inputs and
 * evidence, and a row whose code is a group's number (a group without criteria) its score, within the
 * form's window (formWindow). Null when the values have no such header (a form by group).
 */
export function readCriteriaForm(values: readonly (readonly unknown[])[], rules: Rules): CriteriaFormReading | null {
  const found = criteriaHeaderOf(values);
  if (found === null) return null;
  const { row: header, at } = found;
  const rows = formWindow(values).rows;
  const leafById = new Map(rules.leaves.map((l) => [l.id, l]));
  const entries: CriterionEntry[] = [];
  const groups: CriteriaFormReading["groups"] = [];
  const seen = new Set<string>();
  const cell = (r: number, col: number | undefined) => (col === undefined || col < 0 ? "" : cellAddress(r, col));
  const value = (r: number, col: number | undefined): unknown => (col === undefined || col < 0 ? "" : (values[r]?.[col] ?? ""));
  for (let r = header + 1; r < Math.min(values.length, rows); r++) {
    const code = cleanText(text(value(r, at.code)));
    if (code === "" || seen.has(code)) continue;
    const evidence = cleanText(text(value(r, at.evidence)));
    const leaf = leafById.get(code);
    if (leaf) {
      seen.add(code);
      entries.push({
        leaf,
        first: value(r, at.input1),
        second: value(r, at.input2),
        evidence,
        cells: { first: cell(r, at.input1), second: cell(r, at.input2), evidence: cell(r, at.evidence) },
      });
      continue;
    }
    const g = /^\d+$/.test(code) ? Number(code) - 1 : -1;
    if (g >= 0 && g < rules.groups.length && rules.groups[g].criteria.length === 0) {
      seen.add(code);
      groups.push({ group: g, cell: cell(r, at.input1), raw: value(r, at.input1), evidence });
    }
  }
  return { entries, groups };
}

/** Whether anything was entered for a criterion (a first or second input). */
export const entered = (e: CriterionEntry): boolean => !isBlank(e.first) || !isBlank(e.second);
