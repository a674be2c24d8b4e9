/**
 * "Gộp phiếu" (returned forms and notices merged into the master) written once against the workbook port
 * (src/core/sheets/port.ts): the add-in (src/excel/forms.ts through ExcelPort) and the command line (`merge`,
 * src/cli/forms.ts through XlsxPort) both run it. The master as forms, notices and merge see it: masterOf.
 *
 *     masterOf:       the grid's agencies, the master's id, the forms' year and key (the same for forms, notices, merge)
 *     planMergeFlow:  the rows of the "Chênh lệch" the last merge made and the ledger (rules with criteria), from the
 *                     port → planMerge (src/core/forms/merge.ts): what to write, the findings, the differences
 *     writeMerge:     port.writeValues (scores as numbers, notes as text "@": never a formula) on the grid and the
 *                     ledger → port.putSheet ("Tự đánh giá", "Chênh lệch" with Kiến nghị/Kết luận, "Theo dõi phiếu"
 *                     after the grid, those the last merge made replaced in place) → the state after → port.writeStore
 *
 * Between plan and write the caller decides whether to write at all (nothing merged, a protected sheet, a lock).
 */
import { Origin } from "../base/address";
import { readDifferences, DifferenceRow } from "../forms/conclusions";
import { FORM_TEXT } from "../forms/form-messages";
import { formsYear, masterWorkbookId } from "../forms/forms";
import { isFormKey } from "../forms/form-parts";
import { differencesSheet, MergePlan, MergeResult, planMerge, ReturnedForm, selfAssessmentSheet, trackingSheet } from "../forms/merge";
import { GridLayout } from "../grid/grid";
import { gridAgencies, LEDGER_SHEET, ledgerSheet } from "../grid/ledger";
import { Rules } from "../rules/rules";
import { completeMetadata } from "../rules/metadata";
import { chooseAnnexSheet } from "../sheets/annex";
import { ValueWrite, WorkbookPort } from "../sheets/port";
import { SheetDescription, sheetValues } from "../sheets/sheet";
import { StoreState } from "../store/store";
import { cleanText } from "../text/text";
import { Scored } from "./score";

/** What the merge needs of a port: the sheets, their snapshots, values into cells, sheets put, the store's state. */
export type MergePort = Pick<WorkbookPort, "sheets" | "readSheet" | "writeValues" | "putSheet" | "writeStore">;

/** The master's grid as the caller located (or scored) it. */
export interface MasterGrid {
  sheet: string;
  values: readonly (readonly unknown[])[];
  origin?: Origin;
  layout: GridLayout;
  rules: Rules;
  state: StoreState;
  /** The grid scored (these values, these rules): the merge does not score it again. */
  scored?: Scored;
  /** The forms' year when given (the command line's --year); else the decision's, the title's, the default. */
  year?: number;
}

/** The master as forms, notices and merge see it: its agencies (grid order, "" for an unnamed row), id, forms' year and key. */
export interface Master extends MasterGrid {
  agencies: string[];
  masterId: string;
  year: number;
  /** The master's secret form key (null: none yet). */
  formKey: string | null;
}

