import * as React from "react";
import { errorText } from "./actions";
import { Strings, useStrings } from "./i18n";
import { Notice } from "./Notice";
import { usePane } from "./pane";
import { ScoreTab } from "./ScoreTab";
import { Spin } from "./Spin";

/**
 * The pane's tabs, as a table (Script Lab's backstage items): its id (`#tab-<id>`, `#panel-<id>`), the
 * key of its label in the pane's strings, and its view. A view is either in the first script
 * (`view`) or in a chunk of its own (`load`), fetched in the background once the pane is up, or at once
 * when its tab is opened first. A view takes no props: it reads what it needs with usePane().
 * Adding a tab: one entry here, its label under `tabs` in i18n.ts, and its view.
 */
export interface TabPart {
  id: string;
  label: Exclude<keyof Strings["tabs"], "tabsLabel">;
  /** The view, in the pane's first script. */
  view?: React.ComponentType;
  /** The view, in a chunk of its own (a dynamic import with its webpackChunkName). */
  load?: () => Promise<React.ComponentType>;
  /** Shown once the workbook's rules, decision and lock have arrived (a spinner until then). */
  waitsForConfig?: boolean;
}

export const TABS: readonly TabPart[] = [
  { id: "score", label: "score", view: ScoreTab },
  { id: "annex", label: "annex", waitsForConfig: true, load: () => import(/* webpackChunkName: "annex-tab" */ "./AnnexView").then((m) => m.AnnexTab) },
  { id: "rules", label: "rules", waitsForConfig: true, load: () => import(/* webpackChunkName: "rules-tab" */ "./RulesView").then((m) => m.RulesTab) },
  { id: "forms", label: "forms", load: () => import(/* webpackChunkName: "forms-tab" */ "./FormsView").then((m) => m.FormsTab) },
];

/** A view in a chunk of its own: null until the chunk arrives; a failed load is reported and can be retried. */
function useLoaded(load: (() => Promise<React.ComponentType>) | undefined, wanted: boolean) {
  const [component, setComponent] = React.useState<React.ComponentType | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    if (!load || !wanted || component) return;
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

export interface TabPanelProps {
  part: TabPart;
  selected: boolean;
  /** The tab was opened once: its view is shown, and stays mounted (what was typed there is kept when switching tabs). */
  opened: boolean;
  /** The pane is up: the view's chunk is fetched in the background. */
  up: boolean;
}

/** A tab's panel: its view once the pane can show it; a spinner while its chunk or the settings it needs are on their way; an error with "Thử lại" if the chunk cannot be loaded. */
export function TabPanel({ part, selected, opened, up }: TabPanelProps) {
  const t = useStrings();
  const { state } = usePane();
  const loaded = useLoaded(part.load, up || opened);
  const View = part.view ?? loaded.component;
  let content: React.ReactNode = null;
  if (!opened || !state.ready) content = null;
  else if (part.waitsForConfig && !state.configReady) content = <Spin label={t.busy.load} />;
  else if (View) content = <View />;
  else if (loaded.error)
    content = <Notice note={{ intent: "error", text: t.tabLoadFailed(loaded.error) }} action={{ label: t.retry, onClick: loaded.retry }} />;
  else content = <Spin label={t.busy.load} />;
  return (
    <div role="tabpanel" id={`panel-${part.id}`} aria-labelledby={`tab-${part.id}`} hidden={!selected}>
      {/* After a failed load, "Thử lại" brings the workbook's settings: the view starts again from them. */}
      <React.Fragment key={state.head ? "workbook" : "defaults"}>{content}</React.Fragment>
    </div>
  );
}
