import { LedgerScoring, queueLedgerRead, scoreWithLedgerSheet, withGridSums } from "./ledger";
import { LEDGER_SHEET } from "../core/grid/ledger";
import { concludedSheet, queueDifferencesRead, withConcludedScores, withConclusionsJournalled } from "./conclusions";
import { lockRefusal } from "../core/store/lock";
import { blockChanges, logEntry, withLog } from "../core/store/log";
import { currentActor } from "./actor";
import { cellAddress, columnLetter, Origin, parseCell, rangeAddress } from "../core/base/address";
import { MARK_FILL, planResultWrite, WriteBlock, WritePlan } from "../core/grid/plan";
import { LineageRule, Rules, validateRules } from "../core/rules/rules";
import { scoreSheet, ScoreResult } from "../core/grid/scoring";
import { CellSnapshot, FillSnapshot, LastRun, LastYearRecord, MarkRecord, STORE_SHEET, StoreState, writtenCells } from "../core/store/store";
import { storeIssueMessage } from "../core/store/store-check";
import { lastRunRecord } from "../core/grid/summary";
import { BYTES_PER_SYNC, chunkByBytes, features, jsonBytes, OP_BYTES, readOrInBlocks } from "./host";
import { excelBoth, excelMessage } from "./messages";
import { ensureStoreSheet, queueStoreRead, queueStoreWrite, readStoreInBlocks, StoreRead, runWriting, isGrouped } from "./store";
import { findingView, ScoringOutcome, Source } from "./types";
import {
  ANNEX_BACKUP_SHEET,
  hostRefusal,
  PreviousChoice,
  queuePreviousSheet,
  queueSheetRead,
  readSheetInBlocks,
  rulesOf,
  SheetData,
  SheetRead,
  sheetRefusal,
} from "./sheet-read";

export type { PreviousChoice };
import { compareYears, Comparison, comparedRecord, comparisonNotices, PreviousInput, PreviousProblem, scorePreviousYear } from "../core/grid/previous";
import { legacyToUnicode } from "../core/text/legacy-encoding";
import type { Finding } from "../core/findings/findings";
import { entryText, lineage2025Offer, lineageInUse, LINEAGE_MESSAGES, LINEAGE_SHEET, withLineage } from "../core/rules/lineage";
import { both, Both } from "../core/base/catalogue";

export interface ScoringOptions {
  previous?: PreviousChoice;
}

const previousRefusal = (problem: PreviousProblem): Extract<ScoringOutcome, { kind: "refused" }> => ({
  kind: "refused",
  ...excelBoth("previousUnusable", { problem }),
  cells: [],
});

/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- queues loads; the accessors below are called after the caller's sync */
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

/** What the first sync of "Tính điểm" reads: the active sheet, the store, the sheet names and a column's standard width. */
interface FirstRead {
  sheet: SheetRead;
  store: StoreRead;
  names(): string[];
  /** Width of a column nobody touched (XFD): what an appended column most likely had. */
  standardWidth(): number;
}

function queueSmallReads(context: Excel.RequestContext, ws: Excel.Worksheet) {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const far = ws.getRange("XFD1");
  far.load("format/columnWidth");
  return { names: () => sheets.items.map((s) => s.name), standardWidth: () => far.format.columnWidth };
}

/* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */

function queueFirstRead(context: Excel.RequestContext, ws: Excel.Worksheet): FirstRead {
  return { ...queueSmallReads(context, ws), sheet: queueSheetRead(ws, "formats"), store: queueStoreRead(context) };
}

/** The same read past Excel on the web's 5 MB response limit: the store and the sheet in blocks of rows. */
async function firstReadInBlocks(context: Excel.RequestContext, ws: Excel.Worksheet): Promise<FirstRead> {
  const small = queueSmallReads(context, ws);
  const store = await readStoreInBlocks(context);
  const sheet = await readSheetInBlocks(context, ws, true);
  return { ...small, sheet, store };
}

