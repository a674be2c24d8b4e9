/**
 * The command line and the council's conclusions: `score` on a workbook with the "Chênh lệch" sheet a
 * merge made reads "Kết luận của hội đồng" back, puts each concluded score into the grid (written with
 * -o, logged) and scores that; differences left without a conclusion are findings (exit code 1).
 */
import { SHEET_ORIGIN } from "../core/base/address";
import { applyConclusions, applyCriterionConclusions, ConclusionsApplied } from "../core/forms/conclusions";
import { LEDGER_SHEET } from "../core/grid/ledger";
import { FORM_TEXT } from "../core/forms/form-messages";
import { Rules } from "../core/rules/rules";
import { ScoreResult, scoreSheet } from "../core/grid/scoring";
import { StoreState } from "../core/store/store";
import { SheetValues } from "./workbook";

type Scored = Extract<ScoreResult, { ok: true }>;

/** The grid with the conclusions applied and scored again; null when the workbook has no "Chênh lệch" sheet with the council's columns. */
export function withSheetConclusions(
  port: { sheets(): readonly { name: string }[]; readSheet(name: string): { values: unknown[][] } },
  state: StoreState,
  picked: { data: SheetValues; result: Scored },
  rules: Rules,
): { data: SheetValues; result: Scored; applied: ConclusionsApplied; changes: [string, string, string][] } | null {
  const name = state.loopSheets?.diff ?? FORM_TEXT.diffSheet;
  if (!port.sheets().some((w) => w.name === name)) return null;
  const applied = applyConclusions(picked.data.values, picked.result.layout, rules, { values: port.readSheet(name).values, sheetName: name }, SHEET_ORIGIN);
  if (applied.concluded + applied.unconcluded === 0) return null;
  const result = applied.writes.length > 0 ? scoreSheet(applied.values, rules, SHEET_ORIGIN, "cli") : picked.result;
  if (!result.ok) return null;
  const changes = applied.writes.map((w): [string, string, string] => [w.address, String(picked.data.values[w.row]?.[w.col] ?? ""), String(w.value)]);
  return { data: { ...picked.data, values: applied.values }, result, applied, changes };
}

/** The conclusions of the rows naming a criterion applied to the ledger's values (Thẩm định); null when there are none. */
export function withCriterionConclusions(
  port: { sheets(): readonly { name: string }[]; readSheet(name: string): { values: unknown[][] } },
  state: StoreState,
  rules: Rules,
  ledgerValues: unknown[][],
): ConclusionsApplied | null {
  const name = state.loopSheets?.diff ?? FORM_TEXT.diffSheet;
  if (rules.leaves.length === 0 || !port.sheets().some((w) => w.name === name)) return null;
  const applied = applyCriterionConclusions(ledgerValues, rules, { values: port.readSheet(name).values, sheetName: name }, LEDGER_SHEET);
  return applied.concluded + applied.unconcluded === 0 ? null : applied;
}
