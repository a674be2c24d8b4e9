/**
 * The parts both layouts of the self-assessment form are made of (the form by group in forms.ts, the
 * form at criterion level in criteria-form.ts): the form's identity and its token, the exemptions, the
 * styles, the canvas, the head and the foot, a score cell's validation and the sheet. Pure.
 */
import { Dec, formatVi, toNumber } from "../base/decimal";
import { fingerprint } from "../base/hash";
import { fromHex, hmacSha256, sameText, toHex, utf8 } from "../base/hmac";
import { Rules, RulesJson } from "../rules/rules";
import { CellStyle, SheetCell, SheetDescription, SheetMerge, DecimalValidation } from "../sheets/sheet";
import { containsKeyword, matchKey } from "../text/text";
import { FORM_TEXT } from "./form-messages";

export const FORM_KIND = "phieu-tu-danh-gia";

export interface FormIdentity {
  kind: typeof FORM_KIND;
  /** 1: forms made before tokens (no `token`, merged as unverified); 2: signed. */
  version: 1 | 2;
  /** The master workbook the form was made from (its store's `workbookId`). */
  masterId: string;
  agency: string;
  year: number;
  /** fingerprint(rules JSON): a form made under other rules is merged with a warning. */
  rulesFingerprint: string;
  /**
   * HMAC-SHA-256 (hex) of "master id|agency|year" under the master's secret key (`formKey` in the
   * master's store, never written into a form): only the master can issue or check it, so an agency
   * cannot make a form that passes for another agency's, another year's or another master's.
   */
  token?: string;
  /**
   * When the form was made (ISO time): for "Theo dõi phiếu" when the master could not record it (the
   * command line's `forms` without --master-out never modifies its input). Not signed: it says when, not who.
   */
  madeAt?: string;
}

/** A new secret key for a master's forms: 32 random bytes as hex. The caller gives the randomness (node:crypto, or crypto.getRandomValues in the add-in). */
export function newFormKey(randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(32);
  if (bytes.length !== 32) throw new Error("newFormKey: 32 random bytes expected");
  return toHex(bytes);
}

/** Whether a text is a form key (64 hex digits). */
export const isFormKey = (v: unknown): v is string => typeof v === "string" && /^[0-9a-f]{64}$/.test(v);

/** The token of a form: HMAC(key, master id | agency | year), the agency compared as names are (case, accents, spacing ignored). */
export function formToken(key: string, masterId: string, agency: string, year: number): string {
  const k = fromHex(key);
  if (k === null || k.length === 0) throw new Error("formToken: the key is not hex");
  return toHex(hmacSha256(k, utf8(`${masterId}|${matchKey(agency)}|${year}`)));
}

/** Whether a form's identity carries the token the master's key gives for its master id, agency and year. */
export function identityVerifies(key: string, id: FormIdentity): boolean {
  return typeof id.token === "string" && sameText(id.token, formToken(key, id.masterId, id.agency, id.year));
}

export const FORM_SHEET = "Phiếu tự đánh giá";

/** The rules' fingerprint: a stable hash of their canonical JSON. */
export const rulesFingerprint = (rules: RulesJson): string => fingerprint(rules);

/** Indexes of the groups an agency with these notes is exempt from (the first exemption whose keyword the notes hold). */
export function exemptGroupsOf(rules: Rules, notes: string): { groups: number[]; keyword: string; reason: string } | null {
  if (notes === "") return null;
  for (const ex of rules.exemptions) {
    const keyword = (ex.keywords ?? [ex.keyword]).find((k) => containsKeyword(notes, k));
    if (keyword !== undefined) return { groups: [...ex.groupIndexes], keyword, reason: ex.reason };
  }
  return null;
}

const INPUT_FILL = "#FFF2CC";

