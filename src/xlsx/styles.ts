/**
 * The workbook's styles part, appended to and never renumbered: a cell's new look (a number format,
 * a mark's fill, a Unicode font, the annex's fonts and borders) is a new `xf` at the end of cellXfs,
 * with any new font, fill, border or number format at the end of theirs. Every index already in use
 * keeps its meaning, so no cell the tool does not write changes its look.
 */
import { attributes, elements, escapeXml } from "./xml";

export interface NewStyle {
  font: { name: string; size: number; bold?: boolean; italic?: boolean };
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "center";
  wrap?: boolean;
  border?: boolean;
  /** "#RRGGBB" */
  fill?: string;
  numFmt?: string;
  /** Only when the sheet is protected: false for an input cell. */
  locked?: boolean;
}

/** Number formats every reader knows by id (ECMA-376 18.8.30, those without a locale's currency). */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "# ?/?": 12,
  "# ??/??": 13,
  "mm-dd-yy": 14,
  "d-mmm-yy": 15,
  "d-mmm": 16,
  "mmm-yy": 17,
  "h:mm AM/PM": 18,
  "h:mm:ss AM/PM": 19,
  "h:mm": 20,
  "h:mm:ss": 21,
  "m/d/yy h:mm": 22,
  "mm:ss": 45,
  "[h]:mm:ss": 46,
  "mmss.0": 47,
  "##0.0E+0": 48,
  "@": 49,
};
const BUILTIN_CODES = new Map(Object.entries(BUILTIN_FORMATS).map(([code, id]) => [id, code]));

const MINIMAL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

type Section = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs";

