/**
 * "Giải trình": a new sheet with one printable page per agency (or per selected agency) saying how
 * its result came about, for answering an agency's letter. The description is built in the core
 * (the same the command line renders with ExcelJS); this file only writes it. 2 syncs: read, write.
 * Nothing on the user's sheets changes: the sheet is new, under a free name ("Giải trình (2)"…).
 */
import { logEntry, withLog } from "../core/store/log";
import { currentActor } from "./actor";
import { rangeAddress } from "../core/base/address";
import { EXPLAIN_MESSAGES } from "../core/findings/explain-messages";
import { both } from "../core/base/catalogue";
import { excelBoth } from "./messages";
import { EXPLAIN_COLUMNS, ExplainDescription, ExplainStyle } from "../core/findings/explanation";
import { scoreSheet } from "../core/grid/scoring";
import { checkStale } from "../core/grid/stale";
import { cmToPoints, features } from "./host";
import { hostRefusal, queuePreviousSheet, queueSheetRead, rulesOf, SheetData, sheetRefusal } from "./sheet-read";
import { LINEAGE_SHEET } from "../core/rules/lineage";
import { ledgerOfScored } from "../core/grid/ledger";
import { queueLedgerRead } from "./ledger";
import { lastYearOnSheet } from "../core/flows/previous";
import { queueStoreRead, queueStoreWrite, runWriting } from "./store";
import type { StoreState, UndoInfo } from "../core/store/store";
import { frame, setColumnWidths, setRowHeights } from "./sheet-render";
import { ExcelPort, sheetState } from "./port";
import { planExplanation, writeExplanation as writeExplanationFlow } from "../core/flows/explanation";

export type ExplanationOutcome =
  | { kind: "done"; sheetName: string; agencies: number; pageBreaks: boolean; undo: UndoInfo }
  | { kind: "refused"; message: string; messageEn: string; cells: string[]; /** The sheet that holds the grid, for a "go there" button. */ goTo?: string };

const LOOK: Record<ExplainStyle, { bold: boolean; size: number; center: boolean; border: boolean; merge: boolean; italic?: boolean }> = {
  title: { bold: true, size: 13, center: true, border: false, merge: true },
  agency: { bold: true, size: 13, center: true, border: false, merge: true },
  header: { bold: true, size: 12, center: true, border: true, merge: false },
  cell: { bold: false, size: 12, center: true, border: true, merge: false },
  cellLeft: { bold: false, size: 12, center: false, border: true, merge: false },
  // A criterion where points were lost, under its group.
  criterion: { bold: false, size: 11, center: true, border: true, merge: false, italic: true },
  total: { bold: true, size: 12, center: true, border: true, merge: false },
  text: { bold: false, size: 12, center: false, border: false, merge: true },
  blank: { bold: false, size: 12, center: false, border: false, merge: false },
};

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;

/** Writes the description into a new, empty sheet: a constant few operations per run of rows of one style. */
export function renderExplanationOffice(ws: Excel.Worksheet, d: ExplainDescription): { pageBreaks: boolean } {
  const n = d.rows.length;
  const all = ws.getRange(rangeAddress(0, 0, n, EXPLAIN_COLUMNS));
  // Text stays text: "@" first, then the values (Excel never reads "0,849" or "- …" as a number or formula).
  all.numberFormat = d.rows.map(() => new Array(EXPLAIN_COLUMNS).fill("@"));
  all.values = d.rows.map((r) => r.cells);
  all.format.font.name = d.font;
  all.format.font.size = 12;
  all.format.wrapText = true;
  all.format.verticalAlignment = "Center";
  for (let r = 0; r < n;) {
    let end = r;
    while (end + 1 < n && d.rows[end + 1].style === d.rows[r].style) end++;
    const look = LOOK[d.rows[r].style];
    const range = ws.getRange(rangeAddress(r, 0, end - r + 1, EXPLAIN_COLUMNS));
    if (look.bold) range.format.font.bold = true;
    if (look.size !== 12) range.format.font.size = look.size;
    if (look.italic) range.format.font.italic = true;
    if (look.merge) {
      range.format.horizontalAlignment = look.center ? "Center" : "Left";
      range.format.verticalAlignment = "Top";
      // One merge per row: merge(true) merges each row of the range across.
      range.merge(true);
    } else if (look.border) {
      range.format.horizontalAlignment = "Center";
      // The group's name and notes read left.
      if (d.rows[r].style !== "header") {
        ws.getRange(rangeAddress(r, 0, end - r + 1, 1)).format.horizontalAlignment = "Left";
        ws.getRange(rangeAddress(r, EXPLAIN_COLUMNS - 1, end - r + 1, 1)).format.horizontalAlignment = "Left";
      }
      frame(range, EDGES);
    }
    r = end + 1;
  }
  setColumnWidths(ws, d.columnWidths);
  setRowHeights(
    ws,
    d.rows.map((row) => row.height),
  );
  if (features.showGridlines()) ws.showGridlines = false;
  // Page setup and breaks need ExcelApi 1.9; below it the pages are set by hand (the pane says so).
  if (!features.pageLayout()) return { pageBreaks: false };
  const layout = ws.pageLayout;
  layout.orientation = "Portrait";
  layout.paperSize = "A4";
  layout.topMargin = cmToPoints(2);
  layout.bottomMargin = cmToPoints(2);
  layout.leftMargin = cmToPoints(3);
  layout.rightMargin = cmToPoints(1.5);
  // A fixed scale, not "fit to page": Excel ignores manual page breaks under fit-to-page.
  layout.zoom = { scale: 85 };
  for (const start of d.pageStarts.slice(1)) ws.horizontalPageBreaks.add(`A${start + 1}`);
  return { pageBreaks: true };
}

