/**
 * The fake workbook: the state the fake host reads and writes, plus helpers for tests to seed it and to take
 * plain snapshots of it. Nothing here knows about proxies, queues or API levels.
 */
import { Rect, cellA1, columnFromLetters, columnLetters, intersect, MAX_COLUMNS, MAX_ROWS, parseAddress, rectA1 } from "./address";

export type CellValue = number | string | boolean;

export interface FontSpec {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  color: string;
  underline: string;
  strikethrough: boolean;
}

export interface BorderSpec {
  style: string;
  weight: string;
  color: string;
}

export type BorderSide = "top" | "bottom" | "left" | "right" | "diagonalDown" | "diagonalUp";

export interface Cell {
  /** "" when empty; error values are strings such as "#N/A" with `error: true` */
  value: CellValue;
  error?: boolean;
  /** formula text including the leading "=" */
  formula?: string;
  /** the formula was written through the API and the double has no value for it */
  uncalculated?: boolean;
  numberFormat?: string;
  font?: Partial<FontSpec>;
  /** "#RRGGBB"; absent = no fill */
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: Partial<Record<BorderSide, BorderSpec>>;
  /** absent = locked (Excel's default) */
  locked?: boolean;
}

export interface CellSeed {
  value?: CellValue | null;
  error?: string;
  formula?: string;
  numberFormat?: string;
  font?: Partial<FontSpec>;
  fill?: string | null;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: Partial<Record<BorderSide, Partial<BorderSpec>>>;
  locked?: boolean;
}

/** Everything about one cell, defaults filled in. */
export interface CellSnapshot {
  value: CellValue;
  error: boolean;
  formula: string | null;
  numberFormat: string;
  font: FontSpec;
  fill: string | null;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  borders: Partial<Record<BorderSide, BorderSpec>>;
  locked: boolean;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface ProtectionOptions {
  allowAutoFilter: boolean;
  allowDeleteColumns: boolean;
  allowDeleteRows: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertColumns: boolean;
  allowInsertHyperlinks: boolean;
  allowInsertRows: boolean;
  allowPivotTables: boolean;
  allowSort: boolean;
  selectionMode: string;
}

export interface HeaderFooterState {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  centerVertically: boolean;
  blackAndWhite: boolean;
  draftMode: boolean;
  firstPageNumber: number | "";
  printComments: string;
  printErrors: string;
  printGridlines: boolean;
  printHeadings: boolean;
  printOrder: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** "$A$1:$F$30" or null */
  printArea: string | null;
  /** "$5:$5" or null */
  printTitleRows: string | null;
  /** "$A:$B" or null */
  printTitleColumns: string | null;
  headersFooters: {
    state: string;
    useSheetMargins: boolean;
    useSheetScale: boolean;
    defaultForAllPages: HeaderFooterState;
    firstPage: HeaderFooterState;
    evenPages: HeaderFooterState;
    oddPages: HeaderFooterState;
  };
}

export const DEFAULT_FONT: Readonly<FontSpec> = Object.freeze({
  name: "Calibri",
  size: 11,
  bold: false,
  italic: false,
  color: "#000000",
  underline: "None",
  strikethrough: false,
});

/** Excel's default column width (8.43 characters of Calibri 11 = 64 px) in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
/** Excel's default row height for Calibri 11, in points. */
export const DEFAULT_ROW_HEIGHT = 15;

export const DEFAULT_PROTECTION_OPTIONS: Readonly<ProtectionOptions> = Object.freeze({
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal",
});

const emptyHeaderFooter = (): HeaderFooterState => ({
  leftHeader: "",
  centerHeader: "",
  rightHeader: "",
  leftFooter: "",
  centerFooter: "",
  rightFooter: "",
});

export function defaultPageLayout(paperSize: string): PageLayoutState {
  // Excel's "Normal" margins: 0.7" left/right, 0.75" top/bottom, 0.3" header/footer (in points).
  return {
    orientation: "Portrait",
    paperSize,
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerHorizontally: false,
    centerVertically: false,
    blackAndWhite: false,
    draftMode: false,
    firstPageNumber: "",
    printComments: "NoComments",
    printErrors: "AsDisplayed",
    printGridlines: false,
    printHeadings: false,
    printOrder: "DownThenOver",
    zoom: { scale: 100 },
    printArea: null,
    printTitleRows: null,
    printTitleColumns: null,
    headersFooters: {
      state: "Default",
      useSheetMargins: true,
      useSheetScale: true,
      defaultForAllPages: emptyHeaderFooter(),
      firstPage: emptyHeaderFooter(),
      evenPages: emptyHeaderFooter(),
      oddPages: emptyHeaderFooter(),
    },
  };
}

const NAMED_COLORS: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  lime: "#00FF00",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
  silver: "#C0C0C0",
  purple: "#800080",
  navy: "#000080",
  maroon: "#800000",
  teal: "#008080",
  aqua: "#00FFFF",
  cyan: "#00FFFF",
  fuchsia: "#FF00FF",
  magenta: "#FF00FF",
  olive: "#808000",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  lightblue: "#ADD8E6",
  lightgreen: "#90EE90",
  lightyellow: "#FFFFE0",
  pink: "#FFC0CB",
};

