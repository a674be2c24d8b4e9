/**
 * The package writer: a user's workbook with the parts the tool owns rewritten and every other
 * entry copied as it was stored (the very compressed bytes, so a chart, a comment, a pivot table, a
 * drawing, defined names, data validation, conditional formats, CR LF text cannot change).
 *
 * It owns: the grid sheet's cells it is given (the result columns, the marks; every other cell of the
 * sheet is copied as the characters it was written with), the sheets it puts (the store, the annex,
 * Giải trình) and the entries those need in workbook.xml, its relationships, [Content_Types].xml and
 * styles.xml (styles appended, never renumbered).
 */
import { Deflate } from "fflate";
import { columnLetter } from "../core/base/address";
import { crc32Update, partName, ZipEntry } from "./package";
import { cellXml, SheetName } from "./sheet-xml";
import { StyleBook } from "./styles";
import { eachRow, parseRef, REL_TYPES, relsPartOf, XlsxWorkbook } from "./workbook";
import { attributes, elements, escapeXml, Splitter } from "./xml";

/** One cell the writer owns: its style, and its value (undefined keeps what the cell holds). */
export interface CellEdit {
  style: number;
  value?: string | number | null;
  /** A formula (without "="), given back by "Hoàn tác" where the cell held one. */
  formula?: string;
}

export interface SheetEdit {
  /** By 0-based row, then column. */
  cells: Map<number, Map<number, CellEdit>>;
  /** Column widths to set (0-based column → characters), given the widths the sheet has. */
  widths?: (existing: (col: number) => number | undefined) => Map<number, number>;
  /** The sheet's protection: set (replacing any), removed (null), or kept as it is (undefined). */
  protection?: SheetProtection | null;
  /** A 0-based row that must print: the sheet's print area, where one is defined and ends above it, is extended down to it. */
  printsRow?: number;
}

/** A sheet's protection as the writer puts it (formatting rows and columns allowed, as the add-in does): with Excel's hash of a password, or without one. */
export interface SheetProtection {
  password?: { algorithmName: string; hashValue: string; saltValue: string; spinCount: number };
}

export interface NewSheet {
  name: string;
  /** The part's text, or its pieces given to `push` one after the other (deflated as they come: a large sheet is never one string). */
  xml: string | ((push: (text: string) => void) => void);
  state?: "visible" | "hidden" | "veryHidden";
  /** Print area and repeated rows, defined for this sheet in workbook.xml. */
  names?: SheetName[];
  /** A new sheet goes just after this one (if there is one of that name); else after the others. */
  after?: string;
}

const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

interface OutEntry {
  name: string;
  /** Copied unchanged: the original entry. */
  source?: ZipEntry;
  /** Written anew: compressed bytes, checksum and size. */
  data?: Uint8Array;
  crc?: number;
  size?: number;
}

const enc = new TextEncoder();

/**
 * A host's own deflate and CRC-32 (Node's zlib on the command line, several times faster than
 * fflate's): `deflate` compresses one batch as raw deflate blocks that depend on no earlier batch,
 * byte-aligned and not final (a sync flush) unless `final`; their concatenation is one deflate stream.
 */
export interface NativeCodec {
  deflate(data: Uint8Array, final: boolean): Uint8Array;
  crc32(data: Uint8Array, crc: number): number;
}
let native: NativeCodec | null = null;
/** Uses the host's codec for every part written from now on (null: fflate and the CRC-32 here). */
export function setNativeCodec(codec: NativeCodec | null): void {
  native = codec;
}