export const FORM_STYLES: Record<string, CellStyle> = {
  title: { bold: true, italic: false, size: 13, hAlign: "center", vAlign: "center", wrap: true, border: false },
  label: { bold: false, italic: false, size: 12, hAlign: "right", vAlign: "center", wrap: false, border: false },
  agency: { bold: true, italic: false, size: 13, hAlign: "left", vAlign: "center", wrap: true, border: false },
  instructions: { bold: false, italic: true, size: 11, hAlign: "left", vAlign: "top", wrap: true, border: false },
  header: { bold: true, italic: false, size: 12, hAlign: "center", vAlign: "center", wrap: true, border: true },
  cell: { bold: false, italic: false, size: 12, hAlign: "center", vAlign: "center", wrap: true, border: true },
  cellLeft: { bold: false, italic: false, size: 12, hAlign: "left", vAlign: "center", wrap: true, border: true },
  input: { bold: false, italic: false, size: 12, hAlign: "center", vAlign: "center", wrap: false, border: true, fill: INPUT_FILL },
  inputLeft: { bold: false, italic: false, size: 12, hAlign: "left", vAlign: "top", wrap: true, border: true, fill: INPUT_FILL },
  exempt: { bold: false, italic: true, size: 12, hAlign: "center", vAlign: "center", wrap: true, border: true },
  exemptLeft: { bold: false, italic: true, size: 11, hAlign: "left", vAlign: "center", wrap: true, border: true },
  total: { bold: true, italic: false, size: 12, hAlign: "center", vAlign: "center", wrap: false, border: true },
  place: { bold: false, italic: true, size: 12, hAlign: "center", vAlign: "center", wrap: false, border: false },
  sign: { bold: true, italic: false, size: 12, hAlign: "center", vAlign: "center", wrap: false, border: false },
  signHint: { bold: false, italic: true, size: 11, hAlign: "center", vAlign: "center", wrap: false, border: false },
  // The form at criterion level (criteria-form.ts): group and parent rows, the hint under a criterion, required evidence.
  groupName: { bold: true, italic: false, size: 12, hAlign: "left", vAlign: "center", wrap: true, border: true, fill: "#F2F2F2" },
  groupCell: { bold: true, italic: false, size: 12, hAlign: "center", vAlign: "center", wrap: false, border: true, fill: "#F2F2F2" },
  parentName: { bold: true, italic: false, size: 12, hAlign: "left", vAlign: "center", wrap: true, border: true },
  parentCell: { bold: true, italic: false, size: 12, hAlign: "center", vAlign: "center", wrap: false, border: true },
  hint: { bold: false, italic: true, size: 10, hAlign: "left", vAlign: "top", wrap: true, border: true },
  inputRequired: { bold: false, italic: false, size: 12, hAlign: "left", vAlign: "top", wrap: true, border: true, fill: "#FCE4D6" },
};

export const LINE_PT = 15.5;

export interface FormInput {
  rules: Rules;
  /** The agency's block (rules with blocks): the criteria of other blocks are left out of its form. */
  block?: string | null;
  /** The agency's applicable maximum per group (its block's, see agencyMaxes); the groups' by default. */
  maxes?: readonly Dec[];
  agency: string;
  notes: string;
  year: number;
  masterId: string;
  /** The master's secret key (`formKey`): the form carries the token it gives, never the key. */
  formKey: string;
  /** When the form is made (ISO time), kept in its identity. */
  madeAt?: string;
}

export interface FormDescription extends SheetDescription {
  identity: FormIdentity;
  /** Where things are, for renderers, the fill-in helper of the tests and the readers. */
  layout: {
    agencyCell: { row: number; col: number };
    groupRows: number[];
    exempt: number[];
    notesCell: { row: number; col: number };
    totalCell: { row: number; col: number };
    /** A form at criterion level: each applicable leaf's row (criteria-form.ts). */
    criteria?: { id: string; row: number }[];
  };
}

export function lines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.1));
  return text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

/** The cells, merges, validations and row heights of a form being laid out. */
export interface FormCanvas {
  cells: SheetCell[];
  merges: SheetMerge[];
  validations: DecimalValidation[];
  heights: number[];
  put(row: number, col: number, value: string | number | null, style: string, extra?: Partial<SheetCell>): void;
  merge(row: number, col: number, cols: number, rows?: number): void;
}

export function formCanvas(): FormCanvas {
  const cells: SheetCell[] = [];
  const merges: SheetMerge[] = [];
  return {
    cells,
    merges,
    validations: [],
    heights: [],
    put: (row, col, value, style, extra = {}) => cells.push({ row, col, value: typeof value === "string" ? value.normalize("NFC") : value, style, ...extra }),
    merge: (row, col, cols, rows = 1) => merges.push({ row, col, rows, cols }),
  };
}