/** The refusal when result columns on the sheet disagree with the scores (shared by Giải trình and the chart). */
export function staleRefusal(
  values: Parameters<typeof checkStale>[0],
  scored: Parameters<typeof checkStale>[1],
  origin: Parameters<typeof checkStale>[2],
): Extract<ExplanationOutcome, { kind: "refused" }> | null {
  const stale = checkStale(values, scored, origin);
  if (!stale.stale) return null;
  const names = stale.agencies.map((a) => a.name);
  const cells = stale.agencies.flatMap((a) => a.cells);
  return { kind: "refused", ...both(EXPLAIN_MESSAGES, "staleResults", { names, cells }), cells };
}

/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- queues loads; read after the caller's sync */
/**
 * The sheet Giải trình and the chart act on, queued with the rest of their first read: the sheet scored
 * last when the pane names it (they follow a scoring, whatever sheet is open: Giải trình's own sheet is
 * the active one after it), else the active sheet. The active sheet's name is read too. `sheet()` is
 * called after the caller's sync; only when the sheet named is gone (renamed, deleted) does it read the
 * active sheet instead, in a sync of its own.
 */
export function queueGridSheet(context: Excel.RequestContext, lastScored: string | undefined) {
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load("name");
  const activeRead = lastScored ? null : queueSheetRead(active, "formulas");
  const named = lastScored ? context.workbook.worksheets.getItemOrNullObject(lastScored) : null;
  const used = named?.getUsedRangeOrNullObject(true);
  named?.load("name");
  used?.load("values, formulas, rowIndex, columnIndex");
  return {
    activeName: () => active.name,
    /** Whether the sheet read is the one named by the pane (false: the active sheet, nothing scored known). */
    named: () => named !== null && !named.isNullObject,
    async sheet(): Promise<SheetData> {
      if (activeRead) return activeRead.result();
      if (named && !named.isNullObject) {
        if (used!.isNullObject) return { name: named.name, values: [], formulas: [], numberFormat: [], origin: { row: 0, col: 0 }, protected: false };
        const values = used!.values as unknown[][];
        return {
          name: named.name,
          values,
          formulas: used!.formulas as unknown[][],
          numberFormat: [],
          origin: { row: used!.rowIndex, col: used!.columnIndex },
          protected: false,
        };
      }
      const read = queueSheetRead(active, "formulas");
      await context.sync(); // only when the sheet scored last is gone: the active sheet instead
      return read.result();
    },
  };
}
/* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */

/**
 * Scores the sheet read for Giải trình or the chart: a refusal when it cannot be scored or when its
 * result columns disagree with the scores. On a sheet with no grid that nothing named (the active
 * sheet, no scoring known), a short message: open the score sheet and score it first.
 */
export function scoreFreshSheet(
  sheet: SheetData,
  state: StoreState,
  named = true,
): { ok: false; refusal: Extract<ExplanationOutcome, { kind: "refused" }> } | { ok: true; scored: Extract<ReturnType<typeof scoreSheet>, { ok: true }> } {
  const scored = scoreSheet(sheet.values, rulesOf(state), sheet.origin);
  if (!scored.ok && !named && scored.error.reason !== "noNameColumn")
    return { ok: false, refusal: { kind: "refused", ...excelBoth("noGridHere", { active: sheet.name }), cells: [] } };
  if (!scored.ok) return { ok: false, refusal: sheetRefusal(sheet.name, scored.error) };
  const stale = staleRefusal(sheet.values, scored, sheet.origin);
  if (stale) return { ok: false, refusal: stale };
  return { ok: true, scored };
}