/** Normalises "#abc", "#aabbcc", "red" to "#AABBCC" like the host; undefined when not a colour. */
export function normalizeColor(input: unknown): string | undefined {
  if (typeof input !== "string") return undefined;
  const s = input.trim();
  const named = NAMED_COLORS[s.toLowerCase()];
  if (named) return named;
  let m = /^#?([0-9a-fA-F]{6})$/.exec(s);
  if (m) return `#${m[1].toUpperCase()}`;
  m = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(s);
  if (m) return `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`.toUpperCase();
  return undefined;
}

export const ERROR_VALUES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
];

const key = (row: number, col: number): number => row * MAX_COLUMNS + col;

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function parseRectOrThrow(address: string): Rect {
  const p = parseAddress(address);
  if (!p) throw new Error(`office-double: not an address: ${address}`);
  return p.rect;
}

function rowsSpec(rows: string | number, last?: number): [number, number] {
  if (typeof rows === "number") return [rows - 1, (last ?? rows) - 1];
  const m = /^\$?(\d+)(?::\$?(\d+))?$/.exec(rows.trim());
  if (!m) throw new Error(`office-double: not a row spec: ${rows}`);
  return [parseInt(m[1], 10) - 1, parseInt(m[2] ?? m[1], 10) - 1];
}

function isDefaultCell(c: Cell): boolean {
  return (
    c.value === "" &&
    !c.formula &&
    (c.numberFormat === undefined || c.numberFormat === "General") &&
    (!c.font || Object.keys(c.font).length === 0) &&
    !c.fill &&
    c.horizontalAlignment === undefined &&
    c.verticalAlignment === undefined &&
    !c.wrapText &&
    (!c.borders || Object.keys(c.borders).length === 0) &&
    c.locked === undefined
  );
}

/** Whether the cell has anything that makes it part of the used range (values only when `valuesOnly`). */
export function cellIsUsed(c: Cell, valuesOnly: boolean): boolean {
  if (c.value !== "" || c.formula) return true;
  if (valuesOnly) return false;
  return !isDefaultCell(c);
}

/** One series of a chart: its name and values as they were in the source range when the chart was made. */
export interface FakeChartSeries {
  name: string;
  values: CellValue[];
  /** "" means the chart's own type. */
  chartType: string;
  /** Fills given to single points (ChartPoint.format.fill.setSolidColor), by point index; absent: none set. */
  pointFills?: Record<number, string>;
}

/** A chart: its type, the source range and the series that range implied (the categories from its first column or row). */
export interface FakeChart {
  sheet: FakeSheet;
  name: string;
  type: string;
  seriesBy: string;
  source: string;
  title: string;
  /** Position and size in points. */
  top: number;
  left: number;
  width: number;
  height: number;
  categories: CellValue[];
  series: FakeChartSeries[];
  /** Where the series come from (a series' range follows from it): the source sheet and block, read by columns or rows. */
  sourceSheet: FakeSheet;
  sourceRect: Rect;
  byColumns: boolean;
  /** The value axis' scale as set (absent: automatic). */
  valueAxis: FakeChartAxis;
}

export interface FakeChartAxis {
  minimum?: number;
  maximum?: number;
  majorUnit?: number;
}

