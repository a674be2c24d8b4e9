import { queueLedgerRead, scoreWithLedgerSheet, writeLedger } from "./ledger";
import { ledgerWritten } from "../core/flows/ledger";
import { LEDGER_SHEET } from "../core/grid/ledger";
import { concludedLedger, concludedSheet, queueDifferencesRead, withConcludedScores, withConclusionsJournalled } from "./conclusions";
import { lockRefusal } from "../core/store/lock";
import { blockChanges, logEntry, withLog } from "../core/store/log";
import { currentActor } from "./actor";
import { cellAddress, columnLetter, Origin } from "../core/base/address";
import { MARK_FILL, WritePlan } from "../core/grid/plan";
import { LineageRule, Rules } from "../core/rules/rules";
import { scoreSheet, ScoreResult } from "../core/grid/scoring";
import { LastRun, STORE_SHEET, StoreState, writtenCells } from "../core/store/store";
import { storeIssueMessage } from "../core/store/store-check";
import { lastRunRecord } from "../core/grid/summary";
import { features, readOrInBlocks } from "./host";
import { excelBoth, excelMessage } from "./messages";
import { runWriting } from "./store";
import { findingView, ScoringOutcome, Source } from "./types";
import { hostRefusal, PreviousChoice, queuePreviousSheet, rulesOf, sheetRefusal } from "./sheet-read";

export type { PreviousChoice };
/** The one chunker of result blocks (src/excel/port.ts), as the large-grid tests call it. */
export { batchBlocks } from "./port";
import { ExcelPort, Journal, loadedRead, portReadInBlocks, queuePortRead } from "./port";
import { resultUndo } from "../core/flows/undo";
import { planScoring, writeScoring } from "../core/flows/score";
import { PreviousInput, PreviousProblem, scorePreviousYear } from "../core/grid/previous";
import { compareWithLastYear, LastYearCompared, lastYearRecord, rulesWithLineage } from "../core/flows/previous";
import { lineageInUse, LINEAGE_SHEET } from "../core/rules/lineage";
import { Both } from "../core/base/catalogue";

export interface ScoringOptions {
  previous?: PreviousChoice;
}

const previousRefusal = (problem: PreviousProblem): Extract<ScoringOutcome, { kind: "refused" }> => ({
  kind: "refused",
  ...excelBoth("previousUnusable", { problem }),
  cells: [],
  ...(problem.code === "notEarlier" ? { previousNotEarlier: true } : {}),
});

/**
 * "Tính điểm": 1 read, 1 write. Sync 1 reads the active sheet (values, formulas, number formats), the
 * add-in's state and the sheet names; the core scores and plans. Sync 2 is one batch: first the state
 * with its undo journal (so that a batch failing part-way can always be undone), then the results and
 * the finding marks, each preceded by a load of what it replaces. After it, the cells loaded are
 * compared with the first read: result cells someone edited in between get their content back (and the
 * user is told to run again); an own fill or a width the journal could not know in advance corrects
 * the journal. Only those two cases take a third sync. Blocks only past the 5 MB limits.
 * The ribbon command and the task pane both call this.
 */
