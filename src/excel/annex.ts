import { AnnexDescription, annexGate, annexNotice, annexGrid, annexPrint, packAnnex, StyleName } from "../core/sheets/annex";
import { concludedSheet, DifferencesRead, queueDifferencesRead } from "./conclusions";
import { logEntry, withLog } from "../core/store/log";
import { currentActor } from "./actor";
import { DecisionMetadata, provinceMissing, withProvince } from "../core/rules/metadata";
import { ScoreResult, scoreSheet } from "../core/grid/scoring";
import { STORE_SHEET, StoreState } from "../core/store/store";
import { BYTES_PER_SYNC, chunkByBytes, features, jsonBytes, OP_BYTES, readOrInBlocks } from "./host";
import { applyPrintLayout, applyStyle, frame, heightRuns, outline, setColumnWidths, setRowHeights } from "./sheet-render";
import {
  ANNEX_BACKUP_SHEET,
  hostRefusal,
  queuePreviousSheet,
  queueSheetRead,
  readSheetInBlocks,
  rulesOf,
  SheetData,
  sheetRefusal,
  SheetRead,
} from "./sheet-read";
import { isGrouped, queueStoreRead, queueStoreWrite, readStoreInBlocks, RunAgain, runWriting, StoreRead, writeRuns } from "./store";
import { hasCellsEditedEvent, queueCellsEdited } from "./selection-events";
import { AnnexOutcome, findingView, PrintStep } from "./types";
import { ExcelPort, sheetState } from "./port";
import { annexMetadata, planAnnex, writeAnnex as writeAnnexFlow } from "../core/flows/annex";
import { rangeAddress } from "../core/base/address";
import { checkStale } from "../core/grid/stale";
import { EXPLAIN_MESSAGES } from "../core/findings/explain-messages";
import { both } from "../core/base/catalogue";
import { LOCK_MESSAGES, sheetAgainstLock } from "../core/store/lock";
import { LINEAGE_SHEET } from "../core/rules/lineage";
import { lastYearOnSheet } from "../core/flows/previous";
import { excelBoth, PRINT_STEPS, PrintStepCode, PrintStepParams } from "./messages";
import { annexPreviousProblemText, Comparison } from "../core/grid/previous";

/** What to set by hand when the host has no page-layout API (below ExcelApi 1.9). */
export function manualPrintSteps(annex: AnnexDescription): PrintStep[] {
  const p: PrintStepParams = { row: annex.print.repeatRows.first + 1, margins: annex.print.margins };
  const codes: PrintStepCode[] = ["orientation", "paper", "printTitles", "fitToWidth", "margins", "pageNumbers"];
  return codes.map((code) => ({ code, ...both(PRINT_STEPS, code, p) }));
}

/**
 * Writes an annex description into a (new, empty) worksheet: values as text, fonts, alignment,
 * borders, merges, widths, heights and, where the host has it, the print setup. A constant number
 * of operations per style plus one per row height; no sync here.
 */
