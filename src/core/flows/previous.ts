/**
 * "So sánh với năm trước" and the "Sáp nhập" sheet written once against the workbook port
 * (src/core/sheets/port.ts): the add-in (src/excel/scoring.ts, lineage-sheet.ts through ExcelPort) and the
 * command line (`score --previous`, src/cli/score.ts through XlsxPort) both run it.
 *
 *     readLastYear:        last year's workbook, opened as a port of its own (the package, or the file the pane
 *                          read) → its agencies, scored with the rules it stores, its year
 *     compareWithLastYear: last year of an earlier year (unless confirmed) → the 2025 list offered or used →
 *                          compareYears through the lineage; the result columns then ride in "Tính điểm"'s plan
 *                          (planScoring's comparison) and the store keeps lastYearRecord
 *     lastYearOnSheet:     last year's columns read back from the score sheet (the annex, the card, Giải trình)
 *     putLineageSheet:     the lineage used as the "Sáp nhập" sheet → port.putSheet
 */
import { Both, both } from "../base/catalogue";
import { Origin, SHEET_ORIGIN } from "../base/address";
import { Finding } from "../findings/findings";
import {
  AnnexPreviousProblem,
  compareYears,
  Comparison,
  comparisonFromSheet,
  comparedRecord,
  comparisonNotices,
  PreviousInput,
  previousNotEarlier,
  PreviousProblem,
  PreviousYearData,
  scorePreviousYear,
  withComparedRecord,
} from "../grid/previous";
import { RowResult } from "../grid/scoring";
import { entryText, isLineageSheet, lineage2025Offer, lineageInUse, LINEAGE_MESSAGES, LINEAGE_SHEET, lineageSheetValues, withLineage } from "../rules/lineage";
import { LineageRule, RuleProblem, Rules, validateRules } from "../rules/rules";
import { SheetDescription } from "../sheets/sheet";
import { WorkbookPort } from "../sheets/port";
import { LastYearRecord, STORE_SHEET, StoreState } from "../store/store";
import { legacyToUnicode } from "../text/legacy-encoding";
import { Scored } from "./score";

export type LastYearRead = ({ ok: true } & PreviousYearData) | { ok: false; problem: PreviousProblem };

/**
 * Last year's agencies from its workbook, read through a port of its own: scored with the rules it stores (or
 * the preset), on its first visible sheet with a score grid (not its annex, not the store); the year its stored
 * decision names kept for previousNotEarlier (a title without a year).
 */
export function readLastYear(last: Pick<WorkbookPort, "sheets" | "readSheet" | "readStore">, file: string): LastYearRead {
  const stored = last.readStore();
  const state = stored.ok ? stored.state : undefined;
  const annexName = state?.annex?.sheetName;
  const sheets = last
    .sheets()
    .filter((ws) => ws.name !== STORE_SHEET && ws.state === "visible" && ws.name !== annexName)
    .map((ws) => ({ name: ws.name, values: last.readSheet(ws.name).values }));
  const read = scorePreviousYear(sheets, state?.rules, file);
  const year = state?.decision?.year;
  return read.ok && year !== undefined ? { ...read, decisionYear: year } : read;
}

/**
 * The lineage the workbook's "Sáp nhập" sheet declares (null: no such sheet), read through the port as every
 * reader reads it, or why it cannot be read (both languages, its cell and the fix).
 */
export function sheetLineage(port: Pick<WorkbookPort, "sheets" | "readSheet">): { ok: true; lineage: LineageRule[] | null } | ({ ok: false } & Both) {
  const ws = port.sheets().find((w) => isLineageSheet(w.name));
  if (!ws) return { ok: true, lineage: null };
  const used = lineageInUse(port.readSheet(ws.name).values, []);
  return used.ok ? { ok: true, lineage: used.lineage } : used;
}

/** The rules with another lineage (checked again: one entry per agency). */
export function rulesWithLineage(rules: Rules, lineage: readonly LineageRule[]): ReturnType<typeof validateRules> {
  const { lineage: _old, ...rest } = rules.json;
  void _old;
  return validateRules(lineage.length > 0 ? { ...rest, lineage: lineage.map((e) => ({ name: e.name, from: [...e.from] })) } : rest);
}

/** Names typed in TCVN3 or VNI (old workbooks) are compared in Unicode. */
export const toUnicode = (t: string): string => legacyToUnicode(t)?.text ?? t;

export interface LastYearChoice {
  /** Last year's agencies (readLastYear, or a sheet of this workbook scored with its rules). */
  last: PreviousInput;
  /** Use the built-in 2025 list of department mergers where it fits (otherwise it is only offered). */
  lineage2025: boolean;
  /** Compared even though last year's is not of an earlier year (the user confirmed; --force-previous). */
  force: boolean;
  /** Who reads the 2025 list's offer. */
  where: "pane" | "cli";
}