export async function runScoring(source: Source, now: () => Date = () => new Date(), options: ScoringOptions = {}): Promise<ScoringOutcome> {
  try {
    return await runWriting(async (context) => {
      const { read, lastYearSheet, lineageSheet, ledgerSheet, differencesSheet } = await readForScoring(context, options); // 1: read
      const gridSheet = read.sheet.result();
      const store = read.store;
      const state = store.state();
      if (state.lock) return { kind: "refused", ...lockRefusal(state.lock, "score"), cells: [] };
      // Stored entries set aside as damaged: named in this action's notices (and in a refusal they cause).
      const storeNotes = store.issues().map((issue) => storeIssueMessage(issue, STORE_SHEET, "vi"));
      const storeNotesEn = store.issues().map((issue) => storeIssueMessage(issue, STORE_SHEET, "en"));
      const rules = rulesOf(state);
      // The council's conclusions on "Chênh lệch": the concluded scores are what is scored (src/excel/conclusions.ts).
      const concluded = concludedSheet(gridSheet, differencesSheet(), rules, state.loopSheets?.diff);
      const sheet = concluded ? { ...gridSheet, values: concluded.values } : gridSheet;
      // Criteria sets: the conclusions per criterion into the ledger's Thẩm định, then the ledger's leaves computed,
      // their group sums into the grid (src/excel/ledger.ts).
      const ledgerRead = ledgerSheet();
      const ledgerConcluded = concludedLedger(ledgerRead, differencesSheet(), rules, state.loopSheets?.diff);
      // The core's flows through the port (src/core/flows/ledger.ts and score.ts), as the command line runs them on the package.
      const port = new ExcelPort(
        context,
        { ...loadedRead(read, gridSheet), ...(ledgerRead ? { others: new Map([[LEDGER_SHEET, ledgerRead]]) } : {}) },
        {
          journalCells: (cells) => withConclusionsJournalled(cells, concluded),
        },
      );
      const ledger = scoreWithLedgerSheet(port, sheet, ledgerRead, ledgerConcluded, rules, state);
      const scored = ledger ? ledger.result : scoreSheet(sheet.values, rules, sheet.origin);
      if (!scored.ok) {
        const refusal = sheetRefusal(sheet.name, scored.error);
        return scored.legacy.length > 0 ? { ...refusal, convertible: scored.legacy.map((c) => c.cell) } : refusal;
      }
      const lineage = lineageFor(options, lineageSheet, scored);
      if (!lineage.ok) return { kind: "refused", message: lineage.message, messageEn: lineage.messageEn, cells: [] };
      const compared = comparisonFor(options, lastYearSheet, state, { ...scored, rules: lineage.rules }, sheet.values, sheet.origin);
      if (!compared.ok) return previousRefusal(compared.problem);
      const comparison = compared.compared?.comparison ?? null;
      // The 2025 list (offered or used), the two years, the agencies gone since last year: told whether or not anything is written.
      const told = compared.compared?.notices ?? [];
      const planned = planScoring(port, {
        sheet: sheet.name,
        scored,
        state,
        comparison,
        adjust: (p) => withConcludedScores(ledger ? { ...p, written: ledgerWritten(p.written, ledger) } : p, concluded, sheet),
      });
      if (!planned.ok)
        return {
          kind: "refused",
          message: [planned.message, ...storeNotes].join(" "),
          messageEn: [planned.messageEn, ...storeNotesEn].join(" "),
          cells: planned.cells,
        };
      const { plan } = planned;
      const run = lastRunRecord(scored, sheet.name, source, now(), sheet.values);
      const findings = [
        ...scored.findings,
        ...(concluded?.findings ?? []),
        ...(ledgerConcluded?.findings ?? []),
        ...(compared.compared?.finding ? [compared.compared.finding] : []),
      ].map((f) => findingView(sheet.name, f, { result: scored, values: ledger ? ledger.values : sheet.values }));
      const columns = plan.columns.map((c) => columnLetter(c.col + sheet.origin.col));
      const currentUndo = state.undo ? { action: state.undo.action, at: state.undo.at, sheet: state.undo.sheet } : null;
      // What the annex, the card and Giải trình read with last year's columns: the 2025 list's box, the years, the rules changed.
      // (a run that compares with nothing leaves last year's columns, and the record of them, as they were)
      const lastYear = compared.compared ? lastYearRecord(state, compared.compared, sheet.name) : state.lastYear;

      const ledgerWrites = ledger ? ledger.ledgerCells : [];
      if (
        isUnchanged(plan, gridSheet.values, state) &&
        ledgerWrites.length === 0 &&
        (ledger?.gridWrites.length ?? 0) === 0 &&
        JSON.stringify(lastYear ?? null) === JSON.stringify(state.lastYear ?? null)
      ) {
        return {
          kind: "done",
          sheet: sheet.name,
          run,
          findings,
          columns,
          unchanged: true,
          notices: [...storeNotes, ...told.map((b) => b.message)],
          noticesEn: [...storeNotesEn, ...told.map((b) => b.messageEn)],
          edited: [],
          undo: currentUndo,
        };
      }
      if (sheet.protected) {
        return { kind: "refused", ...excelBoth("sheetProtected", { sheet: sheet.name }), cells: [] };
      }
      if (ledger && ledgerWrites.length > 0 && ledger.read.protected) {
        return { kind: "refused", ...excelBoth("sheetProtected", { sheet: LEDGER_SHEET }), cells: [] };
      }

      const via = source === "ribbon" ? "ribbon" : "pane";
      // The ledger's cells and the grid's group sums first: the results' journal (port.journal()) then holds them too.
      if (ledger) writeLedger(port, sheet.name, ledger);
      // As a block each, for the log.
      const cellBlocks = (writes: readonly { row: number; col: number; value: string | number }[]) =>
        writes.map((w) => ({ row: w.row, col: w.col, values: [[w.value]] }));
      writeScoring(port, {
        sheet: sheet.name,
        scored,
        plan,
        stateAfter: (written) => {
          const changes = blockChanges(gridSheet.values, [...written.blocks, ...cellBlocks(ledger?.gridWrites ?? [])], (r, c) =>
            cellAddress(r, c, sheet.origin),
          );
          let newState = withLog(
            { ...stateAfter(state, written, sheet.name, run, port.journal()), ...(lastYear ? { lastYear } : {}) },
            logEntry({ at: run.at, action: "score", by: currentActor(), via, sheet: sheet.name, cells: changes }),
          );
          // The ledger's computed columns: an entry of their own (the log names one sheet per entry).
          if (ledger && ledgerWrites.length > 0) {
            const cells = blockChanges(ledger.read.values, cellBlocks(ledgerWrites), (r, c) => cellAddress(r, c, ledger.read.origin));
            newState = withLog(newState, logEntry({ at: run.at, action: "score", by: currentActor(), via, sheet: LEDGER_SHEET, cells }));
          }
          return newState;
        },
      });
      const { edited } = await port.apply(); // 2 (3 in a few cases)

      const notices: string[] = [...storeNotes];
      const noticesEn: string[] = [...storeNotesEn];
      if (!features.copyFrom() && plan.headers.length > 0) {
        const m = excelBoth("plainHeaders", {});
        notices.push(m.message);
        noticesEn.push(m.messageEn);
      }
      const editedCells = edited.map((e) => (e.sheet ? `'${e.sheet}'!${e.address}` : e.address));
      if (editedCells.length > 0) {
        const m = excelMessage("editedMeanwhile", { cells: editedCells });
        notices.push(m.vi);
        noticesEn.push(m.en);
      }
      notices.push(...told.map((b) => b.message));
      noticesEn.push(...told.map((b) => b.messageEn));
      const undo = { action: "score" as const, at: run.at, sheet: sheet.name };
      return { kind: "done", sheet: sheet.name, run, findings, columns, unchanged: false, notices, noticesEn, edited: editedCells, undo };
    });
  } catch (e) {
    return hostRefusal(e);
  }
}