export class FakeSheet {
  name: string;
  readonly id: string;
  visibility: Visibility = "Visible";
  readonly cells = new Map<number, Cell>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  merges: Rect[] = [];
  protection: { protected: boolean; options: ProtectionOptions; password?: string } = {
    protected: false,
    options: { ...DEFAULT_PROTECTION_OPTIONS },
  };
  freeze = { rows: 0, columns: 0 };
  pageLayout: PageLayoutState;
  /** Manual horizontal page breaks: 0-based rows that begin a new printed page (sorted). */
  rowBreaks: number[] = [];
  /** Charts added with Worksheet.charts.add, in order (the double models only what the add-in reads back). */
  charts: FakeChart[] = [];
  showGridlines = true;
  tabColor = "";
  /** the selection Excel remembers for this sheet */
  selection: Rect = { r0: 0, c0: 0, r1: 0, c1: 0 };

  constructor(
    readonly workbook: FakeWorkbook,
    name: string,
    id: string,
  ) {
    this.name = name;
    this.id = id;
    this.pageLayout = defaultPageLayout(workbook.defaultPaperSize);
  }

  get position(): number {
    return this.workbook.sheets.indexOf(this);
  }

  // ---- raw cell access (used by the host and by the helpers) ----

  peek(row: number, col: number): Cell | undefined {
    return this.cells.get(key(row, col));
  }

  /** Cells handed out by cell() since the last compact(): the ones a write may have left empty. */
  private touched: number[] = [];

