/**
 * "Tính điểm" after the scores, written once against the workbook port (src/core/sheets/port.ts): the add-in
 * (src/excel/scoring.ts through ExcelPort) and the command line (src/cli/score.ts through XlsxPort) both run it.
 *
 *     planScoring:  refused when the results are locked → the grid's snapshot from the port → planResultWrite
 *                   (refused, naming the cells, when a result column holds content the tool did not write) →
 *                   the caller's adjustments
 *     writeScoring: port.writeResults(plan) → the marks to record → the state after → port.writeStore
 *
 * Between the two the caller decides whether to write at all (the add-in: nothing changed, a protected
 * sheet). The port applies what was queued as one unit: the package when it is saved, Office.js in one
 * batch with the store and its undo journal first.
 */
import { SHEET_ORIGIN } from "../base/address";
import { LegacyCell } from "../grid/legacy-cells";
import { planResultWrite, PlanResult, WritePlan } from "../grid/plan";
import { Comparison } from "../grid/previous";
import { ScoreResult } from "../grid/scoring";
import { lockRefusal } from "../store/lock";
import { MarkRecord, StoreState } from "../store/store";
import { WorkbookPort } from "../sheets/port";

export type Scored = Extract<ScoreResult, { ok: true }>;

/** What "Tính điểm" needs of a port: the grid's snapshot, the result write, the store's state. */
export type ScoringPort = Pick<WorkbookPort, "readSheet" | "writeResults" | "writeStore">;

export interface ScoringPlanInput {
  /** The grid's sheet, as the port knows it. */
  sheet: string;
  scored: Scored;
  /** The store as read: what the tool wrote and marked before. */
  state: StoreState;
  comparison: Comparison | null;
  /** The values the result columns are checked against (the command line's, with the sums and conversions it put in); the snapshot's by default. */
  values?: readonly (readonly unknown[])[];
  /** Who reads a refusal. */
  where?: "pane" | "cli";
  /** What the caller adds to the plan (the add-in's ledger sums and concluded scores, written with the results). */
  adjust?: (plan: WritePlan) => WritePlan;
  /** Planned to be shown, never written (the command line without -o): results locked do not stop it. */
  showOnly?: boolean;
}

/** What "Tính điểm" writes on the grid: planned from the port's snapshot of the sheet. */
export function planScoring(port: ScoringPort, input: ScoringPlanInput): PlanResult {
  // Results locked ("Chốt kết quả", src/core/flows/lock.ts) are not written again until "Mở chốt".
  if (input.state.lock && !input.showOnly) return { ok: false, cells: [], ...lockRefusal(input.state.lock, "score") };
  const read = port.readSheet(input.sheet);
  const planned = planResultWrite(
    input.values ?? read.values,
    read.formulas,
    read.origin ?? SHEET_ORIGIN,
    input.sheet,
    input.scored,
    input.state,
    input.comparison,
    input.where ?? "pane",
  );
  if (!planned.ok) return planned;
  return { ok: true, plan: input.adjust ? input.adjust(planned.plan) : planned.plan };
}

export interface ScoringWrite {
  sheet: string;
  scored: Scored;
  plan: WritePlan;
  /** Legacy texts converted to Unicode (the command line's --fix-encoding). */
  converted?: readonly LegacyCell[];
  /** The store's state after the write, from the plan and the marks the port recorded (each cell's own fill before it). */
  stateAfter: (plan: WritePlan, marks: MarkRecord[]) => StoreState;
}

/** Queues "Tính điểm"'s write on the port: results, headers, marks, then the state after; returns the marks and the state. */
export function writeScoring(port: ScoringPort, write: ScoringWrite): { marks: MarkRecord[]; state: StoreState } {
  const marks = port.writeResults({ sheet: write.sheet, plan: write.plan, layout: write.scored.layout, converted: write.converted ?? [] });
  const state = write.stateAfter(write.plan, marks);
  port.writeStore(state);
  return { marks, state };
}