/** Queues the first read (the active sheet, the store, the sheet names; last year's sheet of this workbook when chosen) and syncs; in blocks past the response limit. */
async function readForScoring(context: Excel.RequestContext, options: ScoringOptions) {
  const active = context.workbook.worksheets.getActiveWorksheet();
  const lastYearName = options.previous?.kind === "sheet" ? options.previous.sheet : null;
  // Last year's sheet of this workbook is read in the same sync as the active sheet.
  let lastYearSheet = lastYearName !== null ? queuePreviousSheet(context, lastYearName) : null;
  // The "Sáp nhập" sheet (the lineage as a table), when comparing: read in the same sync.
  let lineageSheet = options.previous ? queuePreviousSheet(context, LINEAGE_SHEET) : null;
  // The ledger of a criteria set ("Chấm điểm chi tiết"), read in the same sync (null when there is none).
  let ledgerSheet = queueLedgerRead(context);
  // The council's conclusions ("Chênh lệch"), read in the same sync (null when there is none).
  let differencesSheet = queueDifferencesRead(context);
  const read = await readOrInBlocks(context, queuePortRead(context, active), async () => {
    ledgerSheet = queueLedgerRead(context); // read with the first of the reads in blocks
    differencesSheet = queueDifferencesRead(context);
    const inBlocks = await portReadInBlocks(context, active);
    if (lastYearName !== null || options.previous) {
      if (lastYearName !== null) lastYearSheet = queuePreviousSheet(context, lastYearName);
      if (options.previous) lineageSheet = queuePreviousSheet(context, LINEAGE_SHEET);
      await context.sync();
    }
    return inBlocks;
  });
  return { read, lastYearSheet, lineageSheet, ledgerSheet, differencesSheet };
}

