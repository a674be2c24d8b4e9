/**
 * The workbook port (src/core/sheets/port.ts) on Office.js: what a flow reads is answered from the snapshot
 * loaded in the action's first sync; what it writes is queued, then applied by `apply()` as one unit in the
 * next: the store with its undo journal first (a protected workbook structure refuses before any cell
 * changes), loads of what the writes replace, the sheets put (a replacement built under a temporary name until
 * whole, a new sheet under its own, removed if the batch fails), the results, headers and marks, the values. A third sync only when a written cell was typed
 * into meanwhile or the loads differ from the journal; more only past the 5 MB request limit (blocks of rows). "Tính điểm" (src/excel/scoring.ts), "Tạo phụ lục" (annex.ts) and
 * "Giải trình" (explanation.ts) run the core's flows (src/core/flows) through it; the command line runs
 * the same flows through src/xlsx/port.ts.
 */
import { cellAddress, Origin, parseCell, rangeAddress } from "../core/base/address";
import { GridLayout } from "../core/grid/grid";
import { columnRuns, MARK_FILL, WriteBlock, WritePlan } from "../core/grid/plan";
import { AnnexDescription } from "../core/sheets/annex";
import { ExplainDescription } from "../core/findings/explanation";
import { CellsRestore, ChartPut, ResultWrite, SheetInfo, SheetSnapshot, TextLook, ValueWrite, WorkbookPort } from "../core/sheets/port";
import { SheetDescription } from "../core/sheets/sheet";
import { CellSnapshot, DecodedStore, MarkRecord, STORE_SHEET, StoreState } from "../core/store/store";
import { resultJournal, ResultJournal, textFlags, UndoReads } from "../core/flows/undo";
import { BYTES_PER_SYNC, chunkByBytes, features, jsonBytes, OP_BYTES, sheetLayoutClearsUndo } from "./host";
import { protectInputs, renderSheetOffice } from "./sheet-render";
import { ANNEX_BACKUP_SHEET, queueSheetRead, readSheetInBlocks, SheetData, SheetRead } from "./sheet-read";
import { ensureStoreSheet, isGrouped, queueStoreRead, queueStoreWrite, readStoreInBlocks, RunAgain, StoreRead, writeStore } from "./store";

/** What the first sync loaded: the sheets and their states, the grid sheet (with number formats), other sheets read with it, the store. */
export interface ExcelRead {
  sheets: SheetInfo[];
  /** The grid's worksheet, where "Tính điểm" writes (absent for actions that do not write on the grid). */
  gridSheet?: Excel.Worksheet;
  grid: SheetData;
  /** Other sheets loaded in the same sync, by name. */
  others?: ReadonlyMap<string, SheetSnapshot>;
  store: StoreRead;
  /** Width of a column nobody touched (XFD): what an appended column most likely had. */
  standardWidth?: number;
  /** Whether sheets other than the grid are protected, as the first sync loaded it ("Chốt kết quả", "Mở chốt"). */
  protection?: ReadonlyMap<string, boolean>;
}

/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- queues loads; the accessors below are called after the caller's sync */

/** What the port's first sync reads: the active (grid) sheet with its number formats, the store, the sheets and their states, a column's standard width. */
export interface PortRead {
  sheet: SheetRead;
  store: StoreRead;
  names(): string[];
  sheets(): SheetInfo[];
  /** Width of a column nobody touched (XFD): what an appended column most likely had. */
  standardWidth(): number;
}

function queueSmallReads(context: Excel.RequestContext, ws: Excel.Worksheet) {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name, items/visibility");
  const far = ws.getRange("XFD1");
  far.load("format/columnWidth");
  return {
    names: () => sheets.items.map((s) => s.name),
    sheets: () => sheets.items.map((s) => ({ name: s.name, state: sheetState(s.visibility) })),
    standardWidth: () => far.format.columnWidth,
  };
}

/* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */

/** The port's snapshot once the first sync ran: what it loaded (the grid as read, unless given). */
export function loadedRead(read: PortRead, grid: SheetData = read.sheet.result()): ExcelRead {
  return { sheets: read.sheets(), gridSheet: read.sheet.sheet, grid, store: read.store, standardWidth: read.standardWidth() };
}

/** Queues the port's first read of `ws`; valid after the caller's sync (see readOrInBlocks for the fallback below). */
export function queuePortRead(context: Excel.RequestContext, ws: Excel.Worksheet): PortRead {
  return { ...queueSmallReads(context, ws), sheet: queueSheetRead(ws, "formats"), store: queueStoreRead(context) };
}

/** The same read past Excel on the web's 5 MB response limit: the store and the sheet in blocks of rows. */
export async function portReadInBlocks(context: Excel.RequestContext, ws: Excel.Worksheet): Promise<PortRead> {
  const small = queueSmallReads(context, ws);
  const store = await readStoreInBlocks(context);
  const sheet = await readSheetInBlocks(context, ws, true);
  return { ...small, sheet, store };
}

/** Writes an annex as the action decided (a new sheet under a temporary name, or in place in an undo group), the state first; returns what the action needs of it (its sheet). */
export type AnnexWriter<A> = (state: StoreState, annex: AnnexDescription) => Promise<A>;
/** Writes Giải trình into a new sheet, the state (its undo journal) first. */
export type ExplanationWriter<A> = (state: StoreState, explanation: ExplainDescription) => Promise<A>;

/** Draws "Biểu đồ" (a new sheet, its table and a native chart), the state (its undo journal) first. */
export type ChartWriter<A> = (state: StoreState, chart: ChartPut) => Promise<A>;

