import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { SHEET_ORIGIN } from "../core/base/address";
import { annexGate, annexNotice } from "../core/sheets/annex";
import { jsonRow } from "../core/grid/columns";
import { Finding } from "../core/findings/findings";
import { jsonSyntaxProblem } from "../core/text/json-syntax";
import { DecisionMetadata, formatViDate, parseViDate, provinceMissing, withProvince } from "../core/rules/metadata";
import { planScoring, writeScoring } from "../core/flows/score";
import { resultUndo } from "../core/flows/undo";
import { annexMetadata, planAnnex, writeAnnex } from "../core/flows/annex";
import { planExplanation, writeExplanation } from "../core/flows/explanation";
import { LineageRule, PRESET_THAI_BINH_2020, Rules, RulesJson, validateRules } from "../core/rules/rules";
import { LINEAGE_SHEET } from "../core/rules/lineage";
import { compareWithLastYear, lastYearRecord, putLineageSheet, readLastYear, rulesWithLineage, sheetLineage } from "../core/flows/previous";
import { rankedRows, RowResult, scoreSheet, ScoreResult } from "../core/grid/scoring";
import { STORE_SHEET, StoreState } from "../core/store/store";
import { STORE_MESSAGES } from "../core/store/store-check";
import { both, Both, joinBoth, Lang, pick } from "../core/base/catalogue";
import { lastRunRecord } from "../core/grid/summary";
import { PackageError, PackageLimits } from "../xlsx/package";
import { XlsxPort } from "../xlsx/port";
import { setNativeCodec } from "../xlsx/edit";
import { bothOf, cliBoth, fail, RulesSource, Unusable } from "./messages";
import { checkOutput, writeAtomically } from "./output";
import { SheetValues } from "./workbook";
import { byEncoding, LEGACY_MESSAGES, LegacyCell, legacyExample, withConverted } from "../core/grid/legacy-cells";
import { ENCODING_NAMES } from "../core/text/legacy-encoding";
import { comparisonJson, JsonComparison, JsonFinding, jsonFindings, jsonRowExtras, JsonRowExtras } from "./extras";
import { planChart, writeChart } from "../core/flows/chart";
import { chartSvg } from "../core/sheets/chart";
import { Comparison, PREVIOUS_PROBLEMS } from "../core/grid/previous";
import { applyLedger, criteriaJson, CriteriaJson, withCriteriaValues } from "./ledger";
import { ledgerWritten } from "../core/flows/ledger";
import { CRITERIA_SHEET } from "../core/rules/criteria-sheet";
import { criteriaLookup, LEDGER_SHEET } from "../core/grid/ledger";
import { checkStale, staleFinding } from "../core/grid/stale";
import { LOCK_MESSAGES, lockRefusal } from "../core/store/lock";
import { appendLog, blockChanges, logEntry } from "../core/store/log";
import { withCriterionConclusions, withSheetConclusions } from "./conclusions";
import { cellAddress } from "../core/base/address";

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
  let result = scoreSheet(values, rules, SHEET_ORIGIN, "cli");
  const converted: LegacyCell[] = [];
  for (let pass = 0; fix && pass < 2 && result.legacy.length > 0; pass++) {
    const constants = result.legacy.filter((c) => !String(data.formulas[c.row]?.[c.col] ?? "").startsWith("="));
    if (constants.length === 0) break;
    converted.push(...constants);
    values = withConverted(values, constants);
    result = scoreSheet(values, rules, SHEET_ORIGIN, "cli");
  }
  return { data: { values, formulas: data.formulas }, result, converted };
}

// Parts written by the command line are deflated by Node's zlib (native), sync-flushed batch by batch.
setNativeCodec({
  deflate: (data, final) => new Uint8Array(zlib.deflateRawSync(data, { level: 6, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH })),
  crc32: (data, crc) => zlib.crc32(data, crc),
});

/** The input workbook as the package port reads it (bounded: a zip bomb is refused, never inflated). */
export function openInput(file: string, limits: Partial<PackageLimits> = {}, bytes?: Uint8Array): XlsxPort {
  if (!fs.existsSync(file)) fail(cliBoth("fileMissing", { file }));
  if (fs.statSync(file).isDirectory()) fail(cliBoth("fileIsFolder", { file }));
  const data = bytes ?? new Uint8Array(fs.readFileSync(file));
  try {
    return XlsxPort.open(data, limits);
  } catch (e) {
    return fail(compoundRefusal(file, data) ?? (e instanceof PackageError ? packageRefusal(file, e) : cliBoth("notWorkbook", { file })));
  }
}

