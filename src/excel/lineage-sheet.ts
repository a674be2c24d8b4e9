/**
 * The pane's “Ghi trang Sáp nhập”: the lineage the comparison would use (the rules' lineage, with the
 * 2025 department mergers that fit both years' tables when the user ticked them) written as the
 * “Sáp nhập” sheet, the table the pane and the command line read on every comparison, put through the port by
 * the core's flow (putLineageSheet: the sheet `score --lineage-2025 -o` writes). 2 syncs: read, write (the
 * journal first, then the new sheet). A sheet of that name already in the workbook is the
 * user's table: never written over (the action is refused, naming it). “Hoàn tác” removes the sheet.
 */
import { both, Both } from "../core/base/catalogue";
import { logEntry, withLog } from "../core/store/log";
import { entryText, isLineageSheet, lineage2025Offer, LINEAGE_MESSAGES, LINEAGE_SHEET, withLineage } from "../core/rules/lineage";
import { putLineageSheet, toUnicode } from "../core/flows/previous";
import { scorePreviousYear } from "../core/grid/previous";
import { scoreSheet } from "../core/grid/scoring";
import type { LineageRule } from "../core/rules/rules";
import type { StoreState, UndoInfo } from "../core/store/store";
import { currentActor } from "./actor";
import { hostRefusal, PreviousChoice, queuePreviousSheet, queueSheetRead, rulesOf, sheetRefusal } from "./sheet-read";
import { queueStoreRead, runWriting } from "./store";
import { ExcelPort, sheetState } from "./port";

export type LineageSheetOutcome = ({ kind: "done"; sheetName: string; entries: number; undo: UndoInfo } & Both) | ({ kind: "refused"; cells: string[] } & Both);

/** Writes the lineage of `previous` (the pane's choice of last year) as the “Sáp nhập” sheet. */
export async function writeLineageSheet(previous: PreviousChoice): Promise<LineageSheetOutcome> {
  try {
    return await runWriting(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name, items/visibility");
      const read = queueSheetRead(sheets.getActiveWorksheet());
      const store = queueStoreRead(context);
      const lastYearSheet = previous.kind === "sheet" ? queuePreviousSheet(context, previous.sheet) : null;
      await context.sync(); // 1: read
      const existing = sheets.items.find((s) => isLineageSheet(s.name));
      if (existing) return { kind: "refused", ...both(LINEAGE_MESSAGES, "lineageSheetExists", { sheet: existing.name }), cells: [] };
      const state = store.state();
      const rules = rulesOf(state);
      let lineage: LineageRule[] = rules.lineage.map((e) => ({ name: e.name, from: [...e.from] }));
      if (previous.lineage2025 === true) {
        // The 2025 entries that fit: this year's agencies (the active sheet) and last year's, as the comparison offers them.
        const sheet = read.result();
        const scored = scoreSheet(sheet.values, rules, sheet.origin);
        if (!scored.ok) return sheetRefusal(sheet.name, scored.error);
        let lastNames: string[] = [];
        if (previous.kind === "sheet") {
          const values = lastYearSheet!();
          const last = values === null ? null : scorePreviousYear([{ name: previous.sheet, values }], state.rules, previous.sheet);
          lastNames = last?.ok ? last.agencies.map((a) => a.name) : [];
        } else lastNames = previous.agencies.map((a) => a.name);
        lineage = withLineage(
          lineage,
          lineage2025Offer(
            scored.rows.map((r) => r.name),
            lastNames,
            lineage,
            toUnicode,
          ),
        );
      }
      if (lineage.length === 0) return { kind: "refused", ...both(LINEAGE_MESSAGES, "lineageNothingToWrite", {}), cells: [] };

      // "Hoàn tác" removes the sheet: the journal goes first in the batch, as for every write.
      const { undo: _u, ...previousState } = state;
      void _u;
      const at = new Date().toISOString();
      const newState: StoreState = withLog(
        { ...state, undo: { action: "lineage", at, sheet: LINEAGE_SHEET, cells: [], fills: [], previousState } },
        logEntry({ at, action: "lineage", by: currentActor(), via: "pane", sheet: LINEAGE_SHEET }),
      );
      // The core's flow (src/core/flows/previous.ts) puts the sheet through the port, as `score --lineage-2025 -o`
      // puts it in the package: rendered under a temporary name until whole, in the write batch after the journal.
      // The grid stays the active sheet: “Tính điểm” is what the user does next.
      const port = new ExcelPort(context, { sheets: sheets.items.map((s) => ({ name: s.name, state: sheetState(s.visibility) })), grid: read.result(), store });
      putLineageSheet(port, lineage);
      port.writeStore(newState);
      await port.apply(); // 2: the journal and the sheet
      return {
        kind: "done",
        sheetName: LINEAGE_SHEET,
        entries: lineage.length,
        undo: { action: "lineage", at, sheet: LINEAGE_SHEET },
        ...both(LINEAGE_MESSAGES, "lineageSheetWritten", { sheet: LINEAGE_SHEET, entries: lineage.map(entryText) }),
      };
    });
  } catch (e) {
    return hostRefusal(e);
  }
}
