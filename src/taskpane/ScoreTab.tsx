import * as React from "react";
import { ScoreView } from "./ScoreView";
import { useStrings } from "./i18n";
import { lazyPart } from "./lazyPart";
import { usePane } from "./pane";
import { useSharedStyles } from "./styles";

// The agency card and "Giải trình" (explanation, chart) come in a chunk of their own, asked for as the
// pane first renders; "Tính điểm" and the findings do not wait for it. If it cannot be loaded they are
// absent (the pane works without them) instead of breaking the pane.
const AgencyCard = lazyPart(() => import(/* webpackChunkName: "score-extras" */ "./AgencyCard").then((m) => m.AgencyCard));
const ExplainActions = lazyPart(() => import(/* webpackChunkName: "score-extras" */ "./ExplainActions").then((m) => m.ExplainActions));

/** The "Tính điểm" tab (in the pane's first script): the run and its findings, the agency under the selection, Giải trình. */
export function ScoreTab() {
  const shared = useSharedStyles();
  const t = useStrings();
  const { api, state, actions } = usePane();
  const { selection } = state;
  return (
    <div className={shared.stack}>
      <ScoreView
        api={api}
        undone={actions.undone}
        lastRun={state.head?.lastRun ?? null}
        lineage2025={state.head?.lineage2025 === true}
        outcome={state.scored}
        onScored={state.onScored}
        onWritten={(change) => (change ? state.applyChange(change) : void state.refresh())}
        busy={actions.busy}
        run={actions.run}
      />
      {selection?.card ? (
        <React.Suspense fallback={<p className={shared.muted}>{t.busy.load}</p>}>
          <AgencyCard card={t.lang === "en" ? selection.card.en : selection.card.vi} />
        </React.Suspense>
      ) : (
        <p className={shared.muted}>{t.card.hint}</p>
      )}
      <React.Suspense fallback={null}>
        <ExplainActions
          api={api}
          busy={actions.busy}
          run={actions.run}
          onWritten={state.applyChange}
          undone={actions.undone}
          sheet={state.scored?.sheet ?? state.head?.lastRun?.sheet}
        />
      </React.Suspense>
    </div>
  );
}
