import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { chooseAnnexSheet } from "../core/sheets/annex";
import { FORM_TEXT } from "../core/forms/form-messages";
import { agencyMaxes, buildForm, formFileNames, formsYear, masterWorkbookId } from "../core/forms/forms";
import { isFormKey, newFormKey, rulesFingerprint } from "../core/forms/form-parts";
import { Dec } from "../core/base/decimal";
import { differencesSheet, Difference, MergeFinding, MergePlan, planMerge, selfAssessmentSheet, trackingSheet, withFormsMade } from "../core/forms/merge";
import { completeMetadata } from "../core/rules/metadata";
import { Rules } from "../core/rules/rules";
import { StoreState } from "../core/store/store";
import { cleanText } from "../core/text/text";
import { formWorkbook, MASTER_LIMITS, noticeWorkbook, readReturnedForms, tooLarge } from "../xlsx/forms";
import { checkPackage } from "../xlsx/package";
import { XlsxPort } from "../xlsx/port";
import { openInput, pickGridSheet, readingFile, rulesFrom, ScoreOptions, writePackage } from "./score";
import { bothOf, cliBoth, fail, Unusable } from "./messages";
import { checkOutput, writeAtomically } from "./output";
import { both, Both } from "../core/base/catalogue";
import { SheetValues } from "./workbook";
import { ScoreResult } from "../core/grid/scoring";
import { SheetDescription } from "../core/sheets/sheet";
import { readDifferences } from "../core/forms/conclusions";
import { NOTICE_MESSAGES, planNotices } from "../core/forms/notices";
import { lockRefusal } from "../core/store/lock";
import { appendLog, logEntry } from "../core/store/log";
import { gridAgencies, LEDGER_SHEET, ledgerSheet } from "../core/grid/ledger";
import { sheetValues } from "../core/sheets/sheet";

/**
 * The command line's side of the departments' loop: `forms` writes one self-assessment form per
 * agency of the master's grid, `merge` brings returned forms back into a copy of the master. The
 * master and the forms are never modified.
 */
export interface FormsOptions {
  master: string;
  dir: string;
  sheet?: string;
  rulesFile?: string;
  year?: number;
  /** Replace forms already in the folder (never the master). */
  force?: boolean;
  /**
   * Where to write a copy of the master that keeps the form key (required when the master has no key
   * yet: the tool never modifies its input, and a key that is not kept cannot verify the forms).
   */
  masterOut?: string;
}

export type FormsOutcome = { ok: true; forms: { file: string; agency: string }[]; masterOut?: string } | { ok: false; message: Both };

interface Master {
  /** The master through the package port: read within MASTER_LIMITS, written as a copy with every part it does not own kept. */
  port: XlsxPort;
  sheet: string;
  data: SheetValues;
  result: Extract<ScoreResult, { ok: true }>;
  state: StoreState;
  rules: Rules;
  agencies: { row: number; name: string; notes: string; maxes: readonly Dec[]; block: string | null }[];
  masterId: string;
  year: number;
}