export function renderAnnexOffice(ws: Excel.Worksheet, annex: AnnexDescription, first = 0): (() => void)[] {
  const all = ws.getRange(rangeAddress(0, 0, annex.rowCount, annex.colCount));
  // Text stays text: in a cell formatted "@" (set first, in the same batch) Excel takes "=…", "- …" or
  // "0,998" as typed, never as a formula or a number. Past the request limit (thousands of rows),
  // the texts go in further blocks of rows, one sync each: the caller runs the returned steps.
  const grid = annexGrid(annex);
  // The texts, and their "@" formats (6 bytes a cell in the request's JSON), by blocks of rows.
  const rowIndices = grid.map((_, r) => r);
  // The first block shares its batch with what the caller queued (`first` bytes) and with the formatting
  // below: a few operations per style, one per merge, column and run of rows of equal height.
  const formatOps = 64 + 8 * (annex.table.sectionRows.length + 8) + annex.merges.length + annex.columnWidths.length + heightRuns(annex.rowHeights).length;
  const textBlocks: [number, number][] = chunkByBytes(
    rowIndices,
    (r) => jsonBytes(grid[r]) + 6 * annex.colCount,
    BYTES_PER_SYNC,
    first + OP_BYTES * formatOps,
  ).map((rows) => (rows.length ? [rows[0], rows[rows.length - 1] + 1] : [0, 0]));
  const writeRows = ([from, to]: [number, number]) => {
    if (to <= from) return;
    const range = ws.getRange(rangeAddress(from, 0, to - from, annex.colCount));
    range.numberFormat = grid.slice(from, to).map((row) => row.map(() => "@"));
    range.values = grid.slice(from, to);
  };
  writeRows(textBlocks[0]);
  all.format.font.name = annex.font;
  all.format.font.size = annex.styles.cell.size;
  all.format.verticalAlignment = Excel.VerticalAlignment.center;

  // Styles by blocks of cells sharing one.
  const byStyle = new Map<StyleName, { row: number; col: number }[]>();
  for (const c of annex.cells) {
    const list = byStyle.get(c.style);
    if (list) list.push(c);
    else byStyle.set(c.style, [c]);
  }
  const { headerRow, firstRow, lastRow } = annex.table;
  const blocks: { style: StyleName; address: string }[] = [
    { style: "title", address: rangeAddress(0, 0, 1, annex.colCount) },
    { style: "subject", address: rangeAddress(1, 0, 1, annex.colCount) },
    { style: "reference", address: rangeAddress(2, 0, 1, annex.colCount) },
    { style: "header", address: rangeAddress(headerRow, 0, 1, annex.colCount) },
  ];
  if (lastRow >= firstRow) {
    blocks.push({ style: "cell", address: rangeAddress(firstRow, 0, lastRow - firstRow + 1, annex.colCount) });
    blocks.push({ style: "cellLeft", address: rangeAddress(firstRow, 1, lastRow - firstRow + 1, 1) });
  }
  for (const r of annex.table.sectionRows) blocks.push({ style: "section", address: rangeAddress(r, 0, 1, annex.colCount) });
  const notes = byStyle.get("note") ?? [];
  const notesTitle = byStyle.get("notesTitle") ?? [];
  for (const c of notesTitle) blocks.push({ style: "notesTitle", address: rangeAddress(c.row, 0, 1, 1) });
  if (notes.length) blocks.push({ style: "note", address: rangeAddress(notes[0].row, 0, notes.length, annex.colCount) });
  for (const b of blocks) applyStyle(ws.getRange(b.address), annex.styles[b.style]);
  const table = ws.getRange(rangeAddress(headerRow, 0, lastRow - headerRow + 1, annex.colCount));
  frame(table, [...outline(), Excel.BorderIndex.insideHorizontal, Excel.BorderIndex.insideVertical]);
  for (const m of annex.merges) ws.getRange(rangeAddress(m.row, m.col, m.rows, m.cols)).merge(false);
  setColumnWidths(ws, annex.columnWidths);
  setRowHeights(ws, annex.rowHeights);
  if (features.showGridlines()) ws.showGridlines = false;
  applyPrintLayout(ws, annexPrint(annex));
  return textBlocks.slice(1).map((block) => () => writeRows(block));
}

/**
 * The annex sheet the add-in made, if it is still there: found by its worksheet id (a sheet the user
 * makes later under the same name is not it), or by name for an annex the command line made.
 */
export function ownedAnnexSheet(state: StoreState, sheets: { name: string; id: string }[]): string | undefined {
  const annex = state.annex;
  if (!annex) return undefined;
  if (annex.sheetId) return sheets.find((s) => s.id === annex.sheetId)?.name;
  return sheets.some((s) => s.name === annex.sheetName) ? annex.sheetName : undefined;
}

/** The temporary name a new annex is built under, before it replaces the old one. */
export const ANNEX_BUILD_SHEET = "XepHangCNTT_PhuLucMoi";

/**
 * "Tạo phụ lục": scores the grid afresh, builds the annex in the core and renders it into a new sheet
 * under a temporary name; only then does it take the annex's name and place, the annex it replaces being
 * kept very hidden for "Hoàn tác" (a failure never leaves no annex). A user's sheet of that name is never
 * touched. At most 3 syncs: read; the batch (state and undo journal first, then the annex); the new
 * sheet's id (carried by the batch's last sync instead when the annex's texts take more than one, past the
 * request limit). From the annex sheet itself, the grid's sheet is read in a second sync and the id is not
 * recorded (the annex is then known by its name). With error findings it does nothing until the caller
 * confirms (`confirmErrors`).
 */