/**
 * A decision number or date given on the command line that is not the one the workbook stores (the date written
 * another way, 5/1/2021 for 05/01/2021, is the same): said before signing, both named — the published 2020 annex
 * carried 05/04/2021 for a decision signed 05/01/2021. What is given still wins, as the add-in's form does.
 */
function decisionChanges(stored: Partial<DecisionMetadata> | undefined, given: Partial<DecisionMetadata> | undefined): Both[] {
  const out: Both[] = [];
  const date = (text: string | undefined) => {
    const d = text ? parseViDate(text.trim()) : null;
    return d ? formatViDate(d) : (text ?? "").trim();
  };
  if (stored?.date && given?.date && date(stored.date) !== date(given.date))
    out.push(cliBoth("decisionDateChanged", { given: date(given.date), stored: date(stored.date) }));
  if (stored?.number?.trim() && given?.number && stored.number.trim() !== given.number.trim())
    out.push(cliBoth("decisionNumberChanged", { given: given.number.trim(), stored: stored.number.trim() }));
  return out;
}

const COMPOUND_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * An OLE compound file is what Excel writes for a workbook encrypted with a password to open (its package inside
 * the stream EncryptedPackage) and for an Excel 97–2003 .xls: each said as what it is, with what to do (saving an
 * encrypted workbook as .xlsx again keeps it encrypted). Null for anything else.
 */
function compoundRefusal(file: string, data: Uint8Array): Both | null {
  if (data.length < 512 || COMPOUND_SIGNATURE.some((b, i) => data[i] !== b)) return null;
  const names = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf16le");
  return names.includes("EncryptedPackage") ? cliBoth("encryptedWorkbook", { file }) : cliBoth("legacyWorkbook", { file });
}

/**
 * A package problem met while reading `file`, as the user's message: a part inflating beyond the
 * bounds (a zip bomb) named with its file and part; a damaged part makes the file unreadable.
 */
export function packageRefusal(file: string, e: PackageError): Both {
  const p = e.problem;
  if (p.code === "tooLarge") return p.part ? cliBoth("partTooLarge", { file, part: p.part }) : cliBoth("fileTooLarge", { file });
  return cliBoth("notWorkbook", { file });
}

/** Runs reads of `file`'s package: a PackageError they meet (parts are inflated on demand) is refused naming that file. */
export function readingFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof PackageError) fail(packageRefusal(file, e));
    throw e;
  }
}

/**
 * The input's package with what was queued on its port, written to `output`: the output guard checked
 * again just before (never an input, never an existing file without --force), then a temporary file
 * renamed over the target, so that nothing is half-written.
 */
export async function writePackage(port: XlsxPort, inputs: string | readonly string[], output: string, force: boolean): Promise<void> {
  const checked = checkOutput(inputs, output, force);
  if (!checked.ok) fail(bothOf(checked.message));
  const bytes = port.toBytes();
  const written = await writeAtomically(output, (tmp) => fs.promises.writeFile(tmp, bytes));
  if (!written.ok) fail(bothOf(written.message));
}

/** The grid sheet: --sheet, else the first visible sheet with a grid (not the annex, not the store). */
export function pickGridSheet(port: XlsxPort, rules: Rules, wanted: string | undefined, annexName: string | undefined, fix: boolean) {
  const sheets = port.sheets().filter((w) => w.name !== STORE_SHEET);
  if (wanted) {
    if (!sheets.some((w) => w.name === wanted)) fail(cliBoth("noSuchSheet", { sheet: wanted, sheets: sheets.map((w) => w.name) }));
    const { data, result, converted } = scoreValues(port.readSheet(wanted), rules, fix);
    if (!result.ok) fail(cliBoth("onSheet", { sheet: wanted, reason: result.error }));
    return { name: wanted, data, result: result as Extract<ScoreResult, { ok: true }>, converted };
  }
  let firstError: Both | null = null;
  for (const ws of sheets) {
    if (ws.state !== "visible" || ws.name === annexName) continue;
    const { data, result, converted } = scoreValues(port.readSheet(ws.name), rules, fix);
    if (result.ok) return { name: ws.name, data, result, converted };
    firstError ??= cliBoth("onSheet", { sheet: ws.name, reason: result.error });
  }
  return fail(firstError ?? cliBoth("noGridSheet", {}));
}