/**
 * Makes the Giải trình sheet from the active score sheet: every agency in rank order, or with
 * `selectedOnly` the agencies whose rows the selection covers.
 */
export async function createExplanation(opts: {
  selectedOnly: boolean;
  /** The sheet scored last (the pane knows it). */ sheet?: string;
}): Promise<ExplanationOutcome> {
  try {
    return await runWriting(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name, items/visibility");
      const grid = queueGridSheet(context, opts.sheet);
      const store = queueStoreRead(context);
      const selected = context.workbook.getSelectedRange();
      selected.load("rowIndex, rowCount");
      // The "Sáp nhập" sheet, read with the rest: a merged agency's last-year line names its predecessors.
      const lineageSheet = queuePreviousSheet(context, LINEAGE_SHEET);
      // The ledger of a criteria set, in the same sync: each criterion where points were lost, with the council's comment.
      const ledgerSheet = queueLedgerRead(context);
      await context.sync(); // 1: read
      const sheet = await grid.sheet();
      const state = store.state();
      // The rows selected are on the sheet open: they must be the score sheet's.
      if (opts.selectedOnly && sheet.name !== grid.activeName())
        return { kind: "refused", ...excelBoth("selectOnGrid", { sheet: sheet.name, active: grid.activeName() }), cells: [], goTo: sheet.name };
      const fresh = scoreFreshSheet(sheet, state, grid.named());
      if (!fresh.ok) return fresh.refusal;
      const { scored } = fresh;
      let only: number[] | undefined;
      if (opts.selectedOnly) {
        const from = selected.rowIndex - sheet.origin.row;
        const to = from + selected.rowCount - 1;
        only = scored.rows.filter((r) => r.row >= from && r.row <= to).map((r) => r.row);
        if (only.length === 0) {
          return { kind: "refused", ...excelBoth("explainNoRows", {}), cells: [] };
        }
      }
      // Last year, when "Tính điểm" compared with it: its columns on the sheet (through the lineage it used); none otherwise.
      // A "Sáp nhập" sheet that cannot be read is refused as by every reader (its cell, the fix).
      const lastYear = lastYearOnSheet(sheet, scored, state, lineageSheet());
      if (!lastYear.ok) return { kind: "refused", message: lastYear.message, messageEn: lastYear.messageEn, cells: [] };
      const previous = lastYear.comparison;
      const ledger = ledgerSheet();
      const criteria = ledgerOfScored(ledger?.values ?? null, scored.rules, scored.rows, ledger?.origin) ?? undefined;
      // The core's flow through the port (src/core/flows/explanation.ts), as `score --explain` runs it on the package.
      const port = new ExcelPort<{ pageBreaks: boolean }>(context, {
        sheets: sheets.items.map((s) => ({ name: s.name, state: sheetState(s.visibility) })),
        grid: sheet,
        store,
      });
      // "Hoàn tác" removes the sheet: the journal goes first in the batch, as for every write.
      port.writeExplanationWith(async (newState, description) => {
        await queueStoreWrite(context, store, newState);
        const ws = sheets.add(description.sheetName);
        const rendered = renderExplanationOffice(ws, description);
        ws.activate();
        await context.sync(); // 2: the sheet
        return rendered;
      });
      const plan = planExplanation(port, scored, { year: state.decision?.year ?? null, only, previous, criteria });
      const where = { name: plan.sheetName };
      const description = plan.description;
      const { undo: _u, ...previousState } = state;
      void _u;
      const at = new Date().toISOString();
      writeExplanationFlow(port, plan, () =>
        withLog(
          { ...state, undo: { action: "explain", at, sheet: where.name, cells: [], fills: [], previousState } },
          logEntry({ at, action: "explain", by: currentActor(), via: "pane", sheet: where.name }),
        ),
      );
      const { pageBreaks } = (await port.apply()).sheet!;
      return { kind: "done", sheetName: where.name, agencies: description.agencies.length, pageBreaks, undo: { action: "explain", at, sheet: where.name } };
    });
  } catch (e) {
    return hostRefusal(e);
  }
}
