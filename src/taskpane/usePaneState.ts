import * as React from "react";
import type { SelectionInfo } from "../excel/card";
import type { CellsEdited } from "../excel/selection-events";
import type { ScoringOutcome, WorkbookSettings } from "../excel/types";
import type { PaneApi } from "./api";
import { errorText, SettingsChange } from "./actions";
import type { PaneActions } from "./paneActions";
import type { Strings } from "./i18n";

export type Done = Extract<ScoringOutcome, { kind: "done" }>;
/** What the Tính điểm tab shows of the settings (with the opening sync) and what the Phụ lục and Quy tắc tabs need (a moment later). */
export type Head = Pick<WorkbookSettings, "lastRun" | "undo" | "problems" | "problemsEn" | "lineage2025">;
export type Config = Pick<WorkbookSettings, "rules" | "rulesFromWorkbook" | "decision" | "yearSource" | "provinceFromTitle" | "lock">;
const headOf = (s: WorkbookSettings): Head => ({
  lastRun: s.lastRun,
  undo: s.undo,
  problems: s.problems,
  problemsEn: s.problemsEn,
  lineage2025: s.lineage2025,
});
const configOf = (s: WorkbookSettings): Config => ({
  rules: s.rules,
  rulesFromWorkbook: s.rulesFromWorkbook,
  decision: s.decision,
  yearSource: s.yearSource,
  provinceFromTitle: s.provinceFromTitle,
  lock: s.lock ?? null,
});

/** How long the selection must rest before the pane reads it (moving with the arrow keys fires often). */
const SELECTION_DELAY_MS = 250;
/** How long after the last edit typed by hand the edits are logged (one write for a burst of typing). */
const EDIT_LOG_DELAY = 1500;

export interface PaneState {
  /** The last run, undo and problems reading the store: with the opening sync; null until then (or if it failed). */
  head: Head | null;
  /** The rules checked, the decision and its year, the lock: a moment after opening; null until then. */
  config: Config | null;
  /** Why the workbook's settings could not be read ("Thử lại" calls retryLoad). */
  loadError: string | null;
  retryLoad: () => Promise<void>;
  /** The parts can show: the head arrived, or its read failed (then with defaults). */
  ready: boolean;
  /** The Phụ lục and Quy tắc tabs show the stored decision and rules: they wait for them (or for a failed load: defaults). */
  configReady: boolean;
  /** The last Tính điểm in this pane (its findings are shown until an undo). */
  scored: Done | null;
  onScored: (outcome: Done) => void;
  /** The agency under the selection and whether its results are stale; null: nothing to show. */
  selection: SelectionInfo | null;
  /** What an action changed in the workbook's state, as its use case returned it: nothing is read again. */
  applyChange: (change: SettingsChange) => void;
  /** Reads the workbook's settings again, after "Gộp phiếu" or "Chuyển mã" (their outcomes do not carry the new state). */
  refresh: () => Promise<void>;
  /** "Hoàn tác": the last write given back; what it did goes to the pane's notice. */
  undo: () => Promise<void>;
  /** The Quy tắc tab holds edits not saved (Tính điểm would not use them): the other tabs say so. */
  rulesUnsaved: boolean;
  setRulesUnsaved: (unsaved: boolean) => void;
}

/**
 * The pane's state: the workbook's settings (opening, "Thử lại", refresh after an action), the last run,
 * the selection watched for the agency card and stale results, and undo. The parts get it through the
 * pane's context; App only composes them.
 */
