/**
 * "Tạo phụ lục" written once against the workbook port (src/core/sheets/port.ts): the add-in (src/excel/annex.ts
 * through ExcelPort) and the command line (`score --annex`, src/cli/score.ts through XlsxPort) both run it.
 *
 *     annexMetadata: the decision's details completed (the year from the grid's title) and checked
 *     planAnnex:     the sheet it goes to (port.sheets(): the annex made before is replaced, a user's sheet never)
 *                    → buildAnnex (with the lock's code when the results are locked)
 *     writeAnnex:    port.putAnnex(description) → the state after → port.writeStore
 */
import { AnnexDescription, buildAnnex, chooseAnnexSheet, withCodeLine } from "../sheets/annex";
import {
  completeMetadata,
  DecisionMetadata,
  MetadataProblem,
  provinceInTitle,
  provinceMissing,
  titleRowsOf,
  validateMetadata,
  yearInTitle,
} from "../rules/metadata";
import { Comparison } from "../grid/previous";
import { RowResult } from "../grid/scoring";
import { Rules } from "../rules/rules";
import { StoreState } from "../store/store";
import { WorkbookPort } from "../sheets/port";

/** What the annex needs of a port: the sheets (to choose its own), the annex put as one sheet, the store's state. */
export type AnnexPort = Pick<WorkbookPort, "sheets" | "putAnnex" | "writeStore">;

/** The decision's details for the annex: what was given or stored, the year from the grid's title when none; refused with the problems. */
export function annexMetadata(
  decision: Partial<DecisionMetadata> | undefined,
  values: readonly (readonly unknown[])[],
  headerTop: number,
  /** The add-in: with no province given, the one the grid's title names (the command line says it is missing). */
  opts: { provinceFromTitle?: boolean } = {},
): { ok: true; meta: DecisionMetadata } | { ok: false; problems: MetadataProblem[] } {
  const title = titleRowsOf(values, headerTop);
  // A year not given nor stored is the one the grid's title names, else the year before the decision's.
  const stored = completeMetadata(decision, yearInTitle(title));
  const titleProvince = opts.provinceFromTitle && provinceMissing(stored) ? provinceInTitle(title) : null;
  const meta = titleProvince ? { ...stored, province: titleProvince } : stored;
  const problems = validateMetadata(meta);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, meta };
}

export interface AnnexPlan {
  where: ReturnType<typeof chooseAnnexSheet>;
  description: AnnexDescription;
}

/** Where the annex goes and what it holds: the sheet named in the decision (the annex made before, `owned`, replaced), the ranked rows. */
export function planAnnex(
  port: Pick<WorkbookPort, "sheets">,
  input: { rules: Rules; rows: readonly RowResult[]; meta: DecisionMetadata; comparison: Comparison | null; owned: string | undefined; lockCode?: string },
): AnnexPlan {
  const where = chooseAnnexSheet(
    input.meta.sheetName,
    port.sheets().map((s) => s.name),
    input.owned,
  );
  const description = withCodeLine(buildAnnex(input.rules, input.rows, { ...input.meta, sheetName: where.name }, input.comparison), input.lockCode);
  return { where, description };
}

/** Queues the annex and the state after it on the port (applied as one unit with whatever else was queued). */
export function writeAnnex(port: Pick<AnnexPort, "putAnnex" | "writeStore">, plan: AnnexPlan, stateAfter: (plan: AnnexPlan) => StoreState): StoreState {
  port.putAnnex(plan.description);
  const state = stateAfter(plan);
  port.writeStore(state);
  return state;
}
