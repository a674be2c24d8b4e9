/**
 * Text helpers for matching what users type: headers and note keywords are compared without
 * regard to case, accents (đ = d), line breaks or extra spaces. Text that is shown stays NFC.
 */

/** NFC with line breaks and runs of spaces collapsed; for display. */
export function cleanText(value: string): string {
  return value.normalize("NFC").replace(/[\s\u00a0]+/g, " ").trim();
}

/** Comparison key: lower case, no diacritics, đ→d, punctuation other than "/" dropped. */
export function matchKey(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, " ")
    .replace(/\s*\/\s*/g, "/")
    .trim();
}

/** Header key: like matchKey, without a trailing parenthesised note ("Nhân lực (50 điểm)"). */
export function headerKey(value: string): string {
  const withoutNote = value.normalize("NFC").replace(/\([^()]*\)\s*$/u, "");
  return matchKey(withoutNote);
}

/** Whether `haystack` contains `needle` as whole words, both compared by matchKey. */
export function containsKeyword(haystack: string, needle: string): boolean {
  const h = ` ${matchKey(haystack)} `;
  const n = matchKey(needle);
  return n.length > 0 && h.includes(` ${n} `);
}