const text = (v: unknown) => cleanText(typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

export function masterOf<G extends MasterGrid>(grid: G): G & Master {
  const { values, layout, state } = grid;
  const agencies = layout.dataRows.map((r) => text(values[r][layout.nameCol]));
  return {
    ...grid,
    agencies,
    masterId: masterWorkbookId(state.workbookId, agencies),
    year: grid.year ?? formsYear(state.decision?.year, values, layout.headerTop, completeMetadata(state.decision ?? {}).year),
    formKey: isFormKey(state.formKey) ? state.formKey : null,
  };
}

/** The rows of the "Chênh lệch" sheet a previous merge made, `name` (none when it has none): kept, and what replies answer. */
export function differenceRowsOf(port: Pick<WorkbookPort, "sheets" | "readSheet">, name: string | undefined): DifferenceRow[] {
  if (!name || !port.sheets().some((s) => s.name === name)) return [];
  return readDifferences(port.readSheet(name).values)?.rows ?? [];
}

/** The ledger a merge fills (rules with criteria): the workbook's sheet; with `make`, else one made from the rules and the grid's agencies. */
export interface MergeLedger {
  values: readonly (readonly unknown[])[];
  origin?: Origin;
  /** The ledger made now (the workbook had none): put with the merge's cells in it. */
  made: SheetDescription | null;
}

function ledgerOf(port: Pick<WorkbookPort, "sheets" | "readSheet">, master: Master, make: boolean): MergeLedger | null {
  if (master.rules.leaves.length === 0) return null;
  if (port.sheets().some((s) => s.name === LEDGER_SHEET)) {
    const read = port.readSheet(LEDGER_SHEET);
    return { values: read.values, ...(read.origin ? { origin: read.origin } : {}), made: null };
  }
  if (!make) return null;
  const made = ledgerSheet(master.rules, gridAgencies(master.values, master.rules) ?? []);
  return { values: sheetValues(made), made };
}

export interface MergeFlowInput {
  forms: readonly ReturnedForm[];
  /** ISO time of this merge. */
  now: string;
  /** Without a ledger in the workbook, one is made for forms at criterion level (the command line); else they are `needsLedger`. */
  makeLedger?: boolean;
  /** The "Chênh lệch" rows as the caller read them; by default the sheet the last merge made, through the port. */
  differenceRows?: readonly DifferenceRow[];
  /** The ledger as the caller read it (null: none); by default the workbook's "Chấm điểm chi tiết", through the port. */
  ledger?: MergeLedger | null;
}

export interface MergeFlowPlan {
  plan: MergePlan;
  /** The "Chênh lệch" rows before this merge: the council's conclusions and the agencies' replies kept. */
  previousRows: readonly DifferenceRow[];
  ledger: MergeLedger | null;
}

/** What the merge writes, planned from the port's snapshots; refused (the master's grid cannot be found) as planMerge is. */
export function planMergeFlow(
  port: Pick<WorkbookPort, "sheets" | "readSheet">,
  master: Master,
  input: MergeFlowInput,
): { ok: true; flow: MergeFlowPlan } | Extract<MergeResult, { ok: false }> {
  const previousRows = input.differenceRows ?? differenceRowsOf(port, master.state.loopSheets?.diff);
  const ledger = input.ledger !== undefined ? (master.rules.leaves.length > 0 ? input.ledger : null) : ledgerOf(port, master, input.makeLedger === true);
  const planned = planMerge({
    rules: master.rules,
    values: master.values,
    ...(master.origin ? { origin: master.origin } : {}),
    sheetName: master.sheet,
    state: master.state,
    masterId: master.masterId,
    year: master.year,
    formKey: master.formKey,
    forms: input.forms,
    now: input.now,
    differenceRows: previousRows,
    ...(master.scored ? { scored: master.scored } : {}),
    ...(ledger ? { ledger: { values: ledger.values, ...(ledger.origin ? { origin: ledger.origin } : {}), sheetName: LEDGER_SHEET } } : {}),
  });
  if (!planned.ok) return planned;
  return { ok: true, flow: { plan: planned.plan, previousRows, ledger } };
}

/** The loop sheets' names: "Tự đánh giá", "Chênh lệch", "Theo dõi phiếu" (those the last merge made replaced; a user's sheet of that name never). */
export interface LoopSheets {
  self: string;
  diff: string;
  track: string;
}

/** A merged score as a number; a note as text ("@": "=…", "1/2" or "10" stay what was typed). */
const valueWrite = (w: { row: number; col: number; value: number | string }): ValueWrite => ({
  row: w.row,
  col: w.col,
  value: w.value,
  ...(typeof w.value === "string" ? { numberFormat: "@" } : {}),
});

/** What the merge wrote, for the state after: the loop sheets' names, the changes for the log (address, old, new), the files named in it. */
export interface MergeWritten {
  loopSheets: LoopSheets;
  changes: [string, string, string][];
  /** The files merged and those whose replies were recorded, for the log's note. */
  files: string;
}

/**
 * Queues the merge on the port: the grid's cells, the ledger's (the workbook's, or the one made now, put after
 * the grid), the loop sheets after the grid, then the state after (the caller's: the log, the add-in's undo
 * journal); returns what was written and the state.
 */
export function writeMerge(
  port: MergePort,
  master: Master,
  flow: MergeFlowPlan,
  opts: { deadline?: string; stateAfter: (written: MergeWritten) => StoreState },
): MergeWritten & { state: StoreState } {
  const { plan, ledger, previousRows } = flow;
  port.writeValues(master.sheet, plan.writes.map(valueWrite));
  const ledgerChanges = ledger ? writeLedger(port, master, ledger, plan) : [];
  const loopSheets = placeLoopSheets(port, master, {
    self: (name) => selfAssessmentSheet(master.rules, plan.selfAssessments, name),
    diff: (name) => differencesSheet(plan.differences, name, previousRows, plan.replies),
    track: (name) =>
      trackingSheet(
        master.agencies.filter((a) => a !== ""),
        plan.selfAssessments,
        opts.deadline,
        name,
        master.state,
      ),
  });
  const changes: [string, string, string][] = [
    ...plan.writes.map((w): [string, string, string] => [w.address, String(master.values[w.row]?.[w.col] ?? ""), String(w.value ?? "")]),
    ...ledgerChanges,
  ];
  const files = [...plan.merged.map((m) => m.file), ...new Set(plan.replies.map((r) => r.file))].join(", ");
  const written = { loopSheets, changes, files };
  const state = opts.stateAfter(written);
  port.writeStore(state);
  return { ...written, state };
}

/** The state every merge leaves: the master's id, the self-assessments recorded, the loop sheets' names. */
export function mergedState(master: Master, plan: MergePlan, loopSheets: LoopSheets): StoreState {
  return { ...master.state, workbookId: master.masterId, selfAssessments: plan.selfAssessments, loopSheets };
}

/**
 * The loop sheets' names: the ones a previous merge made are replaced in place; a user's sheet of that name is
 * never touched (the sheet gets another name). `taken`: the sheets' names now.
 */
export function loopSheetNames(taken: readonly string[], owned: StoreState["loopSheets"]): LoopSheets {
  const names = [...taken];
  const place = (wanted: string, mine: string | undefined) => {
    const where = chooseAnnexSheet(wanted, names, mine !== undefined && taken.includes(mine) ? mine : undefined);
    if (!names.includes(where.name)) names.push(where.name);
    return where.name;
  };
  return { self: place(FORM_TEXT.selfSheet, owned?.self), diff: place(FORM_TEXT.diffSheet, owned?.diff), track: place(FORM_TEXT.trackSheet, owned?.track) };
}

/** The loop sheets put one after the other after the grid. */
function placeLoopSheets(port: MergePort, master: Master, describe: Record<keyof LoopSheets, (name: string) => SheetDescription>): LoopSheets {
  const names = loopSheetNames(
    port.sheets().map((s) => s.name),
    master.state.loopSheets,
  );
  let after = master.sheet;
  for (const key of ["self", "diff", "track"] as const) {
    port.putSheet(describe[key](names[key]), after);
    after = names[key];
  }
  return names;
}

/**
 * The merge's ledger cells: written into the workbook's ledger (each cell's look kept, text as "@"), or into the
 * new ledger's description, put after the grid. The changes for the log (address, old, new).
 */
function writeLedger(port: MergePort, master: Master, ledger: MergeLedger, plan: MergePlan): [string, string, string][] {
  const writes = plan.ledgerWrites;
  if (ledger.made) {
    if (writes.length === 0 && plan.merged.length === 0) return [];
    const byCell = new Map(ledger.made.cells.map((c) => [`${c.row}:${c.col}`, c]));
    for (const w of writes) {
      const cell = byCell.get(`${w.row}:${w.col}`);
      if (cell) Object.assign(cell, { value: w.value, ...(typeof w.value === "string" ? { numberFormat: "@" } : {}) });
    }
    port.putSheet(ledger.made, master.sheet);
  } else port.writeValues(LEDGER_SHEET, writes.map(valueWrite));
  return writes.map((w) => [w.address, String(ledger.values[w.row]?.[w.col] ?? ""), String(w.value)]);
}
