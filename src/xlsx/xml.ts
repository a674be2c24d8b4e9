/**
 * The little XML the package reader and writer need, on SpreadsheetML's regular shape: attributes
 * of one tag, entities, OOXML's `_xHHHH_` escapes, and a streaming splitter that hands out the text
 * of a part in pieces ending at a tag's end, so that a sheet is never held whole as one string.
 * Hand-written rather than a SAX library: the writer copies what it does not change as the very
 * characters it read (a SAX parser gives events, not the source text).
 */

import { PackageError } from "./package";

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
  // Most texts need nothing: one test instead of five replacements.
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot carry
  if (!/[&<>"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/.test(text)) return text;
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

/** The longest piece a Splitter holds without the element's end: far beyond any real row (16 384 cells of text). */
export const MAX_PIECE = 64 * 2 ** 20;

/**
 * Splits a part's text, arriving in pieces, at the end of a given element (`</row>`), so that each
 * piece handed on holds whole elements of that name: `push` takes decoded text, `flush` the rest.
 * Linear in the text: each push searches only what it brings (and the few characters before it, for a
 * tag cut in two), and text is joined once, when a piece is handed on. Text that runs past `maxPiece`
 * characters without the element's end (a zip bomb of zeros, say) stops with PackageError "tooLarge"
 * naming the part, instead of being held.
 */
export class Splitter {
  private pending: string[] = [];
  /** Characters pending, and the absolute offset of the first of them. */
  private size = 0;
  private base = 0;
  /** Absolute offset just after the last closing tag seen, or -1. */
  private lastClose = -1;
  /** The last few characters pushed (a closing tag cut between two pushes). */
  private carry = "";
  private readonly token: string;
  private readonly closing: RegExp;
  constructor(
    private readonly local: string,
    private readonly onPiece: (text: string) => void,
    private readonly part: string | null = null,
    private readonly maxPiece = MAX_PIECE,
  ) {
    this.token = `${local}>`;
    this.closing = new RegExp(`^</(?:[\\w.-]+:)?${local}\\s*>$`);
  }
  push(text: string): void {
    if (!text) return;
    const window = this.carry + text;
    const windowStart = this.base + this.size - this.carry.length;
    for (let i = window.lastIndexOf(this.token); i >= 0; i = i > 0 ? window.lastIndexOf(this.token, i - 1) : -1) {
      const open = window.lastIndexOf("</", i);
      const end = i + this.token.length;
      if (open >= 0 && this.closing.test(window.slice(open, end))) {
        this.lastClose = Math.max(this.lastClose, windowStart + end);
        break;
      }
    }
    this.pending.push(text);
    this.size += text.length;
    this.carry = window.slice(-(this.local.length + 48));
    if (this.size < 1 << 16) return;
    if (this.lastClose > this.base) {
      const all = this.pending.join("");
      const cut = this.lastClose - this.base;
      const rest = all.slice(cut);
      this.pending = rest ? [rest] : [];
      this.base = this.lastClose;
      this.size = rest.length;
      this.onPiece(all.slice(0, cut));
    } else if (this.size > this.maxPiece) {
      throw new PackageError({ code: "tooLarge", part: this.part, limit: "maxPartBytes", bytes: this.size });
    }
  }
  flush(): void {
    const rest = this.pending.join("");
    this.pending = [];
    this.base += this.size;
    this.size = 0;
    this.carry = "";
    if (rest) this.onPiece(rest);
  }
}
