import { locateGrid } from "../core/grid/grid";
import {
  completeMetadata,
  completeMetadataWithSource,
  DecisionMetadata,
  provinceInTitle,
  titleRowsOf,
  validateMetadata,
  yearInTitle,
} from "../core/rules/metadata";
import { PRESET_THAI_BINH_2020, presetRules, Rules, RulesJson, validateRules } from "../core/rules/rules";
import { StoreState } from "../core/store/store";
import { hostErrorMessage } from "./host";
import { queueStoreRead, syncReadingStore, writeStore, runWriting } from "./store";
import { WorkbookSettings } from "./types";
import { OpeningRead, readOpening } from "./opening-read";
import { ruleProblemLines } from "../core/rules/ruleMessages";
import { excelBoth } from "./messages";

/** The title above the grid, from the first rows of the active sheet (none: no grid header there). */
function titleRows(top: readonly unknown[][] | null, rules: Rules): readonly (readonly unknown[])[] {
  if (!top) return [];
  const located = locateGrid(top, rules);
  return located.ok ? titleRowsOf(top, located.layout.headerTop) : [];
}

/**
 * What the pane shows on opening: rules, decision (its year inferred when none is stored), the last run
 * (also one started from the ribbon), what undo would undo. 1 sync, reading the store's head only (a few
 * KB, whatever the size of the grid) and the title rows of the open sheet.
 */
export async function loadSettings(): Promise<WorkbookSettings> {
  return settingsFrom(await Excel.run(readOpening));
}

/**
 * The settings worked out from what opening read: the stored rules checked (the 2020 preset when there are
 * none or they are not valid, said in `problems`), the decision completed with the year the open sheet's
 * title names. No Excel call: the pane runs it after its opening sync, once this module has arrived.
 */
export function settingsFrom(read: OpeningRead): WorkbookSettings {
  const { state } = read;
  const problems = [...read.problems];
  const problemsEn = [...read.problemsEn];
  let rules: RulesJson = PRESET_THAI_BINH_2020;
  let compiled: Rules = presetRules();
  let fromWorkbook = false;
  if (state.rules) {
    const checked = validateRules(state.rules);
    if (checked.ok) {
      rules = checked.rules.json;
      compiled = checked.rules;
      fromWorkbook = true;
    } else {
      const m = excelBoth("storedRulesDefault", { problems: checked.problems });
      problems.push(m.message);
      problemsEn.push(m.messageEn);
    }
  }
  const title = titleRows(read.top, compiled);
  const decision = completeMetadataWithSource(state.decision, yearInTitle(title));
  // No province stored: the one the grid's title names, offered in the form (said under the field) for the annex's issuer.
  const titleProvince = decision.meta.province ? null : provinceInTitle(title);
  return {
    rules,
    rulesFromWorkbook: fromWorkbook,
    decision: titleProvince ? { ...decision.meta, province: titleProvince } : decision.meta,
    yearSource: decision.yearSource,
    ...(titleProvince ? { provinceFromTitle: true } : {}),
    lastRun: read.lastRun,
    undo: read.undo,
    lock: read.lock,
    lineage2025: state.lastYear?.lineage2025 === true,
    problems,
    problemsEn,
  };
}

async function updateStore(change: (state: StoreState) => StoreState): Promise<void> {
  await runWriting(async (context) => {
    const store = await syncReadingStore(context, queueStoreRead(context));
    await writeStore(context, store, change(store.state()));
  });
}

/** Why a save failed: the messages in Vietnamese and, in the same order, in English. */
export type SaveResult = { ok: true } | { ok: false; messages: string[]; messagesEn: string[] };

const hostFailure = (e: unknown): SaveResult => ({ ok: false, messages: [hostErrorMessage(e)], messagesEn: [hostErrorMessage(e, "en")] });

/** Saves rules into the workbook after validating them; invalid rules are never stored. */
export async function saveRules(json: unknown): Promise<SaveResult> {
  const checked = validateRules(json);
  if (!checked.ok) {
    return { ok: false, messages: ruleProblemLines(checked.problems, "vi"), messagesEn: ruleProblemLines(checked.problems, "en") };
  }
  try {
    await updateStore((state) => ({ ...state, rules: checked.rules.json }));
    return { ok: true };
  } catch (e) {
    return hostFailure(e);
  }
}

/** Saves the decision metadata (the one place the annex heading takes its number and date from). */
export async function saveDecision(meta: DecisionMetadata): Promise<SaveResult> {
  const complete = completeMetadata(meta);
  const problems = validateMetadata(complete);
  if (problems.length) return { ok: false, messages: problems.map((p) => p.message), messagesEn: problems.map((p) => p.messageEn) };
  try {
    // The forms' deadline: one passed is stored, an empty one ("", the pane's field emptied) is no longer set,
    // and one a caller does not pass stays.
    const kept = (state: StoreState) =>
      meta.formsDeadline === undefined && state.decision?.formsDeadline ? { formsDeadline: state.decision.formsDeadline } : {};
    await updateStore((state) => ({ ...state, decision: { ...complete, ...kept(state) } }));
    return { ok: true };
  } catch (e) {
    return hostFailure(e);
  }
}

/**
 * "Dùng danh sách sáp nhập sở năm 2025" ticked or not: kept with the workbook, whether or not the "Sáp nhập"
 * sheet is written. The next "Tính điểm" compared with last year uses it, and the pane opens with it.
 */
export async function saveLineage2025(on: boolean): Promise<SaveResult> {
  try {
    await updateStore((state) => ({ ...state, lastYear: { ...state.lastYear, lineage2025: on } }));
    return { ok: true };
  } catch (e) {
    return hostFailure(e);
  }
}

// Opening the pane, selecting a finding's cell, listing the sheets: src/excel/opening.ts (the pane's first script).