/** Deflates text given in pieces (in batches of about 1 MB: fflate is slow on many small pushes); keeps only the compressed bytes. */
class Compressor {
  private readonly codec = native;
  private chunks: Uint8Array[] = [];
  // With the host's codec, the CRC-32 so far as zlib.crc32 takes and gives it (from 0); else the running register.
  private crc = this.codec ? 0 : 0xffffffff;
  private size = 0;
  private pending: string[] = [];
  private pendingLength = 0;
  private readonly deflate = this.codec ? null : new Deflate({ level: 6 }, (chunk) => this.chunks.push(chunk));
  push(text: string): void {
    if (!text) return;
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= 1 << 20) this.drain(false);
  }
  private drain(final: boolean): void {
    const bytes = enc.encode(this.pending.join(""));
    this.pending = [];
    this.pendingLength = 0;
    this.size += bytes.length;
    if (this.codec) {
      // (Node's zlib.crc32 gives 0 for an empty array from TextEncoder, whatever the CRC so far.)
      if (bytes.length > 0) this.crc = this.codec.crc32(bytes, this.crc);
      this.chunks.push(this.codec.deflate(bytes, final));
      return;
    }
    this.crc = crc32Update(this.crc, bytes);
    this.deflate!.push(bytes, final);
  }
  finish(name: string): OutEntry {
    this.drain(true);
    const crc = this.codec ? this.crc : (this.crc ^ 0xffffffff) >>> 0;
    return { name, data: concat(this.chunks), crc, size: this.size };
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export class PackageEdit {
  readonly styles: StyleBook;
  private readonly sheetEdits = new Map<string, SheetEdit>();
  private readonly puts: NewSheet[] = [];

  constructor(readonly wb: XlsxWorkbook) {
    const part = wb.relatedPart(REL_TYPES.styles);
    this.styles = new StyleBook(part ? wb.pkg.readText(part) : null);
  }

  /** Cells of an existing sheet to write (value and/or style), its widths, its protection; what an earlier call gave and this one does not is kept. */
  editSheet(name: string, edit: SheetEdit): void {
    this.sheetEdits.set(name, { ...this.sheetEdits.get(name), ...edit });
  }

  /** A sheet to put: replaces the sheet of that name (same place, same part) or is added after the others. */
  putSheet(sheet: NewSheet): void {
    this.puts.push(sheet);
  }

  private readonly removals = new Set<string>();

  /** A sheet the tool added to take away ("Hoàn tác"): its part, its relationships and its entries in the workbook's lists. */
  removeSheet(name: string): void {
    this.removals.add(name);
  }

  /** The package's bytes: owned parts rewritten, every other entry copied as stored. */
  toBytes(): Uint8Array {
    const { wb } = this;
    const pkg = wb.pkg;
    const replaced = new Map<string, string>(); // part → new xml
    const compressed = new Map<string, OutEntry>(); // part → a sheet deflated as it was rendered
    const content = (part: string, xml: NewSheet["xml"]) => {
      if (typeof xml === "string") replaced.set(part, xml);
      else {
        const c = new Compressor();
        xml((t) => c.push(t));
        compressed.set(part, c.finish(part));
      }
    };
    const dropped = new Set<string>(); // parts not copied (rels of a replaced sheet)
    const workbookBefore = pkg.readText(wb.workbookPart);
    let workbookXml = workbookBefore;
    const rels = relsPartOf(wb.workbookPart);
    let relsXml = pkg.has(rels)
      ? pkg.readText(rels)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const typesBefore = pkg.readText("[Content_Types].xml");
    let typesXml = typesBefore;
    const relsBefore = relsXml;
    const added: OutEntry[] = [];
    const wbFolder = wb.workbookPart.slice(0, wb.workbookPart.lastIndexOf("/") + 1);
    const prefix = /<([\w.-]+:)?sheets\b/.exec(workbookXml)?.[1] ?? "";
    const rPrefix = /\sxmlns:([\w.-]+)\s*=\s*["']http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships["']/.exec(workbookXml)?.[1];
    const taken = new Set(pkg.entries.map((e) => partName(e.name).toLowerCase()));
    const relIds = new Set(elements(relsXml, "Relationship").map((r) => attributes(r.tag).Id));
    let sheetIds = Math.max(0, ...wb.sheets.map((s) => Number(s.sheetId) || 0));
    const order = wb.sheets.map((s) => s.name);
    const namesFor: { sheet: string; names: SheetName[] }[] = [];

    for (const put of this.puts) {
      const existing = wb.sheet(put.name);
      const state = put.state ?? "visible";
      if (existing?.part) {
        content(existing.part, put.xml);
        const sheetRels = relsPartOf(existing.part);
        if (pkg.has(sheetRels)) dropped.add(partName(pkg.entry(sheetRels)!.name));
        workbookXml = setSheetState(workbookXml, put.name, state);
        namesFor.push({ sheet: put.name, names: put.names ?? [] });
        continue;
      }
      let n = 1;
      while (taken.has(`${wbFolder}worksheets/sheet${n}.xml`.toLowerCase())) n++;
      const part = `${wbFolder}worksheets/sheet${n}.xml`;
      taken.add(part.toLowerCase());
      let k = 1;
      while (relIds.has(`rIdXh${k}`)) k++;
      const rId = `rIdXh${k}`;
      relIds.add(rId);
      relsXml = relsXml.replace(
        /<\/((?:[\w.-]+:)?Relationships)\s*>\s*$/,
        `<Relationship Id="${rId}" Type="${REL_TYPES.worksheet}" Target="worksheets/sheet${n}.xml"/></$1>`,
      );
      typesXml = addOverride(typesXml, `/${part}`, WORKSHEET_TYPE);
      const rAttr = rPrefix ? `${rPrefix}:id="${rId}"` : `xmlns:xr="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xr:id="${rId}"`;
      const tag = `<${prefix}sheet name="${escapeXml(put.name)}" sheetId="${++sheetIds}"${state !== "visible" ? ` state="${state}"` : ""} ${rAttr}/>`;
      const at = put.after !== undefined && order.includes(put.after) ? order.indexOf(put.after) + 1 : order.length;
      if (at === order.length) workbookXml = workbookXml.replace(/<\/((?:[\w.-]+:)?sheets)\s*>/, `${tag}</$1>`);
      else {
        // Inserted among the sheets: the sheets after it move one place (their local names and the active tab follow).
        const before = elements(workbookXml, "sheet").find(({ tag: t }) => attributes(t).name === put.after)!;
        workbookXml = shiftSheetIndexes(workbookXml.slice(0, before.end) + tag + workbookXml.slice(before.end), at);
      }
      content(part, put.xml);
      order.splice(at, 0, put.name);
      namesFor.push({ sheet: put.name, names: put.names ?? [] });
      added.push({ name: part });
    }
    for (const { sheet, names } of namesFor) workbookXml = setLocalNames(workbookXml, prefix, order.indexOf(sheet), names);
    for (const [name, edit] of this.sheetEdits)
      if (edit.printsRow !== undefined) workbookXml = printAreaDownTo(workbookXml, order.indexOf(name), edit.printsRow);
    for (const name of this.removals) {
      const entry = wb.sheet(name);
      const at = order.indexOf(name);
      const element = elements(workbookXml, "sheet").find(({ tag }) => attributes(tag).name === name);
      if (!entry || at < 0 || !element) continue;
      workbookXml = shiftSheetIndexes(workbookXml.slice(0, element.start) + workbookXml.slice(element.end), at, -1);
      order.splice(at, 1);
      // The active tab was the last sheet, now gone: the one before it.
      if (at === order.length && at > 0)
        workbookXml = workbookXml.replace(/(<(?:[\w.-]+:)?workbookView\b[^>]*\sactiveTab\s*=\s*["'])(\d+)(["'])/, (m, a: string, n: string, b: string) =>
          Number(n) === at ? `${a}${at - 1}${b}` : m,
        );
      relsXml = withoutElement(relsXml, "Relationship", (a) => a.Id === entry.rId);
      if (entry.part) {
        dropped.add(partName(entry.part));
        const sheetRels = relsPartOf(entry.part);
        if (pkg.has(sheetRels)) dropped.add(partName(pkg.entry(sheetRels)!.name));
        typesXml = withoutElement(typesXml, "Override", (a) => (a.PartName ?? "").toLowerCase() === `/${entry.part}`.toLowerCase());
      }
    }

    // Styles last: the sheets above and the edits below add to them.
    const sheetOut = new Map<string, OutEntry>();
    for (const [name, edit] of this.sheetEdits) {
      const entry = wb.sheet(name);
      if (!entry?.part) continue;
      sheetOut.set(entry.part, rewriteSheet(wb, entry.part, edit));
    }
    const stylesPart = wb.relatedPart(REL_TYPES.styles) ?? `${wbFolder}styles.xml`;
    if (this.styles.changed) {
      replaced.set(stylesPart, this.styles.serialize());
      if (this.styles.created) {
        relsXml = relsXml.replace(
          /<\/((?:[\w.-]+:)?Relationships)\s*>\s*$/,
          `<Relationship Id="rIdXhStyles" Type="${REL_TYPES.styles}" Target="styles.xml"/></$1>`,
        );
        typesXml = addOverride(typesXml, `/${stylesPart}`, STYLES_TYPE);
        added.push({ name: stylesPart });
      }
    }
    // Each list rewritten only when it changed (a sheet replaced in place, the store say, leaves them as stored).
    if (workbookXml !== workbookBefore) replaced.set(wb.workbookPart, workbookXml);
    if (typesXml !== typesBefore) replaced.set("[Content_Types].xml", typesXml);
    if (relsXml !== relsBefore) {
      replaced.set(rels, relsXml);
      if (!pkg.has(rels)) added.push({ name: rels });
    }

    const out: OutEntry[] = [];
    const text = (name: string, xml: string): OutEntry => {
      const c = new Compressor();
      c.push(xml);
      return c.finish(name);
    };
    for (const e of pkg.entries) {
      const key = partName(e.name);
      if (dropped.has(key)) continue;
      const rewritten = sheetOut.get(key) ?? compressed.get(key);
      if (rewritten) out.push({ ...rewritten, name: e.name });
      else if (replaced.has(key)) out.push(text(e.name, replaced.get(key)!));
      else out.push({ name: e.name, source: e });
    }
    for (const a of added) out.push(compressed.get(a.name) ?? text(a.name, replaced.get(a.name)!));
    return writeZip(pkg.bytes, out);
  }
}

/** The text without the elements of that name whose attributes match. */
function withoutElement(xml: string, name: string, match: (a: Record<string, string>) => boolean): string {
  let out = xml;
  for (const e of elements(out, name).reverse()) if (match(attributes(e.tag))) out = out.slice(0, e.start) + out.slice(e.end);
  return out;
}

function addOverride(types: string, part: string, type: string): string {
  const exists = elements(types, "Override").some(({ tag }) => (attributes(tag).PartName ?? "").toLowerCase() === part.toLowerCase());
  if (exists) return types;
  return types.replace(/<\/((?:[\w.-]+:)?Types)\s*>\s*$/, `<Override PartName="${part}" ContentType="${type}"/></$1>`);
}

/**
 * Sheet indexes at or after `from` moved one place (`by` -1: the sheet at `from` removed, its own names with it):
 * defined names' localSheetId, the book views' active and first tab.
 */
function shiftSheetIndexes(workbookXml: string, from: number, by: 1 | -1 = 1): string {
  const shift = (tag: string, attr: string) =>
    tag.replace(new RegExp(`(\\s${attr}\\s*=\\s*["'])(\\d+)(["'])`), (m, a: string, n: string, b: string) =>
      Number(n) > from || (by === 1 && Number(n) === from) ? `${a}${Number(n) + by}${b}` : m,
    );
  let xml = workbookXml;
  if (by === -1)
    for (const d of elements(xml, "definedName").reverse()) if (attributes(d.tag).localSheetId === String(from)) xml = xml.slice(0, d.start) + xml.slice(d.end);
  for (const d of elements(xml, "definedName").reverse()) xml = xml.slice(0, d.start) + shift(d.tag, "localSheetId") + xml.slice(d.start + d.tag.length);
  for (const v of elements(xml, "workbookView").reverse())
    xml = xml.slice(0, v.start) + shift(shift(v.tag, "activeTab"), "firstSheet") + xml.slice(v.start + v.tag.length);
  return xml;
}

function setSheetState(workbookXml: string, name: string, state: "visible" | "hidden" | "veryHidden"): string {
  const sheet = elements(workbookXml, "sheet").find(({ tag }) => attributes(tag).name === name);
  if (!sheet) return workbookXml;
  const current = attributes(sheet.tag).state ?? "visible";
  if (current === state) return workbookXml;
  let tag = sheet.tag.replace(/\sstate\s*=\s*("[^"]*"|'[^']*')/, "");
  if (state !== "visible") tag = tag.replace(/(\/?>)$/, ` state="${state}"$1`);
  return workbookXml.slice(0, sheet.start) + tag + workbookXml.slice(sheet.start + sheet.tag.length);
}

/** The defined names of a sheet (by its place): those given replace the same names defined for it. */
function setLocalNames(workbookXml: string, prefix: string, index: number, names: SheetName[]): string {
  if (names.length === 0) return workbookXml;
  let xml = workbookXml;
  const wanted = new Set(names.map((n) => n.name.toLowerCase()));
  for (const d of elements(xml, "definedName").reverse()) {
    const a = attributes(d.tag);
    if (a.localSheetId === String(index) && wanted.has((a.name ?? "").toLowerCase())) xml = xml.slice(0, d.start) + xml.slice(d.end);
  }
  const items = names.map((n) => `<${prefix}definedName name="${n.name}" localSheetId="${index}">${escapeXml(n.formula)}</${prefix}definedName>`).join("");
  const block = elements(xml, "definedNames")[0];
  if (block && block.body !== null) {
    const close = xml.lastIndexOf("</", block.end - 1);
    return xml.slice(0, close) + items + xml.slice(close);
  }
  if (block) return xml.slice(0, block.start) + `<${prefix}definedNames>${items}</${prefix}definedNames>` + xml.slice(block.end);
  // After the sheets (and external references, which come before the names).
  const after = elements(xml, "externalReferences")[0] ?? elements(xml, "sheets")[0];
  return xml.slice(0, after.end) + `<${prefix}definedNames>${items}</${prefix}definedNames>` + xml.slice(after.end);
}

/**
 * The print area of the sheet at `index` (`_xlnm.Print_Area`, one range "'Sheet'!$A$1:$L$28") extended down to the
 * 0-based `row` when it ends above it; a sheet without one, or with several ranges, is left as it is (it prints its
 * used range, the row with it).
 */
function printAreaDownTo(workbookXml: string, index: number, row: number): string {
  if (index < 0) return workbookXml;
  const d = elements(workbookXml, "definedName").find(({ tag }) => {
    const a = attributes(tag);
    return a.localSheetId === String(index) && (a.name ?? "").toLowerCase() === "_xlnm.print_area";
  });
  if (!d || d.body === null) return workbookXml;
  const m = /^(.*!\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?)(\d+)$/.exec(d.body);
  if (!m || Number(m[2]) >= row + 1) return workbookXml;
  const bodyAt = d.start + d.tag.length;
  return workbookXml.slice(0, bodyAt) + m[1] + String(row + 1) + workbookXml.slice(bodyAt + d.body.length);
}

/** A cell element with another style, its content kept as written. */
function restyled(raw: string, style: number): string {
  const end = raw.indexOf(">");
  const selfClosing = raw[end - 1] === "/";
  let tag = raw.slice(0, selfClosing ? end - 1 : end).replace(/\ss\s*=\s*("[^"]*"|'[^']*')/, "");
  tag += style ? ` s="${style}"` : "";
  return tag + raw.slice(selfClosing ? end - 1 : end);
}

/**
 * Streams a sheet part through: rows without owned cells are copied as written; in a row with owned
 * cells, those cells are replaced (or inserted in column order) and every other cell copied as it was.
 */
function rewriteSheet(wb: XlsxWorkbook, part: string, edit: SheetEdit): OutEntry {
  const out = new Compressor();
  const pending = [...edit.cells.keys()].sort((a, b) => a - b);
  let next = 0; // index in pending
  let lastRow = -1;
  let headDone = false;
  let maxCol = -1;
  for (const row of edit.cells.values()) for (const c of row.keys()) maxCol = Math.max(maxCol, c);
  const maxRow = pending.length ? pending[pending.length - 1] : -1;

  const newRow = (r: number) => {
    const cells = [...edit.cells.get(r)!.entries()].sort((a, b) => a[0] - b[0]);
    return `<row r="${r + 1}">${cells.map(([c, e]) => cellXml(r, c, e.style, e.value ?? null, e.formula)).join("")}</row>`;
  };
  const rowPrefix = { value: "" };
  const editRow = (raw: string, tag: string, body: string, r: number) => {
    const edits = edit.cells.get(r)!;
    const parts: string[] = [];
    let lastCol = -1;
    const done = new Set<number>();
    const re = /<((?:[\w.-]+:)?c)(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/\1\s*>)/g;
    let m: RegExpExecArray | null;
    let at = 0;
    const flushBefore = (col: number) => {
      for (const c of [...edits.keys()].filter((k) => !done.has(k) && k < col).sort((a, b) => a - b)) {
        const e = edits.get(c)!;
        parts.push(cellXml(r, c, e.style, e.value ?? null, e.formula));
        done.add(c);
      }
    };
    while ((m = re.exec(body))) {
      parts.push(body.slice(at, m.index));
      at = m.index + m[0].length;
      const ref = /\sr\s*=\s*["']([^"']*)["']/.exec(m[2]);
      const c = ref ? (parseRef(ref[1])?.col ?? lastCol + 1) : lastCol + 1;
      lastCol = c;
      flushBefore(c);
      const e = edits.get(c);
      if (!e || done.has(c)) {
        parts.push(m[0]);
        continue;
      }
      done.add(c);
      if (e.value === undefined && e.formula === undefined)
        parts.push(restyled(ref ? m[0] : m[0].replace(/^<([\w.:-]+)/, `<$1 r="${columnLetter(c)}${r + 1}"`), e.style));
      else parts.push(cellXml(r, c, e.style, e.value ?? null, e.formula));
    }
    parts.push(body.slice(at));
    flushBefore(Infinity);
    if (tag.endsWith("/>")) {
      const name = /^<([\w.:-]+)/.exec(tag)![1];
      return `${tag.slice(0, -2)}>${parts.join("")}</${name}>`;
    }
    const name = /^<([\w.:-]+)/.exec(tag)![1];
    void raw;
    return `${tag}${parts.join("")}</${name}>`;
  };

  const editHead = (head: string): string => {
    let h = head;
    // The dimension grows to hold appended columns and rows.
    const dim = elements(h, "dimension")[0];
    if (dim && maxCol >= 0) {
      const ref = attributes(dim.tag).ref ?? "A1";
      const [a, b] = ref.split(":");
      const to = parseRef(b ?? a ?? "A1");
      if (to && (to.col < maxCol || to.row < maxRow)) {
        const tag = dim.tag.replace(/\sref\s*=\s*("[^"]*"|'[^']*')/, ` ref="${a}:${columnLetter(Math.max(to.col, maxCol))}${Math.max(to.row, maxRow) + 1}"`);
        h = h.slice(0, dim.start) + tag + h.slice(dim.start + dim.tag.length);
      }
    }
    if (edit.widths) h = setWidths(h, edit.widths);
    return h;
  };

  // What follows the rows (all in the last piece: pieces end at a row's end), with the protection set or removed.
  const afterSheetData = (tail: string, sheetData: string) =>
    edit.protection === undefined ? tail : withProtection(tail, sheetData.slice(0, sheetData.indexOf(":") + 1), edit.protection);

  const onPiece = (text: string) => {
    let t = text;
    if (!headDone) {
      const m = /<((?:[\w.-]+:)?sheetData)\b[^>]*?(\/?)>/.exec(t);
      if (!m) {
        rowPrefix.value += t;
        return;
      }
      t = rowPrefix.value + t;
      const m2 = /<((?:[\w.-]+:)?sheetData)\b[^>]*?(\/?)>/.exec(t)!;
      headDone = true;
      const head = editHead(t.slice(0, m2.index));
      if (m2[2] === "/") {
        // An empty sheet: its rows are all new.
        out.push(`${head}<${m2[1]}>${pending.map(newRow).join("")}</${m2[1]}>`);
        next = pending.length;
        out.push(afterSheetData(t.slice(m2.index + m2[0].length), m2[1]));
        return;
      }
      out.push(head + m2[0]);
      t = t.slice(m2.index + m2[0].length);
    }
    let at = 0;
    for (const row of eachRow(t)) {
      const r = row.index ?? lastRow + 1;
      out.push(t.slice(at, row.start));
      at = row.end;
      if (r <= lastRow) {
        out.push(row.raw);
        continue;
      }
      lastRow = r;
      while (next < pending.length && pending[next] < r) out.push(newRow(pending[next++]));
      if (next < pending.length && pending[next] === r) {
        next++;
        out.push(editRow(row.raw, row.tag, row.body, r));
      } else out.push(row.raw);
    }
    const rest = t.slice(at);
    const close = /<\/((?:[\w.-]+:)?sheetData)\s*>/.exec(rest);
    if (close) {
      out.push(rest.slice(0, close.index));
      while (next < pending.length) out.push(newRow(pending[next++]));
      out.push(close[0] + afterSheetData(rest.slice(close.index + close[0].length), close[1]));
    } else out.push(rest);
  };
  const decoder = new TextDecoder("utf-8");
  const splitter = new Splitter("row", onPiece, part);
  wb.pkg.stream(part, (chunk) => splitter.push(decoder.decode(chunk, { stream: true })));
  splitter.push(decoder.decode());
  splitter.flush();
  if (!headDone) out.push(rowPrefix.value);
  return out.finish(part);
}

/**
 * The text after `</sheetData>` with its `<sheetProtection>` removed and, when one is given, the
 * writer's put where the schema has it (after `<sheetCalcPr>`, before everything else).
 */
function withProtection(tail: string, prefix: string, protection: SheetProtection | null): string {
  let t = tail;
  for (const e of elements(t, "sheetProtection").reverse()) t = t.slice(0, e.start) + t.slice(e.end);
  if (!protection) return t;
  const pw = protection.password;
  const hash = pw
    ? ` algorithmName="${escapeXml(pw.algorithmName)}" hashValue="${escapeXml(pw.hashValue)}" saltValue="${escapeXml(pw.saltValue)}" spinCount="${pw.spinCount}"`
    : "";
  const element = `<${prefix}sheetProtection${hash} sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>`;
  const calc = /^\s*<(?:[\w.-]+:)?sheetCalcPr\b[^>]*\/>/.exec(t);
  const at = calc ? calc[0].length : 0;
  return t.slice(0, at) + element + t.slice(at);
}

/** `<cols>` with the widths set: a range holding a column is split around it, its other settings kept. */
function setWidths(head: string, widths: SheetEdit["widths"] & object): string {
  const block = elements(head, "cols")[0];
  const items = block?.body ? elements(block.body, "col").map(({ tag }) => ({ tag, a: attributes(tag) })) : [];
  const prefix = /<([\w.-]+:)?(?:sheetData|cols|sheetFormatPr|dimension|sheetViews)\b/.exec(head)?.[1] ?? "";
  const existing = (col: number) => {
    const found = items.find((i) => Number(i.a.min) - 1 <= col && col <= Number(i.a.max) - 1);
    return found?.a.width !== undefined ? Number(found.a.width) : undefined;
  };
  const set = widths(existing);
  if (set.size === 0) return head;
  type Range = { min: number; max: number; attrs: string };
  let ranges: Range[] = items.map((i) => ({
    min: Number(i.a.min),
    max: Number(i.a.max),
    attrs: i.tag
      .replace(/^<[\w.:-]+/, "")
      .replace(/\/?>$/, "")
      .replace(/\s(min|max)\s*=\s*("[^"]*"|'[^']*')/g, ""),
  }));
  for (const [col, width] of set) {
    const c = col + 1;
    const w = ` width="${width}" customWidth="1"`;
    const holder = ranges.find((r) => r.min <= c && c <= r.max);
    if (!holder) {
      ranges.push({ min: c, max: c, attrs: w });
      continue;
    }
    const attrs = holder.attrs.replace(/\s(width|customWidth)\s*=\s*("[^"]*"|'[^']*')/g, "") + w;
    const pieces: Range[] = [];
    if (holder.min < c) pieces.push({ ...holder, max: c - 1 });
    pieces.push({ min: c, max: c, attrs });
    if (c < holder.max) pieces.push({ ...holder, min: c + 1 });
    ranges = ranges.flatMap((r) => (r === holder ? pieces : [r]));
  }
  ranges.sort((a, b) => a.min - b.min);
  const cols = `<${prefix}cols>${ranges.map((r) => `<${prefix}col min="${r.min}" max="${r.max}"${r.attrs}/>`).join("")}</${prefix}cols>`;
  if (block) return head.slice(0, block.start) + cols + head.slice(block.end);
  // Before sheetData: the head ends just there.
  return head + cols;
}

const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

/** A zip file of the entries, in order: copied ones with their stored bytes, new ones as compressed. */
function writeZip(source: Uint8Array, entries: OutEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const s = e.source;
    const data = s ? source.subarray(s.dataOffset, s.dataOffset + s.compressedSize) : e.data!;
    const method = s ? s.method : 8;
    const crc = s ? s.crc : e.crc!;
    const size = s ? s.size : e.size!;
    const flags = (s ? s.flags & ~0x8 : 0) | (/[^\x20-\x7e]/.test(e.name) ? 0x800 : 0);
    const time = s ? s.time : 0;
    const date = s ? s.date : 0x21; // 1980-01-01
    if (offset > 0xfffffffe || data.length > 0xfffffffe || size > 0xfffffffe) throw new Error("package too large for a zip without zip64");
    const common = [...u16(flags), ...u16(method), ...u16(time), ...u16(date), ...u32(crc), ...u32(data.length), ...u32(size), ...u16(name.length)];
    const local = new Uint8Array([...u32(0x04034b50), ...u16(20), ...common, ...u16(0)]);
    chunks.push(local, name, data);
    central.push(
      new Uint8Array([...u32(0x02014b50), ...u16(20), ...u16(20), ...common, ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset)]),
      name,
    );
    offset += local.length + name.length + data.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array([
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(entries.length),
    ...u16(entries.length),
    ...u32(dirSize),
    ...u32(offset),
    ...u16(0),
  ]);
  return concat([...chunks, ...central, end]);
}
