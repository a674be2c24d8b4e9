/** What the views share: the busy state of the one action running, and how they report outcomes. */
import * as React from "react";
import type { Lang } from "./i18n";
import type { WorkbookSettings } from "../excel/types";

/** What an action changed in the workbook's state (its use case says): the pane applies it without reading the workbook again. */
export type SettingsChange = Partial<Pick<WorkbookSettings, "rules" | "rulesFromWorkbook" | "lastRun" | "undo">>;

export type BusyKind =
  | "load"
  | "score"
  | "annex"
  | "saveDecision"
  | "saveRules"
  | "undo"
  | "forms"
  | "merge"
  | "convert"
  | "explain"
  | "chart"
  | "lock"
  | "log"
  | "notices"
  | "conclusions"
  | "criteriaSheet"
  | "ledgerSheet";

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Runs one action at a time: the pane is busy (spinner, disabled buttons, aria-busy) until it ends.
 * An exception becomes `{ ok: false, error }` with a message that says what to do.
 */
export type Runner = <T>(kind: BusyKind, action: () => Promise<T>) => Promise<Result<T>>;

/** A message for a MessageBar. `textLang` marks text that stays in Vietnamese in the English pane. */
export interface Note {
  intent: "success" | "info" | "warning" | "error";
  title?: string;
  text?: string;
  textLang?: Lang;
  items?: string[];
  itemsLang?: Lang;
  ordered?: boolean;
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : typeof e === "string" ? e : JSON.stringify(e));

/**
 * Calls `drop` (while rendering, as React advises for state adjusted to a prop) each time `undone`
 * changes: after "Hoàn tác" a part's notices spoke of a state that is gone.
 */
export function useDropOnUndo(undone: number, drop: () => void): void {
  const [seen, setSeen] = React.useState(undone);
  if (seen !== undone) {
    setSeen(undone);
    drop();
  }
}