/**
 * "Tính điểm": 1 read, 1 write. Sync 1 reads the active sheet (values, formulas, number formats), the
 * add-in's state and the sheet names; the core scores and plans. Sync 2 is one batch: first the state
 * with its undo journal (so that a batch failing part-way can always be undone), then the results and
 * the finding marks, each preceded by a load of what it replaces. After it, the cells loaded are
 * compared with the first read: result cells someone edited in between get their content back (and the
 * user is told to run again); an own fill or a width the journal could not know in advance corrects
 * the journal. Only those two cases take a third sync. Blocks only past the 5 MB limits.
 * The ribbon command and the task pane both call this.
 */
export async function runScoring(source: Source, now: () => Date = () => new Date(), options: ScoringOptions = {}): Promise<ScoringOutcome> {
  try {
    return await runWriting(async (context) => {
      const { read, lastYearSheet, lineageSheet, ledgerSheet, differencesSheet } = await readForScoring(context, options); // 1: read
      const gridSheet = read.sheet.result();
      const store = read.store;
      const state = store.state();
      if (state.lock) return { kind: "refused", ...lockRefusal(state.lock, "score"), cells: [] };
      // Stored entries set aside as damaged: named in this action's notices (and in a refusal they cause).
      const storeNotes = store.issues().map((issue) => storeIssueMessage(issue, STORE_SHEET, "vi"));
      const storeNotesEn = store.issues().map((issue) => storeIssueMessage(issue, STORE_SHEET, "en"));
      const rules = rulesOf(state);
      // The council's conclusions on "Chênh lệch": the concluded scores are what is scored (src/excel/conclusions.ts).
      const concluded = concludedSheet(gridSheet, differencesSheet(), rules, state.loopSheets?.diff);
      const sheet = concluded ? { ...gridSheet, values: concluded.values } : gridSheet;
      // Criteria sets: the ledger's leaves computed, their group sums into the grid (src/excel/ledger.ts).
      const ledger = scoreWithLedgerSheet(sheet, ledgerSheet(), rules, state);
      const scored = ledger ? ledger.result : scoreSheet(sheet.values, rules, sheet.origin);
      if (!scored.ok) {
        const refusal = sheetRefusal(sheet.name, scored.error);
        return scored.legacy.length > 0 ? { ...refusal, convertible: scored.legacy.map((c) => c.cell) } : refusal;
      }
      const lineage = lineageFor(options, lineageSheet, scored);
      if (!lineage.ok) return { kind: "refused", message: lineage.message, messageEn: lineage.messageEn, cells: [] };
      const compared = comparisonFor(options, lastYearSheet, state, { ...scored, rules: lineage.rules }, sheet.values, sheet.origin);
      if (!compared.ok) return previousRefusal(compared.problem);
      const { comparison } = compared;
      // The 2025 list (offered or used), the two years, the agencies gone since last year: told whether or not anything is written.
      const told = comparison ? [...(compared.offer ? [compared.offer] : []), ...comparisonNotices(comparison)] : [];
      const planned = planResultWrite(gridSheet.values, sheet.formulas, sheet.origin, sheet.name, scored, state, comparison);
      if (!planned.ok)
        return {
          kind: "refused",
          message: [planned.message, ...storeNotes].join(" "),
          messageEn: [planned.messageEn, ...storeNotesEn].join(" "),
          cells: planned.cells,
        };
      const plan = withConcludedScores(ledger ? withGridSums(planned.plan, ledger, sheet) : planned.plan, concluded, sheet);
      const run = lastRunRecord(scored, sheet.name, source, now(), sheet.values);
      const findings = [...scored.findings, ...(concluded?.findings ?? []), ...(compared.finding ? [compared.finding] : [])].map((f) =>
        findingView(sheet.name, f, { result: scored, values: ledger ? ledger.values : sheet.values }),
      );
      const columns = plan.columns.map((c) => columnLetter(c.col + sheet.origin.col));
      const currentUndo = state.undo ? { action: state.undo.action, at: state.undo.at, sheet: state.undo.sheet } : null;
      // What the annex, the card and Giải trình read with last year's columns: the 2025 list's box, the years, the rules changed.
      const lastYear = lastYearAfter(state, options, compared, sheet.name);

      const ledgerWrites = ledger ? ledger.ledgerBlocks : [];
      if (
        isUnchanged(plan, gridSheet.values, state) &&
        ledgerWrites.length === 0 &&
        JSON.stringify(lastYear ?? null) === JSON.stringify(state.lastYear ?? null)
      ) {
        return {
          kind: "done",
          sheet: sheet.name,
          run,
          findings,
          columns,
          unchanged: true,
          notices: [...storeNotes, ...told.map((b) => b.message)],
          noticesEn: [...storeNotesEn, ...told.map((b) => b.messageEn)],
          edited: [],
          undo: currentUndo,
        };
      }
      if (sheet.protected) {
        return { kind: "refused", ...excelBoth("sheetProtected", { sheet: sheet.name }), cells: [] };
      }
      if (ledger && ledgerWrites.length > 0 && ledger.ledger.protected) {
        return { kind: "refused", ...excelBoth("sheetProtected", { sheet: LEDGER_SHEET }), cells: [] };
      }

      const fromRead = journalFromRead(plan, scored, gridSheet, read.standardWidth(), ledger);
      const journal = { ...fromRead, cells: withConclusionsJournalled(fromRead.cells, concluded) };
      const changes = blockChanges(gridSheet.values, plan.blocks, (r, c) => cellAddress(r, c, sheet.origin));
      const via = source === "ribbon" ? "ribbon" : "pane";
      let newState = withLog(
        { ...stateAfter(state, plan, sheet.name, run, journal), ...(lastYear ? { lastYear } : {}) },
        logEntry({ at: run.at, action: "score", by: currentActor(), via, sheet: sheet.name, cells: changes }),
      );
      // The ledger's computed columns: an entry of their own (the log names one sheet per entry).
      if (ledger && ledgerWrites.length > 0) {
        const cells = blockChanges(ledger.ledger.values, ledgerWrites, (r, c) => cellAddress(r, c, ledger.ledger.origin));
        newState = withLog(newState, logEntry({ at: run.at, action: "score", by: currentActor(), via, sheet: LEDGER_SHEET, cells }));
      }
      const edited = await writeResults(context, read, gridSheet, scored, plan, journal, newState, ledger); // 2 (3 in a few cases)

      const notices: string[] = [...storeNotes];
      const noticesEn: string[] = [...storeNotesEn];
      if (!features.copyFrom() && plan.headers.length > 0) {
        const m = excelBoth("plainHeaders", {});
        notices.push(m.message);
        noticesEn.push(m.messageEn);
      }
      const editedCells = edited.map((e) => (e.sheet ? `'${e.sheet}'!${e.address}` : e.address));
      if (editedCells.length > 0) {
        const m = excelMessage("editedMeanwhile", { cells: editedCells });
        notices.push(m.vi);
        noticesEn.push(m.en);
      }
      notices.push(...told.map((b) => b.message));
      noticesEn.push(...told.map((b) => b.messageEn));
      const undo = { action: "score" as const, at: run.at, sheet: sheet.name };
      return { kind: "done", sheet: sheet.name, run, findings, columns, unchanged: false, notices, noticesEn, edited: editedCells, undo };
    });
  } catch (e) {
    return hostRefusal(e);
  }
}

