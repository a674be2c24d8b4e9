/**
 * The workbook port (src/core/sheets/port.ts) on an .xlsx package: reads a snapshot with the streaming
 * reader, and applies a write plan, sheet descriptions and the store as one unit through the package
 * writer, so that every part the plan does not own is copied byte for byte. The command line's
 * "Tính điểm" goes through it.
 */
import { cellAddress, parseCell, rangeAddress, SHEET_ORIGIN } from "../core/base/address";
import { resultJournal, ResultJournal } from "../core/flows/undo";
import { LegacyCell } from "../core/grid/legacy-cells";
import { unicodeFontFor } from "../core/text/legacy-encoding";
import { MARK_FILL, WritePlan } from "../core/grid/plan";
import { CellsRestore, ChartPut, ResultWrite, SheetInfo, TextLook, ValueWrite, WorkbookPort } from "../core/sheets/port";
import { SheetDescription } from "../core/sheets/sheet";
import { AnnexDescription, annexAsSheet } from "../core/sheets/annex";
import { ExplainDescription } from "../core/findings/explanation";
import { explainAsSheet } from "./explain-sheet";
import { decodeStore, DecodedStore, encodeStore, MarkRecord, STORE_SHEET, StoreState } from "../core/store/store";
import { CellEdit, PackageEdit, SheetProtection } from "./edit";
import { PackageLimits } from "./package";
import { passwordMatches, protectionWith } from "./protection";
import { renderSheetXml, storeSheetXml } from "./sheet-xml";
import { SheetRead, XlsxWorkbook } from "./workbook";

export class XlsxPort implements WorkbookPort {
  private readonly edit: PackageEdit;
  private readonly reads = new Map<string, SheetRead>();
  /** Cells queued per sheet (values and styles), applied with the package at the end. */
  private readonly cells = new Map<string, Map<number, Map<number, CellEdit>>>();
  /** The store's state queued, put when the package is made. */
  private store: StoreState | null = null;

  constructor(readonly wb: XlsxWorkbook) {
    this.edit = new PackageEdit(wb);
  }

  static open(bytes: Uint8Array, limits: Partial<PackageLimits> = {}): XlsxPort {
    return new XlsxPort(XlsxWorkbook.open(bytes, limits));
  }

  sheets(): SheetInfo[] {
    return this.wb.sheets.map((s) => ({ name: s.name, state: s.state }));
  }

  readSheet(name: string): SheetRead {
    const known = this.reads.get(name);
    if (known) return known;
    const read = this.wb.readSheet(name);
    this.reads.set(name, read);
    return read;
  }

  readStore(): DecodedStore {
    if (!this.wb.sheet(STORE_SHEET)) return { ok: true, state: {}, issues: [] };
    return decodeStore(this.wb.readSheet(STORE_SHEET).values);
  }

  private cellsOf(sheet: string) {
    let cells = this.cells.get(sheet);
    if (!cells) {
      cells = new Map();
      this.cells.set(sheet, cells);
      this.edit.editSheet(sheet, { cells });
    }
    return cells;
  }

  /** Values into cells (their look kept): the ledger's computed points, the group sums it puts into the grid. */
  writeValues(sheet: string, writes: readonly ValueWrite[]): void {
    const read = this.readSheet(sheet);
    const cells = this.cellsOf(sheet);
    for (const w of writes) {
      const row = cells.get(w.row) ?? new Map<number, CellEdit>();
      const style = row.get(w.col)?.style ?? read.styles[w.row]?.[w.col] ?? 0;
      row.set(w.col, {
        style: w.numberFormat !== undefined ? this.edit.styles.withNumberFormat(style, w.numberFormat) : style,
        value: w.value === "" ? null : w.value,
      });
      cells.set(w.row, row);
    }
  }

