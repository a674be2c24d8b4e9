import { cellAddress, columnLetter, Origin, parseRange } from "../core/address";
import { MARK_FILL, planResultWrite, WritePlan } from "../core/plan";
import { presetRules, Rules, validateRules } from "../core/rules";
import { scoreSheet, ScoreResult } from "../core/scoring";
import { CellSnapshot, FillSnapshot, MarkRecord, STORE_SHEET, StoreState, writtenCells } from "../core/store";
import { storeIssueMessage } from "../core/store-check";
import { lastRunRecord, summaryLine } from "../core/summary";
import { features, hostErrorMessage, isPayloadLimit, loadRowsInBlocks, UserFacingError } from "./host";
import { ensureStoreSheet, queueStoreRead, readStoreInBlocks, writeStore, StoreRead } from "./store";
import { findingView, ScoringOutcome, Source } from "./types";
import { ruleProblemLines } from "../core/ruleMessages";

/** Rules stored in the workbook, else the preset; stored rules that are invalid are reported, not ignored. */
export function rulesOf(state: StoreState): Rules {
  if (!state.rules) return presetRules();
  const checked = validateRules(state.rules);
  if (!checked.ok) {
    throw new UserFacingError(
      `Quy tắc lưu trong sổ tính không hợp lệ: ${ruleProblemLines(checked.problems, "vi").join(" ")} Hãy sửa trong “Quy tắc chấm điểm”.`,
      `The rules stored in the workbook are not valid: ${ruleProblemLines(checked.problems, "en").join(" ")} Correct them in “Scoring rules”.`,
    );
  }
  return checked.rules;
}

/** Reads a sheet's used range (values and formulas) and its origin; one queued load. */
export function queueSheetRead(sheet: Excel.Worksheet) {
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("address, values, formulas, rowIndex, columnIndex");
  const protection = sheet.protection;
  protection.load("protected");
  return {
    sheet,
    result() {
      if (used.isNullObject) return { name: sheet.name, values: [] as unknown[][], formulas: [] as unknown[][], origin: { row: 0, col: 0 }, protected: protection.protected };
      return { name: sheet.name, values: used.values as unknown[][], formulas: used.formulas as unknown[][], origin: { row: used.rowIndex, col: used.columnIndex }, protected: protection.protected };
    },
  };
}

const rangeOf = (row: number, col: number, rows: number, cols: number, origin: Origin) =>
  rows === 1 && cols === 1 ? cellAddress(row, col, origin) : `${cellAddress(row, col, origin)}:${cellAddress(row + rows - 1, col + cols - 1, origin)}`;

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

/**
 * "Tính điểm": reads the active sheet (1 sync), scores it in the core, writes the result columns and
 * the finding marks (1 sync), then saves the add-in's state with the undo journal (1 sync, the only
 * third one). The ribbon command and the task pane both call this.
 */
