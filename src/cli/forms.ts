import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { FORM_TEXT } from "../core/forms/form-messages";
import { newFormKey } from "../core/forms/form-parts";
import { Difference, MergeFinding, MergePlan } from "../core/forms/merge";
import { formWorkbook, MASTER_LIMITS, noticeWorkbook, readReturnedForms, tooLarge } from "../xlsx/forms";
import { checkPackage } from "../xlsx/package";
import { XlsxPort } from "../xlsx/port";
import { openInput, pickGridSheet, readingFile, rulesFrom, ScoreOptions, writePackage } from "./score";
import { bothOf, cliBoth, fail, Unusable } from "./messages";
import { checkOutput, writeAtomically } from "./output";
import { both, Both } from "../core/base/catalogue";
import { ScoreResult } from "../core/grid/scoring";
import { NOTICE_MESSAGES } from "../core/forms/notices";
import { lockRefusal } from "../core/store/lock";
import { appendLog, logEntry } from "../core/store/log";
import { Master, masterOf, mergedState, planMergeFlow, writeMerge } from "../core/flows/merge";
import { planForms, planNoticesOf, writeFormsMade } from "../core/flows/forms";

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

interface CliMaster extends Master {
  /** The master through the package port: read within MASTER_LIMITS, written as a copy with every part it does not own kept. */
  port: XlsxPort;
  scored: Extract<ScoreResult, { ok: true }>;
}

function openMaster(file: string, opts: { sheet?: string; rulesFile?: string; year?: number }): CliMaster {
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
    const master = masterOf({ sheet, values: data.values, layout: result.layout, rules, state, scored: result, ...(opts.year ? { year: opts.year } : {}) });
    return { ...master, port, scored: result };
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
    const stored = master.formKey;
    if (stored === null && !opts.masterOut) fail(cliBoth("formsNeedMasterOut", { master: opts.master }));
    if (fs.existsSync(opts.dir) && !fs.statSync(opts.dir).isDirectory()) fail(cliBoth("formsDirIsFile", { dir: opts.dir }));
    // The form key: the master's, or a new one kept in the copy written to --master-out (before any form).
    const formKey = stored ?? newFormKey((n) => new Uint8Array(crypto.randomBytes(n)));
    const madeAt = new Date().toISOString();
    const planned = planForms(master, { formKey, madeAt });
    const names = planned.map((f) => f.fileName);
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
    if (opts.masterOut) {
      // The id, the key and when each agency's form was made (“Theo dõi phiếu” of later merges into this copy).
      writeFormsMade(master.port, master, { forms: planned, at: madeAt, formKey }, (state) => ({ ...state, undo: undefined }));
      await writePackage(master.port, inputs, opts.masterOut, force);
    }
    const forms: { file: string; agency: string }[] = [];
    for (const f of planned) {
      await writeNewWorkbook(inputs, path.join(opts.dir, f.fileName), force, () => formWorkbook(ExcelJS, f.description));
      forms.push({ file: f.fileName, agency: f.agency });
    }
    return { ok: true, forms, ...(opts.masterOut ? { masterOut: opts.masterOut } : {}) };
  } catch (e) {
    if (e instanceof Unusable) return { ok: false, message: e.detail };
    throw e;
  }
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
    const planned = readingFile(opts.master, () => planNoticesOf(master.port, master, diffName, opts.deadline));
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
    // The rows of the "Chênh lệch" a previous merge made (the council's and the agencies' words kept) and, with
    // criteria, the ledger (the workbook's, or one made now with every agency's rows) come through the port.
    const planned = readingFile(opts.master, () =>
      planMergeFlow(master.port, master, { forms: returned, now: (opts.now ?? new Date()).toISOString(), makeLedger: true }),
    );
    if (!planned.ok) fail(cliBoth("onSheet", { sheet: master.sheet, reason: planned }));
    const flow = (planned as Extract<typeof planned, { ok: true }>).flow;
    const plan = flow.plan;
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

    writeMerge(master.port, master, flow, {
      deadline,
      stateAfter: ({ loopSheets, changes, files }) => ({
        ...mergedState(master, plan, loopSheets),
        ...(deadline ? { decision: { ...master.state.decision, formsDeadline: deadline } } : {}),
        undo: undefined,
        log: appendLog(
          master.state.log,
          logEntry({ at: new Date().toISOString(), action: "merge", by: "", via: "cli", sheet: master.sheet, cells: changes, note: files }),
        ),
      }),
    });
    await writePackage(master.port, inputsOf(opts, opts.forms), opts.output, opts.force === true);

    return { ok: true, plan, json, findings: plan.findings, differences: plan.differences, written: true };
  } catch (e) {
    if (e instanceof Unusable) return { ok: false, message: e.detail };
    throw e;
  }
}