/** The rules with the lineage of the "Sáp nhập" sheet when the workbook has one (the table people keep); refused when it cannot be read. */
function lineageFor(
  options: ScoringOptions,
  lineageSheet: (() => unknown[][] | null) | null,
  scored: Extract<ScoreResult, { ok: true }>,
): { ok: true; rules: Rules } | ({ ok: false } & Both) {
  if (!options.previous || !lineageSheet) return { ok: true, rules: scored.rules };
  const used = lineageInUse(lineageSheet(), scored.rules.lineage);
  if (!used.ok) return used;
  return used.fromSheet ? withRulesLineage(scored.rules, used.lineage) : { ok: true, rules: scored.rules };
}

/** The rules with another lineage (checked again). */
function withRulesLineage(rules: Rules, lineage: readonly LineageRule[]): { ok: true; rules: Rules } | ({ ok: false } & Both) {
  const checked = rulesWithLineage(rules, lineage);
  if (!checked.ok) return { ok: false, ...excelBoth("storedRulesInvalid", { problems: checked.problems }) };
  return { ok: true, rules: checked.rules };
}

/** Last year's comparison when the user chose one: from a sheet of this workbook (scored with its rules) or from agencies read elsewhere; the core's flow (src/core/flows/previous.ts), as `score --previous` runs it. */
function comparisonFor(
  options: ScoringOptions,
  lastYearSheet: (() => unknown[][] | null) | null,
  state: StoreState,
  scored: Extract<ScoreResult, { ok: true }>,
  values: readonly (readonly unknown[])[],
  origin: Origin,
): { ok: true; compared: Extract<LastYearCompared, { ok: true }> | null } | { ok: false; problem: PreviousProblem } {
  if (!options.previous) return { ok: true, compared: null };
  let last: PreviousInput;
  if (options.previous.kind === "sheet") {
    const values = lastYearSheet!();
    if (values === null) return { ok: false, problem: { code: "noSheet", source: options.previous.sheet } };
    // A sheet of this workbook is scored with this workbook's rules (the same rules: no change to report).
    const read = scorePreviousYear([{ name: options.previous.sheet, values }], state.rules, options.previous.sheet);
    if (!read.ok) return { ok: false, problem: read.problem };
    last = { ...read, storedRules: null };
  } else last = options.previous;
  // Last year's must be of an earlier year than this one, as --previous checks it, unless the user confirmed.
  // The 2025 mergers: offered where they fit, used when the pane's box is ticked, else when the workbook keeps
  // the choice (ticked once, remembered without writing the "Sáp nhập" sheet).
  const compared = compareWithLastYear(
    { scored, values, origin, decisionYear: state.decision?.year },
    { last, lineage2025: options.previous.lineage2025 ?? state.lastYear?.lineage2025 === true, force: options.previous.force === true, where: "pane" },
  );
  if (!compared.ok)
    return {
      ok: false,
      problem: { code: "notEarlier", source: options.previous.kind === "sheet" ? options.previous.sheet : options.previous.source, ...compared.notEarlier },
    };
  return { ok: true, compared };
}

function stateAfter(state: StoreState, plan: WritePlan, sheet: string, run: LastRun, journal: Journal): StoreState {
  return {
    ...state,
    written: plan.written,
    marks: [...(state.marks ?? []).filter((m) => m.sheet !== sheet), ...journal.marks],
    lastRun: run,
    undo: resultUndo(journal, sheet, run.at, state),
  };
}

/** Whether writing the plan would change nothing the sheet shows. */
function isUnchanged(plan: WritePlan, values: unknown[][], state: StoreState): boolean {
  if (plan.columns.some((c) => c.isNew) || plan.unmark.length > 0) return false;
  if (plan.marks.length !== plan.keptMarks.length) return false;
  const severity = new Map(plan.marks.map((m) => [m.address, MARK_FILL[m.severity]]));
  if (plan.keptMarks.some((m) => severity.get(m.address) !== m.mark)) return false;
  const written = writtenCells(state.written, plan.written.sheet);
  const planned = writtenCells(plan.written, plan.written.sheet);
  if (written.size !== planned.size) return false;
  for (const b of plan.blocks) {
    for (let i = 0; i < b.values.length; i++) {
      for (let j = 0; j < b.values[i].length; j++) {
        const now = values[b.row + i]?.[b.col + j] ?? "";
        if (now !== b.values[i][j]) return false;
      }
    }
  }
  return true;
}
