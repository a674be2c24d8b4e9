/**
 * The agency under the selection (the pane's agency card) and whether the result columns still
 * match the scores (stale results), read in one sync. Called when the selection changes, which
 * follows every edit typed in a cell (Enter or Tab moves the selection), and before actions.
 */
import { cardText, CardText } from "../core/findings/explanation";
import { EXPLAIN_MESSAGES } from "../core/findings/explain-messages";
import { both } from "../core/base/catalogue";
import { rowAt } from "../core/findings/explain";
import { scoreSheet } from "../core/grid/scoring";
import { checkStale } from "../core/grid/stale";
import { queuePreviousSheet, queueSheetRead, rulesOf } from "./sheet-read";
import { LINEAGE_SHEET } from "../core/rules/lineage";
import { lastYearOnSheet } from "../core/flows/previous";
import { queueStoreRead } from "./store";
import { ledgerOfScored } from "../core/grid/ledger";
import { queueLedgerRead } from "./ledger";

export interface StaleView {
  agencies: string[];
  cells: string[];
  message: string;
  messageEn: string;
}

export interface SelectionInfo {
  sheet: string;
  /** The agency whose row holds the selection's top-left cell; null elsewhere. */
  card: { vi: CardText; en: CardText } | null;
  /** Result columns that disagree with the scores on this sheet; null when they agree (or there are none). */
  stale: StaleView | null;
}

/** One sync: the active sheet, the store and the selected cell. Null when the sheet has no grid. */
export async function inspectSelection(): Promise<SelectionInfo | null> {
  return Excel.run(async (context) => {
    const active = context.workbook.worksheets.getActiveWorksheet();
    const read = queueSheetRead(active);
    const store = queueStoreRead(context);
    const selected = context.workbook.getSelectedRange();
    selected.load("rowIndex, columnIndex");
    // The "Sáp nhập" sheet, in the same sync: a merged agency's last-year line names its predecessors.
    const lineageSheet = queuePreviousSheet(context, LINEAGE_SHEET);
    // The ledger of a criteria set, in the same sync: the agency's criteria (points, maximum, self-assessed, appraised).
    const ledgerSheet = queueLedgerRead(context);
    await context.sync(); // the one sync
    const sheet = read.result();
    const state = store.state();
    const scored = scoreSheet(sheet.values, rulesOf(state), sheet.origin);
    if (!scored.ok) return null;
    const check = checkStale(sheet.values, scored, sheet.origin);
    const stale = check.stale
      ? (() => {
          const agencies = check.agencies.map((a) => a.name);
          const cells = check.agencies.flatMap((a) => a.cells);
          return { agencies, cells, ...both(EXPLAIN_MESSAGES, "staleResults", { names: agencies, cells }) };
        })()
      : null;
    const row = rowAt(scored, selected.rowIndex - sheet.origin.row);
    // Last year, when "Tính điểm" compared with it: its columns on the sheet (through the lineage it used). A "Sáp nhập"
    // sheet that cannot be read is refused as by every reader: the card says so (its cell, the fix) instead of last year's line.
    const lastYear = row ? lastYearOnSheet(sheet, scored, state, lineageSheet()) : null;
    const previous = lastYear?.ok ? lastYear.comparison : null;
    const ledger = row ? ledgerSheet() : null;
    const criteria = row ? (ledgerOfScored(ledger?.values ?? null, scored.rules, scored.rows, ledger?.origin)?.(row.name) ?? null) : null;
    const cardIn = (lang: "vi" | "en") => {
      const text = cardText(scored, row!, lang, previous, criteria);
      return lastYear && !lastYear.ok ? { ...text, lines: [...text.lines, lang === "vi" ? lastYear.message : lastYear.messageEn] } : text;
    };
    const card = row ? { vi: cardIn("vi"), en: cardIn("en") } : null;
    return { sheet: sheet.name, card, stale };
  });
}

export { onSelectionChanged } from "./selection-events";
