import { both, ParamsOf } from "../base/catalogue";
import { CORE_MESSAGES } from "../base/messages";

/**
 * The decision the annex is attached to. Stored once in the workbook, so the annex heading can never
 * carry another number or date than the decision.
 */
export interface DecisionMetadata {
  /** "06/QĐ-UBND" */
  number: string;
  /** Signing date, dd/mm/yyyy */
  date: string;
  /** "Ủy ban nhân dân tỉnh" */
  issuer: string;
  /**
   * The province (or city) the issuer belongs to, "Thái Bình": the annex names "Ủy ban nhân dân tỉnh
   * Thái Bình". Optional: workbooks saved before it have none (completeMetadata gives "").
   */
  province?: string;
  /** The year evaluated (2020) */
  year: number;
  /** Subject line without the year; the annex appends " năm {year}". */
  subject: string;
  /** Name of the annex sheet */
  sheetName: string;
  /**
   * The user's choice to put last year's columns ("Xếp hạng năm trước", "Tăng/giảm") in the annex
   * (the pane's checkbox; the ribbon's "Tạo phụ lục" follows it). Absent: not chosen.
   */
  annexPrevious?: boolean;
  /** The deadline for the agencies' self-assessment forms (dd/mm/yyyy), shown with who has not returned one. */
  formsDeadline?: string;
}

export const DEFAULT_METADATA: DecisionMetadata = {
  number: "",
  date: "",
  issuer: "Ủy ban nhân dân tỉnh",
  province: "",
  year: new Date().getFullYear() - 1,
  subject: "Đánh giá, xếp hạng ứng dụng công nghệ thông tin trong hoạt động của các sở, ban, ngành thuộc Ủy ban nhân dân tỉnh",
  sheetName: "Phụ lục",
};

export interface MetadataProblem {
  field: keyof DecisionMetadata;
  /** What is wrong and what to do, in Vietnamese. */
  message: string;
  /** The same in English. */
  messageEn: string;
}

const DATE_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const NUMBER_RE = /^\s*\d+[a-zA-Z]?\s*\/\s*\S+/u;
/** Characters Excel does not allow in a sheet name. */
const SHEET_FORBIDDEN = /[\\/?*[\]:]/;

/** Parses dd/mm/yyyy into a real calendar date, or null. */
export function parseViDate(text: string): { day: number; month: number; year: number } | null {
  const m = DATE_RE.exec(text.trim());
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return { day, month, year };
}

/** dd/mm/yyyy with two-digit day and month ("5/1/2021" → "05/01/2021"). */
export function formatViDate(d: { day: number; month: number; year: number }): string {
  return `${String(d.day).padStart(2, "0")}/${String(d.month).padStart(2, "0")}/${d.year}`;
}

/** Checks the metadata before an annex is made; each wrong field gets its own message. */
export function validateMetadata(m: Partial<DecisionMetadata>): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  const bad = <C extends keyof typeof CORE_MESSAGES>(field: keyof DecisionMetadata, code: C, params: ParamsOf<(typeof CORE_MESSAGES)[C]>) =>
    problems.push({ field, ...both(CORE_MESSAGES, code, params) });
  if (!m.number || !m.number.trim()) bad("number", "decisionNumberMissing", {});
  else if (!NUMBER_RE.test(m.number)) bad("number", "decisionNumberForm", { number: m.number });
  const date = m.date ? parseViDate(m.date) : null;
  if (!m.date || !m.date.trim()) bad("date", "decisionDateMissing", {});
  else if (!date) bad("date", "decisionDateInvalid", { date: m.date });
  if (!m.issuer || !m.issuer.trim()) bad("issuer", "decisionIssuerMissing", {});
  if (typeof m.year !== "number" || !Number.isInteger(m.year) || m.year < 2000 || m.year > 2100) bad("year", "decisionYearInvalid", {});
  else if (date && m.date && date.year < m.year) bad("date", "decisionDateBeforeYear", { date: m.date, year: m.year });
  if (!m.subject || !m.subject.trim()) bad("subject", "decisionSubjectMissing", {});
  if (m.formsDeadline && m.formsDeadline.trim() && !parseViDate(m.formsDeadline))
    bad("formsDeadline", "formsDeadlineInvalid", { date: m.formsDeadline.trim() });
  const sheet = (m.sheetName ?? "").trim();
  if (!sheet) bad("sheetName", "annexSheetMissing", {});
  else if (sheet.length > 31 || SHEET_FORBIDDEN.test(sheet) || sheet.startsWith("'") || sheet.endsWith("'")) bad("sheetName", "annexSheetInvalid", { sheet });
  return problems;
}

/** Where the year evaluated comes from: typed or stored, the grid's title, the decision's year − 1, or this year − 1. */
export type YearSource = "given" | "title" | "decision" | "default";

/**
 * The year named in the grid's title rows (the rows above its header): "… NĂM 2020" first, else a
 * lone year in a title text. Only text cells count (a number in a title row may be anything).
 */
export function yearInTitle(titleRows: readonly (readonly unknown[])[]): number | null {
  const texts = titleRows.flatMap((row) => row.filter((v): v is string => typeof v === "string").map((v) => v.normalize("NFC")));
  const ok = (y: number) => y >= 2000 && y <= 2100;
  for (const t of texts) {
    const m = /năm\s+(\d{4})(?!\d)/iu.exec(t);
    if (m && ok(Number(m[1]))) return Number(m[1]);
  }
  for (const t of texts) {
    const m = /(?<!\d)(20\d\d)(?!\d)/.exec(t);
    if (m && ok(Number(m[1]))) return Number(m[1]);
  }
  return null;
}