export async function generateAnnex(opts: { confirmErrors: boolean; source?: "pane" | "ribbon" }): Promise<AnnexOutcome> {
  try {
    return await runWriting(async (context) => {
      const read = await readOrReuse(context, opts.confirmErrors); // 1 (2 from the annex sheet)
      if (!read.ok) return read.refusal;
      const { store, state, items, names, owned, fromAnnexSheet, lineageSheet } = read;
      const rules = rulesOf(state);
      // The council's conclusions count as in "Tính điểm"; the differences left without one are listed before the annex.
      const concluded = concludedSheet(read.sheet, read.differencesSheet, rules, state.loopSheets?.diff, true);
      const sheet = concluded ? { ...read.sheet, values: concluded.values } : read.sheet;
      const scoredSheet = scoreSheet(sheet.values, rules, sheet.origin);
      if (!scoredSheet.ok) return sheetRefusal(sheet.name, scoredSheet.error);
      const scored = concluded ? { ...scoredSheet, findings: [...scoredSheet.findings, ...concluded.findings] } : scoredSheet;
      const checked = checkAnnexInputs(state, sheet, scored, opts.confirmErrors, lineageSheet);
      if (!checked.ok) {
        // The question: its read is kept for the answer, unless the workbook changes before it comes.
        if (checked.refusal.kind === "needsConfirmation") keepForAnswer(read);
        return checked.refusal;
      }
      const { meta, lastYear } = checked;
      // Made again while the results are locked: only from results that still match the lock (the code it prints proves them).
      if (state.lock) {
        const differences = sheetAgainstLock(state.lock, sheet.name, sheet.values, scored, rules.json, meta, sheet.origin);
        if (differences.length > 0) {
          const cells = differences.map((d) => (d.cell === "sheet" ? `“${d.now}”` : d.cell));
          return {
            kind: "refused",
            ...both(LOCK_MESSAGES, "annexDiffersFromLock", { code: state.lock.code, cells }),
            cells: cells.filter((c) => /^[A-Z]+\d+$/.test(c)),
          };
        }
      }

      // The core's flow through the port (src/core/flows/annex.ts), as `score --annex` runs it on the package.
      const port = new ExcelPort<AnnexWritten>(context, { sheets: items.map((s) => ({ name: s.name, state: sheetState(s.visibility) })), grid: sheet, store });
      // Made again while the results are locked: the annex prints the lock's code too.
      const plan = planAnnex(port, { rules, rows: scored.rows, meta, comparison: lastYear, owned, lockCode: state.lock?.code });
      const { where, description } = plan;
      const replaced = where.replaces ? items.find((s) => s.name === where.name) : undefined;
      const at = new Date().toISOString();
      // In an undo group (ExcelApi 1.20) the annex is written over the old one in place: renaming, hiding and deleting
      // sheets would clear the user's undo stack. An annex made before, whose description was not kept, is replaced
      // as before, outside the group (once).
      const inPlace = isGrouped(context);
      // A locked annex is protected (unprotecting clears the undo stack too): it is replaced as before.
      // Made again while the results are locked, the annex is protected as the lock protects it (outside the group), and
      // "Mở chốt" unprotects it: also when it was first made after the lock.
      const protectAgain = state.lock !== undefined;
      if (inPlace && (protectAgain || (replaced && (!state.annexDescription || state.lock?.protectedSheets?.includes(replaced.name)))))
        throw new RunAgain("plain");
      // The new sheet's id: a sheet the user makes later under the same name is not the add-in's. Written with the
      // state's head in the batch's last sync when an earlier one brought it (an annex past the request limit).
      const recordId: IdWrite | undefined =
        !fromAnnexSheet && !(inPlace && replaced)
          ? async (id) => {
              newState.annex = { ...newState.annex!, sheetId: id };
              await queueStoreWrite(context, store, newState, true);
            }
          : undefined;
      port.writeAnnexWith((stateAfter, annex) =>
        inPlace
          ? writeAnnexInPlace(context, store, stateAfter, annex, replaced, recordId)
          : writeAnnex(context, store, stateAfter, annex, names, replaced, protectAgain, recordId),
      );
      const newState = writeAnnexFlow(port, plan, () => {
        const made = inPlace
          ? stateWithAnnexInPlace(state, where.name, sheet.name, replaced, description, at)
          : stateWithAnnex(state, where.name, sheet.name, replaced, at);
        return withLog(
          made.lock ? { ...made, lock: { ...made.lock, protectedSheets: [...new Set([...(made.lock.protectedSheets ?? []), where.name])] } } : made,
          logEntry({ at, action: "annex", by: currentActor(), via: opts.source ?? "pane", sheet: where.name, note: `${meta.number} ${meta.date}` }),
        );
      });
      const written = (await port.apply()).sheet!; // 2 (3 from the annex sheet)
      if (recordId && !written.idRecorded) {
        await recordId(written.ws.id);
        await context.sync(); // 3: the head of the state only
      }

      return {
        kind: "done",
        sheetName: where.name,
        collided: where.collidedWithUserSheet,
        manualPrintSteps: features.pageLayout() ? [] : manualPrintSteps(description),
        errorsIncluded: scored.summary.errors,
        undo: { action: "annex", at, sheet: where.name },
        ...(provinceMissing(meta) ? { notices: [annexNotice("provinceMissing", { issuer: withProvince(meta.issuer, ""), where: "pane" })] } : {}),
      };
    });
  } catch (e) {
    return hostRefusal(e);
  }
}

