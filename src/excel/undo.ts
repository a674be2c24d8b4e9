import { PackedAnnex, unpackAnnex } from "../core/annex";
import { actionName, logEntry, withLog } from "../core/log";
import { currentActor } from "./actor";
import { CellSnapshot, STORE_SHEET, StoreState, UndoJournal, writtenCells } from "../core/store";
import { checkUndoJournal, STORE_MESSAGES } from "../core/store-check";
import { both, hhmm } from "../core/catalogue";
import { BYTES_PER_SYNC, chunkByBytes, features, hostErrorMessage, jsonBytes } from "./host";
import { ownedAnnexSheet, renderAnnexInto, renderAnnexOffice } from "./annex";
import { excelBoth, excelMessage } from "./messages";
import { isExplanationTitle } from "../core/explanation";
import { restoreLoopSheets } from "./sheet-render";
import { ANNEX_BACKUP_SHEET } from "./scoring";
import { isGrouped, queueStoreRead, queueStoreWrite, RunAgain, runWriting, StoreRead, syncReadingStore } from "./store";
import { renderSheetOffice } from "./sheet-render";
import { SheetDescription } from "../core/sheet";
import { UndoLeft, UndoLeftCode, UndoOutcome } from "./types";

/** A1 address of the cell at (i, j) of a block that starts at `address`. */
function cellIn(address: string, i: number, j: number): string {
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  col += j;
  let letters = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${Number(m[2]) + i}`;
}

/** What an undo could not give back on this host, worded per language from its code and cells. */
export function undoLeft(code: UndoLeftCode, sheet: string, cells: string[]): UndoLeft {
  return { code, sheet, cells, ...excelBoth(code, { sheet, cells }) };
}

/**
 * What this host can do of an undo, decided before anything is written: the features above the
 * manifest's minimum (ExcelApi 1.4) the journal would use. Where one is missing and the part can be
 * given back another way, it is (formats copied aside → cleared to the default) and said in `left`.
 */
function planUndoFeatures(undo: UndoJournal): { copyFormats: boolean; left: UndoLeft[] } {
  const backups = undo.formatBackups ?? [];
  if (backups.length === 0 || features.copyFrom()) return { copyFormats: true, left: [] };
  return {
    copyFormats: false,
    left: [
      undoLeft(
        "formatsNotRestored",
        undo.sheet,
        backups.map((b) => b.target),
      ),
    ],
  };
}

const sameFill = (a: string | null | undefined, b: string | null | undefined) => (a ?? "").toUpperCase() === (b ?? "").toUpperCase();

/**
 * "Hoàn tác": gives back, once, what the last "Tính điểm" or "Tạo phụ lục" changed: cell contents and
 * number formats, fills, appended columns, or the previous annex. Only cells that still hold what the
 * add-in wrote are restored; cells edited since are listed and left alone. At most 3 syncs: the state;
 * what the cells hold now (after "Tính điểm" only); the restoring batch with the state.
 */
export async function undoLast(expected?: { action: UndoJournal["action"]; at: string } | null): Promise<UndoOutcome> {
  // An added sheet goes (Biểu đồ, Giải trình): deleting a sheet cannot be part of an undo group; known from what the
  // pane offers, the action runs outside it from the start (from the ribbon, it finds out after its first read).
  const plain = expected?.action === "chart" || expected?.action === "explain";
  try {
    return await runWriting(
      async (context) => {
        const sheets = context.workbook.worksheets;
        const store = await readForUndo(context); // 1: read
        const state = store.state();
        const undo = state.undo;
        // The journal is checked whole (shape, sizes, addresses) before anything is written from it.
        const damaged = store.issues().find((i) => i.key === "undo")?.problem ?? (undo ? checkUndoJournal(undo, "undo") : null);
        if (damaged) return { kind: "refused", ...both(STORE_MESSAGES, "undoJournal", { problem: damaged, sheet: STORE_SHEET }) };
        // The action the pane offers to undo is no longer the last one recorded: Ctrl+Z in Excel took it back (with the
        // add-in's state, written in the same undo group), or another action came since.
        if (expected && (!undo || undo.action !== expected.action || undo.at !== expected.at))
          return {
            kind: "nothing",
            ...excelBoth("undoAlreadyUndone", { time: hhmm(expected.at) }),
            current: undo ? { action: undo.action, at: undo.at, sheet: undo.sheet } : null,
          };
        if (!undo) return { kind: "nothing", ...excelBoth("undoNothing", {}) };
        const items = sheets.items;
        const names = items.map((s) => s.name);
        // Every feature the undo needs is checked here, before the first write.
        const plan = planUndoFeatures(undo);

        let leftAlone: string[] = [];
        let restoredAnnexId: string | undefined;
        let unfinished = false;
        if (undo.action === "score" || undo.action === "merge" || undo.action === "encoding") {
          if (!names.includes(undo.sheet)) {
            return { kind: "refused", ...excelBoth("undoSheetGone", { sheet: undo.sheet }) };
          }
          // "Gộp phiếu": its "Tự đánh giá" and "Chênh lệch" sheets go, the ones before it come back; in an undo group
          // they are written again in place, or (none before) the action leaves the group: deleting a sheet clears the stack.
          const loopInPlace = undo.action === "merge" && isGrouped(context) && loopSheetsInPlace(names, state.loopSheets, undo.previousLoopSheets);
          if (undo.action === "merge" && isGrouped(context) && !loopInPlace && state.loopSheets) throw new RunAgain("plain");
          leftAlone = await undoScore(context, sheets.getItem(undo.sheet), undo, state, plan.copyFormats);
          if (loopInPlace) {
            for (const d of [undo.previousLoopSheets!.self, undo.previousLoopSheets!.diff] as SheetDescription[]) {
              const ws = sheets.getItem(d.sheetName);
              ws.getRange().clear(Excel.ClearApplyTo.all);
              renderSheetOffice(ws, d);
            }
          } else if (undo.action === "merge") restoreLoopSheets(sheets, names, state.loopSheets, undo.previousLoopSheets);
        } else if (undo.action === "chart" || undo.action === "explain") {
          // Deleting the sheet cannot be undone in Excel: outside the undo group (Ctrl+Z also takes the sheet back, whole).
          if (isGrouped(context)) throw new RunAgain("plain");
          const refusal = await removeAddedSheet(context, undo, items); // 2: whether it is still the add-in's
          if (refusal) return refusal;
        } else if (undo.inPlace && undo.previousAnnex?.description) {
          // An annex written over the previous one in place (undo group): the previous one is written back the same way.
          const owned = ownedAnnexSheet(state, items);
          if (!owned) return { kind: "refused", ...excelBoth("undoSheetGone", { sheet: undo.sheet }) };
          const previous = unpackAnnex(undo.previousAnnex.description as PackedAnnex);
          await renderAnnexInto(context, sheets.getItem(owned), previous, 0, true);
          restoredAnnexId = items.find((s) => s.name === owned)?.id;
        } else {
          // The first annex goes (a sheet deleted), or an annex swapped under another name comes back (renamed,
          // shown): neither can be part of an undo group.
          if (isGrouped(context)) throw new RunAgain("plain");
          const r = undoAnnex(context, state, undo, items);
          restoredAnnexId = r.restoredId;
          unfinished = r.unfinished;
          // An older workbook's journal carries the previous annex's description: render it (more syncs).
          if (r.legacy) restoredAnnexId = await renderLegacyAnnex(context, r.legacy, r.position);
        }
        // The log keeps every entry: "Hoàn tác" is one more.
        const restored = withLog(
          stateAfterUndo(state, undo, restoredAnnexId),
          logEntry({
            at: new Date().toISOString(),
            action: "undo",
            by: currentActor(),
            via: "pane",
            sheet: undo.sheet,
            note: `${actionName(undo.action, "vi")} ${undo.at}`,
          }),
        );
        await queueStoreWrite(context, store, restored);
        await context.sync(); // the restoring batch and the state, together

        const undone = (
          {
            score: "undoneScore",
            merge: "undoneMerge",
            encoding: "undoneEncoding",
            annex: "undoneAnnex",
            chart: "chartUndone",
            explain: "explainUndone",
          } as const
        )[undo.action];
        const done = excelBoth(undone, { time: hhmm(undo.at), sheet: undo.sheet });
        const extra = leftAlone.length > 0 ? excelMessage("undoLeftEdited", { cells: leftAlone }) : unfinished ? excelMessage("annexUnfinished", {}) : null;
        return {
          kind: "done",
          message: extra ? `${done.message} ${extra.vi}` : done.message,
          messageEn: extra ? `${done.messageEn} ${extra.en}` : done.messageEn,
          leftAlone,
          lastRun: restored.lastRun ?? null,
          ...(plan.left.length > 0 ? { left: plan.left } : {}),
        };
      },
      { plain },
    );
  } catch (e) {
    return { kind: "refused", message: hostErrorMessage(e), messageEn: hostErrorMessage(e, "en") };
  }
}

/** Sync 1: the store (in blocks past the response limit) and the sheets' names, positions, ids and visibility. */
async function readForUndo(context: Excel.RequestContext): Promise<StoreRead> {
  const queued = queueStoreRead(context);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name, items/position, items/id, items/visibility");
  const store = await syncReadingStore(context, queued);
  if (store !== queued) {
    sheets.load("items/name, items/position, items/id, items/visibility"); // the failed sync delivered nothing
    await context.sync();
  }
  return store;
}

/**
 * Undo of "Biểu đồ" or "Giải trình": the sheet it added goes, if it is still the add-in's (of that
 * name, holding a chart, or a Giải trình title in A1; one sync to see). A refusal otherwise.
 */
async function removeAddedSheet(context: Excel.RequestContext, undo: UndoJournal, items: Excel.Worksheet[]): Promise<UndoOutcome | null> {
  const chart = undo.action === "chart";
  const ws = items.find((s) => s.name === undo.sheet);
  if (!ws) {
    const m = excelMessage(chart ? "chartSheetGone" : "explainSheetGone", { sheet: undo.sheet });
    return { kind: "refused", message: m.vi, messageEn: m.en };
  }
  const charts = chart ? ws.charts.getCount() : null;
  const first = chart ? null : ws.getRange("A1").load("values");
  await context.sync();
  if (charts ? charts.value === 0 : !isExplanationTitle(first!.values[0][0])) {
    const m = excelMessage(chart ? "chartSheetNotOurs" : "explainSheetNotOurs", { sheet: undo.sheet });
    return { kind: "refused", message: m.vi, messageEn: m.en };
  }
  ws.delete();
  return null;
}

/** An older journal's previous annex, kept as its description: rendered again under its name and place. Returns the new sheet's id. */
async function renderLegacyAnnex(
  context: Excel.RequestContext,
  legacy: { sheetName: string; description: unknown },
  position: number | undefined,
): Promise<string> {
  const previous = unpackAnnex(legacy.description as PackedAnnex);
  const ws = context.workbook.worksheets.add(legacy.sheetName);
  if (position !== undefined) ws.position = position;
  const moreRows = renderAnnexOffice(ws, previous);
  ws.load("id");
  await context.sync();
  for (const step of moreRows) {
    step();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block past the request size limit, never per row
    await context.sync();
  }
  return ws.id;
}

/** Whether the loop sheets the merge made can take back the previous ones in place (same names, both there). */
function loopSheetsInPlace(
  names: string[],
  current: { self: string; diff: string } | undefined,
  previous: { self: unknown; diff: unknown } | null | undefined,
): boolean {
  if (!current || !previous) return false;
  const p = previous as { self: SheetDescription; diff: SheetDescription };
  return p.self.sheetName === current.self && p.diff.sheetName === current.diff && names.includes(current.self) && names.includes(current.diff);
}

/** Only what the action changed goes back; rules or a decision saved since stay as they are. */
function stateAfterUndo(state: StoreState, undo: UndoJournal, restoredAnnexId: string | undefined): StoreState {
  const { undo: _done, ...current } = state;
  void _done;
  const prev = undo.previousState;
  if (undo.action === "encoding" || undo.action === "chart" || undo.action === "explain") return current;
  if (undo.action === "score") return { ...current, written: prev.written, marks: prev.marks, lastRun: prev.lastRun };
  if (undo.action === "merge") return { ...current, selfAssessments: prev.selfAssessments, loopSheets: prev.loopSheets };
  const annex = prev.annex && restoredAnnexId ? { ...prev.annex, sheetId: restoredAnnexId } : prev.annex;
  const { annexDescription: _d, ...rest } = current;
  void _d;
  return { ...rest, annex, ...(prev.annexDescription !== undefined ? { annexDescription: prev.annexDescription } : {}) };
}

/**
 * Queues the restoring of a "Tính điểm": reads what the journal's cells and marks hold now (1 sync),
 * then queues the restoring of those that still hold what the add-in wrote. Returns the cells left alone.
 */
async function undoScore(context: Excel.RequestContext, ws: Excel.Worksheet, undo: UndoJournal, state: StoreState, copyFormats: boolean): Promise<string[]> {
  const withPattern = features.fillPattern();
  const now = undo.cells.map((c) => {
    const range = ws.getRange(c.address);
    range.load("formulas");
    return range;
  });
  const fills = undo.fills.map((f) => {
    const fill = ws.getRange(f.address).format.fill;
    fill.load(withPattern ? "color, pattern" : "color");
    return fill;
  });
  await context.sync(); // 2: what the cells hold now

  const wrote = writtenCells(state.written, undo.sheet);
  const leftAlone: string[] = [];
  // Each block goes back whole, with null (leave the cell alone) where someone wrote since.
  const restore: CellSnapshot[] = undo.cells.map((c, k) => {
    const current = now[k].formulas as unknown[][];
    const formulas = c.formulas.map((row, i) =>
      row.map((before, j) => {
        const address = cellIn(c.address, i, j);
        // What the add-in wrote there: known for "Tính điểm" (its written record) and where the journal says;
        // a journal that does not say ("Gộp phiếu") restores as before.
        const ours = c.wrote ? c.wrote[i][j] : undo.action === "score" ? (wrote.get(address) ?? "") : undefined;
        if (ours === undefined || current[i][j] === ours || current[i][j] === before) return before;
        leftAlone.push(address);
        return null;
      }),
    );
    const numberFormat = c.numberFormat.map((row, i) => row.map((f, j) => (formulas[i][j] === null ? null : f))) as string[][];
    return { address: c.address, formulas, numberFormat };
  });

  for (const address of undo.clearFormats ?? []) ws.getRange(address).clear(Excel.ClearApplyTo.formats);
  for (const b of undo.formatBackups ?? []) {
    // Without Range.copyFrom (below ExcelApi 1.9) the columns go back to the default formats.
    if (copyFormats) ws.getRange(b.target).copyFrom(`'${STORE_SHEET}'!${b.backup}`, Excel.RangeCopyType.formats);
    else ws.getRange(b.target).clear(Excel.ClearApplyTo.formats);
    context.workbook.worksheets.getItem(STORE_SHEET).getRange(b.backup).clear(Excel.ClearApplyTo.formats);
  }
  for (const w of undo.columnWidths ?? []) ws.getRange(w.address).format.columnWidth = w.width;
  // Past the request limit (tens of thousands of rows), the cells go back in several syncs.
  const chunks = chunkByBytes(restore, (c) => jsonBytes(c), BYTES_PER_SYNC / 2);
  for (let k = 0; k < chunks.length; k++) {
    for (const c of chunks[k]) {
      const range = ws.getRange(c.address);
      range.numberFormat = c.numberFormat;
      range.formulas = c.formulas as (string | number | boolean)[][];
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block past the request size limit, never per row
    if (k < chunks.length - 1) await context.sync();
  }
  for (const f of undo.fonts ?? []) ws.getRange(f.address).format.font.name = f.name;
  undo.fills.forEach((f, k) => {
    // No fill reads back as white; with ExcelApi 1.9 the pattern tells the two apart.
    const color = fills[k].color;
    const shows = withPattern ? (fills[k].pattern === Excel.FillPattern.none ? null : color) : sameFill(color, "#FFFFFF") ? null : color;
    // Already as it was (a batch that failed before this mark): nothing to do.
    if (f.set !== undefined && sameFill(shows, f.color)) return;
    // A cell whose fill someone changed since keeps it (older journals, without `set`, restore as before).
    if (f.set !== undefined && !sameFill(shows, f.set)) {
      leftAlone.push(f.address);
      return;
    }
    const fill = ws.getRange(f.address).format.fill;
    if (f.color) fill.color = f.color;
    else fill.clear();
  });
  return [...new Set(leftAlone)];
}

/**
 * Queues the restoring of a "Tạo phụ lục": the annex it made goes, the one it replaced (kept very hidden)
 * comes back under its name and at its place. Robust to a batch that failed part-way: a half-built
 * annex under the temporary name is removed, a previous annex never renamed is left where it is.
 */
function undoAnnex(
  context: Excel.RequestContext,
  state: StoreState,
  undo: UndoJournal,
  items: Excel.Worksheet[],
): { restoredId?: string; unfinished: boolean; legacy?: { sheetName: string; description: unknown }; position?: number } {
  const byName = (name: string | undefined) => (name ? items.find((s) => s.name === name) : undefined);
  const building = byName(undo.buildSheet);
  const backup = byName(undo.previousAnnex?.backup ?? (undo.previousAnnex && !undo.previousAnnex.description ? ANNEX_BACKUP_SHEET : undefined));
  const previous = undo.previousAnnex;
  // The batch failed before the new annex took its name: the old one (if any) is still in place.
  const unfinished = !!building || (!!previous && !previous.description && !backup);
  if (building) building.delete();
  if (unfinished) {
    if (backup && previous) {
      backup.name = previous.sheetName;
      backup.visibility = Excel.SheetVisibility.visible;
    }
    return { unfinished: true, restoredId: backup?.id ?? previous?.sheetId };
  }
  const ownedName = ownedAnnexSheet(state, items);
  const current = byName(ownedName);
  const position = current?.position;
  if (current) current.delete();
  if (!previous) return { unfinished: false };
  if (backup) {
    backup.visibility = Excel.SheetVisibility.visible;
    backup.name = previous.sheetName;
    if (position !== undefined) backup.position = position;
    return { unfinished: false, restoredId: backup.id };
  }
  void context;
  return { unfinished: false, legacy: { sheetName: previous.sheetName, description: previous.description }, position };
}
