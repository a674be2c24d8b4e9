import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { SHEET_ORIGIN } from "../core/address";
import { annexGate, annexNotice, annexAsSheet, buildAnnex, chooseAnnexSheet } from "../core/annex";
import { jsonRow } from "../core/columns";
import { Finding } from "../core/findings";
import { jsonSyntaxProblem } from "../core/json-syntax";
import { completeMetadata, DecisionMetadata, provinceMissing, titleRowsOf, validateMetadata, withProvince, yearInTitle } from "../core/metadata";
import { MARK_FILL, planResultWrite } from "../core/plan";
import { LineageRule, PRESET_THAI_BINH_2020, Rules, RulesJson, validateRules } from "../core/rules";
import { LINEAGE_SHEET } from "../core/lineage";
import { lineage2025, rulesWithLineage, sheetLineage, writeLineageSheet } from "./lineage";
import { rankedRows, RowResult, scoreSheet, ScoreResult } from "../core/scoring";
import { MarkRecord, STORE_SHEET, StoreState } from "../core/store";
import { STORE_MESSAGES } from "../core/store-check";
import { both, Both, joinBoth, Lang, pick } from "../core/catalogue";
import { lastRunRecord } from "../core/summary";
import { renderSheetExcelJS } from "../xlsx/render";
import { bothOf, cliBoth, RulesSource } from "./messages";
import { checkOutput, writeAtomically } from "./output";
import { readSheet, readStore, SheetValues, writeStore } from "./workbook";
import { byEncoding, LEGACY_MESSAGES, LegacyCell, legacyExample, withConverted } from "../core/legacy-cells";
import { ENCODING_NAMES, legacyToUnicode, unicodeFontFor } from "../core/legacy-encoding";
import {
  addExplanationSheet,
  chartFile,
  comparisonJson,
  JsonComparison,
  JsonFinding,
  jsonFindings,
  jsonRowExtras,
  JsonRowExtras,
  previousAgencies,
} from "./extras";
import { compareYears, Comparison, comparisonNotices, PREVIOUS_HEADERS, rankChangeText } from "../core/previous";
import { matchKey } from "../core/text";
import { checkStale, staleFinding } from "../core/stale";
import { lockRefusal } from "../core/lock";
import { appendLog, blockChanges, logEntry } from "../core/log";
import { cellAddress } from "../core/address";
import { applyLedger, criteriaJson, CriteriaJson, withCriteriaSheet, withGridWritten } from "./ledger";

export interface ScoreOptions {
  input: string;
  /** OUT.xlsx; without it the workbook is scored and nothing is written. */
  output?: string;
  /** Replace OUT.xlsx when it exists (never the input file). */
  force?: boolean;
  sheet?: string;
  rulesFile?: string;
  annex?: boolean;
  decision?: Partial<DecisionMetadata>;
  /** Convert headers, names and notes typed in TCVN3/VNI to Unicode (in the output, and for scoring). */
  fixEncoding?: boolean;
  /** Each step's name, in the user's language. */
  onProgress?: (step: string) => void;
  /** The user's language for the steps (the messages come in both; the annex is always Vietnamese). */
  lang?: Lang;
  now?: Date;
  /** Last year's workbook, for "Xếp hạng năm trước" and "Tăng/giảm". */
  previous?: string;
  /** Accept a --previous workbook whose year is not earlier than this one's. */
  forcePrevious?: boolean;
  /** With --previous and --annex: the annex shows "Xếp hạng năm trước" and "Tăng/giảm" too. */
  annexPrevious?: boolean;
  /** Where to write the chart of indices (SVG). */
  chart?: string;
  /** Who runs it, for the log (--by). */
  by?: string;
  /** Adds the Giải trình sheet, one page per agency. */
  explain?: boolean;
  /** Uses the built-in 2025 list of department mergers where it fits (offered otherwise). */
  lineage2025?: boolean;
}

/** A row of the JSON output: the agency's name, each result column's key and value (columns.ts), and the explanations. */
export type JsonRow = Record<string, string | number | null> & JsonRowExtras & CriteriaJson;

