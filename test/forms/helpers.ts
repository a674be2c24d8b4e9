/** Builders for the forms suites: forms as values (core) and as ExcelJS workbooks filled like an agency would. */
import * as ExcelJS from "exceljs";
import { buildForm, FORM_COLS } from "../../src/core/forms/forms";
import { FormDescription } from "../../src/core/forms/form-parts";
import { MergeInput, planMerge, ReturnedForm } from "../../src/core/forms/merge";
import { presetRules, Rules } from "../../src/core/rules/rules";
import { sheetValues } from "../../src/core/sheets/sheet";
import { groupOfHeader } from "../../src/core/grid/grid";

export interface Fill {
  scores?: (number | string | null)[];
  evidence?: string[];
  notes?: string;
}

/** The test masters' form key (64 hex digits) and another master's. */
export const KEY = "6b".repeat(32);
export const OTHER_KEY = "a1".repeat(32);

/** A merge of returned forms into a master grid (sheet "Chấm điểm", id "master-1", year 2020, key KEY, the preset's rules). */
export const mergeInput = (values: unknown[][], forms: MergeInput["forms"], extra: Partial<MergeInput> = {}): MergeInput => ({
  rules: presetRules(),
  values,
  sheetName: "Chấm điểm",
  state: {},
  masterId: "master-1",
  year: 2020,
  formKey: KEY,
  forms,
  now: "2021-01-04T03:00:00.000Z",
  ...extra,
});

/** The merge plan, or the test fails with the refusal's message. */
export function planOf(input: MergeInput) {
  const r = planMerge(input);
  if (!r.ok) throw new Error(r.message);
  return r.plan;
}

export function formFor(rules: Rules, agency: string, opts: { notes?: string; year?: number; masterId?: string; formKey?: string } = {}): FormDescription {
  return buildForm({ rules, agency, notes: opts.notes ?? "", year: opts.year ?? 2020, masterId: opts.masterId ?? "master-1", formKey: opts.formKey ?? KEY });
}

/** A form's values filled in: scores in the score cells, evidence beside them, notes. */
export function filledValues(form: FormDescription, fill: Fill): unknown[][] {
  const values: unknown[][] = sheetValues(form);
  form.layout.groupRows.forEach((row, g) => {
    const s = fill.scores?.[g];
    if (s !== undefined && s !== null && !form.layout.exempt.includes(g)) values[row][FORM_COLS.score] = s;
    const e = fill.evidence?.[g];
    if (e !== undefined && !form.layout.exempt.includes(g)) values[row][FORM_COLS.evidence] = e;
  });
  if (fill.notes !== undefined) values[form.layout.notesCell.row][form.layout.notesCell.col] = fill.notes;
  return values;
}

export function returned(file: string, form: FormDescription, fill: Fill, withIdentity = true): ReturnedForm {
  return { file, values: filledValues(form, fill), identity: withIdentity ? form.identity : null };
}

/**
 * Fills a form workbook as an agency does in Excel: for each row naming a group, the score goes into
 * the cell right of the name and the evidence into the column headed "Tài liệu kiểm chứng"; both
 * must be unlocked (the test fails otherwise). Returns the number of cells written.
 */
export function fillWorkbook(wb: ExcelJS.Workbook, rules: Rules, scores: Record<string, number | string>, evidence: Record<string, string> = {}): number {
  const ws = wb.worksheets.find((w) => w.state === "visible")!;
  let evidenceCol = 0;
  ws.eachRow((row) => row.eachCell((cell, c) => typeof cell.value === "string" && cell.value.startsWith("Tài liệu kiểm chứng") && (evidenceCol = c)));
  let written = 0;
  ws.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      const g = groupOfHeader(rules, cell.value);
      if (g < 0) return;
      const name = rules.groups[g].name;
      const target = ws.getCell(r, c + 1);
      if (scores[name] === undefined) return;
      if (target.protection?.locked !== false) throw new Error(`${target.address} beside “${name}” is locked`);
      target.value = scores[name];
      written++;
      if (evidence[name] !== undefined) {
        const e = ws.getCell(r, evidenceCol);
        if (e.protection?.locked !== false) throw new Error(`${e.address} (evidence of “${name}”) is locked`);
        e.value = evidence[name];
        written++;
      }
    });
  });
  return written;
}