/** What `apply()` did: the result cells typed into meanwhile; the sheet writer's answer when a sheet was put. */
export interface Applied<A> {
  edited: EditedCell[];
  sheet: A | null;
}

/** A result cell someone typed into between the read and the write: its content went back. */
export interface EditedCell {
  address: string;
  sheet?: string;
  formula: unknown;
  numberFormat: string;
}

/** Office.js visibility → the port's sheet state. */
export function sheetState(visibility: Excel.SheetVisibility | `${Excel.SheetVisibility}`): SheetInfo["state"] {
  return visibility === "VeryHidden" ? "veryHidden" : visibility === "Hidden" ? "hidden" : "visible";
}

/** The workbook's sheets and their states, for the port (read in the action's first sync). */
export function queueSheetList(context: Excel.RequestContext): () => SheetInfo[] {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name, items/visibility");
  return () => sheets.items.map((s) => ({ name: s.name, state: sheetState(s.visibility) }));
}

/** A block of values queued by writeValues, on its sheet (from that sheet's origin); `numberFormat` only where one is set. */
export interface ValueBlock {
  sheet: string;
  row: number;
  col: number;
  values: (string | number)[][];
  numberFormat: string[][];
  /** The block's number formats are set (given, or "@" for a text); else the cells keep theirs. */
  formatted: boolean;
}

/** A sheet queued by putSheet: where it goes (replacing the sheet of its name, or just after `after`). */
interface SheetPut {
  description: SheetDescription;
  after?: string;
}

/** The temporary name a sheet put is built under until it is whole (then it takes its name and place). */
export const SHEET_BUILD_PREFIX = "XepHangCNTT_TrangMoi";

