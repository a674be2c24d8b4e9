/**
 * Text helpers for matching what users type: headers and note keywords are compared without
 * regard to case, accents (đ = d), line breaks or extra spaces. Text that is shown stays NFC.
 */

/** NFC with line breaks and runs of spaces collapsed; for display. */
export function cleanText(value: string): string {
  return isClean(value)
    ? value
    : value
        .normalize("NFC")
        .replace(/[\s\u00a0]+/g, " ")
        .trim();
}

/**
 * Whether cleanText would return the text unchanged: only characters that are starters already in
 * NFC and never compose with a neighbour (printable ASCII, Latin-1 letters, Latin Extended-A/B,
 * the precomposed Vietnamese letters U+1EA0–U+1EF9), single spaces, none at either end.
 */
function isClean(value: string): boolean {
  const n = value.length;
  if (n === 0) return true;
  if (value.charCodeAt(0) === 32 || value.charCodeAt(n - 1) === 32) return false;
  let previousSpace = false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c === 32) {
      if (previousSpace) return false;
      previousSpace = true;
    } else if ((c > 32 && c < 127) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1ea0 && c <= 0x1ef9)) previousSpace = false;
    else return false;
  }
  return true;
}

/** Comparison key: lower case, no diacritics, đ→d, punctuation other than "/" dropped. */
export function matchKey(value: string): string {
  return fastMatchKey(value) ?? slowMatchKey(value);
}

/** The definition of matchKey; the fast path below gives the same result, character by character. */
function slowMatchKey(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, " ")
    .replace(/\s*\/\s*/g, "/")
    .trim();
}

// matchKey runs for every agency name and note, so the common characters (Latin and Vietnamese,
// U+0000–U+1FFF) are looked up in a table worked out once from slowMatchKey's own steps: each is
// dropped (a combining accent), a separator, "/", or the letters it becomes ("Ế" → "e"). NFD only
// decomposes characters and reorders accents, which are dropped or are separators, so the key of
// a string is the keys of its characters joined; any other character takes the slow path.
const TABLE_SIZE = 0x2000;
const DROP = 0;
const SEPARATOR = 1;
const SLASH = 2;
const OTHER = 3;
let table: (string | number)[] | null = null;

function buildTable(): (string | number)[] {
  const t = new Array<string | number>(TABLE_SIZE);
  for (let code = 0; code < TABLE_SIZE; code++) {
    const ch = String.fromCharCode(code);
    const x = ch
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase();
    if (code >= 0xd800 && code <= 0xdfff) t[code] = OTHER;
    else if (x === "") t[code] = DROP;
    else if (x === "/") t[code] = SLASH;
    else if (/^[a-z0-9]+$/.test(x)) t[code] = x;
    else if (/^[^a-z0-9/]+$/.test(x)) t[code] = SEPARATOR;
    else t[code] = OTHER;
  }
  return t;
}

let buffer = new Uint16Array(256);

function fastMatchKey(value: string): string | null {
  const t = table ?? (table = buildTable());
  // Each character gives at most 2 (a space and a letter) apart from rare multi-letter entries.
  if (buffer.length < value.length * 4 + 8) buffer = new Uint16Array(value.length * 4 + 8);
  const out = buffer;
  let n = 0;
  let space = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= TABLE_SIZE) return null;
    const k = t[code];
    if (typeof k === "string") {
      if (space && n > 0 && out[n - 1] !== 47) out[n++] = 32;
      space = false;
      if (k.length === 1) out[n++] = k.charCodeAt(0);
      else if (n + k.length + value.length * 2 > out.length) return null;
      else for (let j = 0; j < k.length; j++) out[n++] = k.charCodeAt(j);
    } else if (k === SEPARATOR) space = true;
    else if (k === SLASH) {
      out[n++] = 47;
      space = false;
    } else if (k === OTHER) return null;
  }
  return decodeUtf16(out, n);
}

/** The first n code units as a string (in chunks: apply() takes a bounded number of arguments). */
function decodeUtf16(codes: Uint16Array, n: number): string {
  let s = "";
  for (let i = 0; i < n; i += 4096) s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return s;
}

/** Header key: like matchKey, without a trailing parenthesised note ("Nhân lực (50 điểm)"). */
export function headerKey(value: string): string {
  // Only text ending in ")" can carry a note; NFC never changes "(", ")" or spaces, and matchKey
  // decomposes anyway, so without one the key is matchKey's.
  if (!/\)\s*$/u.test(value)) return matchKey(value);
  const withoutNote = value.normalize("NFC").replace(/\([^()]*\)\s*$/u, "");
  return matchKey(withoutNote);
}

/** Whether `haystack` contains `needle` as whole words, both compared by matchKey. */
export function containsKeyword(haystack: string, needle: string): boolean {
  const h = ` ${matchKey(haystack)} `;
  const n = matchKey(needle);
  return n.length > 0 && h.includes(` ${n} `);
}
