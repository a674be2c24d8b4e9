import { lockRefusal } from "../core/store/lock";
import { logEntry, withLog } from "../core/store/log";
import { currentActor } from "./actor";
import { both, joinBoth } from "../core/base/catalogue";
import { NOTICE_MESSAGES } from "../core/forms/notices";
import { FORM_MESSAGES } from "../core/forms/form-messages";
import { FormDescription, newFormKey } from "../core/forms/form-parts";
import { scoreSheet } from "../core/grid/scoring";
import { differencesSheet, MergeFinding, Difference, ReturnedForm, selfAssessmentSheet, trackingSheet } from "../core/forms/merge";
import { locateGrid } from "../core/grid/grid";
import { SheetDescription } from "../core/sheets/sheet";
import { hostRefusal, queueSheetRead, rulesOf, sheetRefusal } from "./sheet-read";
import { queueStoreRead, runWriting } from "./store";
import { queueDifferencesRead } from "./conclusions";
import { readDifferences } from "../core/forms/conclusions";
import { LEDGER_SHEET } from "../core/grid/ledger";
import { queueLedgerRead } from "./ledger";
import { masterOf, mergedState, planMergeFlow, writeMerge } from "../core/flows/merge";
import { planForms, writeFormsMade } from "../core/flows/forms";
import { ExcelPort, queueSheetList, sheetState } from "./port";

export { formDelivery } from "./delivery";
export { prepareNotices } from "./notices";

/**
 * The add-in's side of the departments' loop: the forms of the active sheet's agencies (all, or those
 * of the selected rows), how they reach the user (new workbooks or downloads), and "Gộp phiếu":
 * returned forms merged into the grid in 2 syncs whatever their number, undoable once.
 */

export type Refusal = { kind: "refused"; message: string; messageEn: string; cells: string[] };

export type FormsOutcome = { kind: "done"; forms: { fileName: string; agency: string; description: FormDescription }[] } | Refusal;

/** The active sheet: its values (and, for "Gộp phiếu", which writes, their formulas and formats). */
const readActive = (context: Excel.RequestContext, withFormats: boolean) =>
  queueSheetRead(context.workbook.worksheets.getActiveWorksheet(), withFormats ? "formats" : "values");

/**
 * "Tạo phiếu": the forms of the active sheet's agencies, as descriptions (rendered to .xlsx by the
 * pane's ExcelJS chunk). 2 syncs: read; then the store keeps the workbook's id and key (the forms
 * carry the id and the key's token) and when each agency's form was made (“Theo dõi phiếu”).
 */
export async function prepareForms(scope: "all" | "selected", now: () => Date = () => new Date()): Promise<FormsOutcome> {
  try {
    return await runWriting(async (context) => {
      const read = readActive(context, false);
      const store = queueStoreRead(context);
      const selection = context.workbook.getSelectedRange();
      selection.load("rowIndex, rowCount");
      const sheetList = queueSheetList(context);
      await context.sync(); // 1: read
      const sheet = read.result();
      const state = store.state();
      const rules = rulesOf(state);
      const scored = scoreSheet(sheet.values, rules, sheet.origin);
      if (!scored.ok) return sheetRefusal(sheet.name, scored.error);
      const master = masterOf({ sheet: sheet.name, values: sheet.values, origin: sheet.origin, layout: scored.layout, rules, state, scored });
      if (master.agencies.length === 0) return { kind: "refused", ...both(FORM_MESSAGES, "noAgencies", {}), cells: [] };
      const first = selection.rowIndex - sheet.origin.row;
      // The secret key of this workbook's forms: made once (Web Crypto's random numbers), kept in the hidden store, never in a form.
      const formKey = master.formKey ?? newFormKey((n) => crypto.getRandomValues(new Uint8Array(n)));
      const madeAt = now().toISOString();
      const forms = planForms(master, { formKey, madeAt, picked: scope === "all" ? undefined : (row) => row >= first && row < first + selection.rowCount });
      if (forms.length === 0) return { kind: "refused", ...both(FORM_MESSAGES, "noneSelected", {}), cells: [] };
      const port = new ExcelPort(context, { sheets: sheetList(), grid: sheet, store });
      writeFormsMade(port, master, { forms, at: madeAt, formKey });
      await port.apply(); // 2: id, key, forms made
      return { kind: "done", forms: forms.map((f) => ({ fileName: f.fileName, agency: f.agency, description: f.description })) };
    });
  } catch (e) {
    return hostRefusal(e);
  }
}