export async function runScoring(source: Source, now: () => Date = () => new Date()): Promise<ScoringOutcome> {
  try {
    return await Excel.run(async (context) => {
      const active = context.workbook.worksheets.getActiveWorksheet();
      let read: SheetRead = queueSheetRead(active);
      let store = queueStoreRead(context);
      try {
        await context.sync(); // 1: read
      } catch (e) {
        if (!isPayloadLimit(e)) throw e;
        // A sheet too large for one response (Excel on the web: 5 MB): read it in blocks of rows.
        store = await readStoreInBlocks(context);
        read = await readSheetInBlocks(context, active);
      }

      const sheet = read.result();
      const state = store.state();
      // Stored entries set aside as damaged: named in this action's notices (and in a refusal they cause).
      const storeNotes = store.issues().map((issue) => storeIssueMessage(issue, STORE_SHEET, "vi"));
      const storeNotesEn = store.issues().map((issue) => storeIssueMessage(issue, STORE_SHEET, "en"));
      const rules = rulesOf(state);
      const scored = scoreSheet(sheet.values, rules, sheet.origin);
      if (!scored.ok) {
        const refusal = sheetRefusal(sheet.name, scored.error);
        return scored.legacy.length > 0 ? { ...refusal, convertible: scored.legacy.map((c) => c.cell) } : refusal;
      }
      const planned = planResultWrite(sheet.values, sheet.formulas, sheet.origin, sheet.name, scored, state);
      if (!planned.ok) return { kind: "refused", message: [planned.message, ...storeNotes].join(" "), messageEn: [planned.messageEn, ...storeNotesEn].join(" "), cells: planned.cells };
      const plan = planned.plan;
      const run = lastRunRecord(scored, sheet.name, source, now());
      const findings = scored.findings.map((f) => findingView(sheet.name, f, { result: scored, values: sheet.values }));
      const columns = plan.columns.map((c) => columnLetter(c.col + sheet.origin.col));

      if (isUnchanged(plan, sheet.values, state)) {
        return { kind: "done", sheet: sheet.name, run, findings, columns, unchanged: true, notices: storeNotes, noticesEn: storeNotesEn };
      }
      if (sheet.protected) {
        return {
          kind: "refused",
          message: `Trang tính “${sheet.name}” đang được bảo vệ nên không ghi được kết quả. Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi bấm lại “Tính điểm”. Chưa có ô nào bị thay đổi.`,
          messageEn: `Sheet “${sheet.name}” is protected, so the results cannot be written. Unprotect it (Review → Unprotect Sheet) and click “Score” again. No cell has been changed.`,
          cells: [],
        };
      }

      const ws = read.sheet;
      // The store sheet first: if it cannot be made (a protected workbook structure), the batch stops
      // before any cell is touched.
      const storeSheet = ensureStoreSheet(context, store as StoreRead);
      // One batch unless the results would pass the request limit; then blocks of rows, one sync each.
      const [firstBlocks, ...moreBlocks] = batchBlocks(plan.blocks, WRITE_BYTES_PER_SYNC);
      const journal = queueResultWrite(ws, { ...plan, blocks: firstBlocks }, scored, sheet.origin, storeSheet);
      await context.sync(); // 2: write (the previous formats and fills are read in the same batch, before the writes)
      for (const blocks of moreBlocks) {
        journal.blocks.push(...queueBlocks(ws, blocks, sheet.origin));
        await context.sync();
      }

      const cells: CellSnapshot[] = [
        ...journal.blocks.map((b) => ({
          address: b.address,
          formulas: previousFormulas(sheet.formulas, b.row, b.col, b.rows, b.cols),
          numberFormat: b.range.numberFormat as string[][],
        })),
        // Headers of appended columns were empty (planResultWrite refuses otherwise); their formats are cleared too.
        ...journal.headers.map((h) => ({ address: h.address, formulas: [[""]], numberFormat: h.before.numberFormat as string[][] })),
      ];
      const ownRead = new Map(journal.fills.map((f) => [f.address, ownFill(f.fill, f.withPattern)]));
      const previousMarks = new Map(plan.keptMarks.map((m) => [m.address, m]));
      // Undo gives each cell the fill it shows now: its own fill, or the mark it had.
      const fills: FillSnapshot[] = [
        ...[...ownRead].map(([address, color]) => ({ address, color })),
        ...plan.keptMarks.map((m) => ({ address: m.address, color: m.mark })),
        ...plan.unmark.map((m) => ({ address: m.address, color: m.mark })),
      ];
      const newMarks: MarkRecord[] = plan.marks.map((m) => ({
        sheet: sheet.name,
        address: m.address,
        color: previousMarks.has(m.address) ? previousMarks.get(m.address)!.color : (ownRead.get(m.address) ?? null),
        mark: MARK_FILL[m.severity],
      }));
      const { undo: _previousUndo, ...previousState } = state;
      void _previousUndo;
      const newState: StoreState = {
        ...state,
        written: plan.written,
        marks: [...(state.marks ?? []).filter((m) => m.sheet !== sheet.name), ...newMarks],
        lastRun: run,
        undo: {
          action: "score",
          at: run.at,
          sheet: sheet.name,
          cells,
          fills,
          clearFormats: journal.clearFormats,
          formatBackups: journal.formatBackups,
          columnWidths: journal.widths.map((w) => ({ address: w.address, width: w.range.format.columnWidth })),
          previousState,
        },
      };
      await writeStore(context, store as StoreRead, newState); // 3: the add-in's state and the undo journal

      const plainHeaders = !features.copyFrom() && plan.headers.length > 0;
      const notices = [...storeNotes, ...(plainHeaders ? ["Phiên bản Excel này không chép được định dạng: tiêu đề các cột kết quả mới được định dạng chuẩn (đậm, căn giữa, có viền)."] : [])];
      const noticesEn = [...storeNotesEn, ...(plainHeaders ? ["This version of Excel cannot copy formats: the new result columns' headers got a standard look (bold, centred, bordered)."] : [])];
      return { kind: "done", sheet: sheet.name, run, findings, columns, unchanged: false, notices, noticesEn };
    });
  } catch (e) {
    return hostRefusal(e);
  }
}