type Refused<T> = { ok: false; refusal: AnnexOutcome } | ({ ok: true } & T);
type AnnexRead = Extract<Awaited<ReturnType<typeof readForAnnex>>, { ok: true }>;

/**
 * Edits seen since this page subscribed (worksheets.onChanged, ExcelApi 1.9, on every sheet: the grid, the store, the
 * lineage, the conclusions; Excel raises it for the add-in's own writes too, EventArgs.triggerSource). The subscription
 * rides in the first annex read's batch, once per page (pane or ribbon), never removed: no sync of its own. Null
 * while there is none (below 1.9, or not yet): then the answer to the question reads again.
 */
let listening: { host: unknown; edits: number } | null = null;
/** The document's host (the page's Excel): a subscription belongs to the one it was made in. */
const hostNow = (): unknown => (typeof Office !== "undefined" ? Office.context?.document : undefined);
/** Edits counted by this page's subscription, or null when there is none (below ExcelApi 1.9, or not yet made). */
const editsSeen = (): number | null => (listening && listening.host === hostNow() ? listening.edits : null);
/** The question's read, kept for the answer “Vẫn tạo phụ lục”, with the edits and writes counted when it was made. */
let kept: { read: AnnexRead; edits: number; writes: number } | null = null;

/** Queues the subscription in the batch of `context` (once per page, at ExcelApi 1.9 and above); in effect once that batch ran. */
function queueEditsSubscription(context: Excel.RequestContext): typeof listening {
  if (editsSeen() !== null || !hasCellsEditedEvent()) return null;
  const subscription = { host: hostNow(), edits: 0 };
  queueCellsEdited(context, () => {
    subscription.edits++;
  });
  return subscription;
}

/** Keeps the question's read: values only (the store's as read), since its proxies die with its context. */
function keepForAnswer(read: AnnexRead): void {
  const edits = editsSeen();
  if (edits === null) return;
  const { store } = read;
  const [state, issues, rows, exists] = [store.state(), store.issues(), store.rows(), store.exists()];
  const values: StoreRead = { state: () => state, issues: () => issues, rows: () => rows, exists: () => exists, created: store.created };
  kept = { read: { ...read, store: values }, edits, writes: writeRuns() };
}

/**
 * The read the annex is made from. The answer to the question (confirmErrors) reuses the question's read when no edit
 * was seen since on any sheet, no other action wrote and the same sheet is active: one small sync for the sheets'
 * names, ids and the active sheet (the proxies of the question's batch belong to its finished context) instead of
 * the grid and the store again (3.7 MB at 10 000 agencies). Otherwise, and for the question itself, readForAnnex.
 */
async function readOrReuse(context: Excel.RequestContext, confirmErrors: boolean): Promise<Refused<AnnexRead>> {
  // The answer's own run is the one write since the question (a retry of it in the same run, RunAgain, still reuses).
  const reuse = confirmErrors && kept && kept.edits === editsSeen() && kept.writes === writeRuns() - 1 ? kept : null;
  if (!reuse) return readForAnnex(context);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name, items/position, items/id, items/visibility");
  const active = sheets.getActiveWorksheet();
  active.load("name");
  await context.sync();
  // An edit whose event came in while this sync ran, or another active sheet: read again (a second sync, rare).
  if (reuse.edits !== editsSeen() || active.name !== reuse.read.activeName) return readForAnnex(context);
  const items = sheets.items;
  return { ...reuse.read, items, names: items.map((s) => s.name), owned: ownedAnnexSheet(reuse.read.state, items) };
}