  /** the cell, created empty when missing */
  cell(row: number, col: number): Cell {
    const k = key(row, col);
    this.touched.push(k);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: "" };
      this.cells.set(k, c);
    }
    return c;
  }

  /** Drops font settings equal to the default and cells left with nothing in them, so snapshots stay comparable. */
  compact(): void {
    for (const [k, c] of this.cells) this.tidy(k, c);
    this.touched = [];
  }

  /**
   * compact() after a write, for the cells it changed: those handed out by cell() since the last
   * compaction, and those in `alsoIn` (a write that changes cells it reaches another way: clear, merge, a
   * neighbour's border). A sheet of 500 000 cells is not walked again after each write.
   */
  compactWritten(alsoIn?: Rect): void {
    const touched = this.touched;
    this.touched = [];
    for (const k of touched) {
      const c = this.cells.get(k);
      if (c) this.tidy(k, c);
    }
    if (alsoIn) for (const [r, col, c] of [...this.cellsIn(alsoIn)]) this.tidy(key(r, col), c);
  }

  private tidy(k: number, c: Cell): void {
    if (c.font) {
      for (const f of Object.keys(c.font) as (keyof FontSpec)[]) if (c.font[f] === DEFAULT_FONT[f]) delete c.font[f];
      if (Object.keys(c.font).length === 0) delete c.font;
    }
    if (c.borders && Object.keys(c.borders).length === 0) delete c.borders;
    if (isDefaultCell(c)) this.cells.delete(k);
  }

  *cellsIn(rect: Rect): Iterable<[number, number, Cell]> {
    const area = (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
    if (area <= this.cells.size * 4) {
      for (let r = rect.r0; r <= rect.r1; r++)
        for (let c = rect.c0; c <= rect.c1; c++) {
          const cell = this.cells.get(key(r, c));
          if (cell) yield [r, c, cell];
        }
    } else {
      for (const [k, cell] of this.cells) {
        const r = Math.floor(k / MAX_COLUMNS);
        const c = k % MAX_COLUMNS;
        if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) yield [r, c, cell];
      }
    }
  }

  usedRect(valuesOnly: boolean): Rect | undefined {
    let out: Rect | undefined;
    for (const [k, cell] of this.cells) {
      if (!cellIsUsed(cell, valuesOnly)) continue;
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (!out) out = { r0: r, c0: c, r1: r, c1: c };
      else {
        out.r0 = Math.min(out.r0, r);
        out.c0 = Math.min(out.c0, c);
        out.r1 = Math.max(out.r1, r);
        out.c1 = Math.max(out.c1, c);
      }
    }
    return out;
  }

  mergeAt(row: number, col: number): Rect | undefined {
    return this.merges.find((m) => row >= m.r0 && row <= m.r1 && col >= m.c0 && col <= m.c1);
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  /** Merges `rect` (the double's merge: keeps the top-left value, clears the others). */
  addMerge(rect: Rect): void {
    this.merges = this.merges.filter((m) => !intersect(m, rect));
    for (const [r, c, cell] of [...this.cellsIn(rect)]) {
      if (r === rect.r0 && c === rect.c0) continue;
      cell.value = "";
      delete cell.formula;
      delete cell.error;
      delete cell.uncalculated;
    }
    if (rect.r0 !== rect.r1 || rect.c0 !== rect.c1) this.merges.push({ ...rect });
  }

  // ---- helpers for tests ----

  /** Writes a 2D block of raw values starting at `topLeft` ("B3"). Values are stored as given (a string
   * starting with "=" stays a string here); null/undefined entries are skipped. */
  setValues(topLeft: string, values: ReadonlyArray<ReadonlyArray<CellValue | null | undefined>>): this {
    const { r0, c0 } = parseRectOrThrow(topLeft);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined) return;
        const cell = this.cell(r0 + i, c0 + j);
        cell.value = v;
        delete cell.formula;
        delete cell.error;
        delete cell.uncalculated;
      }),
    );
    return this;
  }

  /** Seeds one cell (or every cell of a range address) with a value, formula (+ cached value) and formats. */
  setCell(address: string, seed: CellSeed): this {
    const rect = parseRectOrThrow(address);
    for (let r = rect.r0; r <= rect.r1; r++)
      for (let c = rect.c0; c <= rect.c1; c++) {
        const cell = this.cell(r, c);
        if (seed.error !== undefined) {
          cell.value = seed.error;
          cell.error = true;
        } else if (seed.value !== undefined) {
          cell.value = seed.value ?? "";
          delete cell.error;
        }
        if (seed.formula !== undefined) {
          cell.formula = seed.formula.startsWith("=") ? seed.formula : `=${seed.formula}`;
          delete cell.uncalculated;
        } else if (seed.value !== undefined || seed.error !== undefined) {
          delete cell.formula;
        }
        if (seed.numberFormat !== undefined) cell.numberFormat = seed.numberFormat;
        if (seed.font) {
          const f = { ...seed.font };
          if (f.color !== undefined) f.color = normalizeColor(f.color) ?? f.color;
          cell.font = { ...cell.font, ...f };
        }
        if (seed.fill !== undefined) {
          if (seed.fill === null) delete cell.fill;
          else cell.fill = normalizeColor(seed.fill) ?? seed.fill;
        }
        if (seed.horizontalAlignment !== undefined) cell.horizontalAlignment = seed.horizontalAlignment;
        if (seed.verticalAlignment !== undefined) cell.verticalAlignment = seed.verticalAlignment;
        if (seed.wrapText !== undefined) cell.wrapText = seed.wrapText;
        if (seed.locked !== undefined) cell.locked = seed.locked;
        if (seed.borders) {
          cell.borders = { ...cell.borders };
          for (const [side, spec] of Object.entries(seed.borders) as [BorderSide, Partial<BorderSpec>][]) {
            cell.borders[side] = { style: "Continuous", weight: "Thin", color: "#000000", ...spec };
          }
        }
      }
    return this;
  }

  /** A plain copy of one cell with every default filled in. */
  getCell(address: string): CellSnapshot {
    const { r0, c0 } = parseRectOrThrow(address);
    return snapshotCell(this.peek(r0, c0));
  }

  /** Values of a block as a 2D array ("" for empty), for assertions. */
  getValues(address: string): CellValue[][] {
    const rect = parseRectOrThrow(address);
    const out: CellValue[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: CellValue[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(this.peek(r, c)?.value ?? "");
      out.push(row);
    }
    return out;
  }

  merge(address: string, across = false): this {
    const rect = parseRectOrThrow(address);
    if (across) for (let r = rect.r0; r <= rect.r1; r++) this.addMerge({ ...rect, r0: r, r1: r });
    else this.addMerge(rect);
    return this;
  }

  protect(options: Partial<ProtectionOptions> = {}, password?: string): this {
    this.protection = { protected: true, options: { ...DEFAULT_PROTECTION_OPTIONS, ...options }, password };
    return this;
  }

  unprotect(): this {
    this.protection = { protected: false, options: { ...DEFAULT_PROTECTION_OPTIONS } };
    return this;
  }

  /** hideRows(5) / hideRows(5, 7) with 1-based row numbers, or hideRows("5:7"). */
  hideRows(rows: string | number, last?: number, hidden = true): this {
    const [a, b] = rowsSpec(rows, last);
    for (let r = a; r <= b; r++) {
      if (hidden) this.hiddenRows.add(r);
      else this.hiddenRows.delete(r);
    }
    return this;
  }

  /** hideColumns("C") / hideColumns("C:E"). */
  hideColumns(columns: string, hidden = true): this {
    const [a, b = a] = columns.replace(/\$/g, "").split(":");
    for (let c = columnFromLetters(a); c <= columnFromLetters(b); c++) {
      if (hidden) this.hiddenColumns.add(c);
      else this.hiddenColumns.delete(c);
    }
    return this;
  }

  setColumnWidth(column: string, points: number): this {
    this.columnWidths.set(columnFromLetters(column), points);
    return this;
  }

  setRowHeight(row: number, points: number): this {
    this.rowHeights.set(row - 1, points);
    return this;
  }

  setVisibility(visibility: Visibility): this {
    this.visibility = visibility;
    return this;
  }

  /** Deep plain copy of everything the double knows about the sheet. */
  snapshot(): SheetSnapshot {
    this.compact();
    const cells: Record<string, Partial<CellSnapshot> & { value: CellValue }> = {};
    const keys = [...this.cells.keys()].sort((a, b) => a - b);
    for (const k of keys) {
      const c = this.cells.get(k)!;
      const a1 = cellA1(Math.floor(k / MAX_COLUMNS), k % MAX_COLUMNS);
      const out: Partial<CellSnapshot> & { value: CellValue } = { value: c.value };
      if (c.error) out.error = true;
      if (c.formula) out.formula = c.formula;
      if (c.numberFormat !== undefined && c.numberFormat !== "General") out.numberFormat = c.numberFormat;
      if (c.font && Object.keys(c.font).length) out.font = clone(c.font) as FontSpec;
      if (c.fill) out.fill = c.fill;
      if (c.horizontalAlignment !== undefined) out.horizontalAlignment = c.horizontalAlignment;
      if (c.verticalAlignment !== undefined) out.verticalAlignment = c.verticalAlignment;
      if (c.wrapText) out.wrapText = true;
      if (c.borders && Object.keys(c.borders).length) out.borders = clone(c.borders);
      if (c.locked !== undefined) out.locked = c.locked;
      cells[a1] = out;
    }
    const sortedEntries = (m: Map<number, number>) => [...m.entries()].sort((a, b) => a[0] - b[0]);
    return {
      name: this.name,
      id: this.id,
      position: this.position,
      visibility: this.visibility,
      tabColor: this.tabColor,
      showGridlines: this.showGridlines,
      cells,
      merges: this.merges.map(rectA1).sort(),
      columnWidths: Object.fromEntries(sortedEntries(this.columnWidths).map(([c, w]) => [columnLetters(c), w])),
      rowHeights: Object.fromEntries(sortedEntries(this.rowHeights).map(([r, h]) => [String(r + 1), h])),
      hiddenRows: [...this.hiddenRows].sort((a, b) => a - b).map((r) => r + 1),
      hiddenColumns: [...this.hiddenColumns].sort((a, b) => a - b).map(columnLetters),
      protection: { protected: this.protection.protected, options: { ...this.protection.options }, hasPassword: !!this.protection.password },
      freezePanes: { ...this.freeze },
      pageLayout: clone(this.pageLayout),
      selection: rectA1(this.selection),
    };
  }
}