/**
 * The command line's "Tính điểm": reads IN.xlsx through the package port, scores the first sheet with
 * a grid (or --sheet), and applies the same plan as the add-in (result columns, last year's columns,
 * marks, the store) with, on request, the annex and Giải trình, as one unit: OUT.xlsx is IN.xlsx with
 * those parts rewritten and every other part copied byte for byte. IN.xlsx is never modified.
 */
export async function scoreWorkbook(opts: ScoreOptions): Promise<ScoreOutcome> {
  const onProgress = opts.onProgress ?? (() => undefined);
  const progress = (step: Parameters<typeof cliBoth>[0]) => onProgress(pick(cliBoth(step, {} as never), opts.lang ?? "vi"));
  try {
    // Every file written (OUT.xlsx, the chart) is checked before the work and again just before its write.
    const outputs = [opts.output, opts.chart].filter((o): o is string => o !== undefined);
    const outputProblem = (only?: string) => {
      for (const o of only !== undefined ? [only] : outputs) {
        const checked = checkOutput(
          [opts.input, ...(opts.previous ? [opts.previous] : []), ...(opts.rulesFile ? [opts.rulesFile] : [])],
          o,
          opts.force === true,
          o === opts.output ? "output" : "chart",
        );
        if (!checked.ok) fail(bothOf(checked.message));
      }
      if (opts.output !== undefined && opts.chart !== undefined && sameTarget(opts.output, opts.chart)) fail(cliBoth("chartIsOutput", { file: opts.chart }));
    };
    outputProblem();
    progress("stepRead");
    const port = openInput(opts.input);
    const stored = port.readStore();
    if (!stored.ok) fail(stored);
    const { state, issues } = stored as Extract<typeof stored, { ok: true }>;
    // A locked workbook is scored and shown, never written (Mở chốt first).
    // With --annex too: the annex of locked results is the add-in's, or unlock, score and lock again (the same code).
    if (state.lock && opts.output !== undefined)
      fail(
        opts.annex
          ? both(LOCK_MESSAGES, "annexWhileLockedCli", { code: state.lock.code, at: state.lock.at, by: state.lock.by })
          : lockRefusal(state.lock, "score"),
      );
    let { rules, json: rulesJson } = rulesFrom(opts, state);
    // The "Sáp nhập" sheet, when the workbook has one, is the lineage (the table people keep).
    const fromSheet = sheetLineage(port);
    if (!fromSheet.ok) fail(fromSheet);
    const sheetLineageRules = (fromSheet as Extract<typeof fromSheet, { ok: true }>).lineage;
    if (sheetLineageRules) ({ rules, json: rulesJson } = lineageRules(rules, sheetLineageRules));
    // A criteria set kept as a worksheet “Bộ tiêu chí” is read into the rules (src/cli/ledger.ts).
    if (port.sheets().some((w) => w.name === CRITERIA_SHEET)) rules = withCriteriaValues(port.readSheet(CRITERIA_SHEET).values, CRITERIA_SHEET, rules);
    rulesJson = rules.json;

    progress("stepScore");
    const picked = pickGridSheet(port, rules, opts.sheet, state.annex?.sheetName, opts.fixEncoding === true);
    const { name: sheet, converted } = picked;
    // The council's conclusions on "Chênh lệch": the concluded scores into the grid first (src/cli/conclusions.ts).
    const concluded = withSheetConclusions(port, state, picked, rules);
    if (concluded) port.writeValues(sheet, concluded.applied.writes);
    // Criteria sets: a ledger's leaves computed and their sums put into the grid first (src/cli/ledger.ts).
    const hasLedger = port.sheets().some((w) => w.name === LEDGER_SHEET);
    const ledgerValues = hasLedger ? port.readSheet(LEDGER_SHEET).values : null;
    // Conclusions on criteria: the concluded points into the ledger's Thẩm định, which the ledger then counts.
    const criterionConcluded = ledgerValues ? withCriterionConclusions(port, state, rules, ledgerValues) : null;
    if (criterionConcluded) port.writeValues(LEDGER_SHEET, criterionConcluded.writes);
    const ledger = applyLedger(port, sheet, (concluded ?? picked).data, rules, state, criterionConcluded?.values ?? ledgerValues);
    const { data, result } = ledger ?? concluded ?? picked;
    // Result columns already on the sheet that the scores no longer give: reported, then rewritten.
    const stale = staleFinding(checkStale(data.values, result, SHEET_ORIGIN), SHEET_ORIGIN);
    const conclusionFindings = [...(concluded?.applied.findings ?? []), ...(criterionConcluded?.findings ?? [])];
    const findings = [...result.findings, ...conclusionFindings, ...(stale ? [stale] : [])];
    let comparison: Comparison | null = null;
    let lineageToWrite: LineageRule[] | null = null;
    let compareRecord: Parameters<typeof lastYearRecord>[1] | null = null;
    const notices: Both[] = byEncoding(converted).map((cells) => both(LEGACY_MESSAGES, "converted", legacyExample(cells, ENCODING_NAMES)));
    if (opts.previous) {
      progress("stepPrevious");
      if (path.resolve(opts.previous) === path.resolve(opts.input)) fail(cliBoth("previousSameFile", {}));
      const previousFile = opts.previous;
      const previousPort = openInput(previousFile);
      // The core's flow (src/core/flows/previous.ts): last year's workbook read through a port of its own, compared as the add-in compares.
      const last = readingFile(previousFile, () => readLastYear(previousPort, previousFile));
      if (!last.ok) fail(both(PREVIOUS_PROBLEMS, last.problem.code, last.problem));
      // Last year's workbook must be of an earlier year (its title's, else its stored decision's) than this
      // one (--year, the stored decision, the title), unless --force-previous says it is meant.
      // The 2025 mergers: offered where they fit, used with --lineage-2025 (and written to "Sáp nhập" with -o).
      const compared = compareWithLastYear(
        { scored: result, values: data.values, stated: opts.decision?.year, decisionYear: state.decision?.year },
        { last: last as Extract<typeof last, { ok: true }>, lineage2025: opts.lineage2025 === true, force: opts.forcePrevious === true, where: "cli" },
      );
      if (!compared.ok) fail(cliBoth("previousNotEarlier", { file: previousFile, ...compared.notEarlier }));
      const lastYear = compared as Extract<typeof compared, { ok: true }>;
      if (lastYear.refused) fail(cliBoth("rulesInvalid", { source: { kind: "sheet", sheet: LINEAGE_SHEET }, problems: lastYear.refused }));
      if (lastYear.lineage) {
        ({ rules, json: rulesJson } = { rules: lastYear.rules, json: lastYear.rules.json });
        lineageToWrite = lastYear.lineage;
      }
      comparison = lastYear.comparison;
      compareRecord = lastYear;
      if (lastYear.finding) findings.push(lastYear.finding);
      notices.push(...lastYear.notices);
    }
    // The add-in's flow (src/core/flows/score.ts), last year's columns included: the same plan and checks for content that is not the tool's.
    const planned = planScoring(port, { sheet, scored: result, state, comparison, values: data.values, where: "cli", showOnly: opts.output === undefined });
    if (!planned.ok) fail(joinBoth([planned, ...issues.map((issue) => both(STORE_MESSAGES, "setAside", { issue, sheet: STORE_SHEET }))]));
    const plan = (planned as Extract<typeof planned, { ok: true }>).plan;

    progress("stepWrite");
    const decision: Partial<DecisionMetadata> = { ...(state.decision ?? {}), ...stripUndefined(opts.decision ?? {}) };
    notices.push(...decisionChanges(state.decision, opts.decision));
    const at = (opts.now ?? new Date()).toISOString();
    // A run that writes the results alone can be undone (`undo`, as the add-in's "Hoàn tác"): its journal is kept; a run
    // that also writes conclusions, the ledger, converted texts or sheets keeps none (`undo` then says there is nothing to undo).
    const resultsAlone = !concluded && !criterionConcluded && !ledger && !lineageToWrite && !opts.annex && !opts.explain && converted.length === 0;
    const { state: newState } = writeScoring(port, {
      sheet,
      scored: result,
      plan,
      converted,
      stateAfter: (written, marks) => ({
        ...state,
        rules: rulesJson,
        decision,
        written: ledgerWritten(written.written, ledger),
        marks: [...(state.marks ?? []).filter((m) => m.sheet !== sheet), ...marks],
        lastRun: lastRunRecord(result, sheet, "cli", opts.now ?? new Date(), data.values),
        // As the add-in's Tính điểm keeps it: the 2025 list's choice, the two years, the rules changed (the add-in's annex reads them).
        ...(compareRecord ? { lastYear: lastYearRecord(state, compareRecord, sheet) } : {}),
        undo: resultsAlone ? resultUndo(port.journalOf({ sheet, plan: written, layout: result.layout, converted }), sheet, at, state) : undefined,
        // "Nhật ký": this run, with the result cells it changed.
        log: appendLog(
          state.log,
          logEntry({
            at,
            action: "score",
            by: opts.by ?? "",
            via: "cli",
            sheet,
            cells: [
              ...(concluded?.changes ?? []),
              ...(criterionConcluded?.writes.map((w): [string, string, string] => [w.address, String(ledgerValues?.[w.row]?.[w.col] ?? ""), String(w.value)]) ??
                []),
              ...blockChanges(data.values, written.blocks, (r, c) => cellAddress(r, c)),
            ],
          }),
        ),
      }),
    });
    if (lineageToWrite) putLineageSheet(port, lineageToWrite);

    // Stored entries set aside (damaged, tampered with): named first, never trusted for this write.
    notices.unshift(...issues.map((issue) => both(STORE_MESSAGES, "setAside", { issue, sheet: STORE_SHEET })));
    let annexSheet: string | null = null;
    if (opts.annex) {
      progress("stepAnnex");
      // The add-in's flow (src/core/flows/annex.ts): the details completed and checked, the sheet chosen, the annex put.
      const checkedMeta = annexMetadata(decision, data.values, result.layout.headerTop);
      if (!checkedMeta.ok) fail(cliBoth("annexMetadata", { problems: checkedMeta.problems }));
      const { meta } = checkedMeta as Extract<typeof checkedMeta, { ok: true }>;
      if (provinceMissing(meta)) notices.push(annexNotice("provinceMissing", { issuer: withProvince(meta.issuer, ""), where: "cli" }));
      // The command line has no dialog: the errors go with the annex loudly (stderr, exit code 1).
      const refusal = annexGate([...result.findings, ...conclusionFindings], false, "cli");
      if (refusal) notices.push(refusal);
      // Last year's columns: asked for (--annex-previous), or the choice stored with the decision (the add-in's checkbox).
      const withPrevious = opts.annexPrevious === true || decision.annexPrevious === true;
      if (withPrevious && !comparison) notices.push(cliBoth("annexPreviousStoredNoPrevious", { file: path.basename(opts.input) }));
      const plan = planAnnex(port, { rules, rows: result.rows, meta, comparison: withPrevious ? comparison : null, owned: state.annex?.sheetName });
      const { where } = plan;
      if (where.collidedWithUserSheet && !where.replaces) notices.push(cliBoth("userSheetKept", { wanted: meta.sheetName, used: where.name }));
      writeAnnex(port, plan, () => ({ ...newState, annex: { sheetName: where.name, source: sheet } }));
      annexSheet = where.name;
    }
    let explainSheet: string | null = null;
    if (opts.explain) {
      progress("stepExplain");
      // With a ledger, each criterion where points were lost is listed under its group, with the council's comment.
      const criteria = ledger ? criteriaLookup(ledger.ledger) : undefined;
      // The add-in's flow (src/core/flows/explanation.ts): a free name (not the annex just put), the pages, the sheet put.
      const plan = planExplanation(port, result, { year: decision.year ?? null, previous: comparison, criteria }, annexSheet ? [annexSheet] : []);
      writeExplanation(port, plan);
      explainSheet = plan.sheetName;
    }

    if (opts.output !== undefined) {
      progress("stepSave");
      outputProblem(opts.output);
      const bytes = port.toBytes();
      const written = await writeAtomically(opts.output, (tmp) => fs.promises.writeFile(tmp, bytes));
      if (!written.ok) fail(bothOf(written.message));
    }
    if (opts.chart) {
      progress("stepChart");
      outputProblem(opts.chart);
      // The add-in's flow (src/core/flows/chart.ts): the chart put through the port, drawn as SVG into its own file.
      writeChart(port, planChart(port, result));
      const svg = chartSvg(port.charts()[0].description);
      const written = await writeAtomically(opts.chart, (tmp) => fs.promises.writeFile(tmp, svg, "utf8"), "chart");
      if (!written.ok) fail(bothOf(written.message));
    }

    const extras = jsonRowExtras(result, comparison);
    return {
      ok: true,
      sheet,
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
    // Parts are inflated when first read: a bomb in the input's grid sheet or shared strings stops here.
    if (e instanceof PackageError) return { ok: false, message: packageRefusal(opts.input, e) };
    throw e;
  }
}

/** Whether two paths name the same file (the same spelling, or the same existing file). */
function sameTarget(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as Partial<T>;
}