/**
 * Sync 1: the active sheet, the store and the sheet names (in blocks past the response limit). From
 * the annex sheet itself, the grid is on the sheet the annex was made from: read in a second sync.
 */
async function readForAnnex(context: Excel.RequestContext): Promise<
  Refused<{
    store: StoreRead;
    state: StoreState;
    items: Excel.Worksheet[];
    names: string[];
    owned: string | undefined;
    sheet: SheetData;
    fromAnnexSheet: boolean;
    /** The "Sáp nhập" sheet's values (null when the workbook has none), read in the first sync. */
    lineageSheet: unknown[][] | null;
    /** The "Chênh lệch" sheet (the council's conclusions), read in the first sync. */
    differencesSheet: DifferencesRead | null;
    /** The sheet active when read (the annex sheet when made again from it). */
    activeName: string;
  }>
> {
  const sheets = context.workbook.worksheets;
  const loadSheets = () => sheets.load("items/name, items/position, items/id, items/visibility");
  loadSheets();
  let subscribed = queueEditsSubscription(context);
  // The lineage as a table, read with the rest: the annex names predecessors from the lineage "Tính điểm" compared through.
  let lineageSheet = queuePreviousSheet(context, LINEAGE_SHEET);
  let differencesSheet = queueDifferencesRead(context);
  const first = await readOrInBlocks(context, { store: queueStoreRead(context), sheet: queueSheetRead(sheets.getActiveWorksheet()) as SheetRead }, async () => {
    loadSheets(); // the failed sync delivered nothing (the subscription neither)
    subscribed = queueEditsSubscription(context);
    lineageSheet = queuePreviousSheet(context, LINEAGE_SHEET);
    differencesSheet = queueDifferencesRead(context);
    return { store: await readStoreInBlocks(context), sheet: await readSheetInBlocks(context, sheets.getActiveWorksheet()) };
  });
  if (subscribed) listening = subscribed; // in effect from here on
  const store = first.store;
  const state = store.state();
  const items = sheets.items;
  const names = items.map((s) => s.name);
  const owned = ownedAnnexSheet(state, items);
  let sheet = first.sheet.result();
  const activeName = sheet.name;
  // Regenerating from the annex sheet itself: the grid is on the sheet it was made from.
  const fromAnnexSheet = !!state.annex && sheet.name === owned;
  if (fromAnnexSheet) {
    const current = sheet.name;
    const source = [state.annex!.source, state.lastRun?.sheet].find((n) => n && n !== current && names.includes(n));
    if (!source) {
      return { ok: false, refusal: { kind: "refused", ...excelBoth("annexFromAnnexSheet", {}), cells: [] } };
    }
    const ws = sheets.getItem(source);
    sheet = (await readOrInBlocks(context, queueSheetRead(ws) as SheetRead, () => readSheetInBlocks(context, ws))).result();
  }
  return { ok: true, store, state, items, names, owned, sheet, fromAnnexSheet, lineageSheet: lineageSheet(), differencesSheet: differencesSheet(), activeName };
}

/**
 * What must hold before an annex is made: the decision's details complete, results that agree with
 * the scores, last year's columns readable when chosen, errors confirmed, a sheet name that is not the
 * grid's or the add-in's own.
 */
