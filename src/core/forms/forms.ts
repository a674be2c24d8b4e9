/**
 * The self-assessment form an agency fills in plain Excel or LibreOffice, as data (rendered by
 * src/xlsx/render.ts): the form by group, or at criterion level (criteria-form.ts); both are made of
 * the parts in form-parts.ts (its identity, canvas, head, foot, sheet). And the forms' year and file names.
 */
import { cellAddress } from "../base/address";
import { Dec, toNumber, add, ZERO } from "../base/decimal";
import { fingerprint } from "../base/hash";
import { Rules } from "../rules/rules";
import { cleanText, matchKey } from "../text/text";
import { buildCriteriaFormOf } from "./criteria-form";
import { FORM_TEXT } from "./form-messages";
import {
  exemptGroupsOf,
  formCanvas,
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

/**
 * The master workbook's id: the one stored in it, or (a workbook that never made forms) one worked
 * out from its agencies, so that the command line, which never modifies its input, gives the same id
 * each time; the add-in and `merge -o` then store it, and it no longer changes.
 */
export function masterWorkbookId(stored: string | undefined, agencies: readonly string[]): string {
  if (stored) return stored;
  return `bd-${fingerprint([...agencies.map(matchKey)].sort())}`;
}

/**
 * The year the forms are for: the decision's year stored in the workbook; else the year the grid's
 * title names ("… NĂM 2020", above the header row); else `fallback` (the default decision year).
 */
export function formsYear(storedYear: number | undefined, values: readonly (readonly unknown[])[], headerTop: number, fallback: number): number {
  if (storedYear) return storedYear;
  for (let r = 0; r < Math.min(headerTop, values.length); r++) {
    for (const v of values[r]) {
      const m = typeof v === "string" ? /\bn(?:ă|ǎ|a)m\s+(\d{4})\b/iu.exec(v.normalize("NFC")) : null;
      if (m && Number(m[1]) >= 2000 && Number(m[1]) <= 2100) return Number(m[1]);
    }
  }
  return fallback;
}

/** A file name from the agency's name, without diacritics: "Sở Tài chính" → "so-tai-chinh". */
export function formSlug(agency: string): string {
  let slug = matchKey(agency)
    .replace(/[/\s]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
  if (slug.length > 60) slug = slug.slice(0, 60).replace(/-[^-]*$/, "") || slug.slice(0, 60);
  // Windows: no trailing dot or space, and none of its reserved device names (CON, NUL, COM1…), with any extension.
  slug = slug.replace(/[. ]+$/, "");
  if (WINDOWS_RESERVED.test(slug)) slug = `co-quan-${slug}`;
  return slug || "co-quan";
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** One file name per agency, in order; two agencies that give the same name get "-2", "-3"… */
export function formFileNames(agencies: readonly string[]): string[] {
  const taken = new Set<string>();
  return agencies.map((a) => {
    const base = formSlug(a);
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
    taken.add(name);
    return `${name}.xlsx`;
  });
}

/**
 * Each agency's applicable maximum per group: its block's (rules with blocks, found as the grid
 * finds them: Khối column, section heading, notes), else the groups'. By data row.
 */
export function agencyMaxes(rules: Rules, rows: readonly { row: number; block: string | null }[]): Map<number, readonly Dec[]> {
  const out = new Map<number, readonly Dec[]>();
  const plain = rules.groups.map((g) => g.max);
  for (const r of rows) out.set(r.row, (r.block !== null && rules.blocks.find((b) => b.id === r.block)?.maxes) || plain);
  return out;
}

/** The row (from 0) of the first group in a form made here (row 7 in Excel); the others follow. */
export const FORM_FIRST_GROUP_ROW = 6;

/** Columns of the form: STT, group, score (input), maximum, evidence (input). */
export const FORM_COLS = { stt: 0, group: 1, score: 2, max: 3, evidence: 4 } as const;
const WIDTHS = [5, 30, 10, 9, 36];
/**
 * The form of one agency: title, agency, instructions, one row per group, total, notes, signatures; A4
 * portrait on one page. With criteria in the rules, the form at criterion level (criteria-form.ts).
 */
export function buildForm(input: FormInput): FormDescription {
  if (input.rules.leaves.length > 0) return buildCriteriaFormOf(input);
  const { rules, year } = input;
  const agency = cleanText(input.agency);
  const notes = cleanText(input.notes);
  const exemption = exemptGroupsOf(rules, notes);
  const maxes = input.maxes ?? rules.groups.map((g) => g.max);
  const exempt = exemption?.groups ?? [];
  const c = formCanvas();
  const { put, merge, validations, heights } = c;
  formHead(c, WIDTHS, year, agency, FORM_TEXT.instructions);

  const headerRow = FORM_FIRST_GROUP_ROW - 1;
  const h = FORM_TEXT.header;
  [h.stt, h.group, h.score, h.max, h.evidence].forEach((t, col) => put(headerRow, col, t, "header"));
  heights[headerRow] = 3 * LINE_PT + 6;

  const groupRows: number[] = [];
  let applicable = ZERO;
  const first = headerRow + 1;
  rules.groups.forEach((g, i) => {
    const row = first + i;
    groupRows.push(row);
    put(row, FORM_COLS.stt, i + 1, "cell", { numberFormat: "0" });
    put(row, FORM_COLS.group, g.name, "cellLeft");
    if (exempt.includes(i)) {
      put(row, FORM_COLS.score, FORM_TEXT.exempt, "exempt");
      put(row, FORM_COLS.max, null, "cell");
      put(row, FORM_COLS.evidence, FORM_TEXT.exemptEvidence(exemption!.keyword, exemption!.reason), "exemptLeft");
    } else {
      const max = toNumber(maxes[i]);
      if (g.counted !== false) applicable = add(applicable, maxes[i]);
      put(row, FORM_COLS.score, null, "input", { unlocked: true, numberFormat: "General" });
      put(row, FORM_COLS.max, max, "cell", { numberFormat: "General" });
      put(row, FORM_COLS.evidence, null, "inputLeft", { unlocked: true });
      validations.push(scoreValidation(row, FORM_COLS.score, maxes[i]));
    }
    heights[row] = Math.max(2, lines(g.name, WIDTHS[1])) * LINE_PT + 8;
  });
  const last = first + rules.groups.length - 1;
  const totalRow = last + 1;
  put(totalRow, 0, FORM_TEXT.total, "total");
  merge(totalRow, 0, 2);
  // The total of the groups that count (all of them, usually: one range).
  const counted = rules.groups.map((g, i) => (g.counted !== false ? i : -1)).filter((i) => i >= 0);
  const sum =
    counted.length === rules.groups.length
      ? `${cellAddress(first, FORM_COLS.score)}:${cellAddress(last, FORM_COLS.score)}`
      : counted.map((i) => cellAddress(first + i, FORM_COLS.score)).join(",");
  put(totalRow, FORM_COLS.score, null, "total", { formula: `SUM(${sum})`, numberFormat: "General" });
  put(totalRow, FORM_COLS.max, toNumber(applicable), "total", { numberFormat: "General" });
  put(totalRow, FORM_COLS.evidence, null, "total");
  heights[totalRow] = LINE_PT + 8;
  const notesRow = totalRow + 1;
  const rowCount = formFoot(c, WIDTHS.length, notesRow, notes);
  return {
    ...formSheet(c, WIDTHS, rowCount, 1),
    identity: formIdentity(input, agency),
    layout: {
      agencyCell: { row: 1, col: 2 },
      groupRows,
      exempt,
      notesCell: { row: notesRow, col: FORM_COLS.score },
      totalCell: { row: totalRow, col: FORM_COLS.score },
    },
  };
}