/** A word of a place name: a capital then letters ("Thái", "BÌNH"), or a hyphen between two parts of one ("Bà Rịa - Vũng Tàu"). */
const PLACE_WORD = /^(?:\p{Lu}[\p{L}]*|-|–)$/u;

/** "THÁI BÌNH" as "Thái Bình"; a word already in mixed case is kept. */
const placeCase = (w: string) => (w === w.toUpperCase() && w.length > 1 ? w[0] + w.slice(1).toLowerCase() : w);

/**
 * The province the grid's title names ("… thuộc UBND tỉnh Thái Bình", "… TỈNH THÁI BÌNH NĂM 2020"): the capitalised
 * words after the first "tỉnh" or "thành phố" (at most four, up to "năm" or a number), in title case. Null when
 * the title names none. The annex's issuer needs it ("Ủy ban nhân dân tỉnh Thái Bình").
 */
export function provinceInTitle(titleRows: readonly (readonly unknown[])[]): string | null {
  const texts = titleRows.flatMap((row) => row.filter((v): v is string => typeof v === "string").map((v) => v.normalize("NFC")));
  for (const t of texts) {
    const m = /(?:^|\s)(?:tỉnh|thành phố)\s+(.+)$/iu.exec(t);
    if (!m) continue;
    const words: string[] = [];
    for (const w of m[1].split(/\s+/)) {
      const word = w.replace(/[,.;:()]+$/u, "");
      if (!PLACE_WORD.test(word) || /^năm$/iu.test(word) || words.filter((x) => !/^[-–]$/.test(x)).length === 4) break;
      words.push(placeCase(word));
      if (word !== w) break; // a comma or a full stop ends the name
    }
    while (words.length && /^[-–]$/.test(words[words.length - 1])) words.pop();
    if (words.length) return words.join(" ");
  }
  return null;
}

/** The rows above a grid's header (its title), from the sheet's values and the header's first row. */
export const titleRowsOf = (values: readonly (readonly unknown[])[], headerTop: number): readonly (readonly unknown[])[] =>
  values.slice(0, Math.max(0, headerTop));

/** The year evaluated when none is given: the grid's title, else the year before the decision's, else last year. */
export function inferYear(titleYear: number | null, date: string | undefined, now: Date = new Date()): { year: number; source: Exclude<YearSource, "given"> } {
  if (titleYear !== null) return { year: titleYear, source: "title" };
  const signed = date ? parseViDate(date) : null;
  if (signed) return { year: signed.year - 1, source: "decision" };
  return { year: now.getFullYear() - 1, source: "default" };
}

/** A valid dd/mm/yyyy with two-digit day and month; anything else trimmed, as typed (the check names it). */
const normalDate = (text: string): string => {
  const d = parseViDate(text);
  return d ? formatViDate(d) : text.trim();
};

const givenYear = (y: unknown): boolean => y !== undefined && y !== null && y !== "" && !(typeof y === "number" && Number.isNaN(y));

/**
 * Fills what is missing from stored or typed metadata with the defaults, in NFC. A year not given
 * is inferred (`titleYear`: the year the grid's title names), never taken blindly as last year.
 */
export function completeMetadata(m: Partial<DecisionMetadata> | undefined, titleYear: number | null = null): DecisionMetadata {
  return completeMetadataWithSource(m, titleYear).meta;
}

export function completeMetadataWithSource(
  m: Partial<DecisionMetadata> | undefined,
  titleYear: number | null = null,
): { meta: DecisionMetadata; yearSource: YearSource } {
  const out = { ...DEFAULT_METADATA, ...(m ?? {}) };
  const inferred = givenYear(m?.year) ? null : inferYear(titleYear, out.date);
  return {
    meta: {
      number: out.number.normalize("NFC").trim(),
      date: normalDate(out.date),
      issuer: out.issuer.normalize("NFC").trim(),
      province: (out.province ?? "").normalize("NFC").trim(),
      year: inferred ? inferred.year : Number(out.year),
      subject: out.subject.normalize("NFC").trim(),
      sheetName: out.sheetName.normalize("NFC").trim(),
      ...(out.annexPrevious === true ? { annexPrevious: true } : {}),
      ...(typeof out.formsDeadline === "string" && out.formsDeadline.trim() !== "" ? { formsDeadline: normalDate(out.formsDeadline) } : {}),
    },
    yearSource: inferred ? inferred.source : "given",
  };
}

/** Words that end an issuer or subject still waiting for its place name ("… Ủy ban nhân dân tỉnh"). */
const WANTS_PLACE = /(tỉnh|thành phố)$/iu;

/**
 * A text naming the issuer with its province: "Ủy ban nhân dân tỉnh" + "Thái Bình" → "Ủy ban nhân dân
 * tỉnh Thái Bình". A text that already names a place after "tỉnh"/"thành phố" is kept as typed.
 */
export function withProvince(text: string, province: string): string {
  const t = text.trim();
  const ending = WANTS_PLACE.exec(t);
  // "tỉnh Thái Bình" typed as the province: the word is not repeated.
  const p = ending ? province.trim().replace(new RegExp(`^${ending[1]}\\s+`, "iu"), "") : "";
  if (!ending || !p) return t;
  return `${t} ${p}`;
}

/** Whether the annex would name the issuer without its province ("của Ủy ban nhân dân tỉnh"): the pane and the CLI warn. */
export function provinceMissing(m: DecisionMetadata): boolean {
  return WANTS_PLACE.test(withProvince(m.issuer, m.province ?? ""));
}