export interface ThisYear {
  /** This year's grid scored, with the rules in use (the "Sáp nhập" sheet's lineage in them). */
  scored: Scored;
  values: readonly (readonly unknown[])[];
  origin?: Origin;
  /** The year stated for this run (--year), else the one the stored decision names, else the grid's title's. */
  stated?: number | null;
  decisionYear?: number | null;
}

export type LastYearCompared =
  | {
      ok: true;
      comparison: Comparison;
      /** rulesChangedSinceLastYear, on the grid's name header, when last year's stored rules differ. */
      finding: Finding | null;
      /** What the user is told: the 2025 list offered or used, the two years, the agencies gone. */
      notices: Both[];
      /** The rules compared with (the 2025 entries accepted in their lineage). */
      rules: Rules;
      /** The 2025 entries accepted for this comparison (kept in the store's record, written to "Sáp nhập"). */
      accepted: LineageRule[];
      /** The lineage with them, when any was accepted. */
      lineage: LineageRule[] | null;
      /** The 2025 entries asked for but refused by the rules' checks (the rules stay as they were). */
      refused: RuleProblem[] | null;
      use2025: boolean;
    }
  | { ok: false; notEarlier: { previous: number; current: number } };

/** This year against last year's: the years checked, the 2025 list offered or used, compared through the lineage. */
export function compareWithLastYear(now: ThisYear, choice: LastYearChoice): LastYearCompared {
  const { scored } = now;
  const years = previousNotEarlier(choice.last, { stated: now.stated, decisionYear: now.decisionYear, values: now.values, headerTop: scored.layout.headerTop });
  if (years && !choice.force) return { ok: false, notEarlier: years };
  let rules = scored.rules;
  let accepted: LineageRule[] = [];
  let lineage: LineageRule[] | null = null;
  let refused: RuleProblem[] | null = null;
  const notices: Both[] = [];
  const offered = lineage2025Offer(
    scored.rows.map((r) => r.name),
    choice.last.agencies.map((a) => a.name),
    rules.lineage,
    toUnicode,
  );
  if (offered.length > 0) {
    const entries = offered.map(entryText);
    const wanted = choice.lineage2025 ? withLineage(rules.lineage, offered) : null;
    const used = wanted ? rulesWithLineage(rules, wanted) : null;
    if (used && !used.ok) refused = used.problems;
    if (used?.ok) [rules, accepted, lineage] = [used.rules, offered, wanted];
    notices.push(
      used?.ok ? both(LINEAGE_MESSAGES, "lineage2025Applied", { entries }) : both(LINEAGE_MESSAGES, "lineage2025Offered", { entries, where: choice.where }),
    );
  }
  const compared = compareYears(now.values, { ...scored, rules }, choice.last, toUnicode, now.origin ?? SHEET_ORIGIN);
  notices.push(...comparisonNotices(compared.comparison));
  return { ok: true, ...compared, notices, rules, accepted, lineage, refused, use2025: choice.lineage2025 };
}

/** The store's record after "Tính điểm" compared on `sheet`: the 2025 list's choice, the comparison written (the annex, the card and Giải trình read it). */
export function lastYearRecord(state: StoreState, compared: Extract<LastYearCompared, { ok: true }>, sheet: string): LastYearRecord {
  return { ...state.lastYear, lineage2025: compared.use2025, compared: comparedRecord(compared.comparison, sheet, compared.accepted) };
}

export type LastYearOnSheet = { ok: true; comparison: Comparison | null; problem: AnnexPreviousProblem | null } | ({ ok: false } & Both);

/**
 * Last year's columns as "Tạo phụ lục", the agency card and "Giải trình" read them from the score sheet: through
 * the lineage the last "Tính điểm" compared through (the "Sáp nhập" sheet, `table`, null when the workbook has
 * none; else the rules', with the 2025 entries it accepted), with the two years and the rules changed it kept in
 * the store (null with `problem` when its columns are missing or do not read as ranks). Refused when the sheet
 * shows last year's columns and the "Sáp nhập" sheet cannot be read: the message names its cell and the fix.
 */
export function lastYearOnSheet(
  sheet: { name: string; values: readonly (readonly unknown[])[]; origin: Origin },
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

/**
 * The "Sáp nhập" sheet with the lineage (it replaces the workbook's sheet of that name, or is added at the
 * end): text cells, the header row bold, the two columns wide.
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

/** Queues the "Sáp nhập" sheet with the lineage on the port; returns its description. */
export function putLineageSheet(port: Pick<WorkbookPort, "sheets" | "putSheet">, lineage: readonly LineageRule[]): SheetDescription {
  const description = lineageSheetDescription(
    port.sheets().map((s) => s.name),
    lineage,
  );
  port.putSheet(description);
  return description;
}