export type ScoreOutcome =
  | {
      ok: true;
      sheet: string;
      rows: RowResult[];
      result: Extract<ScoreResult, { ok: true }>;
      /** The sheet's values as scored (what a correction is tried on). */
      values: unknown[][];
      findings: Finding[];
      annexSheet: string | null;
      /** The file written, or null without -o. */
      output: string | null;
      /** What the user should know, in both languages. */
      notices: Both[];
      explainSheet: string | null;
      json: { rows: JsonRow[]; findings: JsonFinding[]; comparison?: JsonComparison };
    }
  | { ok: false; message: Both };

/** Unusable input: the message the user sees (in both languages), with exit code 2. */
export class Unusable extends Error {
  constructor(readonly detail: Both) {
    super(detail.message);
  }
}

export const fail = (message: Both): never => {
  throw new Unusable(message);
};

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  if (!fs.existsSync(file)) fail(cliBoth("fileMissing", { file }));
  if (fs.statSync(file).isDirectory()) fail(cliBoth("fileIsFolder", { file }));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    fail(cliBoth("notWorkbook", { file }));
  }
  return wb;
}

/** The rules with the lineage given (refused, exit code 2, when the lineage does not validate). */
function lineageRules(rules: Rules, lineage: LineageRule[]): { rules: Rules; json: RulesJson } {
  const checked = rulesWithLineage(rules, lineage);
  if (!checked.ok) fail(cliBoth("rulesInvalid", { source: { kind: "sheet", sheet: LINEAGE_SHEET }, problems: checked.problems }));
  const ok = checked as Extract<typeof checked, { ok: true }>;
  return { rules: ok.rules, json: ok.rules.json };
}

export function rulesFrom(opts: ScoreOptions, state: StoreState): { rules: Rules; json: RulesJson; source: RulesSource } {
  let json: unknown = state.rules ?? PRESET_THAI_BINH_2020;
  let source: RulesSource = state.rules ? { kind: "workbook" } : { kind: "preset" };
  if (opts.rulesFile) {
    if (!fs.existsSync(opts.rulesFile)) fail(cliBoth("rulesFileMissing", { file: opts.rulesFile }));
    const text = fs.readFileSync(opts.rulesFile, "utf8").replace(/^\uFEFF/, "");
    try {
      json = JSON.parse(text);
    } catch {
      fail(cliBoth("rulesNotJson", { file: opts.rulesFile, problem: jsonSyntaxProblem(text) }));
    }
    source = { kind: "file", file: path.basename(opts.rulesFile) };
  }
  const checked = validateRules(json);
  if (!checked.ok) fail(cliBoth("rulesInvalid", { source, problems: checked.problems }));
  const ok = checked as Extract<typeof checked, { ok: true }>;
  return { rules: ok.rules, json: ok.rules.json, source };
}

/**
 * Scores a sheet's values; with `fix`, the legacy cells found (headers first when they hide the grid,
 * then names and notes) are converted and the sheet scored again. Formulas are never replaced.
 */
function scoreValues(data: SheetValues, rules: Rules, fix: boolean): { data: SheetValues; result: ScoreResult; converted: LegacyCell[] } {
  let values = data.values;
  let result = scoreSheet(values, rules, SHEET_ORIGIN);
  const converted: LegacyCell[] = [];
  for (let pass = 0; fix && pass < 2 && result.legacy.length > 0; pass++) {
    const constants = result.legacy.filter((c) => !String(data.formulas[c.row]?.[c.col] ?? "").startsWith("="));
    if (constants.length === 0) break;
    converted.push(...constants);
    values = withConverted(values, constants);
    result = scoreSheet(values, rules, SHEET_ORIGIN);
  }
  return { data: { values, formulas: data.formulas }, result, converted };
}

