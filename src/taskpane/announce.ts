/**
 * What screen readers hear after an action: the pane's one live region (role="status", polite) says what is
 * running while an action runs, then what it came to — the notices and the summary it showed, in the order
 * they appeared. A notice announces itself when it appears or its text changes (useAnnounce); those shown
 * together (one render, or one action's results) are said as one message, a moment later.
 */
import * as React from "react";

export interface Announcer {
  shown(text: string): void;
}

const AnnounceContext = React.createContext<Announcer | null>(null);

export const AnnounceProvider = AnnounceContext.Provider;

/** Says `text` in the live region when it appears or changes (nothing outside the pane, or for an empty text). */
export function useAnnounce(text: string | null | undefined): void {
  const announcer = React.useContext(AnnounceContext);
  React.useEffect(() => {
    if (text && announcer) announcer.shown(text);
  }, [announcer, text]);
}

/** How long after the last text shown the message is said: an action's results render in a few steps. */
export const ANNOUNCE_DELAY_MS = 150;

/**
 * The live region's text: empty when an action starts (its busy text is said instead), then the texts shown
 * since, joined. Returns the announcer the notices report to.
 */
export function useAnnouncements(busy: unknown): { announcer: Announcer; text: string } {
  const [text, setText] = React.useState("");
  const pending = React.useRef<string[]>([]);
  const timer = React.useRef<ReturnType<typeof setTimeout> | null>(null);
  // A new action: what the last one came to is no longer news (emptied while rendering, as React advises for
  // state that follows a prop) and is not said late, over this one's (the texts waiting are dropped).
  const [seenBusy, setSeenBusy] = React.useState(busy);
  if (seenBusy !== busy) {
    setSeenBusy(busy);
    if (busy !== null) setText("");
  }
  React.useEffect(() => {
    if (busy === null) return;
    pending.current = [];
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, [busy]);
  React.useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const announcer = React.useMemo<Announcer>(
    () => ({
      shown(t: string) {
        if (!pending.current.includes(t)) pending.current.push(t);
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          timer.current = null;
          setText(pending.current.join(" "));
          pending.current = [];
        }, ANNOUNCE_DELAY_MS);
      },
    }),
    [],
  );
  return { announcer, text };
}