export interface SheetSnapshot {
  name: string;
  id: string;
  position: number;
  visibility: Visibility;
  tabColor: string;
  showGridlines: boolean;
  cells: Record<string, Partial<CellSnapshot> & { value: CellValue }>;
  merges: string[];
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  hiddenRows: number[];
  hiddenColumns: string[];
  protection: { protected: boolean; options: ProtectionOptions; hasPassword: boolean };
  freezePanes: { rows: number; columns: number };
  pageLayout: PageLayoutState;
  selection: string;
}

export interface WorkbookSnapshot {
  name: string;
  activeSheet: string | null;
  sheets: SheetSnapshot[];
  settings: Record<string, unknown>;
}

export function snapshotCell(c: Cell | undefined): CellSnapshot {
  return {
    value: c?.value ?? "",
    error: !!c?.error,
    formula: c?.formula ?? null,
    numberFormat: c?.numberFormat ?? "General",
    font: { ...DEFAULT_FONT, ...(c?.font ?? {}) },
    fill: c?.fill ?? null,
    horizontalAlignment: c?.horizontalAlignment ?? "General",
    verticalAlignment: c?.verticalAlignment ?? "Bottom",
    wrapText: !!c?.wrapText,
    borders: clone(c?.borders ?? {}),
    locked: c?.locked ?? true,
  };
}