  /** A text into one cell with a look of its own (the annex's code line when results are locked), else in the cell's own. */
  writeText(sheet: string, row: number, col: number, text: string, look?: TextLook): void {
    // The text prints with the sheet: a print area ending above it (the annex's, A1 to its last note) reaches it.
    if (text !== "") this.edit.editSheet(sheet, { cells: this.cellsOf(sheet), printsRow: row });
    if (!look) return this.writeValues(sheet, [{ row, col, value: text }]);
    const cells = this.cellsOf(sheet);
    const r = cells.get(row) ?? new Map<number, CellEdit>();
    r.set(col, { style: this.edit.styles.style(look), value: text });
    cells.set(row, r);
  }

  /** A sheet's protection set (replacing any) or removed (null); its cells are kept as they are. */
  protectSheet(sheet: string, protection: SheetProtection | null): void {
    this.edit.editSheet(sheet, { cells: this.cellsOf(sheet), protection });
  }

  /**
   * "Tính điểm"'s cells: the converted legacy texts, the appended columns with their neighbour's look,
   * headers, result values with their formats, marks (each cell's own fill recorded) and unmarks.
   * Returns the marks to record in the store.
   */
  writeResults(w: ResultWrite): MarkRecord[] {
    const { sheet, plan, layout } = w;
    const read = this.readSheet(sheet);
    const styles = this.edit.styles;
    const cells = this.cellsOf(sheet);
    const styleAt = (r: number, c: number) => cells.get(r)?.get(c)?.style ?? read.styles[r]?.[c] ?? 0;
    const set = (r: number, c: number, e: CellEdit) => {
      const row = cells.get(r) ?? new Map<number, CellEdit>();
      const before = row.get(c);
      row.set(c, { ...before, ...e, value: e.value !== undefined ? e.value : before?.value });
      cells.set(r, row);
    };
    for (const c of w.converted) {
      const s = styleAt(c.row, c.col);
      const font = unicodeFontFor(styles.fontName(s));
      set(c.row, c.col, { style: font ? styles.withFontName(s, font) : s, value: c.converted });
    }
    const newCols = plan.columns.filter((c) => c.isNew);
    for (const c of newCols) for (let r = layout.headerTop; r <= layout.lastRow; r++) set(r, c.col, { style: styleAt(r, layout.lastCol) });
    for (const h of plan.headers) set(h.row, h.col, { style: styleAt(h.row, h.col), value: h.text });
    for (const b of plan.blocks)
      b.values.forEach((rowValues, i) =>
        rowValues.forEach((v, j) => {
          const r = b.row + i;
          const c = b.col + j;
          set(r, c, { style: styles.withNumberFormat(styleAt(r, c), b.numberFormat[i][j]), value: v === "" ? null : v });
        }),
      );
    for (const m of plan.unmark) {
      const at = parseAddress(m.address);
      if (at) set(at.row, at.col, { style: styles.withFill(styleAt(at.row, at.col), m.color) });
    }
    const kept = new Map(plan.keptMarks.map((m) => [m.address, m]));
    const marks: MarkRecord[] = plan.marks.map((m) => ({
      sheet,
      address: m.address,
      color: kept.has(m.address) ? kept.get(m.address)!.color : styles.fillColor(styleAt(m.row, m.col)),
      mark: MARK_FILL[m.severity],
    }));
    for (const m of plan.marks) set(m.row, m.col, { style: styles.withFill(styleAt(m.row, m.col), MARK_FILL[m.severity]) });
    this.edit.editSheet(sheet, {
      cells,
      widths: (existing) => new Map(newCols.map((c) => [c.col, Math.max(existing(layout.lastCol) ?? 9, 11)])),
    });
    return marks;
  }

  /** A sheet from its description: replaces the sheet of that name (in its place) or is added just after `after` (else last). */
  putSheet(description: SheetDescription, after?: string): void {
    const part = renderSheetXml(description, this.edit.styles);
    this.edit.putSheet({ name: description.sheetName, xml: part.xml, names: part.names, after });
  }

  /** The annex as a sheet description, put like any other. */
  putAnnex(annex: AnnexDescription): void {
    this.putSheet(annexAsSheet(annex));
  }

  /** Giải trình as a sheet description, put like any other. */
  putExplanation(explanation: ExplainDescription): void {
    this.putSheet(explainAsSheet(explanation));
  }

  /** The store's new state, encoded with the package (a later state queued replaces an earlier one). */
  writeStore(state: StoreState): void {
    this.store = state;
  }