function checkAnnexInputs(
  state: StoreState,
  sheet: SheetData,
  scored: Extract<ScoreResult, { ok: true }>,
  confirmErrors: boolean,
  lineageSheet: unknown[][] | null,
): Refused<{ meta: DecisionMetadata; lastYear: Comparison | null }> {
  // A year not stored is the one the grid's title names, else the year before the decision's.
  // No province given (the ribbon's annex, a workbook never opened in the pane): the one the grid's title names.
  const checkedMeta = annexMetadata(state.decision, sheet.values, scored.layout.headerTop, { provinceFromTitle: true });
  if (!checkedMeta.ok) {
    return { ok: false, refusal: { kind: "refused", ...excelBoth("annexMetadata", { problems: checkedMeta.problems }), cells: [] } };
  }
  const { meta } = checkedMeta;
  // Result columns that disagree with the scores (edited after "Tính điểm"): the annex would not
  // match what the sheet shows. Never made from them; the pane offers to score again first.
  const stale = checkStale(sheet.values, scored, sheet.origin);
  if (stale.stale) {
    const names = stale.agencies.map((a) => a.name);
    const cells = stale.agencies.flatMap((a) => a.cells);
    return { ok: false, refusal: { kind: "stale", ...both(EXPLAIN_MESSAGES, "staleResults", { names, cells }), agencies: names, cells } };
  }
  // Last year's columns, when the user chose them for the annex: read from the score sheet as "Tính
  // điểm" wrote them, rendered through the same core columns as the command line's --annex-previous.
  // The predecessors come from the lineage "Tính điểm" compared through (the "Sáp nhập" sheet when the workbook has one,
  // refused with its cell when unreadable, else the rules', with the 2025 entries it accepted); the two years and the rules
  // changed between them from what it kept in the store ("compared as published").
  const lastYear = meta.annexPrevious ? lastYearOnSheet(sheet, scored, state, lineageSheet) : null;
  if (lastYear && !lastYear.ok) return { ok: false, refusal: { kind: "refused", message: lastYear.message, messageEn: lastYear.messageEn, cells: [] } };
  if (lastYear?.problem) {
    const p = lastYear.problem;
    return {
      ok: false,
      refusal: {
        kind: "refused",
        message: annexPreviousProblemText(p, "vi"),
        messageEn: annexPreviousProblemText(p, "en"),
        cells: "cells" in p ? p.cells : [],
      },
    };
  }
  const refusal = annexGate(scored.findings, confirmErrors);
  if (refusal) {
    return {
      ok: false,
      refusal: {
        kind: "needsConfirmation",
        message: refusal.message,
        messageEn: refusal.messageEn,
        errors: refusal.errors.map((f) => findingView(sheet.name, f, { result: scored, values: sheet.values })),
      },
    };
  }
  if (meta.sheetName === STORE_SHEET || meta.sheetName === sheet.name || meta.sheetName === ANNEX_BUILD_SHEET || meta.sheetName === ANNEX_BACKUP_SHEET) {
    return { ok: false, refusal: { kind: "refused", ...excelBoth("annexSheetIsGrid", { sheet: meta.sheetName }), cells: [] } };
  }
  return { ok: true, meta, lastYear: lastYear?.ok ? lastYear.comparison : null };
}

/**
 * What the annex's journal keeps of the state before: only the entries "Hoàn tác" of an annex gives back (the annex
 * record, and its description where the journal does not carry it already), not the whole state — at 10 000
 * agencies the results' record and the last run alone are some 700 KB more to write.
 */
function annexStateBefore(state: StoreState, descriptionInJournal: boolean): Omit<StoreState, "undo"> {
  return {
    ...(state.annex !== undefined ? { annex: state.annex } : {}),
    ...(state.annexDescription !== undefined && !descriptionInJournal ? { annexDescription: state.annexDescription } : {}),
  };
}

/** The state after the annex: where it is and what it was made from, and the journal "Hoàn tác" needs (the annex it replaces, the state before). */
function stateWithAnnex(state: StoreState, annexSheet: string, source: string, replaced: Excel.Worksheet | undefined, at: string): StoreState {
  const previousState = annexStateBefore(state, false);
  return {
    ...state,
    annex: { sheetName: annexSheet, source },
    undo: {
      action: "annex",
      at,
      sheet: annexSheet,
      cells: [],
      fills: [],
      previousAnnex: replaced ? { sheetName: annexSheet, sheetId: replaced.id, position: replaced.position, backup: ANNEX_BACKUP_SHEET } : null,
      annexSheet,
      buildSheet: ANNEX_BUILD_SHEET,
      previousState,
    },
  };
}

/** The state after an annex written in place (undo group): the new annex's description kept, the old one in the journal. */
function stateWithAnnexInPlace(
  state: StoreState,
  annexSheet: string,
  source: string,
  replaced: Excel.Worksheet | undefined,
  description: AnnexDescription,
  at: string,
): StoreState {
  const previousState = annexStateBefore(state, !!replaced);
  return {
    ...state,
    annex: { sheetName: annexSheet, source, ...(replaced ? { sheetId: replaced.id } : {}) },
    annexDescription: packAnnex(description),
    undo: {
      action: "annex",
      at,
      sheet: annexSheet,
      cells: [],
      fills: [],
      inPlace: true,
      previousAnnex: replaced ? { sheetName: annexSheet, sheetId: replaced.id, position: replaced.position, description: state.annexDescription } : null,
      annexSheet,
      previousState,
    },
  };
}

