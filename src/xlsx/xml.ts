/**
 * The little XML the package reader and writer need, on SpreadsheetML's regular shape: attributes
 * of one tag, entities, OOXML's `_xHHHH_` escapes, and a streaming splitter that hands out the text
 * of a part in pieces ending at a tag's end, so that a sheet is never held whole as one string.
 * Hand-written rather than a SAX library: the writer copies what it does not change as the very
 * characters it read (a SAX parser gives events, not the source text).
 */

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Text or attribute content with its entities (and CDATA sections) resolved. */
export function unescapeXml(text: string): string {
  if (text.indexOf("&") < 0 && text.indexOf("<![CDATA[") < 0) return text;
  return text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, cdata: string | undefined, e: string | undefined) => {
    if (cdata !== undefined) return cdata;
    if (e!.startsWith("#x")) return safeChar(parseInt(e!.slice(2), 16)) ?? m;
    if (e!.startsWith("#")) return safeChar(parseInt(e!.slice(1), 10)) ?? m;
    return ENTITY[e!] ?? m;
  });
}

const safeChar = (code: number): string | null => (code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null);

/** OOXML's escape of characters XML cannot hold (`_x000D_` for CR), as Excel reads them. */
export const unescapeOoxml = (text: string): string =>
  text.indexOf("_x") < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Text for an element or attribute; characters XML 1.0 cannot carry are written as `_xHHHH_` (and a literal `_xHHHH_` kept as such). */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")
      .replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"))
      .replace(/\r/g, "_x000D_")
      // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot carry are what this escapes
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
  );
}

/** The attributes of one start tag (`<c r="A1" s="3">`), names with their prefix as written. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out[m[1]] = unescapeXml(m[3] ?? m[4]);
  return out;
}

/** An attribute's value by its local name (any prefix), or undefined. */
export function attr(attrs: Record<string, string>, local: string): string | undefined {
  if (local in attrs) return attrs[local];
  for (const k in attrs) if (k.endsWith(`:${local}`)) return attrs[k];
  return undefined;
}

/** Elements of a local name (any namespace prefix) in a small text: their start tag and, for non-empty ones, their content. */
export function elements(text: string, local: string): { tag: string; body: string | null; start: number; end: number }[] {
  const re = new RegExp(`<((?:[\\w.-]+:)?${local})(?=[\\s/>])([^>]*?)(/>|>([\\s\\S]*?)</\\1\\s*>)`, "g");
  const out: { tag: string; body: string | null; start: number; end: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)))
    out.push({ tag: m[0].slice(0, m[0].indexOf(">") + 1), body: m[3] === "/>" ? null : m[4], start: m.index, end: m.index + m[0].length });
  return out;
}

/** The text of a string item (`<si>`, `<is>`): its `<t>` pieces, phonetic runs (`<rPh>`) left out. */
export function stringItemText(body: string): string {
  const withoutPhonetic = body.indexOf("rPh") < 0 ? body : body.replace(/<((?:[\w.-]+:)?rPh)\b[\s\S]*?<\/\1\s*>/g, "");
  let out = "";
  const re = /<((?:[\w.-]+:)?t)(?=[\s>/])[^>]*?(?:\/>|>([\s\S]*?)<\/\1\s*>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(withoutPhonetic))) out += m[2] ?? "";
  return unescapeOoxml(unescapeXml(out));
}

/**
 * Splits a part's text, arriving in pieces, at the end of a given element (`</row>`), so that each
 * piece handed on holds whole elements of that name: `push` takes decoded text, `flush` the rest.
 */
export class Splitter {
  private buffer = "";
  private readonly closing: RegExp;
  constructor(
    private readonly local: string,
    private readonly onPiece: (text: string) => void,
  ) {
    this.closing = new RegExp(`^</(?:[\\w.-]+:)?${local}\\s*>$`);
  }
  push(text: string): void {
    this.buffer += text;
    if (this.buffer.length < 1 << 16) return;
    // The last closing tag of the element in the buffer.
    for (let i = this.buffer.lastIndexOf(`${this.local}>`); i > 0; i = this.buffer.lastIndexOf(`${this.local}>`, i - 1)) {
      const open = this.buffer.lastIndexOf("</", i);
      const end = i + this.local.length + 1;
      if (open >= 0 && this.closing.test(this.buffer.slice(open, end))) {
        const piece = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end);
        this.onPiece(piece);
        return;
      }
    }
  }
  flush(): void {
    const rest = this.buffer;
    this.buffer = "";
    if (rest) this.onPiece(rest);
  }
}
