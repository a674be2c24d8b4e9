import * as React from "react";
import { FluentProvider, makeStyles, Theme, tokens, webLightTheme } from "@fluentui/react-components";
import type { SelectionInfo } from "../excel/card";
import type { PaneApi } from "./api";
import type { ScoringOutcome, WorkbookSettings } from "../excel/types";
import { BusyKind, errorText, Note, Result, Runner, SettingsChange } from "./actions";
import { catalogue, I18nContext, Lang, officeLanguage } from "./i18n";
import { Notice } from "./Notice";
import { ScoreView } from "./ScoreView";
import { useSharedStyles } from "./styles";
import { UndoBar } from "./UndoBar";
import { Tabs } from "./Tabs";
import { Spin } from "./Spin";
import { lazyPart } from "./lazyPart";

// The agency card and "Giải trình" (explanation, chart) come in a chunk of their own, asked for as the
// pane first renders; "Tính điểm" and the findings do not wait for it. If it cannot be loaded they are
// absent (the pane works without them) instead of breaking the pane.
const AgencyCard = lazyPart(() => import(/* webpackChunkName: "score-extras" */ "./AgencyCard").then((m) => m.AgencyCard));
const ExplainActions = lazyPart(() => import(/* webpackChunkName: "score-extras" */ "./ExplainActions").then((m) => m.ExplainActions));

// The Phụ lục and Quy tắc tabs load on first use (chunks of their own): the pane opens without them.
const loadAnnexView = () => import(/* webpackChunkName: "annex-tab" */ "./AnnexView").then((m) => m.AnnexView);
const loadRulesView = () => import(/* webpackChunkName: "rules-tab" */ "./RulesView").then((m) => m.RulesView);
const loadFormsView = () => import(/* webpackChunkName: "forms-tab" */ "./FormsView").then((m) => m.FormsView);

/** A component in a chunk of its own (dynamic import): null until the chunk arrives; a failed load is reported and can be retried. */
function useLoaded<C>(load: () => Promise<C>, wanted: boolean): { component: C | null; error: string | null; retry: () => void } {
  const [component, setComponent] = React.useState<C | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    if (!wanted || component) return;
    let live = true;
    load().then(
      (c) => live && setComponent(() => c),
      (e) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [wanted, component, load, attempt]);
  return { component, error, retry: () => (setError(null), setAttempt((n) => n + 1)) };
}

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  shell: {
    boxSizing: "border-box",
    maxWidth: "640px",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    // Inputs take the width of their column, down to 320 px panes (not their intrinsic 20 characters).
    // Fluent's inputClassNames and selectClassNames, by name: importing them would put the Input and Select
    // components in the pane's first script.
    "& .fui-Input": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Input__input": { minWidth: 0, width: "100%" },
    // A native select is as wide as its longest option (English ones pass 320 px): it takes its column's width instead.
    "& .fui-Select": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Select__select": { minWidth: 0, width: "100%", maxWidth: "100%", textOverflow: "ellipsis" },
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: "wrap" },
  main: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  loading: { alignSelf: "flex-start" },
});

type TabValue = "score" | "annex" | "rules" | "forms";

/** How long the selection must rest before the pane reads it (moving with the arrow keys fires often). */
const SELECTION_DELAY_MS = 250;

/** A tab loaded on first use: a spinner until it arrives, an error with "Thử lại" if it cannot. */
function Loaded<C>(props: {
  state: ReturnType<typeof useLoaded<C>>;
  loading: string;
  failed: (e: string) => string;
  retry: string;
  children: (c: C) => React.ReactNode;
}) {
  const { state } = props;
  if (state.component) return <>{props.children(state.component)}</>;
  if (state.error) return <Notice note={{ intent: "error", text: props.failed(state.error) }} action={{ label: props.retry, onClick: state.retry }} />;
  return <Spin label={props.loading} />;
}
type Done = Extract<ScoringOutcome, { kind: "done" }>;
/** What the Tính điểm tab shows of the settings (with the opening sync) and what the Phụ lục and Quy tắc tabs need (a moment later). */
type Head = Pick<WorkbookSettings, "lastRun" | "undo" | "problems" | "problemsEn">;
type Config = Pick<WorkbookSettings, "rules" | "rulesFromWorkbook" | "decision" | "yearSource" | "lock">;
const headOf = (s: WorkbookSettings): Head => ({ lastRun: s.lastRun, undo: s.undo, problems: s.problems, problemsEn: s.problemsEn });
const configOf = (s: WorkbookSettings): Config => ({
  rules: s.rules,
  rulesFromWorkbook: s.rulesFromWorkbook,
  decision: s.decision,
  yearSource: s.yearSource,
  lock: s.lock ?? null,
});
/** A tab's state while the settings it shows are on their way: a spinner. */
const WAITING = { component: null, error: null, retry: () => undefined };