/**
 * The batch in an undo group: the state and journal first, then the annex written into its sheet — the old annex's
 * sheet emptied (contents, formats, merges) or a new one — nothing renamed, moved, hidden or deleted. Returns the
 * sheet, its id loaded.
 */
async function writeAnnexInPlace(
  context: Excel.RequestContext,
  store: StoreRead,
  newState: StoreState,
  description: AnnexDescription,
  replaced: Excel.Worksheet | undefined,
  recordId?: IdWrite,
): Promise<AnnexWritten> {
  const queued = await queueStoreWrite(context, store, newState);
  const ws = replaced ? context.workbook.worksheets.getItem(replaced.name) : context.workbook.worksheets.add(description.sheetName);
  ws.load("id");
  const syncs = await renderAnnexInto(context, ws, description, queued, !!replaced);
  ws.activate();
  const idRecorded = await recordIdIfKnown(ws, syncs, recordId);
  await context.sync();
  return { ws, idRecorded };
}

/** The sheet an annex was written into (its id loaded), and whether the batch's last sync carried the state's head with that id. */
interface AnnexWritten {
  ws: Excel.Worksheet;
  idRecorded: boolean;
}

/** Queues the state's head with the new sheet's id into the batch's last sync, if an earlier sync of the batch already brought the id. */
type IdWrite = (id: string) => Promise<void>;

async function recordIdIfKnown(ws: Excel.Worksheet, syncsBefore: number, recordId: IdWrite | undefined): Promise<boolean> {
  if (!recordId || syncsBefore === 0) return false;
  await recordId(ws.id);
  return true;
}

/**
 * Renders an annex into `ws`, emptied first when it held one; syncs only past the request limit (blocks of rows).
 * Returns the syncs it made (0 when the annex fits the batch the caller syncs).
 */
export async function renderAnnexInto(context: Excel.RequestContext, ws: Excel.Worksheet, description: AnnexDescription, queued: number, empty: boolean) {
  if (empty) ws.getRange().clear(Excel.ClearApplyTo.all);
  const moreRows = renderAnnexOffice(ws, description, queued);
  for (const step of moreRows) {
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block past the request size limit, never per row
    await context.sync(); // only past the request limit: the rest of the texts, a block of rows each
    step();
  }
  return moreRows.length;
}

/**
 * The batch: the state and undo journal first (a protected structure refuses here, before any sheet
 * changes), leftovers of an earlier failed run, then the new annex under its temporary name (further
 * syncs only past the request limit); only then does it take the annex's name and place, the annex
 * it replaces kept aside, very hidden, for "Hoàn tác". Returns the new sheet, its id loaded.
 */
async function writeAnnex(
  context: Excel.RequestContext,
  store: StoreRead,
  newState: StoreState,
  description: AnnexDescription,
  names: readonly string[],
  replaced: Excel.Worksheet | undefined,
  protect = false,
  recordId?: IdWrite,
): Promise<AnnexWritten> {
  const sheets = context.workbook.worksheets;
  const queued = await queueStoreWrite(context, store, newState);
  if (names.includes(ANNEX_BUILD_SHEET)) sheets.getItem(ANNEX_BUILD_SHEET).delete();
  if (names.includes(ANNEX_BACKUP_SHEET)) sheets.getItem(ANNEX_BACKUP_SHEET).delete();
  const ws = sheets.add(ANNEX_BUILD_SHEET);
  ws.load("id");
  const syncs = await renderAnnexInto(context, ws, description, queued, false);
  if (replaced) replaced.name = ANNEX_BACKUP_SHEET;
  ws.name = description.sheetName;
  if (replaced) ws.position = replaced.position;
  ws.activate();
  if (replaced) replaced.visibility = Excel.SheetVisibility.veryHidden;
  // As "Chốt kết quả" protects it (no password: the lock does not keep one).
  if (protect) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
  // After the renames: should one fail, the head keeps no id of a sheet left under the temporary name.
  const idRecorded = await recordIdIfKnown(ws, syncs, recordId);
  await context.sync();
  return { ws, idRecorded };
}
