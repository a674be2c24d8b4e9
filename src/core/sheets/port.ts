/**
 * The workbook port: what a flow reads from a workbook and how it writes, in the core's terms.
 *
 *     snapshot = port.read…(what the flow needs)   plan = flow(snapshot, rules)   port.write…(plan) as one unit
 *
 * A flow (src/core/flows: "Tính điểm", "Tạo phụ lục") reads a snapshot (the sheets and their states, a
 * sheet's values and formulas, the store), decides in src/core what to write (planResultWrite,
 * buildAnnex, the store's state) and hands it to the port, which applies it as one unit.
 * src/xlsx/port.ts implements it on the .xlsx package (the command line: nothing written until the
 * whole package is, every part the plan does not own copied byte for byte); src/excel/port.ts on
 * Office.js (reads answered from the action's first sync, writes applied in the next, the store and its
 * undo journal first), see docs/architecture.md.
 */
import { Origin } from "../base/address";
import { GridLayout } from "../grid/grid";
import { LegacyCell } from "../grid/legacy-cells";
import { WritePlan } from "../grid/plan";
import { SheetDescription } from "./sheet";
import { AnnexDescription } from "./annex";
import { ExplainDescription } from "../findings/explanation";
import { ChartDescription } from "./chart";
import { CellSnapshot, DecodedStore, MarkRecord, StoreState } from "../store/store";

export interface SheetInfo {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
}

/**
 * A sheet's values and formulas as Office.js returns them for its used range ("" where empty, "=…" where a
 * formula is), from `origin` (A1 when absent: the package reads from A1, Office.js from the used range's corner).
 */
export interface SheetSnapshot {
  values: unknown[][];
  formulas: unknown[][];
  origin?: Origin;
}

/** "Tính điểm"'s write: the plan (result columns, headers, marks), the grid's layout, and legacy texts converted to Unicode. */
export interface ResultWrite {
  sheet: string;
  plan: WritePlan;
  layout: GridLayout;
  converted: readonly LegacyCell[];
}

export interface ValueWrite {
  row: number;
  col: number;
  value: string | number;
  numberFormat?: string;
}

/** A text's own look (the annex's code line): its font, and where given its alignment, wrapping and number format. */
export interface TextLook {
  font: { name: string; size: number; bold?: boolean; italic?: boolean };
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "center";
  wrap?: boolean;
  numFmt?: string;
}

export interface WorkbookPort {
  sheets(): SheetInfo[];
  readSheet(name: string): SheetSnapshot;
  readStore(): DecodedStore;
  /** Queues the result write; returns the marks to record (each cell's own fill before it was marked). */
  writeResults(write: ResultWrite): MarkRecord[];
  /** Queues values into cells, their look kept but for a number format given (the ledger's points and group sums; merged scores and notes, "@" for text). */
  writeValues(sheet: string, writes: readonly ValueWrite[]): void;
  /** Queues a sheet made from its description: it replaces the sheet of that name (in its place), or is added just after `after` (else after the others). */
  putSheet(description: SheetDescription, after?: string): void;
  /** Queues the annex (annexAsSheet on the package; Office.js renders it with its print setup, under a temporary name until it is whole). */
  putAnnex(annex: AnnexDescription): void;
  /** Queues Giải trình, one page per agency (explainAsSheet on the package; Office.js renders it with its page breaks). */
  putExplanation(explanation: ExplainDescription): void;
  /** Queues the store's new state. */
  writeStore(state: StoreState): void;

  // "Chốt kết quả" and "Mở chốt" (src/core/flows/lock.ts): sheet protection and the annex's code line.
  /** Whether a sheet is protected now (a sheet the user protected keeps its own protection through a lock). */
  isProtected(sheet: string): boolean;
  /** Queues the protection of sheets as the lock puts it (formatting rows and columns allowed), with a password only when one is given. */
  protectSheets(sheets: readonly string[], password?: string): void;
  /**
   * Queues the removal of sheets' protection; returns the first sheet the password does not open when the port can
   * tell before writing (the package: nothing queued then), else null (Office.js: a wrong password stops the write
   * batch, where the unprotection comes first, before anything else changes).
   */
  unprotectSheets(sheets: readonly string[], password?: string): string | null;
  /**
   * Queues a text into one cell: in the look given, else in the cell's own ("" empties it, its look kept). A text
   * prints with the sheet: the package extends a print area that ends above it (Office.js: the add-in's sheets
   * have none, Excel prints their used range).
   */
  writeText(sheet: string, row: number, col: number, text: string, look?: TextLook): void;

  // h18d — "Biểu đồ" (src/core/flows/chart.ts)
  /** Queues the chart of indices (Office.js: a new sheet with its table and a native chart; the package keeps it for the command line's SVG). */
  putChart(chart: ChartPut): void;

  // h18e — "Hoàn tác" (src/core/flows/undo.ts): what the cells an action wrote hold now, and what gives them back.
  /** What a block of cells (A1 address) holds now: formulas where there are, else values, "" where empty; null when its sheet is gone. */
  readBlock(sheet: string, address: string): unknown[][] | null;
  /** The fill a cell shows now ("#RRGGBB"), null for none. */
  readFill(sheet: string, address: string): string | null;
  /** Queues cells given back on `sheet` (blocks on another sheet say theirs): contents and number formats (null leaves a cell as it is), fills, fonts, widths, formats. */
  restoreCells(sheet: string, restore: CellsRestore): void;
  /** Queues the removal of a sheet an action added (Giải trình, Nhật ký, Sáp nhập…), once the flow has seen it is still the add-in's. */
  removeSheet(name: string): void;
}

/** "Biểu đồ"'s write: the chart's description, the new sheet's name, the index's decimals (the table's number format). */
export interface ChartPut {
  sheetName: string;
  description: ChartDescription;
  decimals: number;
}

/** What an undo gives back of the cells an action wrote (src/core/flows/undo.ts planCellsUndo). */
export interface CellsRestore {
  /** Blocks as they were: formulas or values and number formats, null where a cell is left alone (edited since). */
  blocks: CellSnapshot[];
  /** Fills back ("#RRGGBB", null for none). */
  fills: { address: string; color: string | null }[];
  /** Font names back (cells whose legacy font was replaced). */
  fonts: { address: string; name: string }[];
  /** Column widths back (points), for appended columns. */
  widths: { address: string; width: number }[];
  /** Ranges whose formats go back to the default. */
  clearFormats: string[];
  /** Formats copied aside on the store sheet (`backup`) that go back to `target`; where the host cannot copy them, `target`'s are cleared. */
  formatBackups: { backup: string; target: string }[];
}