export function usePaneState(api: PaneApi, actions: PaneActions, t: Strings): PaneState {
  const { run, setNote, markUndone, loaded, isBusy } = actions;
  const en = t.lang === "en";
  // What the Tính điểm tab needs (last run, undo, problems reading the store) arrives with the opening
  // sync; the rest (rules checked, the decision and its year) a moment later, from the same read, with the
  // settings code (not in the first script). Actions change the first through applyChange.
  const [head, setHead] = React.useState<Head | null>(null);
  const [config, setConfig] = React.useState<Config | null>(null);
  const [loadError, setLoadError] = React.useState<string | null>(null);
  const [scored, setScored] = React.useState<Done | null>(null);
  const [selection, setSelection] = React.useState<SelectionInfo | null>(null);
  const [rulesUnsaved, setRulesUnsaved] = React.useState(false);

  const applyChange = React.useCallback((change: SettingsChange) => {
    const { rules, rulesFromWorkbook, ...runState } = change;
    setHead((h) => (h ? { ...h, ...runState } : h));
    if (rules !== undefined) setConfig((c) => (c ? { ...c, rules, rulesFromWorkbook: rulesFromWorkbook ?? c.rulesFromWorkbook } : c));
  }, []);

  /** All the settings, as read again (refresh, "Thử lại"). */
  const takeSettings = React.useCallback((s: WorkbookSettings) => {
    setHead(headOf(s));
    setConfig(configOf(s));
  }, []);

  /** Looks at the selection a moment after the user stops (set by the selection effect below). */
  const lookRef = React.useRef<() => void>(() => undefined);

  const refresh = React.useCallback(async () => {
    // The action changed cells (Gộp phiếu, Chuyển mã): whether the results are stale is looked at again.
    lookRef.current();
    try {
      takeSettings(await api.loadSettings());
    } catch {
      // The action itself succeeded; the undo state shown may be stale until the next load.
    }
  }, [api, takeSettings]);
  /** Ends the subscription to cell edits made on opening; null until it is made. */
  const stopListening = React.useRef<(() => void) | null>(null);
  const unmounted = React.useRef(false);
  /** Cells typed by hand, logged together a moment after the last edit ("Sửa tay"), never while an action writes. */
  const edits = React.useRef<{ edits: Map<string, CellsEdited>; timer: ReturnType<typeof setTimeout> | null }>({ edits: new Map(), timer: null });
  const onEdited = React.useCallback(
    (edit: CellsEdited) => {
      lookRef.current();
      if (!edit.address || isBusy()) return;
      const pending = edits.current;
      // The same block edited twice is logged once (its value when logged); the sheet is part of the key.
      pending.edits.set(`${edit.worksheetId ?? ""}\u0000${edit.address}`, edit);
      if (pending.timer) clearTimeout(pending.timer);
      pending.timer = setTimeout(() => {
        pending.timer = null;
        const list = [...pending.edits.values()];
        pending.edits.clear();
        if (!isBusy() && !unmounted.current) void api.logEdits(list).catch(() => undefined);
      }, EDIT_LOG_DELAY);
    },
    [api, isBusy],
  );
  /** Opens the pane: settings and the subscription to cell edits, in one batch (api.openPane). */
  const open = React.useCallback(async () => {
    const opening = await api.openPane(onEdited);
    if (unmounted.current) opening.stopListening();
    else stopListening.current = opening.stopListening;
    return opening;
  }, [api, onEdited]);

  /** "Thử lại" after a failed load: opens again if opening failed (it subscribed to nothing then), else reads the settings again. */
  const retryLoad = React.useCallback(async () => {
    setLoadError(null);
    const r = await run("load", async () => (stopListening.current ? api.loadSettings() : (await open()).settings()));
    if (r.ok) takeSettings(r.value);
    else setLoadError(r.error);
  }, [run, open, api, takeSettings]);

  // On opening: the rules, the decision, the last run (also one started from the ribbon), undo.
  React.useEffect(() => {
    let live = true;
    unmounted.current = false;
    open()
      .then(
        (opening) => {
          if (!live) return;
          setHead(opening.head);
          opening.settings().then(
            (s) => {
              if (!live) return;
              setConfig(configOf(s));
              // The last run and undo may have changed since (an action ran): only the problems are taken.
              setHead((h) => ({ ...(h ?? headOf(s)), problems: s.problems, problemsEn: s.problemsEn }));
            },
            (e) => live && setLoadError(errorText(e)),
          );
        },
        (e) => live && setLoadError(errorText(e)),
      )
      .finally(() => live && loaded());
    return () => {
      live = false;
      unmounted.current = true;
      stopListening.current?.();
      stopListening.current = null;
    };
  }, [open, loaded]);

  // The agency under the selection, and stale results: looked at when the selection changes (which
  // follows every edit typed in a cell) and, where Excel has sheet change events (ExcelApi 1.9), as
  // soon as cells are edited; a moment after the user stops, never during an action.
  React.useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (isBusy()) return;
        api.inspectSelection().then(
          (info) => live && setSelection(info),
          () => undefined, // a sheet being edited or closed: the next selection tries again
        );
      }, SELECTION_DELAY_MS);
    };
    lookRef.current = look;
    const off = api.onSelectionChanged(look);
    return () => {
      live = false;
      lookRef.current = () => undefined;
      clearTimeout(timer);
      off();
    };
  }, [api, isBusy]);

  const onScored = React.useCallback((outcome: Done) => {
    setScored(outcome);
    // The results were just written from the scores: whatever was stale is not any more.
    setSelection((s) => (s && s.sheet === outcome.sheet ? { ...s, stale: null } : s));
  }, []);

  const undo = React.useCallback(async () => {
    setNote(null);
    const r = await run("undo", async () => {
      // What the pane offers: if Ctrl+Z in Excel already took it back, the answer says so (nothing left to undo for it).
      const offered = head?.undo ?? null;
      const outcome = await api.undoLast(offered ? { action: offered.action, at: offered.at } : null);
      if (outcome.kind === "done") {
        setScored(null);
        markUndone();
        applyChange({ undo: null, lastRun: outcome.lastRun });
      } else if (outcome.kind === "nothing" && outcome.current !== undefined) {
        setScored(null);
        markUndone();
        applyChange({ undo: outcome.current });
      }
      return outcome;
    });
    // The cells are back as they were: the stale notice (and the card) are looked at again, not kept from before.
    lookRef.current();
    if (!r.ok) return setNote({ intent: "error", title: t.undo.refused, text: t.unexpected(r.error) });
    const o = r.value;
    const text = en ? o.messageEn : o.message;
    if (o.kind === "done") {
      // What this Excel could not give back (formats, below ExcelApi 1.9) is said, cell by cell.
      const left = (o.left ?? []).map((l) => (en ? l.messageEn : l.message));
      setNote(left.length > 0 ? { intent: "warning", title: t.undo.partly, text, items: left } : { intent: "success", text });
    } else if (o.kind === "nothing") setNote({ intent: "info", title: t.undo.nothing, text: o.current !== undefined ? text : t.undo.none });
    else setNote({ intent: "error", title: t.undo.refused, text });
  }, [api, run, setNote, markUndone, applyChange, head, t, en]);

  return {
    head,
    config,
    loadError,
    retryLoad,
    ready: head !== null || loadError !== null,
    configReady: config !== null || loadError !== null,
    scored,
    onScored,
    selection,
    applyChange,
    refresh,
    undo,
    rulesUnsaved,
    setRulesUnsaved,
  };
}
