/**
 * The command line's lineage: the input workbook's "Sáp nhập" sheet read into the rules' lineage,
 * the 2025 list offered (or used with --lineage-2025), and the sheet written back to the output.
 */
import { both, Both } from "../core/base/catalogue";
import {
  entryText,
  isLineageSheet,
  lineage2025Offer,
  lineageInUse,
  LINEAGE_MESSAGES,
  LINEAGE_SHEET,
  lineageSheetValues,
  withLineage,
} from "../core/rules/lineage";
import type { PreviousAgency } from "../core/grid/previous";
import { LineageRule, Rules, validateRules } from "../core/rules/rules";
import type { SheetDescription } from "../core/sheets/sheet";

/**
 * The lineage the workbook's "Sáp nhập" sheet declares (null: no such sheet), or why it cannot be read
 * (both languages); the sheets and their values come through the workbook port.
 */
export function sheetLineage(
  sheets: readonly { name: string }[],
  read: (name: string) => unknown[][],
): { ok: true; lineage: LineageRule[] | null } | ({ ok: false } & Both) {
  const ws = sheets.find((w) => isLineageSheet(w.name));
  if (!ws) return { ok: true, lineage: null };
  // Read as every reader reads it (refused with its cell and the fix when it cannot be read).
  const used = lineageInUse(read(ws.name), []);
  return used.ok ? { ok: true, lineage: used.lineage } : used;
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

/**
 * The "Sáp nhập" sheet with the lineage (it replaces the workbook's sheet of that name, or is added at
 * the end): text cells, the header row bold, the two columns wide.
 */
export function lineageSheetDescription(existing: readonly string[], lineage: readonly LineageRule[]): SheetDescription {
  const values = lineageSheetValues(lineage);
  const plain = { bold: false, italic: false, size: 11, hAlign: "left" as const, vAlign: "top" as const, wrap: false, border: false };
  return {
    sheetName: existing.find(isLineageSheet) ?? LINEAGE_SHEET,
    font: "Calibri",
    styles: { header: { ...plain, bold: true }, cell: plain },
    columnWidths: [40, 45],
    rowHeights: [],
    cells: values.flatMap((row, i) => row.map((v, j) => ({ row: i, col: j, value: v, style: i === 0 ? "header" : "cell", numberFormat: "@" }))),
    merges: [],
    validations: [],
    protect: false,
    print: {
      orientation: "portrait",
      paper: "A4",
      fitToPagesWide: 1,
      fitToPagesTall: 0,
      margins: { top: 2, bottom: 2, left: 2, right: 2, header: 0.8, footer: 0.8 },
      centerHorizontally: false,
    },
    frozenRows: 0,
    rowCount: values.length,
    colCount: 2,
  };
}
