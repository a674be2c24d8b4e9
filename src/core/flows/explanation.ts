/**
 * "Giải trình" written once against the workbook port (src/core/sheets/port.ts): the add-in (src/excel/explanation.ts
 * through ExcelPort) and the command line (`score --explain`, src/cli/score.ts through XlsxPort) both run it.
 *
 *     planExplanation:  a free name ("Giải trình", "Giải trình (2)"…: never a sheet of the workbook) → buildExplanation
 *     writeExplanation: port.putExplanation(description) → the state after (when the caller keeps one) → port.writeStore
 */
import { buildExplanation, EXPLAIN_SHEET, ExplainDescription, ExplainOptions } from "../findings/explanation";
import { chooseAnnexSheet } from "../sheets/annex";
import { WorkbookPort } from "../sheets/port";
import { StoreState } from "../store/store";
import { Scored } from "./score";

export interface ExplanationPlan {
  sheetName: string;
  description: ExplainDescription;
}

/** The sheet Giải trình goes to (a new one; `alsoTaken`: sheets this run already queued) and its pages. */
export function planExplanation(
  port: Pick<WorkbookPort, "sheets">,
  scored: Scored,
  opts: Omit<ExplainOptions, "sheetName">,
  alsoTaken: readonly string[] = [],
): ExplanationPlan {
  const where = chooseAnnexSheet(EXPLAIN_SHEET, [...port.sheets().map((s) => s.name), ...alsoTaken], undefined);
  return { sheetName: where.name, description: buildExplanation(scored, { ...opts, sheetName: where.name }) };
}

/** Queues Giải trình and, when given, the state after it (the add-in's undo journal) on the port. */
export function writeExplanation(
  port: Pick<WorkbookPort, "putExplanation" | "writeStore">,
  plan: ExplanationPlan,
  stateAfter?: (plan: ExplanationPlan) => StoreState,
): StoreState | null {
  port.putExplanation(plan.description);
  if (!stateAfter) return null;
  const state = stateAfter(plan);
  port.writeStore(state);
  return state;
}