  // h18e — "Hoàn tác" (src/core/flows/undo.ts): what the cells an action wrote hold now, and what gives them back.
  /** What a block holds now (formulas where there are, else values, "" where empty), as read from the package; null when its sheet is gone. */
  readBlock(sheet: string, address: string): unknown[][] | null {
    if (!this.wb.sheet(sheet)) return null;
    const read = this.readSheet(sheet);
    return blockOf(address).map(({ row, cols }) => cols.map((c) => read.formulas[row]?.[c] ?? ""));
  }

  /**
   * "Tính điểm"'s undo journal (the core's resultJournal) from the sheet as opened, before anything queued: the
   * cells' contents and number formats, the fills the marks replace (each cell's own), and the appended columns'
   * formats cleared on undo (they were empty) with the standard width back.
   */
  journalOf(w: ResultWrite): ResultJournal {
    const read = this.readSheet(w.sheet);
    const styles = this.edit.styles;
    const styleOf = (r: number, c: number) => read.styles[r]?.[c] ?? 0;
    const journal = resultJournal(
      w.plan,
      w.layout,
      { name: w.sheet, values: read.values, formulas: read.formulas, numberFormat: (r, c) => styles.numberFormat(styleOf(r, c)), origin: SHEET_ORIGIN },
      { widthOf: () => STANDARD_WIDTH_POINTS, backupFirstCol: null },
    );
    const span = w.layout.lastRow - w.layout.headerTop + 1;
    const first = new Set(w.plan.marks.filter((m) => !w.plan.keptMarks.some((k) => k.address === m.address)).map((m) => m.address));
    return {
      ...journal,
      fills: journal.fills.map((f) => (first.has(f.address) ? { ...f, color: this.readFill(w.sheet, f.address) } : f)),
      clearFormats: w.plan.columns.filter((c) => c.isNew).map((c) => rangeAddress(w.layout.headerTop, c.col, span, 1)),
    };
  }

  /** The cell's own solid fill ("#RRGGBB"), null for none. */
  readFill(sheet: string, address: string): string | null {
    const at = parseCell(address);
    return this.edit.styles.fillColor(this.readSheet(sheet).styles[at.row]?.[at.col] ?? 0);
  }

  /**
   * Cells given back, in Office.js's order: formats cleared, formats copied aside on the store sheet put back
   * (the style each backup cell holds), widths, contents with their number formats (a formula where the cell
   * held one), fonts, fills. Each cell keeps the rest of its look.
   */
  restoreCells(sheet: string, r: CellsRestore): void {
    const styles = this.edit.styles;
    const styleAt = (name: string, row: number, col: number) => this.cellsOf(name).get(row)?.get(col)?.style ?? this.readSheet(name).styles[row]?.[col] ?? 0;
    const set = (name: string, row: number, col: number, e: Partial<CellEdit>) => {
      const cells = this.cellsOf(name);
      const cellsRow = cells.get(row) ?? new Map<number, CellEdit>();
      cellsRow.set(col, { ...cellsRow.get(col), style: styleAt(name, row, col), ...e });
      cells.set(row, cellsRow);
    };
    const eachCell = (address: string, f: (row: number, col: number, i: number, j: number) => void) =>
      blockOf(address).forEach(({ row, cols }, i) => cols.forEach((col, j) => f(row, col, i, j)));
    for (const address of r.clearFormats) eachCell(address, (row, col) => set(sheet, row, col, { style: 0 }));
    const backups = r.formatBackups.length > 0 && this.wb.sheet(STORE_SHEET) ? this.wb.readSheet(STORE_SHEET).styles : [];
    for (const b of r.formatBackups) {
      const from = blockOf(b.backup);
      eachCell(b.target, (row, col, i) => set(sheet, row, col, { style: backups[from[i]?.row ?? -1]?.[from[i]?.cols[0] ?? -1] ?? 0 }));
    }
    if (r.widths.length > 0) {
      const widths = new Map(r.widths.map((w) => [blockOf(w.address)[0].cols[0], pointsToCharacters(w.width)]));
      this.edit.editSheet(sheet, { cells: this.cellsOf(sheet), widths: () => widths });
    }
    for (const c of r.blocks) {
      const name = c.sheet ?? sheet;
      eachCell(c.address, (row, col, i, j) => {
        const before = c.formulas[i]?.[j];
        if (before === null || before === undefined) return;
        const style = styles.withNumberFormat(styleAt(name, row, col), c.numberFormat[i][j]);
        // A text journalled as text (CellSnapshot.text) stays a string cell, never a formula.
        if (typeof before === "string" && before.startsWith("=") && !c.text?.[i]?.[j]) set(name, row, col, { style, value: null, formula: before.slice(1) });
        else set(name, row, col, { style, value: before === "" ? null : (before as string | number), formula: undefined });
      });
    }
    for (const f of r.fonts) eachCell(f.address, (row, col) => set(sheet, row, col, { style: styles.withFontName(styleAt(sheet, row, col), f.name) }));
    for (const f of r.fills) eachCell(f.address, (row, col) => set(sheet, row, col, { style: styles.withFill(styleAt(sheet, row, col), f.color) }));
  }