export class ExcelPort<A = never> implements WorkbookPort {
  private result: { layout: GridLayout; plan: WritePlan; journal: Journal } | null = null;
  private state: StoreState | null = null;
  /** Values queued per sheet, by cell: a later write to a cell replaces an earlier one. */
  private readonly values = new Map<string, Map<string, ValueWrite>>();
  /** The value blocks and their journal once taken (journal(), apply()): the same snapshots the write batch corrects. */
  private valuesTaken: { blocks: ValueBlock[]; cells: CellSnapshot[] } | null = null;
  /** Sheets queued by putSheet, in order. */
  private puts: SheetPut[] = [];
  /** The sheet put (the annex, Giải trình): its writer, with what it writes. */
  private sheetPut: ((state: StoreState) => Promise<A>) | null = null;
  private annexWriter: AnnexWriter<A> | null = null;
  private explanationWriter: ExplanationWriter<A> | null = null;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly read: ExcelRead,
    private readonly options: {
      /** What the caller adds to the journal's cells (the council's concluded scores). */
      journalCells?: (cells: CellSnapshot[]) => CellSnapshot[];
    } = {},
  ) {}

  sheets(): SheetInfo[] {
    return this.read.sheets;
  }

  /** The grid sheet or another sheet loaded in the first sync; any other is a flow asking for what it did not prepare. */
  readSheet(name: string): SheetData | SheetSnapshot {
    if (name === this.read.grid.name) return this.read.grid;
    const other = this.read.others?.get(name);
    if (other) return other;
    throw new Error(`ExcelPort: the sheet "${name}" was not loaded in the first sync`);
  }

  /** The store as the first sync read it (a store that cannot be decoded was refused there, UserFacingError). */
  readStore(): DecodedStore {
    return { ok: true, state: this.read.store.state(), issues: this.read.store.issues() };
  }

  /**
   * Queues "Tính điểm"'s write on the grid sheet and builds its undo journal from the first read; returns the
   * marks to record (a cell marked for the first time is taken to have no fill of its own: the write batch
   * loads it and corrects the journal and the marks where it had one).
   */
  writeResults(w: ResultWrite): MarkRecord[] {
    if (w.sheet !== this.read.grid.name || !this.read.gridSheet || this.read.standardWidth === undefined)
      throw new Error(`ExcelPort: results go to the sheet read with its formats, not "${w.sheet}"`);
    const fromRead = journalFromRead(w.plan, w.layout, this.read.grid, this.read.standardWidth);
    const journal = this.options.journalCells ? { ...fromRead, cells: this.options.journalCells(fromRead.cells) } : fromRead;
    if (this.sheetPut) throw new Error("ExcelPort: one write per action, each with its own journal");
    this.result = { layout: w.layout, plan: w.plan, journal };
    return journal.marks;
  }

  /**
   * Queues values into cells of a sheet read in the first sync (coordinates from its origin), applied in the write
   * batch with the rest: a number format where given, a text as text (its cell formatted "@" before the value, so
   * "=1+1" is never taken as a formula), the cell's look kept otherwise; "" empties a cell. Journalled for "Hoàn tác"
   * with what the cells held and what was written.
   */
  writeValues(sheet: string, writes: readonly ValueWrite[]): void {
    if (this.sheetPut) throw new Error("ExcelPort: one write per action, each with its own journal");
    if (this.valuesTaken) throw new Error("ExcelPort: values queued after the journal was taken would not be in it");
    this.readSheet(sheet);
    const cells = this.values.get(sheet) ?? new Map<string, ValueWrite>();
    for (const w of writes) cells.set(`${w.row},${w.col}`, w);
    this.values.set(sheet, cells);
  }

  /**
   * Queues a sheet made from its description, rendered in the write batch: a new one under its own name, just after
   * `after` (else after the others); one replacing the sheet of its name under a temporary name until whole, then in
   * its place. In an undo group (ExcelApi 1.20) nothing is deleted or renamed (Excel would clear the user's undo stack):
   * a sheet replaced is emptied and rendered into; a protected one, or a new one moved among the others on Windows and
   * Mac, runs the action outside the group. What undo gives back of a sheet replaced is the caller's to journal.
   */
  putSheet(description: SheetDescription, after?: string): void {
    if (this.sheetPut) throw new Error("ExcelPort: one write per action, each with its own journal");
    this.puts = [...this.puts.filter((p) => p.description.sheetName !== description.sheetName), { description, ...(after !== undefined ? { after } : {}) }];
  }

  /** The undo journal of the queued writes (results, then values): the state written first carries it. */
  journal(): Journal {
    if (!this.result && this.values.size === 0) throw new Error("ExcelPort: no result write queued");
    const base = this.result?.journal ?? { cells: [], fills: [], marks: [], widths: [], clearFormats: [], formatBackups: [] };
    const { cells } = this.takeValues();
    return cells.length > 0 ? { ...base, cells: [...base.cells, ...cells] } : base;
  }

  /** The values queued, as blocks with their journal (once: the journal and the batch share its snapshots). */
  private takeValues(): { blocks: ValueBlock[]; cells: CellSnapshot[] } {
    if (this.valuesTaken) return this.valuesTaken;
    const blocks: ValueBlock[] = [];
    const cells: CellSnapshot[] = [];
    for (const [sheet, queued] of this.values) {
      const read = this.readSheet(sheet);
      const origin = read.origin ?? { row: 0, col: 0 };
      // Formats the first sync read (the grid's); else "General" predicted, and checked in the write batch.
      const formats = "numberFormat" in read ? read.numberFormat : [];
      const formatOf = (w: ValueWrite) => w.numberFormat ?? (typeof w.value === "string" && w.value !== "" ? "@" : undefined);
      for (const run of columnRuns([...queued.values()], (a, b) => (formatOf(a) === undefined) === (formatOf(b) === undefined))) {
        const { row, col } = run[0];
        const block: ValueBlock = {
          sheet,
          row,
          col,
          values: run.map((w) => [w.value]),
          numberFormat: run.map((w) => [formatOf(w) ?? "General"]),
          formatted: formatOf(run[0]) !== undefined,
        };
        blocks.push(block);
        cells.push({
          address: rangeAddress(row, col, run.length, 1, origin),
          ...(sheet !== this.read.grid.name ? { sheet } : {}),
          formulas: run.map((w) => [read.formulas[w.row]?.[w.col] ?? ""]),
          numberFormat: run.map((w) => [(formats[w.row]?.[w.col] as string | undefined) ?? "General"]),
          wrote: block.values.map((r) => [...r]),
          ...textFlags(
            run.map((w) => [read.formulas[w.row]?.[w.col] ?? ""]),
            (i) => read.values[run[i].row]?.[run[i].col],
          ),
        });
      }
    }
    this.valuesTaken = { blocks, cells };
    return this.valuesTaken;
  }

  /** How "Tạo phụ lục" puts its sheet, once it knows where (src/excel/annex.ts): given before the flow puts the annex. */
  writeAnnexWith(writer: AnnexWriter<A>): void {
    this.annexWriter = writer;
  }

  /** How "Giải trình" puts its sheet (src/excel/explanation.ts). */
  writeExplanationWith(writer: ExplanationWriter<A>): void {
    this.explanationWriter = writer;
  }

  /** Queues the annex; the action's writer renders it in the write batch (see AnnexWriter). */
  putAnnex(annex: AnnexDescription): void {
    const writer = this.annexWriter;
    if (!writer) throw new Error("ExcelPort: an annex needs the action's writer");
    this.putOne((state) => writer(state, annex));
  }

  /** Queues Giải trình; the action's writer renders it in the write batch. */
  putExplanation(explanation: ExplainDescription): void {
    const writer = this.explanationWriter;
    if (!writer) throw new Error("ExcelPort: Giải trình needs the action's writer");
    this.putOne((state) => writer(state, explanation));
  }

  private putOne(write: (state: StoreState) => Promise<A>): void {
    if (this.sheetPut || this.result || this.values.size > 0 || this.puts.length > 0)
      throw new Error("ExcelPort: one write per action, each with its own journal");
    this.sheetPut = write;
  }

  writeStore(state: StoreState): void {
    this.state = state;
  }

  /** Applies what was queued as one unit (see above): results, values and sheets with their journal, or the annex, or the state alone. */
  async apply(): Promise<Applied<A>> {
    const state = this.state;
    if (!state) throw new Error("ExcelPort: a write without the store's state (its undo journal) is never applied");
    if (this.result || this.values.size > 0 || this.puts.length > 0) {
      // Before anything is queued: a sheet put that an undo group cannot keep runs outside it.
      if (isGrouped(this.context) && putsClearUndo(this.read.sheets, this.puts)) throw new RunAgain("plain");
      if (this.guard.protect || this.guard.unprotect || this.guard.texts.length > 0)
        throw new Error("ExcelPort: protection goes in an action of its own, not with results, values or sheets");
      const journal = this.result || this.values.size > 0 ? this.journal() : null;
      const write: CellsWrite = {
        result: this.result ? { layout: this.result.layout, plan: this.result.plan } : null,
        journal: journal ?? { cells: [], fills: [], marks: [], widths: [], clearFormats: [], formatBackups: [] },
        values: this.takeValues().blocks,
        puts: this.puts,
      };
      return { edited: await applyCells(this.context, this.read, write, state), sheet: null };
    }
    if (this.sheetPut) return { edited: [], sheet: await this.sheetPut(state) };
    if (!this.guard.protect && !this.guard.unprotect && this.guard.texts.length === 0) {
      await writeStore(this.context, this.read.store, state);
      return { edited: [], sheet: null };
    }
    // One batch: unprotected first (a wrong password stops it before anything else changes), the store, the texts,
    // protected last (a protected sheet would refuse the texts).
    const sheets = this.context.workbook.worksheets;
    const { unprotect, protect, texts } = this.guard;
    for (const name of unprotect?.sheets ?? []) {
      if (unprotect!.password) sheets.getItem(name).protection.unprotect(unprotect!.password);
      else sheets.getItem(name).protection.unprotect();
    }
    await queueStoreWrite(this.context, this.read.store, state);
    for (const t of texts) queueText(sheets.getItem(t.sheet).getCell(t.row, t.col), t.text, t.look);
    const options = { allowFormatColumns: true, allowFormatRows: true };
    for (const name of protect?.sheets ?? []) {
      if (protect!.password) sheets.getItem(name).protection.protect(options, protect!.password);
      else sheets.getItem(name).protection.protect(options);
    }
    await this.context.sync();
    return { edited: [], sheet: null };
  }

  // h18d — "Biểu đồ" (src/core/flows/chart.ts)
  private chartWriter: ChartWriter<A> | null = null;

  /** How "Biểu đồ" draws its sheet and chart (src/excel/chart.ts): given before the flow puts the chart. */
  writeChartWith(writer: ChartWriter<A>): void {
    this.chartWriter = writer;
  }

  /** Queues the chart; the action's writer draws it in the write batch, after the state. */
  putChart(chart: ChartPut): void {
    const writer = this.chartWriter;
    if (!writer) throw new Error("ExcelPort: a chart needs the action's writer");
    this.putOne((state) => writer(state, chart));
  }

  // h18e — "Hoàn tác" (src/core/flows/undo.ts): the journal's cells loaded before the caller's sync, given back in the write batch.
  private undoLoads: { blocks: Map<string, Excel.Range>; fills: Map<string, Excel.RangeFill> } | null = null;
  private undoWrites: (() => Promise<void>)[] = [];

  /** Queues the loads "Hoàn tác" reads through readBlock and readFill (valid after the caller's sync). */
  loadForUndo(reads: UndoReads): void {
    const withPattern = features.fillPattern();
    const sheets = this.context.workbook.worksheets;
    const key = (sheet: string, address: string) => `${sheet}\u0000${address}`;
    this.undoLoads = {
      blocks: new Map(reads.blocks.map((b) => [key(b.sheet, b.address), sheets.getItem(b.sheet).getRange(b.address).load("formulas")])),
      fills: new Map(
        reads.fills.map((f) => [
          key(f.sheet, f.address),
          sheets
            .getItem(f.sheet)
            .getRange(f.address)
            .format.fill.load(withPattern ? "color, pattern" : "color"),
        ]),
      ),
    };
  }

  readBlock(sheet: string, address: string): unknown[][] | null {
    if (!this.read.sheets.some((s) => s.name === sheet)) return null;
    const range = this.undoLoads?.blocks.get(`${sheet}\u0000${address}`);
    if (!range) throw new Error(`ExcelPort: the block ${address} of "${sheet}" was not loaded for the undo`);
    return range.formulas as unknown[][];
  }

  readFill(sheet: string, address: string): string | null {
    const fill = this.undoLoads?.fills.get(`${sheet}\u0000${address}`);
    if (!fill) throw new Error(`ExcelPort: the fill of ${address} on "${sheet}" was not loaded for the undo`);
    return ownFill(fill, features.fillPattern());
  }

  /** Queues the cells given back; past the request limit (tens of thousands of rows) they go in several syncs, the last with the state (applyUndo). */
  restoreCells(sheet: string, restore: CellsRestore): void {
    this.undoWrites.push(() => restoreCellsOffice(this.context, sheet, restore));
  }

  /** Queues the sheet's deletion (outside an undo group: deleting a sheet clears Excel's undo stack). */
  removeSheet(name: string): void {
    this.context.workbook.worksheets.getItem(name).delete();
  }

  /** Applies the undo: what was queued to give back, then the store's state after, in one sync (more only past the request limit). */
  async applyUndo(): Promise<void> {
    if (!this.state) throw new Error("ExcelPort: an undo without the store's state after it is never applied");
    for (const write of this.undoWrites) await write();
    this.undoWrites = [];
    await queueStoreWrite(this.context, this.read.store, this.state);
    await this.context.sync(); // the restoring batch and the state, together
  }

  // "Chốt kết quả" and "Mở chốt" (src/core/flows/lock.ts): sheet protection (ExcelApi 1.2; a password needs 1.7, which
  // the caller checks first) and the annex's code line, queued here and applied in the state's batch by apply().
  private readonly guard: {
    protect?: { sheets: readonly string[]; password?: string };
    unprotect?: { sheets: readonly string[]; password?: string };
    texts: { sheet: string; row: number; col: number; text: string; look?: TextLook }[];
  } = { texts: [] };

  /** The grid's protection as read with it, another sheet's as the first sync loaded it (ExcelRead.protection). */
  isProtected(sheet: string): boolean {
    if (sheet === this.read.grid.name) return this.read.grid.protected;
    const known = this.read.protection?.get(sheet);
    if (known === undefined) throw new Error(`ExcelPort: the protection of "${sheet}" was not loaded in the first sync`);
    return known;
  }

  protectSheets(sheets: readonly string[], password?: string): void {
    this.guard.protect = { sheets, password };
  }

  /** Office.js tells a wrong password only when the batch runs: null, the unprotection queued first. */
  unprotectSheets(sheets: readonly string[], password?: string): string | null {
    this.guard.unprotect = { sheets, password };
    return null;
  }

  writeText(sheet: string, row: number, col: number, text: string, look?: TextLook): void {
    this.guard.texts.push({ sheet, row, col, text, look });
  }
}