/** Queues the first read (the active sheet, the store, the sheet names; last year's sheet of this workbook when chosen) and syncs; in blocks past the response limit. */
async function readForScoring(context: Excel.RequestContext, options: ScoringOptions) {
  const active = context.workbook.worksheets.getActiveWorksheet();
  const lastYearName = options.previous?.kind === "sheet" ? options.previous.sheet : null;
  // Last year's sheet of this workbook is read in the same sync as the active sheet.
  let lastYearSheet = lastYearName !== null ? queuePreviousSheet(context, lastYearName) : null;
  // The "Sáp nhập" sheet (the lineage as a table), when comparing: read in the same sync.
  let lineageSheet = options.previous ? queuePreviousSheet(context, LINEAGE_SHEET) : null;
  // The ledger of a criteria set ("Chấm điểm chi tiết"), read in the same sync (null when there is none).
  let ledgerSheet = queueLedgerRead(context);
  // The council's conclusions ("Chênh lệch"), read in the same sync (null when there is none).
  let differencesSheet = queueDifferencesRead(context);
  const read = await readOrInBlocks(context, queueFirstRead(context, active), async () => {
    ledgerSheet = queueLedgerRead(context); // read with the first of the reads in blocks
    differencesSheet = queueDifferencesRead(context);
    const inBlocks = await firstReadInBlocks(context, active);
    if (lastYearName !== null || options.previous) {
      if (lastYearName !== null) lastYearSheet = queuePreviousSheet(context, lastYearName);
      if (options.previous) lineageSheet = queuePreviousSheet(context, LINEAGE_SHEET);
      await context.sync();
    }
    return inBlocks;
  });
  return { read, lastYearSheet, lineageSheet, ledgerSheet, differencesSheet };
}