  /** A sheet taken away with its part and its entries in the workbook's lists (the others' names and tabs follow). */
  removeSheet(name: string): void {
    this.edit.removeSheet(name);
  }

  /** The whole workbook with what was applied, as one package: the store put after the other sheets. */
  toBytes(): Uint8Array {
    if (this.store) {
      this.edit.putSheet({ name: STORE_SHEET, xml: storeSheetXml(encodeStore(this.store), this.edit.styles), state: "veryHidden" });
      this.store = null;
    }
    return this.edit.toBytes();
  }

  // "Chốt kết quả" and "Mở chốt" (src/core/flows/lock.ts): sheet protection in each sheet's <sheetProtection>.
  /** Whether the sheet's part has a <sheetProtection>. */
  isProtected(sheet: string): boolean {
    return Boolean(this.readSheet(sheet).protection);
  }

  /** The sheets protected as the add-in protects them; a password given is kept as Excel's hash of it. */
  protectSheets(sheets: readonly string[], password?: string): void {
    const protection = protectionWith(password);
    for (const sheet of sheets) this.protectSheet(sheet, protection);
  }

  /** The sheets' protection removed, if the password opens each (else the first it does not open, nothing queued). */
  unprotectSheets(sheets: readonly string[], password?: string): string | null {
    const wrong = sheets.find((s) => !passwordMatches(this.readSheet(s).protection, password));
    if (wrong !== undefined) return wrong;
    for (const sheet of sheets) this.protectSheet(sheet, null);
    return null;
  }

  // h18d — "Biểu đồ" (src/core/flows/chart.ts)
  private readonly chartsPut: ChartPut[] = [];

  /** The chart is kept, not put in the package: the command line draws it as SVG into its own file (`--chart FILE`, through the output guard). */
  putChart(chart: ChartPut): void {
    this.chartsPut.push(chart);
  }

  /** The charts queued, in order. */
  charts(): readonly ChartPut[] {
    return this.chartsPut;
  }
}

function parseAddress(address: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  const at = { row: Number(m[2]) - 1, col: col - 1 };
  return cellAddress(at.row, at.col) === address ? at : null;
}

export type { LegacyCell, WritePlan };

/** Excel's standard column width (8.43 characters of Calibri 11), in points: what an appended column had. */
const STANDARD_WIDTH_POINTS = 48;

/** The rows and columns of a block ("B3" or "B3:D9"), row by row. */
function blockOf(address: string): { row: number; cols: number[] }[] {
  const [a, b] = address.split(":");
  const from = parseCell(a);
  const to = b ? parseCell(b) : from;
  const cols = Array.from({ length: to.col - from.col + 1 }, (_, j) => from.col + j);
  return Array.from({ length: to.row - from.row + 1 }, (_, i) => ({ row: from.row + i, cols }));
}

/** A column width in points (Office.js) as the package holds it, in characters of the default font (Calibri 11: 7 px a character, 5 px of padding). */
function pointsToCharacters(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}
