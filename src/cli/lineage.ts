/**
 * The command line's lineage: the input workbook's "Sáp nhập" sheet read into the rules' lineage,
 * the 2025 list offered (or used with --lineage-2025), and the sheet written back to the output.
 */
import type * as ExcelJS from "exceljs";
import { both, Both, joinBoth } from "../core/catalogue";
import {
  entryText,
  isLineageSheet,
  lineage2025Offer,
  LINEAGE_MESSAGES,
  LINEAGE_SHEET,
  lineageSheetValues,
  readLineageSheet,
  withLineage,
} from "../core/lineage";
import type { PreviousAgency } from "../core/previous";
import { LineageRule, Rules, validateRules } from "../core/rules";
import { readSheet } from "./workbook";

/** The "Sáp nhập" sheet of a workbook, if it has one. */
const lineageSheetOf = (wb: ExcelJS.Workbook) => wb.worksheets.find((w) => isLineageSheet(w.name));

/** The lineage the workbook's "Sáp nhập" sheet declares (null: no such sheet), or why it cannot be read (both languages). */
export function sheetLineage(wb: ExcelJS.Workbook): { ok: true; lineage: LineageRule[] | null } | ({ ok: false } & Both) {
  const ws = lineageSheetOf(wb);
  if (!ws) return { ok: true, lineage: null };
  const read = readLineageSheet(readSheet(ws).values);
  if (read.ok) return { ok: true, lineage: read.lineage };
  return { ok: false, ...joinBoth(read.problems.map((p) => both(LINEAGE_MESSAGES, p.code, p as never))) };
}

/** The rules with another lineage (checked again: one entry per agency). */
export function rulesWithLineage(rules: Rules, lineage: readonly LineageRule[]): ReturnType<typeof validateRules> {
  const { lineage: _old, ...rest } = rules.json;
  void _old;
  return validateRules(lineage.length > 0 ? { ...rest, lineage: lineage.map((e) => ({ name: e.name, from: [...e.from] })) } : rest);
}

/**
 * The 2025 list against this year's and last year's agencies: what it would add, and the notice
 * (offered, or used when `accept`). The lineage is unchanged unless accepted.
 */
export function lineage2025(
  rules: Rules,
  current: readonly { name: string }[],
  previous: readonly PreviousAgency[],
  accept: boolean,
  toUnicode: (t: string) => string,
): { lineage: LineageRule[]; added: LineageRule[]; notice: Both | null } {
  const declared = rules.json.lineage ?? [];
  const offered = lineage2025Offer(
    current.map((r) => r.name),
    previous.map((p) => p.name),
    declared,
    toUnicode,
  );
  if (offered.length === 0) return { lineage: [...declared], added: [], notice: null };
  const entries = offered.map(entryText);
  if (!accept) return { lineage: [...declared], added: [], notice: both(LINEAGE_MESSAGES, "lineage2025Offered", { entries, where: "cli" }) };
  return { lineage: withLineage(declared, offered), added: offered, notice: both(LINEAGE_MESSAGES, "lineage2025Applied", { entries }) };
}

/** Writes the lineage to the "Sáp nhập" sheet (its values replaced; the sheet added at the end when missing). */
export function writeLineageSheet(wb: ExcelJS.Workbook, lineage: readonly LineageRule[]): void {
  const ws = lineageSheetOf(wb) ?? wb.addWorksheet(LINEAGE_SHEET);
  for (let r = ws.rowCount; r >= 1; r--) ws.spliceRows(r, 1);
  lineageSheetValues(lineage).forEach((row, i) => {
    row.forEach((v, j) => {
      const cell = ws.getCell(i + 1, j + 1);
      cell.value = v;
      cell.numFmt = "@";
      if (i === 0) cell.font = { bold: true };
    });
  });
  ws.getColumn(1).width = 40;
  ws.getColumn(2).width = 45;
}