export interface FakeWorkbookOptions {
  /** names of the sheets the workbook starts with; default one sheet named after the display language */
  sheets?: string[];
  /** "vi-VN" (default) names new sheets "Trang tính1", "en-US" "Sheet1" */
  language?: string;
  name?: string;
  defaultPaperSize?: string;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  name: string;
  activeSheet: FakeSheet | undefined;
  /** Workbook.settings and Office.context.document.settings (after saveAsync) */
  readonly settings = new Map<string, unknown>();
  calculationMode = "Automatic";
  readonly language: string;
  readonly defaultPaperSize: string;
  private nextId = 1;

  constructor(options: FakeWorkbookOptions = {}) {
    this.language = options.language ?? "vi-VN";
    this.name = options.name ?? "Book1.xlsx";
    this.defaultPaperSize = options.defaultPaperSize ?? (this.language === "en-US" ? "Letter" : "A4");
    const names = options.sheets ?? [this.nextDefaultSheetName()];
    for (const n of names) this.addSheet(n);
  }

  /** "Sheet" in English Excel, "Trang tính" in Vietnamese Excel. */
  get defaultSheetBaseName(): string {
    return this.language.toLowerCase().startsWith("vi") ? "Trang tính" : "Sheet";
  }

  nextDefaultSheetName(): string {
    const base = this.defaultSheetBaseName;
    for (let i = 1; ; i++) if (!this.findSheet(`${base}${i}`)) return `${base}${i}`;
  }

  newSheetId(): string {
    const n = this.nextId++;
    return `{00000000-0001-0000-${String(n).padStart(4, "0")}-000000000000}`;
  }

  /** Case-insensitive, like Excel. */
  findSheet(nameOrId: string): FakeSheet | undefined {
    const low = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === low || s.id === nameOrId);
  }

  /** Test helper: adds (or returns the existing) sheet. The first sheet becomes active. */
  addSheet(name: string): FakeSheet {
    const existing = this.findSheet(name);
    if (existing) return existing;
    const sheet = new FakeSheet(this, name, this.newSheetId());
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`office-double: no sheet named ${name}`);
    return s;
  }

  removeSheet(name: string): this {
    const s = this.sheet(name);
    this.sheets.splice(this.sheets.indexOf(s), 1);
    if (this.activeSheet === s) this.activeSheet = this.sheets.find((x) => x.visibility === "Visible");
    return this;
  }

  setActive(name: string): this {
    this.activeSheet = this.sheet(name);
    return this;
  }

  /** setSelection("B3:C4") on the active sheet, or setSelection("Data!B3"). Activates that sheet. */
  setSelection(address: string): this {
    const p = parseAddress(address);
    if (!p) throw new Error(`office-double: not an address: ${address}`);
    const sheet = p.sheet ? this.sheet(p.sheet) : this.activeSheet;
    if (!sheet) throw new Error("office-double: no active sheet");
    sheet.selection = p.rect;
    this.activeSheet = sheet;
    return this;
  }

  protect(name: string, options: Partial<ProtectionOptions> = {}, password?: string): this {
    this.sheet(name).protect(options, password);
    return this;
  }

  hideRows(name: string, rows: string | number, last?: number): this {
    this.sheet(name).hideRows(rows, last);
    return this;
  }

  /** merge("Sheet1!A1:C1") or merge("A1:C1") on the active sheet */
  merge(address: string, across = false): this {
    const p = parseAddress(address);
    if (!p) throw new Error(`office-double: not an address: ${address}`);
    const sheet = p.sheet ? this.sheet(p.sheet) : this.activeSheet;
    if (!sheet) throw new Error("office-double: no active sheet");
    sheet.merge(rectA1(p.rect), across);
    return this;
  }

  snapshot(): WorkbookSnapshot {
    return {
      name: this.name,
      activeSheet: this.activeSheet?.name ?? null,
      sheets: this.sheets.map((s) => s.snapshot()),
      settings: clone(Object.fromEntries(this.settings)),
    };
  }
}

export { MAX_ROWS, MAX_COLUMNS };
