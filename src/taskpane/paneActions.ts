import * as React from "react";
import { BusyKind, errorText, Note, Result, Runner } from "./actions";
import type { Strings } from "./i18n";

/**
 * What every action of the pane shares: the one action running (busy), the runner that enforces it,
 * the pane's own notice (the last undo's) and the count of undos done. Owned by useActions (in App),
 * read by the parts through usePaneActions().
 */
export interface PaneActions {
  busy: BusyKind | null;
  run: Runner;
  /** The pane's notice above the tabs (what the last undo did); null: none. */
  note: Note | null;
  setNote: (note: Note | null) => void;
  /** Counts the undos done: the views drop their notices then, which spoke of a state that is gone. */
  undone: number;
  markUndone: () => void;
  /** The opening read is over (the pane opens busy with "load"). */
  loaded: () => void;
  /** Whether an action is running now (a ref: effects and timers read it without re-rendering). */
  isBusy: () => boolean;
}

/** The pane's actions' state. The pane opens busy: it reads the workbook's settings first. */
export function useActions(t: Strings): PaneActions {
  const [busy, setBusy] = React.useState<BusyKind | null>("load");
  const busyRef = React.useRef<BusyKind | null>("load");
  const [note, setNote] = React.useState<Note | null>(null);
  const [undone, setUndone] = React.useState(0);

  const run: Runner = React.useCallback(
    async <T>(kind: BusyKind, action: () => Promise<T>): Promise<Result<T>> => {
      if (busyRef.current) return { ok: false, error: t.busy[busyRef.current] };
      busyRef.current = kind;
      setBusy(kind);
      // A new action: the last undo's notice no longer describes the workbook.
      if (kind !== "load") setNote(null);
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
  const markUndone = React.useCallback(() => setUndone((n) => n + 1), []);
  const loaded = React.useCallback(() => {
    busyRef.current = null;
    setBusy(null);
  }, []);
  const isBusy = React.useCallback(() => busyRef.current !== null, []);
  return React.useMemo(() => ({ busy, run, note, setNote, undone, markUndone, loaded, isBusy }), [busy, run, note, undone, markUndone, loaded, isBusy]);
}
