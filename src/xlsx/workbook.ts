/**
 * Reading an .xlsx package the way a flow needs it: the workbook's sheets (names, states, parts,
 * resolved through the relationships, relative or absolute as openpyxl writes them), the shared
 * strings when there are any, and one sheet's values, formulas and styles streamed row by row, so
 * that memory follows the cells read, not the part's size. Numbers are read as written; nothing here
 * writes.
 */
import { openPackage, PackageLimits, partName, XlsxPackage } from "./package";
import { attr, attributes, elements, stringItemText, Splitter, unescapeOoxml, unescapeXml } from "./xml";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetEntry {
  name: string;
  sheetId: string;
  /** The relationship id in workbook.xml. */
  rId: string;
  state: SheetState;
  /** The sheet's part, without a leading "/" (e.g. "xl/worksheets/sheet1.xml"); null for a chart sheet or a dangling relationship. */
  part: string | null;
}

/** A sheet's cells as Office.js gives a used range from A1: values ("" where empty), formulas ("=…" where one is), style indexes. */
export interface SheetRead {
  values: unknown[][];
  formulas: unknown[][];
  /** The cell's style (index in cellXfs) where not 0, empty cells included (rows as long as their last styled cell). */
  styles: number[][];
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** The attributes of the sheet's `<sheetProtection>`, when it has one (a protected sheet). */
  protection?: Record<string, string> | null;
}

export const REL_TYPES = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
} as const;

export interface Relationship {
  id: string;
  type: string;
  /** The target resolved to a part name (no leading "/"), or the raw target for an external one. */
  target: string;
  external: boolean;
}

/** The relationships part of a part ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
export const relsPartOf = (part: string): string => {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** A relationship's target as a part name: absolute ("/xl/…") or relative to the source's folder, "." and ".." resolved. */
export function resolveTarget(source: string, target: string): string {
  const t = target.replace(/\\/g, "/");
  const base = t.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const piece of t.split("/")) {
    if (piece === "" || piece === ".") continue;
    if (piece === "..") base.pop();
    else base.push(decodeURIComponentSafe(piece));
  }
  return base.join("/");
}

const decodeURIComponentSafe = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

export function readRelationships(pkg: XlsxPackage, source: string): Relationship[] {
  const rels = relsPartOf(partName(source));
  if (!pkg.has(rels)) return [];
  return elements(pkg.readText(rels), "Relationship").map(({ tag }) => {
    const a = attributes(tag);
    const external = a.TargetMode === "External";
    return { id: a.Id ?? "", type: a.Type ?? "", target: external ? (a.Target ?? "") : resolveTarget(partName(source), a.Target ?? ""), external };
  });
}

/** Cell reference "XFD1048576" → 0-based row and column; null when not one. */
export function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || col < 1 || col > 16384 || row > 1048576) return null;
  return { row: row - 1, col: col - 1 };
}

/** Built-in number formats that show a date. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
const isDateFormat = (code: string) =>
  /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "")) && !/^General$/i.test(code) && !/[#0]/.test(code.replace(/"[^"]*"/g, ""));

/** Excel's 1900 date serial as an ISO date (what ExcelJS gave the command line: "2021-01-05"). */
const serialToIso = (serial: number) => new Date(Math.round((serial - 25569) * 86400000)).toISOString().slice(0, 10);

/** The rows a sheet does not have: one shared, empty, frozen row. */
const NO_CELLS: readonly unknown[] = Object.freeze([]);

export class XlsxWorkbook {
  readonly workbookPart: string;
  readonly sheets: SheetEntry[];
  readonly workbookRels: Relationship[];
  private sst: string[] | null = null;
  private dates: Set<number> | null = null;

  private constructor(readonly pkg: XlsxPackage) {
    const root = readRelationships(pkg, "").find((r) => r.type === REL_TYPES.officeDocument || r.type.endsWith("/officeDocument"));
    this.workbookPart = root && pkg.has(root.target) ? root.target : "xl/workbook.xml";
    if (!pkg.has(this.workbookPart)) throw new Error("no workbook part");
    this.workbookRels = readRelationships(pkg, this.workbookPart);
    const xml = pkg.readText(this.workbookPart);
    this.sheets = elements(xml, "sheet").map(({ tag }) => {
      const a = attributes(tag);
      const rId = attr(a, "id") ?? "";
      const rel = this.workbookRels.find((r) => r.id === rId);
      const part = rel && !rel.external && pkg.has(rel.target) && rel.type.endsWith("/worksheet") ? partName(pkg.entry(rel.target)!.name) : null;
      const state: SheetState = a.state === "hidden" ? "hidden" : a.state === "veryHidden" ? "veryHidden" : "visible";
      return { name: a.name ?? "", sheetId: a.sheetId ?? "", rId, state, part };
    });
  }