/** The refusal for a sheet where no score grid was found (the grid's own words say why). */
export function sheetRefusal(sheet: string, error: { message: string; messageEn: string }): Extract<ScoringOutcome, { kind: "refused" }> {
  return { kind: "refused", message: `Trang tính “${sheet}”: ${error.message}`, messageEn: `Sheet “${sheet}”: ${error.messageEn}`, cells: [] };
}

/** The refusal for an error the host raised (or a UserFacingError), in both languages. */
export function hostRefusal(e: unknown): Extract<ScoringOutcome, { kind: "refused" }> {
  return { kind: "refused", message: hostErrorMessage(e), messageEn: hostErrorMessage(e, "en"), cells: e instanceof UserFacingError ? e.cells : [] };
}

function previousFormulas(formulas: unknown[][], row: number, col: number, rows: number, cols: number): unknown[][] {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => formulas[row + i]?.[col + j] ?? ""));
}

/** First column of the store sheet holding copies of formats (the store's own data is in A:C). */
const FORMAT_BACKUP_FIRST_COL = 4;

interface QueuedJournal {
  formatBackups: { backup: string; target: string }[];
  headers: { address: string; before: Excel.Range }[];
  blocks: { address: string; row: number; col: number; rows: number; cols: number; range: Excel.Range }[];
  fills: { address: string; fill: Excel.RangeFill; withPattern: boolean }[];
  widths: { address: string; range: Excel.Range }[];
  /** Cells formatted here whose formats cannot be copied aside (below ExcelApi 1.9): undo clears them. */
  clearFormats: string[];
}