export function pickSheet(wb: ExcelJS.Workbook, rules: Rules, wanted: string | undefined, annexName: string | undefined, fix = false) {
  const sheets = wb.worksheets.filter((w) => w.name !== STORE_SHEET);
  if (wanted) {
    const ws = sheets.find((w) => w.name === wanted);
    if (!ws) fail(cliBoth("noSuchSheet", { sheet: wanted, sheets: sheets.map((w) => w.name) }));
    const { data, result, converted } = scoreValues(readSheet(ws!), rules, fix);
    if (!result.ok) fail(cliBoth("onSheet", { sheet: wanted, reason: result.error }));
    return { ws: ws!, data, result: result as Extract<ScoreResult, { ok: true }>, converted };
  }
  let firstError: Both | null = null;
  for (const ws of sheets) {
    if (ws.state !== "visible" || ws.name === annexName) continue;
    const { data, result, converted } = scoreValues(readSheet(ws), rules, fix);
    if (result.ok) return { ws, data, result, converted };
    firstError ??= cliBoth("onSheet", { sheet: ws.name, reason: result.error });
  }
  return fail(firstError ?? cliBoth("noGridSheet", {}));
}

/**
 * The command line's "Tính điểm": reads IN.xlsx, scores the first sheet with a grid (or --sheet),
 * writes the result columns, marks and, with --annex, the annex, into OUT.xlsx exactly as the add-in
 * would. IN.xlsx is never modified.
 */