/** Opens each form (an .xlsx as base64) as a new workbook; no Excel.run (createWorkbook is not batched). */
export async function openAsNewWorkbooks(files: { fileName: string; base64: string }[]): Promise<void> {
  for (const f of files) await Excel.createWorkbook(f.base64);
}

export type MergeOutcome =
  | {
      kind: "done";
      sheet: string;
      merged: { file: string; agency: string; copies?: string[] }[];
      /** The grid's agencies with no form merged yet (who has not returned one). */
      missing: string[];
      /** The forms' deadline in the decision data (dd/mm/yyyy), when one is set. */
      deadline?: string;
      agencies: number;
      findings: MergeFinding[];
      differences: Difference[];
      written: number;
      unchanged: boolean;
      message: string;
      messageEn: string;
    }
  | Refusal;

/**
 * "Gộp phiếu": the returned forms (read in the pane with ExcelJS) merged into the active sheet's grid.
 * Sync 1 reads the sheet, the store and the sheet names; sync 2 writes the empty cells that take a
 * self-assessed value, the "Tự đánh giá", "Chênh lệch" and "Theo dõi phiếu" sheets, and the store with the undo journal
 * (more syncs only for a store past the 5 MB request limit). Whatever the number of forms.
 */
export async function mergeReturnedForms(forms: ReturnedForm[], now: () => Date = () => new Date()): Promise<MergeOutcome> {
  if (forms.length === 0) return { kind: "refused", ...both(FORM_MESSAGES, "noForms", {}), cells: [] };
  try {
    return await runWriting(async (context) => {
      const read = readActive(context, true);
      const store = queueStoreRead(context);
      const sheets = context.workbook.worksheets;
      sheets.load("items/name, items/position, items/visibility");
      // What the council and the agencies wrote on "Chênh lệch": kept when the merge makes it again.
      const diffRead = queueDifferencesRead(context);
      // The ledger (criteria sets): forms at criterion level fill it; its number formats for the undo journal.
      const ledgerRead = queueLedgerRead(context);
      const ledgerFormats = queueLedgerFormats(context);
      await context.sync(); // 1: read
      const sheet = read.result();
      const state = store.state();
      if (state.lock) return { kind: "refused", ...lockRefusal(state.lock, "merge"), cells: [] };
      const rules = rulesOf(state);
      const located = locateGrid(sheet.values, rules);
      if (!located.ok) return sheetRefusal(sheet.name, located);
      const master = masterOf({ sheet: sheet.name, values: sheet.values, origin: sheet.origin, layout: located.layout, rules, state });
      const agencies = master.agencies;
      // What the council and the agencies wrote on "Chênh lệch" (the sheet the last merge made): kept, and what replies may answer.
      const diff = diffRead();
      const previousRows = state.loopSheets && diff && diff.name === state.loopSheets.diff ? (readDifferences(diff.values)?.rows ?? []) : [];
      const ledger = rules.leaves.length > 0 ? ledgerRead() : null;
      // The ledger as read, with its number formats (what the undo journal gives back).
      const others = ledger
        ? new Map([[LEDGER_SHEET, { values: ledger.values, formulas: ledger.formulas, origin: ledger.origin, numberFormat: ledgerFormats() ?? [] }]])
        : undefined;
      const port = new ExcelPort(context, {
        sheets: sheets.items.map((s) => ({ name: s.name, state: sheetState(s.visibility) })),
        gridSheet: read.sheet,
        grid: sheet,
        store,
        ...(others ? { others } : {}),
      });
      const input = {
        now: now().toISOString(),
        differenceRows: previousRows,
        ledger: ledger ? { values: ledger.values, origin: ledger.origin, made: null } : null,
      };
      const planned = planMergeFlow(port, master, { ...input, forms });
      if (!planned.ok) return sheetRefusal(sheet.name, planned);
      const plan = planned.flow.plan;
      const summary = {
        merged: plan.merged.length,
        forms: forms.length,
        writes: plan.writes.length + plan.ledgerWrites.length,
        differences: plan.differences.length,
      };
      const base = {
        sheet: sheet.name,
        merged: plan.merged,
        missing: plan.missing,
        ...(state.decision?.formsDeadline ? { deadline: state.decision.formsDeadline } : {}),
        agencies: plan.agencies,
        findings: plan.findings,
        differences: plan.differences,
        written: plan.writes.length,
      };
      if (plan.merged.length === 0 && plan.replies.length === 0)
        return { kind: "done", ...base, unchanged: true, ...both(FORM_MESSAGES, "nothingMerged", { forms: forms.length }) };
      if (plan.unchanged) return { kind: "done", ...base, unchanged: true, ...both(FORM_MESSAGES, "nothingChanged", {}) };
      if (sheet.protected && plan.writes.length > 0) {
        return { kind: "refused", ...both(FORM_MESSAGES, "sheetProtected", { sheet: sheet.name }), cells: [] };
      }
      // Forms at criterion level without a ledger to fill, or a protected ledger: nothing written.
      if (plan.needsLedger) return { kind: "refused", ...both(FORM_MESSAGES, "noLedger", { sheet: LEDGER_SHEET }), cells: [] };
      if (ledger?.protected && plan.ledgerWrites.length > 0)
        return { kind: "refused", ...both(FORM_MESSAGES, "sheetProtected", { sheet: LEDGER_SHEET }), cells: [] };

      // The loop sheets before this merge, for undo: made again from what was recorded.
      const names = sheets.items.map((s) => s.name);
      const owned = state.loopSheets && names.includes(state.loopSheets.self) && names.includes(state.loopSheets.diff) ? state.loopSheets : undefined;
      const ownedTrack = owned?.track !== undefined && names.includes(owned.track) ? owned.track : undefined;
      const deadline = state.decision?.formsDeadline;
      let previousLoopSheets: { self: SheetDescription; diff: SheetDescription; track?: SheetDescription } | null = null;
      if (owned && state.selfAssessments) {
        const before = planMergeFlow(port, master, { ...input, forms: [] });
        previousLoopSheets = {
          self: selfAssessmentSheet(rules, state.selfAssessments, owned.self),
          diff: differencesSheet(before.ok ? before.flow.plan.differences : [], owned.diff, previousRows),
          ...(ownedTrack
            ? {
                track: trackingSheet(
                  agencies.filter((a) => a !== ""),
                  state.selfAssessments,
                  deadline,
                  ownedTrack,
                  state,
                ),
              }
            : {}),
        };
      }

      // One batch through the port: the store with the undo journal, the loop sheets after the grid (a new one built
      // under its own name; in an undo group one the last merge made is rewritten in place, and on Windows and Mac a
      // new one placed among the others runs the merge outside the group), the grid's and the ledger's cells.
      const { undo: _u, ...previousState } = state;
      void _u;
      const at = now().toISOString();
      writeMerge(port, master, planned.flow, {
        deadline,
        stateAfter: ({ loopSheets, changes, files }) =>
          withLog(
            {
              ...mergedState(master, plan, loopSheets),
              undo: { action: "merge", at, sheet: sheet.name, cells: port.journal().cells, fills: [], previousLoopSheets, previousState },
            },
            logEntry({ at, action: "merge", by: currentActor(), via: "pane", sheet: sheet.name, cells: changes, note: files }),
          ),
      });
      await port.apply(); // 2: the sheets, the journal and the cells in one batch

      return {
        kind: "done",
        ...base,
        unchanged: false,
        ...joinBoth([
          both(FORM_MESSAGES, "merged", summary),
          ...(plan.replies.length > 0 ? [both(NOTICE_MESSAGES, "repliesRecorded", { count: plan.replies.length })] : []),
        ]),
      };
    });
  } catch (e) {
    return hostRefusal(e);
  }
}

/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- queued here, read after the caller's sync */

/** The ledger's number formats (its used range), read in the merge's first sync: what the undo journal gives back. */
function queueLedgerFormats(context: Excel.RequestContext): () => unknown[][] | null {
  const used = context.workbook.worksheets.getItemOrNullObject(LEDGER_SHEET).getUsedRangeOrNullObject(true);
  used.load("numberFormat");
  return () => (used.isNullObject ? null : (used.numberFormat as unknown[][]));
}
/* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