/** The rules with the lineage of the "Sáp nhập" sheet when the workbook has one (the table people keep); refused when it cannot be read. */
function lineageFor(
  options: ScoringOptions,
  lineageSheet: (() => unknown[][] | null) | null,
  scored: Extract<ScoreResult, { ok: true }>,
): { ok: true; rules: Rules } | ({ ok: false } & Both) {
  if (!options.previous || !lineageSheet) return { ok: true, rules: scored.rules };
  const used = lineageInUse(lineageSheet(), scored.rules.lineage);
  if (!used.ok) return used;
  return used.fromSheet ? withRulesLineage(scored.rules, used.lineage) : { ok: true, rules: scored.rules };
}

/** The rules with another lineage (checked again). */
function withRulesLineage(rules: Rules, lineage: readonly LineageRule[]): { ok: true; rules: Rules } | ({ ok: false } & Both) {
  const { lineage: _old, ...rest } = rules.json;
  void _old;
  const checked = validateRules(lineage.length > 0 ? { ...rest, lineage: lineage.map((e) => ({ name: e.name, from: [...e.from] })) } : rest);
  if (!checked.ok) return { ok: false, ...excelBoth("storedRulesInvalid", { problems: checked.problems }) };
  return { ok: true, rules: checked.rules };
}

/** Last year's comparison when the user chose one: from a sheet of this workbook (scored with its rules) or from agencies read elsewhere; through the rules' lineage. */
function comparisonFor(
  options: ScoringOptions,
  lastYearSheet: (() => unknown[][] | null) | null,
  state: StoreState,
  scored: Extract<ScoreResult, { ok: true }>,
  values: readonly (readonly unknown[])[],
  origin: Origin,
):
  | { ok: true; comparison: Comparison | null; finding: Finding | null; offer: Both | null; accepted: LineageRule[]; use2025: boolean }
  | { ok: false; problem: PreviousProblem } {
  if (!options.previous) return { ok: true, comparison: null, finding: null, offer: null, accepted: [], use2025: false };
  let last: PreviousInput;
  if (options.previous.kind === "sheet") {
    const values = lastYearSheet!();
    if (values === null) return { ok: false, problem: { code: "noSheet", source: options.previous.sheet } };
    // A sheet of this workbook is scored with this workbook's rules (the same rules: no change to report).
    const read = scorePreviousYear([{ name: options.previous.sheet, values }], state.rules, options.previous.sheet);
    if (!read.ok) return { ok: false, problem: read.problem };
    last = { ...read, storedRules: null };
  } else last = options.previous;
  const toUnicode = (t: string) => legacyToUnicode(t)?.text ?? t;
  // The 2025 mergers: offered where they fit, used when the user ticked them.
  let rules = scored.rules;
  let offer: Both | null = null;
  let accepted: LineageRule[] = [];
  // The pane's box, else the choice the workbook keeps (ticked once, remembered without writing the "Sáp nhập" sheet).
  const use2025 = options.previous.lineage2025 ?? state.lastYear?.lineage2025 === true;
  const offered = lineage2025Offer(
    scored.rows.map((r) => r.name),
    last.agencies.map((a) => a.name),
    rules.lineage,
    toUnicode,
  );
  if (offered.length > 0) {
    const entries = offered.map(entryText);
    const used = use2025 ? withRulesLineage(rules, withLineage(rules.lineage as LineageRule[], offered)) : null;
    if (used?.ok) [rules, accepted] = [used.rules, offered];
    offer = used?.ok ? both(LINEAGE_MESSAGES, "lineage2025Applied", { entries }) : both(LINEAGE_MESSAGES, "lineage2025Offered", { entries, where: "pane" });
  }
  const compared = compareYears(values, { ...scored, rules }, last, toUnicode, origin);
  return { ok: true, ...compared, offer, accepted, use2025 };
}