/** Rows 0–4 of a form: its title, “Cơ quan:” and the agency's name (C2), the instructions. */
export function formHead(c: FormCanvas, widths: readonly number[], year: number, agency: string, instructions: string): void {
  const colCount = widths.length;
  const total = widths.reduce((a, b) => a + b, 0);
  const title = FORM_TEXT.title(year);
  c.put(0, 0, title, "title");
  c.merge(0, 0, colCount);
  c.heights[0] = lines(title, total * 0.85) * 19 + 6;
  c.put(1, 0, FORM_TEXT.agencyLabel, "label");
  c.merge(1, 0, 2);
  c.put(1, 2, agency, "agency");
  c.merge(1, 2, colCount - 2);
  c.heights[1] = lines(agency, (total - widths[0] - widths[1]) * 0.9) * 18 + 4;
  c.heights[2] = 8;
  c.put(3, 0, instructions, "instructions");
  c.merge(3, 0, colCount);
  c.heights[3] = lines(instructions, total * 1.05) * 15 + 6;
  c.heights[4] = 8;
}

/** The notes row (label, then the notes cell C… merged to the last column) and the signatures below it; the form's row count. */
export function formFoot(c: FormCanvas, colCount: number, notesRow: number, notes: string): number {
  const left = colCount - 2;
  c.put(notesRow, 0, FORM_TEXT.notes, "cellLeft");
  c.merge(notesRow, 0, 2);
  c.put(notesRow, 2, notes, "inputLeft", { unlocked: true });
  c.merge(notesRow, 2, colCount - 2);
  c.heights[notesRow] = 2 * LINE_PT + 8;
  const placeRow = notesRow + 2;
  c.heights[notesRow + 1] = 14;
  c.put(placeRow, left, FORM_TEXT.place, "place");
  c.merge(placeRow, left, 2);
  const signRow = placeRow + 1;
  c.put(signRow, 0, FORM_TEXT.preparer, "sign");
  c.merge(signRow, 0, left);
  c.put(signRow, left, FORM_TEXT.head, "sign");
  c.merge(signRow, left, 2);
  c.put(signRow + 1, 0, FORM_TEXT.preparerHint, "signHint");
  c.merge(signRow + 1, 0, left);
  c.put(signRow + 1, left, FORM_TEXT.headHint, "signHint");
  c.merge(signRow + 1, left, 2);
  const rowCount = signRow + 6;
  for (let r = 0; r < rowCount; r++) c.heights[r] = c.heights[r] ?? 20;
  return rowCount;
}

/** The form's identity: its master, agency, year, rules and the token the master's key gives. */
export function formIdentity(input: FormInput, agency: string): FormIdentity {
  return {
    kind: FORM_KIND,
    version: 2,
    masterId: input.masterId,
    agency,
    year: input.year,
    rulesFingerprint: rulesFingerprint(input.rules.json),
    token: formToken(input.formKey, input.masterId, agency, input.year),
    ...(input.madeAt ? { madeAt: input.madeAt } : {}),
  };
}

/** A score cell's validation: a decimal from 0 to the maximum, with the prompt and the error in Vietnamese. */
export function scoreValidation(row: number, col: number, max: Dec): DecimalValidation {
  return {
    row,
    col,
    min: 0,
    max: toNumber(max),
    promptTitle: FORM_TEXT.validationTitle,
    prompt: FORM_TEXT.validationPrompt(formatVi(max)),
    errorTitle: FORM_TEXT.validationErrorTitle,
    error: FORM_TEXT.validationError(formatVi(max)),
  };
}

/** The sheet of a form: Times New Roman, protected, A4 portrait one page wide (`pagesTall`: 1, or 0 for as many as needed). */
export function formSheet(
  c: FormCanvas,
  widths: number[],
  rowCount: number,
  pagesTall: number,
  repeatRows?: { first: number; last: number },
): SheetDescription {
  return {
    sheetName: FORM_SHEET,
    font: "Times New Roman",
    styles: FORM_STYLES,
    columnWidths: widths,
    rowHeights: c.heights,
    cells: c.cells,
    merges: c.merges,
    validations: c.validations,
    protect: true,
    print: {
      orientation: "portrait",
      paper: "A4",
      fitToPagesWide: 1,
      fitToPagesTall: pagesTall,
      margins: { top: 2, bottom: 2, left: 2.5, right: 1.5, header: 0.8, footer: 0.8 },
      centerHorizontally: true,
      ...(repeatRows ? { repeatRows } : {}),
    },
    frozenRows: 0,
    rowCount,
    colCount: widths.length,
  };
}