export async function scoreWorkbook(opts: ScoreOptions): Promise<ScoreOutcome> {
  const onProgress = opts.onProgress ?? (() => undefined);
  const progress = (step: Parameters<typeof cliBoth>[0]) => onProgress(pick(cliBoth(step, {} as never), opts.lang ?? "vi"));
  try {
    // OUT.xlsx is checked before the work and again just before the write.
    const outputProblem = () => {
      if (opts.output === undefined) return;
      const checked = checkOutput(opts.input, opts.output, opts.force === true);
      if (!checked.ok) fail(bothOf(checked.message));
    };
    outputProblem();
    progress("stepRead");
    const wb = await loadWorkbook(opts.input);
    const stored = readStore(wb);
    if (!stored.ok) fail(stored);
    const { state, issues } = stored as Extract<typeof stored, { ok: true }>;
    // A locked workbook is scored and shown, never written (Mở chốt first).
    if (state.lock && opts.output !== undefined) fail(lockRefusal(state.lock, "score"));
    let { rules, json: rulesJson } = rulesFrom(opts, state);
    // The "Sáp nhập" sheet, when the workbook has one, is the lineage (the table people keep).
    const fromSheet = sheetLineage(wb);
    if (!fromSheet.ok) fail(fromSheet);
    const sheetLineageRules = (fromSheet as Extract<typeof fromSheet, { ok: true }>).lineage;
    if (sheetLineageRules) ({ rules, json: rulesJson } = lineageRules(rules, sheetLineageRules));
    // A criteria set kept as a worksheet “Bộ tiêu chí” is read into the rules (src/cli/ledger.ts).
    rules = withCriteriaSheet(wb, rules);
    rulesJson = rules.json;

    progress("stepScore");
    const picked = pickSheet(wb, rules, opts.sheet, state.annex?.sheetName, opts.fixEncoding === true);
    const { ws, converted } = picked;
    // Criteria sets: a ledger's leaves computed and their sums put into the grid first (src/cli/ledger.ts).
    const ledger = applyLedger(wb, ws, picked.data, rules, state);
    const { data, result } = ledger ?? picked;
    // Result columns already on the sheet that the scores no longer give: reported, then rewritten.
    const stale = staleFinding(checkStale(data.values, result, SHEET_ORIGIN), SHEET_ORIGIN);
    const findings = stale ? [...result.findings, stale] : [...result.findings];
    let comparison: Comparison | null = null;
    let lineageToWrite: LineageRule[] | null = null;
    const notices: Both[] = byEncoding(converted).map((cells) => both(LEGACY_MESSAGES, "converted", legacyExample(cells, ENCODING_NAMES)));
    if (opts.previous) {
      progress("stepPrevious");
      if (path.resolve(opts.previous) === path.resolve(opts.input)) fail(cliBoth("previousSameFile", {}));
      const previousWb = await loadWorkbook(opts.previous);
      const last = previousAgencies(previousWb, opts.previous);
      if (!last.ok) fail(last);
      // Last year's workbook must be of an earlier year (its title's, else its stored decision's) than this
      // one (--year, the stored decision, the title), unless --force-previous says it is meant.
      const previousStore = readStore(previousWb);
      const previousYear = (last as { year?: number | null }).year ?? (previousStore.ok ? previousStore.state.decision?.year : undefined) ?? null;
      const currentYear = opts.decision?.year ?? state.decision?.year ?? yearInTitle(titleRowsOf(data.values, result.layout.headerTop));
      if (previousYear !== null && currentYear !== null && previousYear >= currentYear && !opts.forcePrevious)
        fail(cliBoth("previousNotEarlier", { file: opts.previous, previous: previousYear, current: currentYear }));
      const lastYear = last as Extract<typeof last, { ok: true }>;
      const toUnicode = (t: string) => legacyToUnicode(t)?.text ?? t;
      // The 2025 mergers: offered where they fit, used with --lineage-2025 (and written to "Sáp nhập" with -o).
      const offer = lineage2025(rules, result.rows, lastYear.agencies, opts.lineage2025 === true, toUnicode);
      if (offer.notice) notices.push(offer.notice);
      if (offer.added.length > 0) {
        ({ rules, json: rulesJson } = lineageRules(rules, offer.lineage));
        lineageToWrite = offer.lineage;
      }
      // Names typed in TCVN3 or VNI (old workbooks) are compared in Unicode; through the rules' lineage.
      const compared = compareYears(data.values, { ...result, rules }, lastYear, toUnicode);
      comparison = compared.comparison;
      if (compared.finding) findings.push(compared.finding);
      notices.push(...comparisonNotices(comparison));
    }
    const planned = planResultWrite(data.values, data.formulas, SHEET_ORIGIN, ws.name, result, state);
    if (!planned.ok) fail(joinBoth([planned, ...issues.map((issue) => both(STORE_MESSAGES, "setAside", { issue, sheet: STORE_SHEET }))]));
    const plan = (planned as Extract<typeof planned, { ok: true }>).plan;

    progress("stepWrite");
    // --fix-encoding: the converted texts replace the legacy ones (the cells keep their look).
    // A legacy font (“.VnTime”, “VNI-Times”) would show Unicode wrongly: the cell takes a Unicode one.
    for (const c of converted) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      cell.value = c.converted;
      const font = unicodeFontFor(cell.font?.name);
      if (font) cell.style = { ...clone(cell.style), font: { ...clone(cell.font), name: font } };
    }
    // ExcelJS shares one style object among cells read with the same style: always give a cell its own.
    const restyle = (row: number, col: number, change: Partial<ExcelJS.Style>) => {
      const cell = ws.getCell(row + 1, col + 1);
      cell.style = { ...clone(cell.style), ...change };
      return cell;
    };
    // Appended columns look like their neighbour column (header and cells), as the add-in does.
    for (const c of plan.columns.filter((c) => c.isNew)) {
      for (let r = result.layout.headerTop; r <= result.layout.lastRow; r++) {
        ws.getCell(r + 1, c.col + 1).style = clone(ws.getCell(r + 1, result.layout.lastCol + 1).style);
      }
      ws.getColumn(c.col + 1).width = Math.max(ws.getColumn(result.layout.lastCol + 1).width ?? 9, 11);
    }
    for (const h of plan.headers) restyle(h.row, h.col, {}).value = h.text;
    if (lineageToWrite) writeLineageSheet(wb, lineageToWrite);
    for (const b of plan.blocks) {
      b.values.forEach((rowValues, i) =>
        rowValues.forEach((v, j) => {
          restyle(b.row + i, b.col + j, { numFmt: b.numberFormat[i][j] }).value = v === "" ? null : v;
        }),
      );
    }
    if (comparison)
      writeComparisonColumns(
        ws,
        data.values,
        result,
        plan.columns.map((c) => c.col),
        comparison,
        restyle,
      );
    const fillOf = (address: string): string | null => {
      const fill = ws.getCell(address).fill;
      if (fill && fill.type === "pattern" && fill.pattern === "solid" && fill.fgColor?.argb) return `#${fill.fgColor.argb.slice(-6)}`;
      return null;
    };
    const setFill = (address: string, color: string | null) => {
      const cell = ws.getCell(address);
      const style = clone(cell.style);
      if (color) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${color.slice(1).toUpperCase()}` } };
      else delete style.fill;
      cell.style = style;
    };
    for (const m of plan.unmark) setFill(m.address, m.color);
    const kept = new Map(plan.keptMarks.map((m) => [m.address, m]));
    const marks: MarkRecord[] = plan.marks.map((m) => ({
      sheet: ws.name,
      address: m.address,
      color: kept.has(m.address) ? kept.get(m.address)!.color : fillOf(m.address),
      mark: MARK_FILL[m.severity],
    }));
    for (const m of plan.marks) setFill(m.address, MARK_FILL[m.severity]);

    const decision: Partial<DecisionMetadata> = { ...(state.decision ?? {}), ...stripUndefined(opts.decision ?? {}) };
    const newState: StoreState = {
      ...state,
      rules: rulesJson,
      decision,
      written: withGridWritten(plan.written, ledger),
      marks: [...(state.marks ?? []).filter((m) => m.sheet !== ws.name), ...marks],
      lastRun: lastRunRecord(result, ws.name, "cli", opts.now ?? new Date(), data.values),
      undo: undefined,
      // "Nhật ký": this run, with the result cells it changed.
      log: appendLog(
        state.log,
        logEntry({
          at: (opts.now ?? new Date()).toISOString(),
          action: "score",
          by: opts.by ?? "",
          via: "cli",
          sheet: ws.name,
          cells: blockChanges(data.values, plan.blocks, (r, c) => cellAddress(r, c)),
        }),
      ),
    };

    // Stored entries set aside (damaged, tampered with): named first, never trusted for this write.
    notices.unshift(...issues.map((issue) => both(STORE_MESSAGES, "setAside", { issue, sheet: STORE_SHEET })));
    let annexSheet: string | null = null;
    if (opts.annex) {
      progress("stepAnnex");
      // A year not given nor stored is the one the grid's title names, else the year before the decision's.
      const meta = completeMetadata(decision, yearInTitle(titleRowsOf(data.values, result.layout.headerTop)));
      const problems = validateMetadata(meta);
      if (problems.length > 0) fail(cliBoth("annexMetadata", { problems }));
      if (provinceMissing(meta)) notices.push(annexNotice("provinceMissing", { issuer: withProvince(meta.issuer, ""), where: "cli" }));
      // The command line has no dialog: the errors go with the annex loudly (stderr, exit code 1).
      const refusal = annexGate(result.findings, false);
      if (refusal) notices.push(refusal);
      // Last year's columns: asked for (--annex-previous), or the choice stored with the decision (the add-in's checkbox).
      const withPrevious = opts.annexPrevious === true || decision.annexPrevious === true;
      if (withPrevious && !comparison) notices.push(cliBoth("annexPreviousStoredNoPrevious", { file: path.basename(opts.input) }));
      const description = buildAnnex(rules, result.rows, meta, withPrevious ? comparison : null);
      const where = chooseAnnexSheet(
        meta.sheetName,
        wb.worksheets.map((w) => w.name),
        state.annex?.sheetName,
      );
      let position: number | undefined;
      if (where.replaces) {
        const old = wb.getWorksheet(where.name)!;
        position = wb.worksheets.indexOf(old);
        wb.removeWorksheet(old.id);
      }
      if (where.collidedWithUserSheet && !where.replaces) notices.push(cliBoth("userSheetKept", { wanted: meta.sheetName, used: where.name }));
      const annexWs = wb.addWorksheet(where.name);
      if (position !== undefined) moveSheet(wb, annexWs, position);
      renderSheetExcelJS(annexWs, annexAsSheet({ ...description, sheetName: where.name }));
      annexSheet = where.name;
      newState.annex = { sheetName: where.name, source: ws.name };
    }
    let explainSheet: string | null = null;
    if (opts.explain) {
      progress("stepExplain");
      explainSheet = addExplanationSheet(wb, result, decision.year ?? null, comparison);
    }
    writeStore(wb, newState);

    if (opts.output !== undefined) {
      progress("stepSave");
      outputProblem();
      const written = await writeAtomically(opts.output, (tmp) => wb.xlsx.writeFile(tmp));
      if (!written.ok) fail(bothOf(written.message));
    }
    if (opts.chart) {
      progress("stepChart");
      fs.mkdirSync(path.dirname(path.resolve(opts.chart)), { recursive: true });
      fs.writeFileSync(opts.chart, chartFile(result), "utf8");
    }

    const extras = jsonRowExtras(result, comparison);
    return {
      ok: true,
      sheet: ws.name,
      rows: result.rows,
      result,
      values: data.values,
      findings,
      annexSheet,
      output: opts.output ?? null,
      explainSheet,
      notices,
      json: {
        rows: rankedRows(result.rows, result.rules).map((r, i) => ({ ...jsonRow(r), ...extras[i], ...criteriaJson(r, rules, ledger) }) as JsonRow),
        findings: jsonFindings(result, findings, data.values),
        ...(comparison ? { comparison: comparisonJson(comparison) } : {}),
      },
    };
  } catch (e) {
    if (e instanceof Unusable) return { ok: false, message: e.detail };
    throw e;
  }
}

/**
 * "Xếp hạng năm trước" and "Tăng/giảm" (▲2, ▼1, =, mới): in columns of those headers on the header
 * row if the sheet has them, else appended right of the result columns, with their neighbour's look.
 */
function writeComparisonColumns(
  ws: ExcelJS.Worksheet,
  values: readonly (readonly unknown[])[],
  result: Extract<ScoreResult, { ok: true }>,
  resultCols: number[],
  comparison: Comparison,
  restyle: (row: number, col: number, change: Partial<ExcelJS.Style>) => ExcelJS.Cell,
): void {
  const { layout } = result;
  const header = values[layout.headerRow] ?? [];
  const key = (v: unknown) => (typeof v === "string" ? matchKey(v) : "");
  let next = Math.max(layout.lastCol, ...resultCols) + 1;
  const colOf = (text: string) => {
    const found = header.findIndex((v) => key(v) === matchKey(text));
    if (found >= 0) return found;
    const col = next++;
    const neighbour = col - 1;
    for (let r = layout.headerTop; r <= layout.lastRow; r++) ws.getCell(r + 1, col + 1).style = clone(ws.getCell(r + 1, neighbour + 1).style);
    ws.getColumn(col + 1).width = 12;
    restyle(layout.headerRow, col, {}).value = text;
    return col;
  };
  const prevCol = colOf(PREVIOUS_HEADERS.previousRank);
  const changeCol = colOf(PREVIOUS_HEADERS.rankChange);
  for (const r of result.rows) {
    const c = comparison.byRow.get(r.row);
    restyle(r.row, prevCol, { numFmt: "0" }).value = c?.previousRank ?? null;
    // Text: "▲2" must never be read as a number or a formula.
    restyle(r.row, changeCol, { numFmt: "@" }).value = rankChangeText(c, r.rank) || null;
  }
}

const clone = <T>(o: T): T => (o ? JSON.parse(JSON.stringify(o)) : ({} as T));

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as Partial<T>;
}

export function moveSheet(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, position: number): void {
  const sheets = wb.worksheets.filter((w) => w !== ws);
  sheets.splice(position, 0, ws);
  sheets.forEach((w, i) => ((w as unknown as { orderNo: number }).orderNo = i));
}