/**
 * The store's record of "So sánh với năm trước" after this Tính điểm: the 2025 list's box as chosen (kept
 * when the pane does not say), and the comparison written on this sheet (a run that compares with nothing
 * leaves last year's columns, and the record of them, as they were).
 */
function lastYearAfter(
  state: StoreState,
  options: ScoringOptions,
  compared: { comparison: Comparison | null; accepted: LineageRule[]; use2025: boolean },
  sheet: string,
): LastYearRecord | undefined {
  if (!options.previous || !compared.comparison) return state.lastYear;
  return { ...state.lastYear, lineage2025: compared.use2025, compared: comparedRecord(compared.comparison, sheet, compared.accepted) };
}

/**
 * Sync 2, in this order: the store sheet (a protected workbook structure refuses here, before any
 * cell changes); loads of what the writes replace; the state and undo journal; copies of formats the
 * undo needs; then the results (further syncs only past the request limit). Then sync 3, only when a
 * result cell was typed into meanwhile (its content goes back) or the loads differ from the journal.
 * Returns the cells typed into meanwhile.
 */
async function writeResults(
  context: Excel.RequestContext,
  read: FirstRead,
  sheet: SheetData,
  scored: Extract<ScoreResult, { ok: true }>,
  plan: WritePlan,
  journal: Journal,
  newState: StoreState,
  ledger: LedgerScoring | null,
): Promise<ReturnType<ReturnType<typeof queueChecks>["edited"]>> {
  const ws = read.sheet.sheet;
  const store = read.store;
  const storeSheet = ensureStoreSheet(context, store);
  const ledgerWs = ledger ? context.workbook.worksheets.getItem(LEDGER_SHEET) : null;
  const sheetOf = (name: string | undefined) => (name === undefined ? ws : ledgerWs!);
  // The loads of the cells about to be written come back in the response; the request carries the writes. Excel
  // limits each on its own (5 MB each way on the web), so each is counted against the budget on its own: the
  // response's loads, the request's state, results and marks.
  const checks = queueChecks(sheetOf, journal, plan);
  const queuedBytes = await queueStoreWrite(context, store, newState, false, checks.bytes > BYTES_PER_SYNC ? checks.bytes : 0);
  queueFormatBackups(ws, storeSheet, journal);
  // the journal it served is replaced; in an undo group it stays (deleting a sheet would clear the undo stack)
  if (read.names().includes(ANNEX_BACKUP_SHEET) && !isGrouped(context)) context.workbook.worksheets.getItem(ANNEX_BACKUP_SHEET).delete();
  const smallWrites = OP_BYTES * (plan.marks.length + plan.unmark.length + plan.headers.length + 4 * plan.columns.length + journal.formatBackups.length);
  // The ledger's blocks (Tự chấm, Điểm) ride in the same batches as the grid's.
  const ledgerBlocks = ledger ? ledger.ledgerBlocks.map((b) => ({ ...b, sheet: LEDGER_SHEET })) : [];
  const [firstBlocks, ...moreBlocks] = batchBlocks([...plan.blocks, ...ledgerBlocks], BYTES_PER_SYNC, queuedBytes + smallWrites);
  const onGrid = (blocks: typeof firstBlocks) => blocks.filter((b) => b.sheet === undefined);
  const queueLedger = (blocks: typeof firstBlocks) => {
    for (const b of blocks)
      if (b.sheet !== undefined) ledgerWs!.getRange(rangeAddress(b.row, b.col, b.values.length, 1, ledger!.ledger.origin)).values = b.values;
  };
  queueResultWrite(ws, { ...plan, blocks: onGrid(firstBlocks) }, scored, sheet.origin);
  queueLedger(firstBlocks);
  await context.sync(); // 2: write
  for (const blocks of moreBlocks) {
    queueBlocks(ws, onGrid(blocks), sheet.origin);
    queueLedger(blocks);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block past the request size limit, never per row
    await context.sync();
  }

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

/** First column of the store sheet holding copies of formats (the store's own data is in A:C). */
const FORMAT_BACKUP_FIRST_COL = 4;

/** The undo journal of a write, built from the first read (before anything is written). */
interface Journal {
  cells: CellSnapshot[];
  fills: FillSnapshot[];
  marks: MarkRecord[];
  widths: { address: string; width: number }[];
  clearFormats: string[];
  formatBackups: { backup: string; target: string }[];
}

const at = (m: unknown[][], row: number, col: number): unknown => m[row]?.[col] ?? "";

function journalFromRead(
  plan: WritePlan,
  scored: Extract<ScoreResult, { ok: true }>,
  sheet: SheetData,
  standardWidth: number,
  ledger: LedgerScoring | null,
): Journal {
  const { layout } = scored;
  const { origin } = sheet;
  const formatAt = (r: number, c: number) => (sheet.numberFormat[r]?.[c] as string | undefined) ?? "General";
  const cells: CellSnapshot[] = [
    ...plan.blocks.map((b) => ({
      address: rangeAddress(b.row, b.col, b.values.length, b.values[0].length, origin),
      formulas: b.values.map((row, i) => row.map((_, j) => at(sheet.formulas, b.row + i, b.col + j))),
      numberFormat: b.values.map((row, i) => row.map((_, j) => formatAt(b.row + i, b.col + j))),
    })),
    // Headers of appended columns were empty (planResultWrite refuses otherwise).
    ...plan.headers.map((h) => ({ address: cellAddress(h.row, h.col, origin), formulas: [[""]], numberFormat: [[formatAt(h.row, h.col)]], wrote: [[h.text]] })),
    // The ledger's Tự chấm and Điểm, on their own sheet: undo gives back a cell that still holds what was written.
    ...(ledger?.ledgerBlocks ?? []).map((b) => ({
      address: rangeAddress(b.row, b.col, b.values.length, 1, ledger!.ledger.origin),
      sheet: LEDGER_SHEET,
      formulas: b.values.map((_, i) => [at(ledger!.ledger.formulas, b.row + i, b.col)]),
      numberFormat: b.numberFormat,
      wrote: b.values.map((r) => [...r]),
    })),
  ];
  const previousMarks = new Map(plan.keptMarks.map((m) => [m.address, m]));
  const marked = new Map(plan.marks.map((m) => [m.address, MARK_FILL[m.severity] as string]));
  // Undo gives each cell the fill it shows now (its own fill, or the mark it had), if it still shows the add-in's.
  const fills: FillSnapshot[] = [
    // Cells marked for the first time: no own fill is the likely case; the write batch checks it.
    ...plan.marks.filter((m) => !previousMarks.has(m.address)).map((m) => ({ address: m.address, color: null, set: marked.get(m.address)! })),
    ...plan.keptMarks.map((m) => ({ address: m.address, color: m.mark, set: marked.get(m.address)! })),
    ...plan.unmark.map((m) => ({ address: m.address, color: m.mark, set: m.color })),
  ];
  const marks: MarkRecord[] = plan.marks.map((m) => ({
    sheet: sheet.name,
    address: m.address,
    color: previousMarks.get(m.address)?.color ?? null,
    mark: MARK_FILL[m.severity],
  }));
  const appended = plan.columns.filter((c) => c.isNew);
  const span = layout.lastRow - layout.headerTop + 1;
  const widths = appended.map((c) => ({ address: rangeAddress(layout.headerTop, c.col, span, 1, origin), width: standardWidth }));
  const formatBackups: Journal["formatBackups"] = [];
  const clearFormats: string[] = [];
  appended.forEach((c, i) => {
    if (features.copyFrom()) {
      // The cells were empty but may carry the user's formats (borders, fills): a copy of those formats
      // goes to the add-in's own sheet, so that undo can give them back whatever the number of rows.
      formatBackups.push({ backup: rangeAddress(0, FORMAT_BACKUP_FIRST_COL + i, span, 1), target: rangeAddress(layout.headerTop, c.col, span, 1, origin) });
    } else {
      clearFormats.push(rangeAddress(layout.headerTop, c.col, layout.headerRow - layout.headerTop + 1, 1, origin));
    }
  });
  return { cells, fills, marks, widths, clearFormats, formatBackups };
}

function stateAfter(state: StoreState, plan: WritePlan, sheet: string, run: LastRun, journal: Journal): StoreState {
  const { undo: _previousUndo, ...previousState } = state;
  void _previousUndo;
  return {
    ...state,
    written: plan.written,
    marks: [...(state.marks ?? []).filter((m) => m.sheet !== sheet), ...journal.marks],
    lastRun: run,
    undo: {
      action: "score",
      at: run.at,
      sheet,
      cells: journal.cells,
      fills: journal.fills,
      clearFormats: journal.clearFormats,
      formatBackups: journal.formatBackups,
      columnWidths: journal.widths,
      previousState,
    },
  };
}

/**
 * Queues, at the head of the write batch, loads of what the writes replace: the result cells (content
 * and number format), the own fill of cells marked for the first time, the widths of appended columns.
 */
function queueChecks(sheetOf: (name: string | undefined) => Excel.Worksheet, journal: Journal, plan: WritePlan) {
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
    edited(sheet: SheetData): { address: string; sheet?: string; formula: unknown; numberFormat: string }[] {
      const out: { address: string; sheet?: string; formula: unknown; numberFormat: string }[] = [];
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
function queueResultWrite(ws: Excel.Worksheet, plan: WritePlan, scored: Extract<ScoreResult, { ok: true }>, origin: Origin) {
  const { layout } = scored;
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
 * already), cutting large blocks by rows: the one chunker, over the blocks' rows.
 */
export function batchBlocks<B extends WriteBlock & { sheet?: string }>(blocks: readonly B[], budget: number, first = 0): (WriteBlock & { sheet?: string })[][] {
  const rows = blocks.flatMap((block, b) => block.values.map((_, i) => ({ b, i })));
  // In the request, a row's values and formats, with the separators around them.
  const perRow = ({ b, i }: { b: number; i: number }) => jsonBytes(blocks[b].values[i]) + jsonBytes(blocks[b].numberFormat[i]) + 4 * blocks[b].values[i].length;
  return chunkByBytes(rows, perRow, budget, first).map((chunk) => {
    const out: (WriteBlock & { sheet?: string })[] = [];
    for (const { b, i } of chunk) {
      const last = out[out.length - 1];
      const block = blocks[b];
      if (last && last.col === block.col && last.row + last.values.length === block.row + i && (last as { b?: number }).b === b) {
        last.values.push(block.values[i]);
        last.numberFormat.push(block.numberFormat[i]);
      } else
        out.push(
          Object.defineProperty(
            {
              row: block.row + i,
              col: block.col,
              values: [block.values[i]],
              numberFormat: [block.numberFormat[i]],
              ...(block.sheet !== undefined ? { sheet: block.sheet } : {}),
            },
            "b",
            { value: b },
          ),
        );
    }
    return out;
  });
}

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
