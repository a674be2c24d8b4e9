import * as React from "react";
import type { PaneApi } from "./api";
import type { PaneActions } from "./paneActions";
import type { PaneState } from "./usePaneState";

/** What the pane's parts (its tabs, the undo bar, the notices) share: the Office calls, the pane's state and its actions. */
export interface Pane {
  api: PaneApi;
  state: PaneState;
  actions: PaneActions;
}

export const PaneContext = React.createContext<Pane | null>(null);

/** The pane's state and actions, for a part rendered inside <App>. */
export function usePane(): Pane {
  const pane = React.useContext(PaneContext);
  if (!pane) throw new Error("usePane: outside the task pane (<App>)");
  return pane;
}