  static open(bytes: Uint8Array, limits: Partial<PackageLimits> = {}): XlsxWorkbook {
    return new XlsxWorkbook(openPackage(bytes, limits));
  }

  /** The part a workbook relationship of a type points at, if any. */
  relatedPart(type: string): string | null {
    const rel = this.workbookRels.find((r) => r.type === type && !r.external && this.pkg.has(r.target));
    return rel ? partName(this.pkg.entry(rel.target)!.name) : null;
  }

  sharedStrings(): string[] {
    if (this.sst) return this.sst;
    const part = this.relatedPart(REL_TYPES.sharedStrings) ?? (this.pkg.has("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : null);
    const sst: string[] = [];
    if (part) {
      const decoder = new TextDecoder("utf-8");
      const splitter = new Splitter(
        "si",
        (text) => {
          for (const si of elements(text, "si")) sst.push(si.body === null ? "" : stringItemText(si.body));
        },
        part,
      );
      this.pkg.stream(part, (chunk) => splitter.push(decoder.decode(chunk, { stream: true })));
      splitter.push(decoder.decode());
      splitter.flush();
    }
    this.sst = sst;
    return sst;
  }

  /** Style indexes whose number format shows a date. */
  dateStyles(): Set<number> {
    if (this.dates) return this.dates;
    const dates = new Set<number>();
    const part = this.relatedPart(REL_TYPES.styles);
    if (part) {
      const xml = this.pkg.readText(part);
      const custom = new Map<number, string>();
      for (const { tag } of elements(xml, "numFmt")) {
        const a = attributes(tag);
        custom.set(Number(a.numFmtId), a.formatCode ?? "");
      }
      const cellXfs = elements(xml, "cellXfs")[0];
      elements(cellXfs?.body ?? "", "xf").forEach(({ tag }, i) => {
        const id = Number(attributes(tag).numFmtId ?? 0);
        if (DATE_FORMAT_IDS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) dates.add(i);
      });
    }
    this.dates = dates;
    return dates;
  }

  sheet(name: string): SheetEntry | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  /**
   * A sheet's cells, streamed row by row. Merged cells other than the top-left read "" (as Office.js
   * reads them); rows as long as their last cell, rows without cells shared, so that a stray value at
   * XFD1048576 costs one row, not a billion cells.
   */
  readSheet(name: string): SheetRead {
    const entry = this.sheet(name);
    const out: SheetRead = { values: [], formulas: [], styles: [], merges: [], protection: null };
    if (!entry?.part) return out;
    const sst = this.sharedStrings();
    const dates = this.dateStyles();
    const sharedFormulas = new Map<string, string>();
    let lastRow = -1;
    const onPiece = (text: string) => {
      if (text.indexOf("mergeCell") >= 0) {
        for (const { tag } of elements(text, "mergeCell")) {
          const [a, b] = (attributes(tag).ref ?? "").split(":");
          const from = parseRef(a ?? "");
          const to = parseRef(b ?? a ?? "");
          if (from && to) out.merges.push({ top: from.row, left: from.col, bottom: to.row, right: to.col });
        }
      }
      if (text.indexOf("sheetProtection") >= 0) {
        // After the rows (a cell's text escapes "<", so no text reads as the element).
        const found = elements(text, "sheetProtection")[0];
        if (found) out.protection = attributes(found.tag);
      }
      for (const row of eachRow(text)) {
        const r = row.index ?? lastRow + 1;
        if (r <= lastRow || r >= 1048576) continue; // rows out of order or beyond the sheet: the first kept
        lastRow = r;
        const vRow: unknown[] = [];
        const fRow: unknown[] = [];
        const sRow: number[] = [];
        let lastCol = -1;
        for (const cell of eachCell(row.body)) {
          const c = cell.col ?? lastCol + 1;
          if (c <= lastCol || c >= 16384) continue;
          lastCol = c;
          const value = cellValue(cell, sst, dates);
          let formula: string | null = null;
          if (cell.formula !== null) {
            const a = attributes(cell.formula.tag);
            let text = cell.formula.text;
            if (a.t === "shared" && a.si !== undefined) {
              if (text) sharedFormulas.set(a.si, text);
              else text = sharedFormulas.get(a.si) ?? "";
            }
            formula = `=${text}`;
          }
          if (cell.style !== 0) {
            while (sRow.length < c) sRow.push(0);
            sRow[c] = cell.style;
          }
          // Empty cells (formatted or not) are not values: rows end at their last value, as before.
          if (value === "" && formula === null) continue;
          while (vRow.length < c) {
            vRow.push("");
            fRow.push("");
          }
          vRow[c] = value;
          fRow[c] = formula ?? value;
        }
        if (sRow.length > 0) {
          while (out.styles.length < r) out.styles.push(NO_CELLS as number[]);
          out.styles[r] = sRow;
        }
        if (vRow.length === 0) continue;
        while (out.values.length < r) {
          out.values.push(NO_CELLS as unknown[]);
          out.formulas.push(NO_CELLS as unknown[]);
        }
        out.values.push(vRow);
        out.formulas.push(fRow);
      }
    };
    const decoder = new TextDecoder("utf-8");
    const splitter = new Splitter("row", onPiece, entry.part);
    this.pkg.stream(entry.part, (chunk) => splitter.push(decoder.decode(chunk, { stream: true })));
    splitter.push(decoder.decode());
    splitter.flush();
    // Merged cells other than the top-left read "" (their style stays).
    for (const m of out.merges) {
      for (let r = m.top; r <= Math.min(m.bottom, out.values.length - 1); r++) {
        const vRow = out.values[r];
        if (vRow === NO_CELLS) continue;
        for (let c = m.left; c <= Math.min(m.right, vRow.length - 1); c++) {
          if (r === m.top && c === m.left) continue;
          vRow[c] = "";
          out.formulas[r][c] = "";
        }
      }
    }
    return out;
  }
}

export interface RawCell {
  /** The cell's whole element as written. */
  raw: string;
  /** Its start tag. */
  tag: string;
  col: number | null;
  type: string;
  style: number;
  formula: { tag: string; text: string } | null;
  v: string | null;
  inline: string | null;
}

export interface RawRow {
  raw: string;
  tag: string;
  index: number | null;
  body: string;
  start: number;
  end: number;
}

const ROW_RE = /<((?:[\w.-]+:)?row)(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/\1\s*>)/g;
const CELL_RE = /<((?:[\w.-]+:)?c)(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/\1\s*>)/g;
const F_RE = /<((?:[\w.-]+:)?f)(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/\1\s*>)/;
const V_RE = /<((?:[\w.-]+:)?v)(?=[\s/>])[^>]*?(?:\/>|>([\s\S]*?)<\/\1\s*>)/;
const IS_RE = /<((?:[\w.-]+:)?is)(?=[\s/>])[^>]*?(?:\/>|>([\s\S]*?)<\/\1\s*>)/;

/** The rows of a piece of sheet XML, with their number (1-based "r" → 0-based) when written. */
export function* eachRow(text: string): Generator<RawRow> {
  ROW_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ROW_RE.exec(text))) {
    const tag = m[0].slice(0, m[0].indexOf(">") + 1);
    const r = /\sr\s*=\s*["'](\d+)["']/.exec(m[2]);
    const index = r ? Number(r[1]) - 1 : null;
    yield {
      raw: m[0],
      tag,
      index: index !== null && index >= 0 && index < 1048576 ? index : null,
      body: m[3] ?? "",
      start: m.index,
      end: m.index + m[0].length,
    };
  }
}

/** The cells of a row's content. */
export function* eachCell(body: string): Generator<RawCell> {
  const re = new RegExp(CELL_RE.source, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    const a = attributes(`<c${m[2]}>`);
    const content = m[3] ?? "";
    const f = content ? F_RE.exec(content) : null;
    const v = content ? V_RE.exec(content) : null;
    const is = content ? IS_RE.exec(content) : null;
    yield {
      raw: m[0],
      tag: m[0].slice(0, m[0].indexOf(">") + 1),
      col: a.r !== undefined ? (parseRef(a.r)?.col ?? null) : null,
      type: a.t ?? "n",
      style: a.s !== undefined && /^\d+$/.test(a.s) ? Number(a.s) : 0,
      formula: f ? { tag: f[0].slice(0, f[0].indexOf(">") + 1), text: unescapeXml(f[3] ?? "") } : null,
      v: v ? (v[2] ?? "") : null,
      inline: is ? (is[2] ?? "") : null,
    };
  }
}

/** A cell's value as Office.js reads it: text, a number exactly as its text reads, a boolean, an error's text, "" for none. */
export function cellValue(cell: RawCell, sst: readonly string[], dates: ReadonlySet<number>): unknown {
  const v = cell.v === null ? null : unescapeXml(cell.v);
  switch (cell.type) {
    case "s": {
      const i = v === null ? NaN : Number(v);
      return Number.isInteger(i) && i >= 0 && i < sst.length ? sst[i] : "";
    }
    case "inlineStr":
      return cell.inline !== null ? stringItemText(cell.inline) : v !== null ? unescapeOoxml(v) : "";
    case "str":
      return v === null ? "" : unescapeOoxml(v);
    case "b":
      return v === null ? "" : v.trim() === "1" || v.trim() === "true";
    case "e":
      return v ?? "";
    case "d":
      return v === null ? "" : v.slice(0, 10);
    default: {
      if (v === null || v.trim() === "") return "";
      const n = Number(v);
      if (Number.isNaN(n)) return v;
      if (dates.has(cell.style) && Number.isFinite(n) && n >= 0 && n < 2958466) return serialToIso(n);
      return n;
    }
  }
}