function openMaster(file: string, opts: { sheet?: string; rulesFile?: string; year?: number }): Master {
  // Bounded first: a master that inflates beyond the limits (a zip bomb, in any part) is refused before it is read.
  let bytes: Uint8Array | undefined;
  if (fs.existsSync(file) && fs.statSync(file).isFile()) {
    bytes = new Uint8Array(fs.readFileSync(file));
    const checked = checkPackage(bytes, MASTER_LIMITS);
    if (!checked.ok && checked.problem.code === "tooLarge") {
      const p = tooLarge(checked.problem, MASTER_LIMITS);
      fail(cliBoth("masterTooLarge", { file, what: p.what, part: p.part, limit: p.limit }));
    }
  }
  const port = openInput(file, MASTER_LIMITS, bytes);
  return readingFile(file, () => {
    const stored = port.readStore();
    if (!stored.ok) fail(stored);
    const state = (stored as Extract<typeof stored, { ok: true }>).state;
    const { rules } = rulesFrom({ rulesFile: opts.rulesFile } as ScoreOptions, state);
    // The grid located and scored once: the merge plans on this result.
    const { name: sheet, data, result } = pickGridSheet(port, rules, opts.sheet, state.annex?.sheetName, false);
    const text = (v: unknown) => cleanText(typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
    const maxes = agencyMaxes(rules, result.rows);
    const agencies = result.layout.dataRows.map((row) => ({
      row,
      name: text(data.values[row][result.layout.nameCol]),
      notes: result.layout.notesCol === null ? "" : text(data.values[row][result.layout.notesCol]),
      maxes: maxes.get(row) ?? rules.groups.map((g) => g.max),
      block: result.rows.find((r) => r.row === row)?.block ?? null,
    }));
    const year = opts.year ?? formsYear(state.decision?.year, data.values, result.layout.headerTop, completeMetadata(state.decision ?? {}).year);
    return {
      port,
      sheet,
      data,
      result,
      state,
      rules,
      agencies,
      masterId: masterWorkbookId(
        state.workbookId,
        agencies.map((a) => a.name),
      ),
      year,
    };
  });
}

/** The files a command reads (the master, the forms, the rules file): none is ever written over. */
const inputsOf = (opts: { master: string; rulesFile?: string }, forms: readonly string[] = []): string[] => [
  opts.master,
  ...forms,
  ...(opts.rulesFile ? [opts.rulesFile] : []),
];

/** Whether each target may be written (the output guard), all checked before any is written. */
function checkTargets(inputs: string[], targets: string[], force: boolean): void {
  for (const target of targets) {
    const checked = checkOutput(inputs, target, force);
    if (!checked.ok) fail(bothOf(checked.message));
  }
}

/** A new workbook (a form, a notice) written to `target`: the output guard checked again just before, through a temporary file renamed over it. */
async function writeNewWorkbook(inputs: string[], target: string, force: boolean, workbook: () => ExcelJS.Workbook): Promise<void> {
  checkTargets(inputs, [target], force);
  const written = await writeAtomically(target, (tmp) => workbook().xlsx.writeFile(tmp));
  if (!written.ok) fail(bothOf(written.message));
}

export async function writeForms(opts: FormsOptions): Promise<FormsOutcome> {
  try {
    const master = openMaster(opts.master, opts);
    if (master.agencies.length === 0) fail(cliBoth("formsNoAgencies", {}));
    const stored = isFormKey(master.state.formKey) ? master.state.formKey : null;
    if (stored === null && !opts.masterOut) fail(cliBoth("formsNeedMasterOut", { master: opts.master }));
    if (fs.existsSync(opts.dir) && !fs.statSync(opts.dir).isDirectory()) fail(cliBoth("formsDirIsFile", { dir: opts.dir }));
    const names = formFileNames(master.agencies.map((a) => a.name));
    // Every target is checked before anything is written: never an input under another name (even with
    // --force), never a form already there (a department's returned form, say) unless --force.
    const inputs = inputsOf(opts);
    const force = opts.force === true;
    checkTargets(
      inputs,
      names.map((n) => path.join(opts.dir, n)),
      force,
    );
    if (opts.masterOut) {
      if (names.some((n) => path.resolve(opts.dir, n) === path.resolve(opts.masterOut!))) fail(cliBoth("masterOutIsForm", { file: opts.masterOut }));
      checkTargets(inputs, [opts.masterOut], force);
    }
    fs.mkdirSync(opts.dir, { recursive: true });
    // The form key: the master's, or a new one kept in the copy written to --master-out (before any form).
    const formKey = stored ?? newFormKey((n) => new Uint8Array(crypto.randomBytes(n)));
    const madeAt = new Date().toISOString();
    if (opts.masterOut) {
      // When each agency's form was made: for the “Theo dõi phiếu” sheet of later merges into this copy.
      const made = withFormsMade(
        master.state.formsMade,
        master.agencies.map((a, i) => ({ agency: a.name, file: names[i] })),
        madeAt,
      );
      master.port.writeStore({ ...master.state, workbookId: master.masterId, formKey, formsMade: made, undo: undefined });
      await writePackage(master.port, inputs, opts.masterOut, force);
    }
    const forms: { file: string; agency: string }[] = [];
    for (const [i, a] of master.agencies.entries()) {
      const form = buildForm({
        rules: master.rules,
        agency: a.name,
        notes: a.notes,
        maxes: a.maxes,
        block: a.block,
        year: master.year,
        masterId: master.masterId,
        formKey,
        madeAt,
      });
      await writeNewWorkbook(inputs, path.join(opts.dir, names[i]), force, () => formWorkbook(ExcelJS, form));
      forms.push({ file: names[i], agency: a.name });
    }
    return { ok: true, forms, ...(opts.masterOut ? { masterOut: opts.masterOut } : {}) };
  } catch (e) {
    if (e instanceof Unusable) return { ok: false, message: e.detail };
    throw e;
  }
}

/** The rows of the master's "Chênh lệch" sheet (empty when it has none). */
function differenceRowsOf(master: Master, file: string, name: string | undefined) {
  if (!name || !master.port.sheets().some((s) => s.name === name)) return [];
  return readDifferences(readingFile(file, () => master.port.readSheet(name).values))?.rows ?? [];
}

export interface NoticesOptions extends Omit<FormsOptions, "masterOut"> {
  /** The deadline for replies (dd/mm/yyyy), printed on each notice. */
  deadline?: string;
}

export type NoticesOutcome = { ok: true; notices: { file: string; agency: string; lines: number }[] } | { ok: false; message: Both };

/**
 * `notices`: one "Thông báo kết quả thẩm định" per agency with a difference on the master's "Chênh lệch"
 * sheet (self-assessed, appraised, the council's conclusion and reason, a reply cell per line), signed with
 * the master's form key. Every target is checked before any is written; the master is never modified.
 */
export async function writeNotices(opts: NoticesOptions): Promise<NoticesOutcome> {
  try {
    const master = await openMaster(opts.master, opts);
    const diffName = master.state.loopSheets?.diff ?? FORM_TEXT.diffSheet;
    const planned = planNotices({
      formKey: isFormKey(master.state.formKey) ? master.state.formKey : null,
      rows: differenceRowsOf(master, opts.master, diffName),
      year: master.year,
      masterId: master.masterId,
      rulesFingerprint: rulesFingerprint(master.rules.json),
      deadline: opts.deadline,
    });
    if (!planned.ok)
      fail(planned.code === "noKey" ? both(NOTICE_MESSAGES, "noKey", { master: opts.master }) : both(NOTICE_MESSAGES, "noDifferences", { sheet: diffName }));
    const notices = (planned as Extract<typeof planned, { ok: true }>).notices;
    if (fs.existsSync(opts.dir) && !fs.statSync(opts.dir).isDirectory()) fail(cliBoth("formsDirIsFile", { dir: opts.dir }));
    const names = notices.map((n) => n.fileName);
    const inputs = inputsOf(opts);
    checkTargets(
      inputs,
      names.map((n) => path.join(opts.dir, n)),
      opts.force === true,
    );
    fs.mkdirSync(opts.dir, { recursive: true });
    const out: { file: string; agency: string; lines: number }[] = [];
    for (const n of notices) {
      await writeNewWorkbook(inputs, path.join(opts.dir, n.fileName), opts.force === true, () => noticeWorkbook(ExcelJS, n.description));
      out.push({ file: n.fileName, agency: n.agency, lines: n.lines });
    }
    return { ok: true, notices: out };
  } catch (e) {
    if (e instanceof Unusable) return { ok: false, message: e.detail };
    throw e;
  }
}

export interface MergeOptions {
  master: string;
  forms: string[];
  output: string;
  sheet?: string;
  rulesFile?: string;
  year?: number;
  now?: Date;
  /** Replace an existing output file (never an input). */
  force?: boolean;
  /** The forms' deadline (dd/mm/yyyy), kept in the output's decision data. */
  deadline?: string;
}

export interface MergeJson {
  merged: { file: string; agency: string }[];
  /** The grid's agencies with no form merged yet. */
  missing: string[];
  /** The forms' deadline, when the decision data sets one. */
  deadline?: string;
  findings: { file: string; cell: string; severity: string; code: string; message: string }[];
  differences: { agency: string; group: string; self: number | string; appraised: number | string; evidence: string }[];
  /** The agencies' replies from returned notices, recorded in "Kiến nghị". */
  replies?: { agency: string; group: string; reply: string; file: string }[];
}

export type MergeOutcome =
  | {
      ok: true;
      plan: MergePlan;
      json: MergeJson;
      findings: MergeFinding[];
      differences: Difference[];
      /** false: no form could be merged, and nothing was written. */
      written: boolean;
    }
  | { ok: false; message: Both };

export async function mergeForms(opts: MergeOptions): Promise<MergeOutcome> {
  try {
    // Checked before anything is read and again just before the write (writePackage): never an input under
    // another name (the master or any form, even with --force), never an existing file without --force.
    checkTargets(inputsOf(opts, opts.forms), [opts.output], opts.force === true);
    const master = openMaster(opts.master, opts);
    if (master.state.lock) fail(lockRefusal(master.state.lock, "merge"));
    // One form at a time, each checked within FORM_LIMITS before it is parsed; only the window of its values the
    // merge reads is kept (compactReturnedForm): the bytes and the full reading go before the next form is read.
    // Each form is named by the path the user gave (two “so-y-te.xlsx” from two folders stay apart).
    const returned = await readReturnedForms(
      ExcelJS,
      opts.forms.map((file) => ({
        file,
        bytes: async () => {
          try {
            return fs.statSync(file).isFile() ? fs.readFileSync(file) : null;
          } catch (e) {
            return (e as NodeJS.ErrnoException).code === "ENOENT" ? "notFound" : null;
          }
        },
      })),
    );
    // What the council and the agencies wrote on the "Chênh lệch" sheet a previous merge made: kept (and what replies answer).
    const previousRows = differenceRowsOf(master, opts.master, master.state.loopSheets?.diff);
    // Rules with criteria: forms at criterion level fill the ledger, the workbook's, or one made now (with every agency's rows).
    const ledger = ledgerForMerge(master);
    const planned = planMerge({
      ledger: ledger ? { values: ledger.values, sheetName: LEDGER_SHEET } : undefined,
      differenceRows: previousRows,
      rules: master.rules,
      values: master.data.values,
      scored: master.result,
      sheetName: master.sheet,
      state: master.state,
      masterId: master.masterId,
      year: master.year,
      formKey: isFormKey(master.state.formKey) ? master.state.formKey : null,
      forms: returned,
      now: (opts.now ?? new Date()).toISOString(),
    });
    if (!planned.ok) fail(cliBoth("onSheet", { sheet: master.sheet, reason: planned }));
    const plan = (planned as Extract<typeof planned, { ok: true }>).plan;
    const deadline = opts.deadline ?? master.state.decision?.formsDeadline;
    const json: MergeJson = {
      merged: plan.merged.map((m) => ({ file: m.file, agency: m.agency })),
      missing: plan.missing,
      ...(deadline ? { deadline } : {}),
      findings: plan.findings.map((f) => ({ file: f.file, cell: f.cell, severity: f.severity, code: f.code, message: f.message })),
      differences: plan.differences.map((d) => ({ agency: d.agency, group: d.group, self: d.self, appraised: d.appraised, evidence: d.evidence })),
      ...(plan.replies.length > 0 ? { replies: plan.replies } : {}),
    };
    // Nothing merged: nothing written (the caller says so and exits 1).
    if (plan.merged.length === 0 && plan.replies.length === 0)
      return { ok: true, plan, json, findings: plan.findings, differences: plan.differences, written: false };

    // Scores as numbers, notes as text (number format "@"), each cell's look otherwise kept.
    master.port.writeValues(
      master.sheet,
      plan.writes.map((w) => ({ row: w.row, col: w.col, value: w.value, ...(typeof w.value === "string" ? { numberFormat: "@" } : {}) })),
    );
    const ledgerChanges = ledger ? writeLedger(master, ledger, plan) : [];
    const loopSheets = placeLoopSheets(
      master,
      (name) => selfAssessmentSheet(master.rules, plan.selfAssessments, name),
      (name) => differencesSheet(plan.differences, name, previousRows, plan.replies),
      (name) =>
        trackingSheet(
          master.agencies.map((a) => a.name),
          plan.selfAssessments,
          deadline,
          name,
          master.state,
        ),
    );
    const changes = [
      ...plan.writes.map((w): [string, string, string] => [w.address, String(master.data.values[w.row]?.[w.col] ?? ""), String(w.value ?? "")]),
      ...ledgerChanges,
    ];
    master.port.writeStore({
      ...master.state,
      ...(deadline ? { decision: { ...master.state.decision, formsDeadline: deadline } } : {}),
      workbookId: master.masterId,
      selfAssessments: plan.selfAssessments,
      loopSheets,
      undo: undefined,
      log: appendLog(
        master.state.log,
        logEntry({
          at: new Date().toISOString(),
          action: "merge",
          by: "",
          via: "cli",
          sheet: master.sheet,
          cells: changes,
          note: plan.merged.map((m) => m.file).join(", "),
        }),
      ),
    });
    await writePackage(master.port, inputsOf(opts, opts.forms), opts.output, opts.force === true);

    return { ok: true, plan, json, findings: plan.findings, differences: plan.differences, written: true };
  } catch (e) {
    if (e instanceof Unusable) return { ok: false, message: e.detail };
    throw e;
  }
}

/**
 * The "Tự đánh giá", "Chênh lệch" and "Theo dõi phiếu" sheets: the ones a previous merge made are
 * replaced in place; a user's sheet of that name is never touched (the sheet gets another name); new
 * ones follow the grid, one after the other.
 */
function placeLoopSheets(
  master: Master,
  self: (name: string) => SheetDescription,
  diff: (name: string) => SheetDescription,
  track: (name: string) => SheetDescription,
): { self: string; diff: string; track: string } {
  const names = master.port.sheets().map((s) => s.name);
  let after = master.sheet;
  const put = (wanted: string, owned: string | undefined, describe: (name: string) => SheetDescription) => {
    const where = chooseAnnexSheet(wanted, names, owned);
    master.port.putSheet(describe(where.name), after);
    if (!names.includes(where.name)) names.push(where.name);
    after = where.name;
    return where.name;
  };
  const loop = master.state.loopSheets;
  return {
    self: put(FORM_TEXT.selfSheet, loop?.self, self),
    diff: put(FORM_TEXT.diffSheet, loop?.diff, diff),
    track: put(FORM_TEXT.trackSheet, loop?.track, track),
  };
}

/** The ledger a merge fills (rules with criteria): the workbook's sheet, or a new one from the rules and the grid's agencies. */
function ledgerForMerge(master: Master): { values: unknown[][]; made: SheetDescription | null } | null {
  if (master.rules.leaves.length === 0) return null;
  if (master.port.sheets().some((s) => s.name === LEDGER_SHEET)) return { values: master.port.readSheet(LEDGER_SHEET).values, made: null };
  const made = ledgerSheet(master.rules, gridAgencies(master.data.values, master.rules) ?? []);
  return { values: sheetValues(made), made };
}

/**
 * The merge's ledger cells: written into the workbook's ledger (each cell's look kept), or into the new
 * ledger's description, then added after the grid. The changes for the log (address, old, new).
 */
function writeLedger(master: Master, ledger: { values: unknown[][]; made: SheetDescription | null }, plan: MergePlan): [string, string, string][] {
  const writes = plan.ledgerWrites;
  if (ledger.made) {
    if (writes.length === 0 && plan.merged.length === 0) return [];
    const byCell = new Map(ledger.made.cells.map((c) => [`${c.row}:${c.col}`, c]));
    for (const w of writes) {
      const cell = byCell.get(`${w.row}:${w.col}`);
      if (cell) Object.assign(cell, { value: w.value, ...(typeof w.value === "string" ? { numberFormat: "@" } : {}) });
    }
    master.port.putSheet(ledger.made, master.sheet);
  } else
    master.port.writeValues(
      LEDGER_SHEET,
      writes.map((w) => ({ row: w.row, col: w.col, value: w.value, ...(typeof w.value === "string" ? { numberFormat: "@" } : {}) })),
    );
  return writes.map((w) => [w.address, String(ledger.values[w.row]?.[w.col] ?? ""), String(w.value)]);
}