export interface AppProps {
  /** The Office calls (the use cases of src/excel in the add-in; a fake in tests). */
  api: PaneApi;
  /** The pane's language; by default Office's display language. */
  lang?: Lang;
  theme?: Theme;
}

/** The task pane: Tính điểm, Phụ lục, Quy tắc chấm điểm, and Hoàn tác for the last write. */
/** How long after the last edit typed by hand the edits are logged (one write for a burst of typing). */
const EDIT_LOG_DELAY = 1500;

export function App({ api, lang, theme = webLightTheme }: AppProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const language = lang ?? officeLanguage();
  const t = catalogue[language];
  const vi = language === "en" ? ("vi" as const) : undefined;
  // What the Tính điểm tab needs (last run, undo, problems reading the store) arrives with the opening
  // sync; the rest (rules checked, the decision and its year) a moment later, from the same read, with the
  // settings code (not in the first script). Actions change the first through applyChange.
  const [head, setHead] = React.useState<Head | null>(null);
  const [config, setConfig] = React.useState<Config | null>(null);
  const [loadError, setLoadError] = React.useState<string | null>(null);
  // The pane opens busy: it reads the workbook's settings first.
  const [busy, setBusy] = React.useState<BusyKind | null>("load");
  const busyRef = React.useRef<BusyKind | null>("load");
  const [tab, setTab] = React.useState<TabValue>("score");
  // Tabs opened once stay mounted (what was typed there is kept when switching tabs).
  const [opened, setOpened] = React.useState<ReadonlySet<TabValue>>(() => new Set(["score"]));
  // Fetched once the pane is up (or at once if the tab is opened first), in the background: by the
  // time a tab is clicked its code is usually there. They are never part of the initial script.
  const [up, setUp] = React.useState(false);
  const annexView = useLoaded(loadAnnexView, up || opened.has("annex"));
  const rulesView = useLoaded(loadRulesView, up || opened.has("rules"));
  const selectTab = (value: TabValue) => {
    setTab(value);
    setOpened((s) => (s.has(value) ? s : new Set([...s, value])));
  };
  const [scored, setScored] = React.useState<Done | null>(null);
  const [appNote, setAppNote] = React.useState<Note | null>(null);
  /** Counts the undos done: the views drop their notices then, which spoke of a state that is gone. */
  const [undone, setUndone] = React.useState(0);
  const [selection, setSelection] = React.useState<SelectionInfo | null>(null);

  const run: Runner = React.useCallback(
    async <T,>(kind: BusyKind, action: () => Promise<T>): Promise<Result<T>> => {
      if (busyRef.current) return { ok: false, error: t.busy[busyRef.current] };
      busyRef.current = kind;
      setBusy(kind);
      // A new action: the last undo's notice no longer describes the workbook.
      if (kind !== "load") setAppNote(null);
      try {
        return { ok: true, value: await action() };
      } catch (e) {
        return { ok: false, error: errorText(e) };
      } finally {
        busyRef.current = null;
        setBusy(null);
      }
    },
    [t],
  );

  /** What an action changed in the workbook's state, as its use case returned it: nothing is read again. */
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

  /** Reads the workbook's settings again, after "Gộp phiếu" or "Chuyển mã" (their outcomes do not carry the new state). */
  const refresh = React.useCallback(async () => {
    try {
      takeSettings(await api.loadSettings());
    } catch {
      // The action itself succeeded; the undo state shown may be stale until the next load.
    }
  }, [api, takeSettings]);

  /** Looks at the selection a moment after the user stops (set by the selection effect below). */
  const lookRef = React.useRef<() => void>(() => undefined);
  /** Ends the subscription to cell edits made on opening; null until it is made. */
  const stopListening = React.useRef<(() => void) | null>(null);
  const unmounted = React.useRef(false);
  /** Opens the pane: settings and the subscription to cell edits, in one batch (api.openPane). */
  /** Cells typed by hand, logged together a moment after the last edit ("Sửa tay"), never while an action writes. */
  const edits = React.useRef<{ addresses: Set<string>; timer: ReturnType<typeof setTimeout> | null }>({ addresses: new Set(), timer: null });
  const onEdited = React.useCallback(
    (address: string) => {
      lookRef.current();
      if (!address || busyRef.current) return;
      const pending = edits.current;
      pending.addresses.add(address);
      if (pending.timer) clearTimeout(pending.timer);
      pending.timer = setTimeout(() => {
        pending.timer = null;
        const list = [...pending.addresses];
        pending.addresses.clear();
        if (!busyRef.current && !unmounted.current) void api.logEdits(list).catch(() => undefined);
      }, EDIT_LOG_DELAY);
    },
    [api],
  );
  const open = React.useCallback(async () => {
    const opening = await api.openPane(onEdited);
    if (unmounted.current) opening.stopListening();
    else stopListening.current = opening.stopListening;
    return opening;
  }, [api, onEdited]);

  /** "Thử lại" after a failed load: opens again if opening failed (it subscribed to nothing then), else reads the settings again. */
  const load = React.useCallback(async () => {
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
      .finally(() => {
        if (!live) return;
        busyRef.current = null;
        setBusy(null);
      });
    // The scoring engine and the other tabs, in the background once the pane is up ("Tính điểm" works
    // before: it waits for the engine).
    const idle = setTimeout(() => {
      api.preloadEngine();
      setUp(true);
    }, 0);
    return () => {
      live = false;
      unmounted.current = true;
      clearTimeout(idle);
      stopListening.current?.();
      stopListening.current = null;
    };
  }, [api, open]);

  // The agency under the selection, and stale results: looked at when the selection changes (which
  // follows every edit typed in a cell) and, where Excel has sheet change events (ExcelApi 1.9), as
  // soon as cells are edited; a moment after the user stops, never during an action.
  React.useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (busyRef.current) return;
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
  }, [api]);

  const onScored = React.useCallback((outcome: Done) => {
    setScored(outcome);
    // The results were just written from the scores: whatever was stale is not any more.
    setSelection((s) => (s && s.sheet === outcome.sheet ? { ...s, stale: null } : s));
  }, []);

  const undo = async () => {
    setAppNote(null);
    const r = await run("undo", async () => {
      // What the pane offers: if Ctrl+Z in Excel already took it back, the answer says so (nothing left to undo for it).
      const offered = head?.undo ?? null;
      const outcome = await api.undoLast(offered ? { action: offered.action, at: offered.at } : null);
      if (outcome.kind === "done") {
        setScored(null);
        setUndone((n) => n + 1);
        applyChange({ undo: null, lastRun: outcome.lastRun });
      } else if (outcome.kind === "nothing" && outcome.current !== undefined) {
        setScored(null);
        setUndone((n) => n + 1);
        applyChange({ undo: outcome.current });
      }
      return outcome;
    });
    if (!r.ok) return setAppNote({ intent: "error", title: t.undo.refused, text: t.unexpected(r.error) });
    const o = r.value;
    const text = language === "en" ? o.messageEn : o.message;
    if (o.kind === "done") {
      // What this Excel could not give back (formats, below ExcelApi 1.9) is said, cell by cell.
      const left = (o.left ?? []).map((l) => (language === "en" ? l.messageEn : l.message));
      setAppNote(left.length > 0 ? { intent: "warning", title: t.undo.partly, text, items: left } : { intent: "success", text });
    } else if (o.kind === "nothing") setAppNote({ intent: "info", title: t.undo.nothing, text: o.current !== undefined ? text : t.undo.none });
    else setAppNote({ intent: "error", title: t.undo.refused, text });
  };

  const formsView = useLoaded(loadFormsView, up || opened.has("forms"));
  const ready = head !== null || loadError !== null;
  // The Phụ lục and Quy tắc tabs show the stored decision and rules: they wait for them (or for a failed load: defaults).
  const configReady = config !== null || loadError !== null;
  const tabs: { value: TabValue; label: string }[] = [
    { value: "score", label: t.tabs.score },
    { value: "annex", label: t.tabs.annex },
    { value: "rules", label: t.tabs.rules },
    { value: "forms", label: t.tabs.forms },
  ];

  return (
    <FluentProvider theme={theme} className={styles.provider} lang={language}>
      <I18nContext.Provider value={t}>
        <div className={styles.shell}>
          <header className={styles.header}>
            <h1 className={styles.title}>{t.appTitle}</h1>
            <UndoBar undo={head?.undo ?? null} busy={busy} onUndo={undo} />
          </header>
          <nav aria-label={t.tabs.tabsLabel}>
            <Tabs className={styles.tabs} items={tabs} selected={tab} onSelect={selectTab} />
          </nav>
          <main className={styles.main} aria-busy={busy !== null}>
            {/* What is running, for screen readers; sighted users see the spinner on the button pressed. */}
            <div role="status" className={shared.visuallyHidden}>
              {busy ? t.busy[busy] : ""}
            </div>
            {busy === "load" && <Spin className={styles.loading} label={t.busy.load} />}
            {appNote && <Notice note={appNote} onDismiss={() => setAppNote(null)} />}
            {selection?.stale && (
              <Notice note={{ intent: "warning", title: t.card.staleTitle, text: language === "en" ? selection.stale.messageEn : selection.stale.message }} />
            )}
            {loadError && (
              <Notice
                note={{ intent: "error", title: t.settingsProblemsTitle, text: t.loadFailed(loadError), textLang: vi }}
                action={{ label: t.retry, onClick: () => void load() }}
              />
            )}
            {head && head.problems.length > 0 && (
              <Notice note={{ intent: "warning", title: t.settingsProblemsTitle, items: language === "en" ? head.problemsEn : head.problems }} />
            )}
            {ready && (
              <React.Fragment key={head ? "workbook" : "defaults"}>
                <div role="tabpanel" id="panel-score" aria-labelledby="tab-score" hidden={tab !== "score"}>
                  <div className={shared.stack}>
                    <ScoreView
                      api={api}
                      undone={undone}
                      lastRun={head?.lastRun ?? null}
                      outcome={scored}
                      onScored={onScored}
                      onWritten={(change) => (change ? applyChange(change) : void refresh())}
                      busy={busy}
                      run={run}
                    />
                    {selection?.card ? (
                      <React.Suspense fallback={<p className={shared.muted}>{t.busy.load}</p>}>
                        <AgencyCard card={language === "en" ? selection.card.en : selection.card.vi} />
                      </React.Suspense>
                    ) : (
                      <p className={shared.muted}>{t.card.hint}</p>
                    )}
                    <React.Suspense fallback={null}>
                      <ExplainActions api={api} busy={busy} run={run} onWritten={applyChange} />
                    </React.Suspense>
                  </div>
                </div>
                <div role="tabpanel" id="panel-annex" aria-labelledby="tab-annex" hidden={tab !== "annex"}>
                  {opened.has("annex") && (
                    <Loaded state={configReady ? annexView : WAITING} loading={t.busy.load} failed={t.tabLoadFailed} retry={t.retry}>
                      {(AnnexView) => (
                        <AnnexView
                          key={config ? "workbook" : "defaults"}
                          api={api}
                          undone={undone}
                          decision={config?.decision}
                          yearSource={config?.yearSource}
                          lock={config?.lock ?? null}
                          busy={busy}
                          run={run}
                          onWritten={applyChange}
                        />
                      )}
                    </Loaded>
                  )}
                </div>
                <div role="tabpanel" id="panel-rules" aria-labelledby="tab-rules" hidden={tab !== "rules"}>
                  {opened.has("rules") && (
                    <Loaded state={configReady ? rulesView : WAITING} loading={t.busy.load} failed={t.tabLoadFailed} retry={t.retry}>
                      {(RulesView) => (
                        <RulesView
                          key={config ? "workbook" : "defaults"}
                          rules={config?.rules}
                          fromWorkbook={config?.rulesFromWorkbook ?? false}
                          busy={busy}
                          run={run}
                          saveRules={api.saveRules}
                          onSaved={applyChange}
                        />
                      )}
                    </Loaded>
                  )}
                </div>
                <div role="tabpanel" id="panel-forms" aria-labelledby="tab-forms" hidden={tab !== "forms"}>
                  {opened.has("forms") && (
                    <Loaded state={formsView} loading={t.busy.load} failed={t.tabLoadFailed} retry={t.retry}>
                      {(FormsView) => <FormsView busy={busy} run={run} actions={api.forms} onWritten={refresh} />}
                    </Loaded>
                  )}
                </div>
              </React.Fragment>
            )}
          </main>
        </div>
      </I18nContext.Provider>
    </FluentProvider>
  );
}