/** Queues the writes of a plan, each preceded by a load of what it replaces (for the undo journal). */
function queueResultWrite(ws: Excel.Worksheet, plan: WritePlan, scored: Extract<ScoreResult, { ok: true }>, origin: Origin, storeSheet: Excel.Worksheet): QueuedJournal {
  const { layout } = scored;
  const withPattern = features.fillPattern();
  const journal: QueuedJournal = { blocks: [], fills: [], widths: [], clearFormats: [], formatBackups: [], headers: [] };

  // Headers of appended columns: their number format before anything below changes it.
  for (const h of plan.headers) {
    const address = cellAddress(h.row, h.col, origin);
    const before = ws.getRange(address);
    before.load("numberFormat");
    journal.headers.push({ address, before });
  }
  // Appended columns: remember widths, then take the neighbour column's look.
  for (const c of plan.columns.filter((c) => c.isNew)) {
    const address = rangeOf(layout.headerTop, c.col, layout.lastRow - layout.headerTop + 1, 1, origin);
    // A proxy of its own for the read: loaded before the writes below, it holds the width before them.
    const range = ws.getRange(address);
    range.load("format/columnWidth");
    journal.widths.push({ address, range });
    if (features.copyFrom()) {
      // The cells were empty but may carry the user's formats (borders, fills): a copy of those formats
      // goes to the add-in's own sheet, so that undo can give them back whatever the number of rows.
      const rows = layout.lastRow - layout.headerTop + 1;
      const letter = columnLetter(FORMAT_BACKUP_FIRST_COL + journal.formatBackups.length);
      const backup = `${letter}1:${letter}${rows}`;
      storeSheet.getRange(backup).copyFrom(ws.getRange(address), Excel.RangeCopyType.formats);
      journal.formatBackups.push({ backup, target: address });
    }
  }
  const neighbour = rangeOf(layout.headerTop, layout.lastCol, layout.lastRow - layout.headerTop + 1, 1, origin);
  for (const c of plan.columns.filter((c) => c.isNew)) {
    const target = ws.getRange(rangeOf(layout.headerTop, c.col, layout.lastRow - layout.headerTop + 1, 1, origin));
    if (features.copyFrom()) {
      target.copyFrom(neighbour, Excel.RangeCopyType.formats);
      // Formats carry merged areas (a "Ghi chú" merged over two header rows): the new columns stay unmerged.
      target.unmerge();
    } else {
      const headAddress = rangeOf(layout.headerTop, c.col, layout.headerRow - layout.headerTop + 1, 1, origin);
      journal.clearFormats.push(headAddress);
      const head = ws.getRange(headAddress);
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
  journal.blocks.push(...queueBlocks(ws, plan.blocks, origin));
  // Fills: give back the own fill of cells no longer in question, read and mark the new ones.
  for (const m of plan.unmark) applyFill(ws.getRange(m.address), m.color);
  const kept = new Set(plan.keptMarks.map((m) => m.address));
  for (const m of plan.marks) {
    if (!kept.has(m.address)) {
      const fill = ws.getRange(m.address).format.fill;
      fill.load(withPattern ? "color, pattern" : "color");
      journal.fills.push({ address: m.address, fill, withPattern });
    }
    ws.getRange(m.address).format.fill.color = MARK_FILL[m.severity];
  }
  return journal;
}

/** Queues the writes of result blocks, each after a load of the number formats it replaces. */
function queueBlocks(ws: Excel.Worksheet, blocks: WritePlan["blocks"], origin: Origin): QueuedJournal["blocks"] {
  return blocks.map((b) => {
    const rows = b.values.length;
    const cols = b.values[0].length;
    const address = rangeOf(b.row, b.col, rows, cols, origin);
    const before = ws.getRange(address);
    before.load("numberFormat");
    const range = ws.getRange(address);
    range.numberFormat = b.numberFormat;
    range.values = b.values;
    return { address, row: b.row, col: b.col, rows, cols, range: before };
  });
}

/** Bytes of JSON a sync may carry for results (request and the formats read back): under 5 MB. */
const WRITE_BYTES_PER_SYNC = 3 * 1024 * 1024;

/** Splits blocks into batches of at most `budget` bytes, cutting large blocks by rows. */
export function batchBlocks(blocks: WritePlan["blocks"], budget: number): WritePlan["blocks"][] {
  const batches: WritePlan["blocks"][] = [[]];
  let used = 0;
  for (const block of blocks) {
    const cols = block.values[0]?.length ?? 1;
    const perRow = (b: WritePlan["blocks"][number], i: number) => JSON.stringify(b.values[i]).length + 3 * JSON.stringify(b.numberFormat[i]).length + 4 * cols;
    let start = 0;
    while (start < block.values.length) {
      let end = start;
      let bytes = 0;
      while (end < block.values.length && (bytes + perRow(block, end) + used <= budget || (end === start && used === 0))) bytes += perRow(block, end++);
      if (end === start) {
        batches.push([]);
        used = 0;
        continue;
      }
      batches[batches.length - 1].push({ row: block.row + start, col: block.col, values: block.values.slice(start, end), numberFormat: block.numberFormat.slice(start, end) });
      used += bytes;
      start = end;
    }
  }
  return batches;
}


/** Cells per block when a sheet must be read in blocks; halved while a block is still too large. */
const READ_CELLS_PER_SYNC = 60000;

/** Reads the used range in blocks of rows, one sync each (only for sheets past the response limit). */
export async function readSheetInBlocks(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<SheetRead> {
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount");
  const protection = sheet.protection;
  protection.load("protected");
  await context.sync();
  const origin = used.isNullObject ? { row: 0, col: 0 } : { row: used.rowIndex, col: used.columnIndex };
  const rowCount = used.isNullObject ? 0 : used.rowCount;
  const colCount = used.isNullObject ? 0 : used.columnCount;
  const perBlock = Math.floor(READ_CELLS_PER_SYNC / Math.max(1, colCount));
  const { values, formulas } = await loadRowsInBlocks(context, rowCount, perBlock, (r, n) => sheet.getRange(rangeOf(r, 0, n, colCount, origin)), "values, formulas");
  return { sheet, result: () => ({ name: sheet.name, values, formulas, origin, protected: protection.protected }) };
}

export type SheetRead = ReturnType<typeof queueSheetRead>;

/** Whether writing the plan would change nothing the sheet shows. */
function isUnchanged(plan: WritePlan, values: unknown[][], state: StoreState): boolean {
  if (plan.columns.some((c) => c.isNew) || plan.unmark.length > 0) return false;
  if (plan.marks.length !== plan.keptMarks.length) return false;
  const severity = new Map(plan.marks.map((m) => [m.address, MARK_FILL[m.severity]]));
  if (plan.keptMarks.some((m) => severity.get(m.address) !== m.mark)) return false;
  const written = writtenCells(state.written, plan.written.sheet);
  const planned = writtenCells(plan.written, plan.written.sheet);
  if (written.size !== planned.size) return false;
  for (const b of plan.blocks) {
    for (let i = 0; i < b.values.length; i++) {
      for (let j = 0; j < b.values[i].length; j++) {
        const now = values[b.row + i]?.[b.col + j] ?? "";
        if (now !== b.values[i][j]) return false;
      }
    }
  }
  return true;
}

export { summaryLine, parseRange };
