import * as React from "react";
import { FluentProvider, makeStyles, Theme, tokens, webLightTheme } from "@fluentui/react-components";
import type { PaneApi } from "./api";
import { catalogue, I18nContext, Lang, officeLanguage, useStrings } from "./i18n";
import { Notice } from "./Notice";
import { useSharedStyles } from "./styles";
import { UndoBar } from "./UndoBar";
import { Tabs } from "./Tabs";
import { Spin } from "./Spin";
import { useActions } from "./paneActions";
import { usePaneState } from "./usePaneState";
import { Pane, PaneContext, usePane } from "./pane";
import { TabPanel, TABS } from "./paneTabs";
import { AnnounceProvider, useAnnouncements } from "./announce";

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
    // A textarea is 20 columns wide by itself (about 200 px): at 200 % zoom a 320 px pane has 160 px of page.
    "& .fui-Textarea": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Textarea__textarea": { minWidth: 0, width: "100%" },
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: "wrap" },
  main: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  loading: { alignSelf: "flex-start" },
});

export interface AppProps {
  /** The Office calls (the use cases of src/excel in the add-in; a fake in tests). */
  api: PaneApi;
  /** The pane's language; by default Office's display language. */
  lang?: Lang;
  theme?: Theme;
}

/**
 * Which tab is shown, and which were opened (they stay mounted: what was typed there is kept when
 * switching tabs). `up`: the pane is on screen, so the other tabs' chunks and the scoring engine are
 * fetched in the background (by the time a tab is clicked its code is usually there; never part of
 * the first script).
 */
function useTabs(api: PaneApi) {
  const [tab, setTab] = React.useState(TABS[0].id);
  const [opened, setOpened] = React.useState<ReadonlySet<string>>(() => new Set([TABS[0].id]));
  const [up, setUp] = React.useState(false);
  React.useEffect(() => {
    // "Tính điểm" works before the engine arrives: it waits for it.
    const idle = setTimeout(() => {
      api.preloadEngine();
      setUp(true);
    }, 0);
    return () => clearTimeout(idle);
  }, [api]);
  const select = (id: string) => {
    setTab(id);
    setOpened((s) => (s.has(id) ? s : new Set([...s, id])));
  };
  return { tab, opened, up, select };
}

/** The pane's notices above the tabs: what is running (for screen readers), the last undo, stale results, unsaved rules (off the Quy tắc tab), the settings' problems. */
function PaneNotices({ tab, select, announced }: { tab: string; select: (id: string) => void; announced: string }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { state, actions } = usePane();
  const t = useStrings();
  const en = t.lang === "en";
  const { busy, note } = actions;
  return (
    <>
      {/* For screen readers: what is running (sighted users see the spinner on the button pressed), then what it came to. */}
      <div role="status" aria-live="polite" aria-atomic="true" data-announcer="" className={shared.visuallyHidden}>
        {busy ? t.busy[busy] : announced}
      </div>
      {busy === "load" && <Spin className={styles.loading} label={t.busy.load} />}
      {note && <Notice note={note} onDismiss={() => actions.setNote(null)} />}
      {state.selection?.stale && (
        <Notice note={{ intent: "warning", title: t.card.staleTitle, text: en ? state.selection.stale.messageEn : state.selection.stale.message }} />
      )}
      {state.rulesUnsaved && tab !== "rules" && (
        <Notice
          note={{ intent: "warning", title: t.rulesUnsaved.title, text: t.rulesUnsaved.text }}
          action={{ label: t.rulesUnsaved.open, onClick: () => select("rules") }}
        />
      )}
      {state.loadError && (
        <Notice
          note={{ intent: "error", title: t.settingsProblemsTitle, text: t.loadFailed(state.loadError), textLang: en ? "vi" : undefined }}
          action={{ label: t.retry, onClick: () => void state.retryLoad() }}
        />
      )}
      {state.head && state.head.problems.length > 0 && (
        <Notice note={{ intent: "warning", title: t.settingsProblemsTitle, items: en ? state.head.problemsEn : state.head.problems }} />
      )}
    </>
  );
}

/** The task pane: the undo bar, the notices and the tabs of TABS (Tính điểm, Phụ lục, Quy tắc, Phiếu); it only composes them. */
export function App({ api, lang, theme = webLightTheme }: AppProps) {
  const styles = useStyles();
  const language = lang ?? officeLanguage();
  const t = catalogue[language];
  const actions = useActions(t);
  const state = usePaneState(api, actions, t);
  const tabs = useTabs(api);
  const announcements = useAnnouncements(actions.busy);
  const pane: Pane = { api, state, actions };
  return (
    <FluentProvider theme={theme} className={styles.provider} lang={language}>
      <I18nContext.Provider value={t}>
        <PaneContext.Provider value={pane}>
          <AnnounceProvider value={announcements.announcer}>
            <div className={styles.shell}>
              <header className={styles.header}>
                <h1 className={styles.title}>{t.appTitle}</h1>
                <UndoBar undo={state.head?.undo ?? null} busy={actions.busy} onUndo={state.undo} />
              </header>
              <nav aria-label={t.tabs.tabsLabel}>
                <Tabs className={styles.tabs} items={TABS.map((p) => ({ value: p.id, label: t.tabs[p.label] }))} selected={tabs.tab} onSelect={tabs.select} />
              </nav>
              <main className={styles.main} aria-busy={actions.busy !== null}>
                <PaneNotices tab={tabs.tab} select={tabs.select} announced={announcements.text} />
                {TABS.map((part) => (
                  <TabPanel key={part.id} part={part} selected={tabs.tab === part.id} opened={tabs.opened.has(part.id)} up={tabs.up} />
                ))}
              </main>
            </div>
          </AnnounceProvider>
        </PaneContext.Provider>
      </I18nContext.Provider>
    </FluentProvider>
  );
}