/** A cell of a journal that says which cells held text (CellSnapshot.text) that held a formula. */
function isFormula(c: CellSnapshot, i: number, j: number): boolean {
  const f = c.formulas[i]?.[j];
  return c.text !== undefined && typeof f === "string" && f.length > 1 && f.startsWith("=") && !c.text[i]?.[j];
}

/**
 * A block's contents as Office.js takes them: a text journalled as text (CellSnapshot.text) that begins with "="
 * goes in as text, as the number format set just before reads it ("@": as is; any other: after an apostrophe,
 * Excel's text prefix, which is not part of the value), never as a formula.
 */
function asWritten(c: CellSnapshot): (string | number | boolean)[][] {
  return c.formulas.map((row, i) => row.map((f, j) => (c.text?.[i]?.[j] && typeof f === "string" && c.numberFormat[i]?.[j] !== "@" ? `'${f}` : f))) as (
    string | number | boolean
  )[][];
}

/** Queues what restoreCells gives back on Office.js; syncs only between blocks past the request limit. */
async function restoreCellsOffice(context: Excel.RequestContext, sheet: string, r: CellsRestore): Promise<void> {
  const sheets = context.workbook.worksheets;
  const ws = sheets.getItem(sheet);
  for (const address of r.clearFormats) ws.getRange(address).clear(Excel.ClearApplyTo.formats);
  for (const b of r.formatBackups) {
    // Without Range.copyFrom (below ExcelApi 1.9) the columns go back to the default formats.
    if (features.copyFrom()) ws.getRange(b.target).copyFrom(`'${STORE_SHEET}'!${b.backup}`, Excel.RangeCopyType.formats);
    else ws.getRange(b.target).clear(Excel.ClearApplyTo.formats);
    sheets.getItem(STORE_SHEET).getRange(b.backup).clear(Excel.ClearApplyTo.formats);
  }
  for (const w of r.widths) ws.getRange(w.address).format.columnWidth = w.width;
  const chunks = chunkByBytes(r.blocks, (c) => jsonBytes(c), BYTES_PER_SYNC / 2);
  for (let k = 0; k < chunks.length; k++) {
    for (const c of chunks[k]) {
      const range = (c.sheet === undefined ? ws : sheets.getItem(c.sheet)).getRange(c.address);
      // A formula whose format was "@" goes in under "General" (under "@" Excel keeps it as text), then "@" again.
      const formulaAsText = c.numberFormat.some((row, i) => row.some((f, j) => f === "@" && isFormula(c, i, j)));
      range.numberFormat = formulaAsText
        ? c.numberFormat.map((row, i) => row.map((f, j) => (f === "@" && isFormula(c, i, j) ? "General" : f)))
        : c.numberFormat;
      range.formulas = asWritten(c);
      if (formulaAsText) range.numberFormat = c.numberFormat;
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block past the request size limit, never per row
    if (k < chunks.length - 1) await context.sync();
  }
  for (const f of r.fonts) ws.getRange(f.address).format.font.name = f.name;
  for (const f of r.fills) applyFill(ws.getRange(f.address), f.color);
}

/** A text into a cell, in its look when given (the number format before the value, as the sheets the add-in renders). */
function queueText(cell: Excel.Range, text: string, look: TextLook | undefined): void {
  if (look?.numFmt) cell.numberFormat = [[look.numFmt]];
  cell.values = [[text]];
  if (!look) return;
  const format = cell.format;
  format.font.name = look.font.name;
  format.font.size = look.font.size;
  if (look.font.italic !== undefined) format.font.italic = look.font.italic;
  if (look.font.bold !== undefined) format.font.bold = look.font.bold;
  if (look.hAlign)
    format.horizontalAlignment =
      look.hAlign === "center" ? Excel.HorizontalAlignment.center : look.hAlign === "right" ? Excel.HorizontalAlignment.right : Excel.HorizontalAlignment.left;
  if (look.vAlign) format.verticalAlignment = look.vAlign === "top" ? Excel.VerticalAlignment.top : Excel.VerticalAlignment.center;
  if (look.wrap !== undefined) format.wrapText = look.wrap;
}

/** No fill reads back as white; with ExcelApi 1.9 the pattern tells the two apart. */
function ownFill(fill: Excel.RangeFill, withPattern: boolean): string | null {
  if (withPattern && fill.pattern === Excel.FillPattern.none) return null;
  if (!withPattern && (fill.color ?? "").toUpperCase() === "#FFFFFF") return null;
  return fill.color ?? null;
}

function applyFill(range: Excel.Range, color: string | null) {
  if (color) range.format.fill.color = color;
  else range.format.fill.clear();
}

/** What one write batch applies: the result write (with its layout), the journal of all its cells, values, sheets put. */
interface CellsWrite {
  result: { layout: GridLayout; plan: WritePlan } | null;
  journal: Journal;
  values: readonly ValueBlock[];
  puts: readonly SheetPut[];
}

/**
 * Sync 2, in this order: the store sheet (a protected workbook structure refuses here, before any
 * cell changes); loads of what the writes replace; the state and undo journal; copies of formats the
 * undo needs; the sheets put; then the results and values (further syncs only past the request limit). Then
 * sync 3, only when a written cell was typed into meanwhile (its content goes back) or the loads differ from
 * the journal. Returns the cells typed into meanwhile.
 */
async function applyCells(context: Excel.RequestContext, read: ExcelRead, write: CellsWrite, newState: StoreState): Promise<EditedCell[]> {
  const { journal, values, puts } = write;
  // Without a result write, no columns, headers, results or marks.
  const plan: Omit<WritePlan, "written"> = write.result?.plan ?? { columns: [], headers: [], blocks: [], marks: [], unmark: [], keptMarks: [] };
  const sheet = read.grid;
  const store = read.store;
  const storeSheet = ensureStoreSheet(context, store);
  const worksheets = context.workbook.worksheets;
  const byName = new Map<string, Excel.Worksheet>();
  // The grid's worksheet as read; another sheet (the ledger, a sheet values go to) by its name.
  const sheetOf = (name: string | undefined): Excel.Worksheet => {
    const key = name ?? sheet.name;
    if (key === sheet.name && read.gridSheet) return read.gridSheet;
    const known = byName.get(key) ?? worksheets.getItem(key);
    byName.set(key, known);
    return known;
  };
  const originOf = (name: string): Origin => (name === sheet.name ? sheet.origin : (read.others?.get(name)?.origin ?? { row: 0, col: 0 }));
  // The loads of the cells about to be written come back in the response; the request carries the writes. Excel
  // limits each on its own (5 MB each way on the web), so each is counted against the budget on its own: the
  // response's loads, the request's state, results and marks.
  const checks = queueChecks(sheetOf, journal, plan);
  const queuedBytes = await queueStoreWrite(context, store, newState, false, checks.bytes > BYTES_PER_SYNC ? checks.bytes : 0);
  if (write.result) queueFormatBackups(sheetOf(undefined), storeSheet, journal);
  // the journal it served is replaced; in an undo group it stays (deleting a sheet would clear the undo stack)
  if (write.result && read.sheets.some((s) => s.name === ANNEX_BACKUP_SHEET) && !isGrouped(context)) worksheets.getItem(ANNEX_BACKUP_SHEET).delete();
  const added = queueSheetPuts(context, read.sheets, puts);
  const smallWrites = OP_BYTES * (plan.marks.length + plan.unmark.length + plan.headers.length + 4 * plan.columns.length + journal.formatBackups.length);
  // The values (the ledger's Tự chấm and Điểm, the grid's group sums…) ride in the same batches as the results.
  const [firstBlocks = [], ...moreBlocks] = batchBlocks<WriteBlock & { sheet?: string; formatted?: boolean }>(
    [...plan.blocks, ...values],
    BYTES_PER_SYNC,
    queuedBytes + smallWrites,
  );
  const onGrid = (blocks: typeof firstBlocks) => blocks.filter((b) => b.sheet === undefined);
  const queueOthers = (blocks: typeof firstBlocks) => {
    for (const b of blocks) {
      if (b.sheet === undefined) continue;
      const range = sheetOf(b.sheet).getRange(rangeAddress(b.row, b.col, b.values.length, 1, originOf(b.sheet)));
      if (b.formatted) range.numberFormat = b.numberFormat;
      range.values = b.values;
    }
  };
  if (write.result) queueResultWrite(sheetOf(undefined), { ...write.result.plan, blocks: onGrid(firstBlocks) }, write.result.layout, sheet.origin);
  queueOthers(firstBlocks);
  await writeBatch(context, added, async () => {
    await context.sync(); // 2: write
    for (const blocks of moreBlocks) {
      queueBlocks(sheetOf(undefined), onGrid(blocks), sheet.origin);
      queueOthers(blocks);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block past the request size limit, never per row
      await context.sync();
    }
  });

  // What the loads saw just before the writes.
  const edited = checks.edited(sheet);
  const corrected = checks.correct(newState);
  if (edited.length > 0 || corrected) {
    for (const e of edited) {
      const range = sheetOf(e.sheet).getRange(e.address);
      range.numberFormat = [[e.numberFormat]];
      range.formulas = [[e.formula as string | number | boolean]];
    }
    if (corrected) await queueStoreWrite(context, store, newState);
    await context.sync(); // 3, only in those cases
  }
  return edited;
}

/**
 * Queues the sheets put. A new sheet (none of its name yet) is built under its own name and placed just after `after`
 * (else last): no rename, which Excel on Windows and Mac does not undo; if the batch fails, writeBatch removes it. A
 * sheet replaced is rendered under a temporary name (what a failed run left there removed first), then takes the name and
 * place of the sheet it replaces, deleted, once whole; in an undo group it is emptied and rendered into instead (deleting
 * a sheet would clear the user's undo stack). No sync here. Returns the sheets it adds, what a failed batch removes.
 */
function queueSheetPuts(context: Excel.RequestContext, existing: readonly SheetInfo[], puts: readonly SheetPut[]): string[] {
  const worksheets = context.workbook.worksheets;
  // The sheets' order as the batch changes it (a position is an index in it).
  const order = existing.map((s) => s.name);
  const remove = (name: string) => {
    worksheets.getItem(name).delete();
    order.splice(order.indexOf(name), 1);
  };
  const added: string[] = [];
  // In an undo group nothing is deleted or renamed (Excel cannot undo it): a sheet replaced is rendered into.
  const grouped = isGrouped(context);
  puts.forEach((put, i) => {
    const name = put.description.sheetName;
    const replaced = order.indexOf(name);
    if (replaced >= 0 && grouped) {
      const ws = worksheets.getItem(name);
      ws.getRange().clear(Excel.ClearApplyTo.all);
      renderSheetOffice(ws, put.description);
      protectInputs(ws, put.description);
      return;
    }
    // What a failed run left under the temporary name (outside an undo group: deleting a sheet would clear its stack).
    const build = `${SHEET_BUILD_PREFIX}${i + 1}`;
    if (order.includes(build) && !grouped) remove(build);
    let ws: Excel.Worksheet;
    let at: number;
    if (replaced < 0) {
      ws = worksheets.add(name);
      added.push(name);
      renderSheetOffice(ws, put.description);
      at = put.after !== undefined && order.includes(put.after) ? order.indexOf(put.after) + 1 : order.length;
    } else {
      ws = worksheets.add(build);
      added.push(build);
      renderSheetOffice(ws, put.description);
      // Whole: it takes the name and place of the sheet it replaces.
      at = order.indexOf(name);
      remove(name);
      ws.name = name;
    }
    if (at < order.length) ws.position = at;
    order.splice(at, 0, name);
    protectInputs(ws, put.description);
  });
  return added;
}

/**
 * The write batch's syncs; when one fails, the sheets it added (`added`: new sheets under their names, replacements
 * still under their temporary names) are deleted before the failure goes on, so no half-built sheet stays. In an undo
 * group deleting a sheet is refused (UndoNotSupported): there they stay, and "Hoàn tác" removes them with the journal
 * the batch stored first. Two more syncs, only on that failure.
 */
async function writeBatch(context: Excel.RequestContext, added: readonly string[], syncs: () => Promise<void>): Promise<void> {
  try {
    await syncs();
  } catch (e) {
    if (added.length === 0 || isGrouped(context)) throw e;
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    for (const ws of worksheets.items) if (added.includes(ws.name)) ws.delete();
    await context.sync();
    throw e;
  }
}

/** Whether sheets put in an undo group need what it cannot keep: protection (everywhere), a new sheet moved among the others (on Windows and Mac). */
function putsClearUndo(existing: readonly SheetInfo[], puts: readonly SheetPut[]): boolean {
  const names = existing.map((s) => s.name);
  const moved = (p: SheetPut) =>
    !names.includes(p.description.sheetName) && p.after !== undefined && names.includes(p.after) && names.indexOf(p.after) < names.length - 1;
  return puts.some((p) => p.description.protect || (sheetLayoutClearsUndo() && moved(p)));
}

/** First column of the store sheet holding copies of formats (the store's own data is in A:C). */
const FORMAT_BACKUP_FIRST_COL = 4;

/** The undo journal of a write, built from the first read (before anything is written): the core's (src/core/flows/undo.ts). */
export type Journal = ResultJournal;

function journalFromRead(plan: WritePlan, layout: GridLayout, sheet: SheetData, standardWidth: number): Journal {
  return resultJournal(
    plan,
    layout,
    { ...sheet, numberFormat: (r, c) => (sheet.numberFormat[r]?.[c] as string | undefined) ?? "General" },
    {
      widthOf: () => standardWidth,
      // With Range.copyFrom (ExcelApi 1.9) the appended columns' formats are copied aside, else cleared on undo.
      backupFirstCol: features.copyFrom() ? FORMAT_BACKUP_FIRST_COL : null,
    },
  );
}

/**
 * Queues, at the head of the write batch, loads of what the writes replace: the result cells (content
 * and number format), the own fill of cells marked for the first time, the widths of appended columns.
 */
function queueChecks(sheetOf: (name: string | undefined) => Excel.Worksheet, journal: Journal, plan: Pick<WritePlan, "marks" | "keptMarks">) {
  const ws = sheetOf(undefined);
  const withPattern = features.fillPattern();
  const cells = journal.cells.map((c) => {
    const range = sheetOf(c.sheet).getRange(c.address);
    range.load("formulas, numberFormat");
    return { snapshot: c, range };
  });
  const firstMarks = new Set(plan.marks.map((m) => m.address).filter((a) => !plan.keptMarks.some((k) => k.address === a)));
  const fills = journal.fills
    .filter((f) => firstMarks.has(f.address))
    .map((f) => {
      const fill = ws.getRange(f.address).format.fill;
      fill.load(withPattern ? "color, pattern" : "color");
      return { snapshot: f, fill };
    });
  const widths = journal.widths.map((w) => {
    const range = ws.getRange(w.address);
    range.load("format/columnWidth");
    return { snapshot: w, range };
  });
  // The response carries the cells again, with their formats.
  const bytes = journal.cells.reduce((n, c) => n + jsonBytes(c.formulas) + jsonBytes(c.numberFormat), 0);
  return {
    bytes,
    /** Result cells whose content changed since the first read: someone typed there in between. */
    edited(sheet: SheetData): EditedCell[] {
      const out: EditedCell[] = [];
      for (const { snapshot, range } of cells) {
        const now = range.formulas as unknown[][];
        const formats = range.numberFormat as string[][];
        const [first] = snapshot.address.split(":");
        const { row, col } = parseCell(first);
        snapshot.formulas.forEach((r, i) =>
          r.forEach((before, j) => {
            if (now[i][j] !== before)
              out.push({
                address: cellAddress(row + i, col + j, { row: 0, col: 0 }),
                ...(snapshot.sheet !== undefined ? { sheet: snapshot.sheet } : {}),
                formula: now[i][j],
                numberFormat: formats[i][j],
              });
          }),
        );
        void sheet;
      }
      return out;
    },
    /** Puts into the journal (and the marks) what the loads saw where it differs from the prediction; true when something changed. */
    correct(state: StoreState): boolean {
      let changed = false;
      const undo = state.undo!;
      for (const { snapshot, range } of cells) {
        const formats = range.numberFormat as string[][];
        if (JSON.stringify(formats) !== JSON.stringify(snapshot.numberFormat)) {
          snapshot.numberFormat = formats.map((r) => [...r]);
          changed = true;
        }
      }
      for (const { snapshot, fill } of fills) {
        const own = ownFill(fill, withPattern);
        if (own !== snapshot.color) {
          snapshot.color = own;
          const mark = state.marks?.find((m) => m.sheet === undo.sheet && m.address === snapshot.address);
          if (mark) mark.color = own;
          changed = true;
        }
      }
      for (const { snapshot, range } of widths) {
        if (range.format.columnWidth !== snapshot.width) {
          snapshot.width = range.format.columnWidth;
          changed = true;
        }
      }
      return changed;
    },
  };
}

/** Copies the formats of appended columns aside (ExcelApi 1.9), before anything changes them. */
function queueFormatBackups(ws: Excel.Worksheet, storeSheet: Excel.Worksheet, journal: Journal) {
  for (const b of journal.formatBackups) storeSheet.getRange(b.backup).copyFrom(ws.getRange(b.target), Excel.RangeCopyType.formats);
}

/** Queues the writes of a plan: appended columns' look, headers, results, marks. */
function queueResultWrite(ws: Excel.Worksheet, plan: WritePlan, layout: GridLayout, origin: Origin) {
  const span = layout.lastRow - layout.headerTop + 1;
  const neighbour = rangeAddress(layout.headerTop, layout.lastCol, span, 1, origin);
  for (const c of plan.columns.filter((c) => c.isNew)) {
    const target = ws.getRange(rangeAddress(layout.headerTop, c.col, span, 1, origin));
    if (features.copyFrom()) {
      target.copyFrom(neighbour, Excel.RangeCopyType.formats);
      // Formats carry merged areas (a "Ghi chú" merged over two header rows): the new columns stay unmerged.
      target.unmerge();
    } else {
      const head = ws.getRange(rangeAddress(layout.headerTop, c.col, layout.headerRow - layout.headerTop + 1, 1, origin));
      head.format.font.bold = true;
      head.format.horizontalAlignment = Excel.HorizontalAlignment.center;
      head.format.verticalAlignment = Excel.VerticalAlignment.center;
      head.format.wrapText = true;
      for (const edge of [Excel.BorderIndex.edgeTop, Excel.BorderIndex.edgeBottom, Excel.BorderIndex.edgeLeft, Excel.BorderIndex.edgeRight]) {
        head.format.borders.getItem(edge).style = Excel.BorderLineStyle.continuous;
      }
    }
    target.format.columnWidth = 66; // about 8.5 characters: "Trung bình" fits
  }
  for (const h of plan.headers) ws.getRange(cellAddress(h.row, h.col, origin)).values = [[h.text]];
  queueBlocks(ws, plan.blocks, origin);
  // Fills: give back the own fill of cells no longer in question, mark the new ones.
  for (const m of plan.unmark) applyFill(ws.getRange(m.address), m.color);
  for (const m of plan.marks) ws.getRange(m.address).format.fill.color = MARK_FILL[m.severity];
}

/** Queues the writes of result blocks. */
function queueBlocks(ws: Excel.Worksheet, blocks: WritePlan["blocks"], origin: Origin): void {
  for (const b of blocks) {
    const range = ws.getRange(rangeAddress(b.row, b.col, b.values.length, b.values[0].length, origin));
    // eslint-disable-next-line office-addins/call-sync-after-load -- a write (the plugin takes the right-hand side's name for a load)
    range.numberFormat = b.numberFormat;
    range.values = b.values;
  }
}

/**
 * Splits blocks into batches of at most `budget` bytes (the first batch has `first` bytes queued
 * already), cutting large blocks by rows: the one chunker, over the blocks' rows. A block's other
 * fields (its sheet) go with each of its pieces.
 */
export function batchBlocks<B extends WriteBlock>(blocks: readonly B[], budget: number, first = 0): B[][] {
  const rows = blocks.flatMap((block, b) => block.values.map((_, i) => ({ b, i })));
  // In the request, a row's values and formats, with the separators around them.
  const perRow = ({ b, i }: { b: number; i: number }) => jsonBytes(blocks[b].values[i]) + jsonBytes(blocks[b].numberFormat[i]) + 4 * blocks[b].values[i].length;
  return chunkByBytes(rows, perRow, budget, first).map((chunk) => {
    const out: { piece: B; b: number }[] = [];
    for (const { b, i } of chunk) {
      const last = out[out.length - 1];
      const block = blocks[b];
      if (last && last.b === b && last.piece.row + last.piece.values.length === block.row + i) {
        last.piece.values.push(block.values[i]);
        last.piece.numberFormat.push(block.numberFormat[i]);
      } else out.push({ b, piece: { ...block, row: block.row + i, values: [block.values[i]], numberFormat: [block.numberFormat[i]] } });
    }
    return out.map((o) => o.piece);
  });
}
