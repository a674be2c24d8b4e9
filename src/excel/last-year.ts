/**
 * Last year's columns as "Tạo phụ lục", the agency card and "Giải trình" read them from the score
 * sheet: through the lineage the last "Tính điểm" compared through (the "Sáp nhập" sheet, else the
 * rules', with the 2025 entries it accepted), with the two years and the rules changed it kept in the
 * store. A "Sáp nhập" sheet that cannot be read is refused by every reader the same way (lineageInUse).
 */
import type { Both } from "../core/base/catalogue";
import { lineageInUse } from "../core/rules/lineage";
import { AnnexPreviousProblem, Comparison, comparisonFromSheet, withComparedRecord } from "../core/grid/previous";
import type { Rules } from "../core/rules/rules";
import type { RowResult } from "../core/grid/scoring";
import type { StoreState } from "../core/store/store";
import type { SheetData } from "./sheet-read";

export type LastYearOnSheet = { ok: true; comparison: Comparison | null; problem: AnnexPreviousProblem | null } | ({ ok: false } & Both);

/**
 * Last year's comparison on `sheet` (null with `problem` when its columns are missing or do not read as
 * ranks). Refused when the sheet shows last year's columns and the "Sáp nhập" sheet (`table`, null when
 * the workbook has none) cannot be read: the message names its cell and the fix.
 */
export function lastYearOnSheet(
  sheet: Pick<SheetData, "name" | "values" | "origin">,
  scored: { layout: { headerRow: number }; rows: readonly RowResult[]; rules: Rules },
  state: StoreState,
  table: unknown[][] | null,
): LastYearOnSheet {
  const record = state.lastYear?.compared?.sheet === sheet.name ? state.lastYear.compared : undefined;
  const lineage = lineageInUse(table, scored.rules.lineage, record?.lineage2025 ?? []);
  const read = comparisonFromSheet(sheet.values, scored, sheet.origin, lineage.ok ? lineage.lineage : []);
  if (!lineage.ok && (read.ok || read.problem.code !== "annexPreviousNoColumns")) return { ok: false, message: lineage.message, messageEn: lineage.messageEn };
  if (!read.ok) return { ok: true, comparison: null, problem: read.problem };
  return { ok: true, comparison: withComparedRecord(read.comparison, record, sheet.name), problem: null };
}