export class StyleBook {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly existing: Record<Section, string[]>;
  private readonly added: Record<Section, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [] };
  private readonly formats = new Map<string, number>();
  private nextFormat = 164;
  private readonly memo = new Map<string, number>();
  /** Whether the part existed (else it is created). */
  readonly created: boolean;

  constructor(xml: string | null) {
    this.created = xml === null;
    this.xml = xml ?? MINIMAL;
    this.prefix = /<([\w.-]+:)?styleSheet\b/.exec(this.xml)?.[1] ?? "";
    const section = (name: Section, item: string) => {
      const s = elements(this.xml, name)[0];
      return s?.body ? elements(s.body, item).map((e) => s.body!.slice(e.start, e.end)) : [];
    };
    this.existing = {
      numFmts: section("numFmts", "numFmt"),
      fonts: section("fonts", "font"),
      fills: section("fills", "fill"),
      borders: section("borders", "border"),
      cellXfs: section("cellXfs", "xf"),
    };
    for (const f of this.existing.numFmts) {
      const a = attributes(f);
      const id = Number(a.numFmtId);
      if (a.formatCode !== undefined && Number.isInteger(id)) {
        if (!this.formats.has(a.formatCode)) this.formats.set(a.formatCode, id);
        this.nextFormat = Math.max(this.nextFormat, id + 1);
      }
    }
    if (this.existing.cellXfs.length === 0) this.added.cellXfs.push(`<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  }

  get changed(): boolean {
    return this.created || Object.values(this.added).some((a) => a.length > 0);
  }

  private count(s: Section) {
    return this.existing[s].length + this.added[s].length;
  }
  private item(s: Section, i: number): string {
    return i < this.existing[s].length ? this.existing[s][i] : (this.added[s][i - this.existing[s].length] ?? "");
  }
  private add(s: Section, text: string): number {
    const key = `${s}\u0000${text}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    this.added[s].push(text);
    const i = this.count(s) - 1;
    this.memo.set(key, i);
    return i;
  }

  private xf(s: number): { tag: string; inner: string; attrs: Record<string, string> } {
    const raw = this.item("cellXfs", s < this.count("cellXfs") ? s : 0);
    const end = raw.indexOf(">");
    const selfClosing = raw[end - 1] === "/";
    const tag = raw.slice(0, selfClosing ? end - 1 : end);
    const inner = selfClosing ? "" : raw.slice(end + 1, raw.lastIndexOf("</"));
    return { tag, inner, attrs: attributes(raw.slice(0, end + 1)) };
  }

  private withXf(s: number, change: Record<string, string>, inner?: string): number {
    const x = this.xf(s);
    let tag = x.tag;
    for (const [k, v] of Object.entries(change)) {
      const re = new RegExp(`\\s${k}\\s*=\\s*("[^"]*"|'[^']*')`);
      tag = re.test(tag) ? tag.replace(re, ` ${k}="${v}"`) : `${tag} ${k}="${v}"`;
    }
    const body = inner ?? x.inner;
    const name = /^<([\w.:-]+)/.exec(tag)![1];
    return this.add("cellXfs", body ? `${tag}>${body}</${name}>` : `${tag}/>`);
  }

  formatId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const known = this.formats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormat++;
    this.formats.set(code, id);
    this.added.numFmts.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  /** The number format of style `s` (its code; "General" for an id no reader knows without a locale). */
  numberFormat(s: number): string {
    const id = Number(this.xf(s).attrs.numFmtId ?? 0);
    const builtin = BUILTIN_CODES.get(id);
    if (builtin !== undefined) return builtin;
    for (const [code, known] of this.formats) if (known === id) return code;
    return "General";
  }

  /** Style `s` with another number format. */
  withNumberFormat(s: number, code: string): number {
    const id = this.formatId(code);
    if (Number(this.xf(s).attrs.numFmtId ?? 0) === id) return s;
    return this.withXf(s, { numFmtId: String(id), applyNumberFormat: "1" });
  }

  private solidFill(color: string): number {
    const p = this.prefix;
    return this.add(
      "fills",
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${color.slice(1).toUpperCase()}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
  }

  /** Style `s` with a solid fill ("#RRGGBB"), or with no fill. */
  withFill(s: number, color: string | null): number {
    const fillId = color ? this.solidFill(color) : 0;
    if (Number(this.xf(s).attrs.fillId ?? 0) === fillId) return s;
    return this.withXf(s, { fillId: String(fillId), applyFill: "1" });
  }

  /** The cell's own solid fill ("#RRGGBB"), or null. */
  fillColor(s: number): string | null {
    const fill = this.item("fills", Number(this.xf(s).attrs.fillId ?? 0));
    if (!/patternType\s*=\s*["']solid["']/.test(fill)) return null;
    const rgb = /<(?:[\w.-]+:)?fgColor\b[^>]*\brgb\s*=\s*["']([0-9A-Fa-f]{6,8})["']/.exec(fill);
    return rgb ? `#${rgb[1].slice(-6).toUpperCase()}` : null;
  }

  fontName(s: number): string | undefined {
    const font = this.item("fonts", Number(this.xf(s).attrs.fontId ?? 0));
    return /<(?:[\w.-]+:)?name\b[^>]*\bval\s*=\s*["']([^"']*)["']/.exec(font)?.[1];
  }

  /** Style `s` with its font under another name (the rest of the font kept). */
  withFontName(s: number, name: string): number {
    const font = this.item("fonts", Number(this.xf(s).attrs.fontId ?? 0));
    const p = this.prefix;
    const val = `<${p}name val="${escapeXml(name)}"/>`;
    let renamed: string;
    if (/<(?:[\w.-]+:)?name\b[^>]*\/>/.test(font)) renamed = font.replace(/<((?:[\w.-]+:)?name)\b[^>]*\/>/, `<$1 val="${escapeXml(name)}"/>`);
    else if (!font || /\/>$/.test(font)) renamed = `<${p}font>${val}</${p}font>`;
    else renamed = font.replace(/<\/((?:[\w.-]+:)?font)\s*>$/, `${val}</$1>`);
    const fontId = this.add("fonts", renamed);
    return this.withXf(s, { fontId: String(fontId), applyFont: "1" });
  }

  /** A style of its own for a new sheet's cells. */
  style(st: NewStyle): number {
    const p = this.prefix;
    const f = st.font;
    const fontId = this.add(
      "fonts",
      `<${p}font>${f.bold ? `<${p}b/>` : ""}${f.italic ? `<${p}i/>` : ""}<${p}sz val="${f.size}"/><${p}name val="${escapeXml(f.name)}"/><${p}family val="1"/></${p}font>`,
    );
    const thin = (side: string) => `<${p}${side} style="thin"><${p}color rgb="FF000000"/></${p}${side}>`;
    const borderId = st.border
      ? this.add("borders", `<${p}border>${thin("left")}${thin("right")}${thin("top")}${thin("bottom")}<${p}diagonal/></${p}border>`)
      : 0;
    const fillId = st.fill ? this.solidFill(st.fill) : 0;
    const numFmtId = this.formatId(st.numFmt ?? "General");
    const v = st.vAlign === "center" ? "center" : st.vAlign;
    const align = `<${p}alignment${st.hAlign ? ` horizontal="${st.hAlign}"` : ""}${v ? ` vertical="${v}"` : ""}${st.wrap ? ` wrapText="1"` : ""}/>`;
    const protection = st.locked !== undefined ? `<${p}protection locked="${st.locked ? 1 : 0}"/>` : "";
    return this.add(
      "cellXfs",
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"${protection ? ` applyProtection="1"` : ""}>${align}${protection}</${p}xf>`,
    );
  }

  /** The part's text with what was added (the original text itself when nothing was). */
  serialize(): string {
    let xml = this.xml;
    const p = this.prefix;
    const order: Section[] = ["numFmts", "fonts", "fills", "borders", "cellXfs"];
    for (const s of order) {
      if (this.added[s].length === 0) continue;
      const found = elements(xml, s)[0];
      const count = this.count(s);
      if (found && found.body !== null) {
        const tag = found.tag.replace(/\scount\s*=\s*("[^"]*"|'[^']*')/, "").replace(/>$/, ` count="${count}">`);
        const name = /^<([\w.:-]+)/.exec(found.tag)![1];
        xml = `${xml.slice(0, found.start)}${tag}${found.body}${this.added[s].join("")}</${name}>${xml.slice(found.end)}`;
      } else {
        const block = `<${p}${s} count="${count}">${this.added[s].join("")}</${p}${s}>`;
        if (found) xml = `${xml.slice(0, found.start)}${block}${xml.slice(found.end)}`;
        else {
          // Before the section that follows it in the schema's order (or at the end).
          const next = order.slice(order.indexOf(s) + 1).concat(["cellStyles" as Section, "dxfs" as Section]);
          const at = next.map((n) => elements(xml, n)[0]?.start).find((i) => i !== undefined) ?? xml.lastIndexOf("</");
          xml = `${xml.slice(0, at)}${block}${xml.slice(at)}`;
        }
      }
    }
    return xml;
  }
}
