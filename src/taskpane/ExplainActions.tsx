import * as React from "react";
import type { PaneApi } from "./api";
import { BusyKind, Note, Runner, SettingsChange, useDropOnUndo } from "./actions";
import { BusyButton } from "./BusyButton";
import { useStrings } from "./i18n";
import { useExplainStrings } from "./explainStrings";
import { Notice } from "./Notice";
import { useSharedStyles } from "./styles";

/**
 * "Giải trình": a printable page per agency, for every agency or the ones whose rows are selected; and the
 * chart of the indices. Both act on the sheet scored last (`sheet`), whatever sheet is open; refused on a
 * sheet without a grid, the notice offers to go to the sheet that holds it.
 */
export function ExplainActions({
  api,
  busy,
  run,
  onWritten,
  undone = 0,
  sheet,
}: {
  api: Pick<PaneApi, "createExplanation" | "createChart" | "selectCell">;
  busy: BusyKind | null;
  run: Runner;
  onWritten?: (change: SettingsChange) => void;
  /** Changes after each undo: "Đã tạo trang…" of the sheet undone is dropped. */
  undone?: number;
  /** The sheet scored last (the workbook's last run), if any. */
  sheet?: string;
}) {
  const shared = useSharedStyles();
  const t = useStrings();
  const x = useExplainStrings();
  const en = t.lang === "en";
  const [notes, setNotes] = React.useState<Note[]>([]);
  /** After a refusal that names the sheet holding the grid: the button that goes there. */
  const [goTo, setGoTo] = React.useState<string | null>(null);
  useDropOnUndo(undone, () => setNotes([]));

  const refused = (title: string, o: { message: string; messageEn: string; goTo?: string }) => {
    setGoTo(o.goTo ?? null);
    setNotes([{ intent: "error", title, text: en ? o.messageEn : o.message }]);
  };

  const make = async (selectedOnly: boolean) => {
    setNotes([]);
    setGoTo(null);
    const r = await run("explain", () => api.createExplanation(sheet ? { selectedOnly, sheet } : { selectedOnly }));
    if (!r.ok) return setNotes([{ intent: "error", title: x.refused, text: t.unexpected(r.error) }]);
    const o = r.value;
    if (o.kind === "refused") return refused(x.refused, o);
    onWritten?.({ undo: o.undo });
    // One notice: what was made, and (where pages could not be set) how to set them.
    setNotes([{ intent: o.pageBreaks ? "success" : "warning", text: x.done(o.sheetName, o.agencies, o.pageBreaks) }]);
  };

  const chart = async () => {
    setNotes([]);
    setGoTo(null);
    const r = await run("chart", () => api.createChart(sheet ? { sheet } : {}));
    if (!r.ok) return setNotes([{ intent: "error", title: x.chartRefused, text: t.unexpected(r.error) }]);
    const o = r.value;
    if (o.kind === "refused") return refused(x.chartRefused, o);
    // "Hoàn tác" now removes the chart's sheet.
    onWritten?.({ undo: o.undo });
    setNotes([{ intent: o.bandLines ? "success" : "warning", text: x.chartDone(o.sheetName, o.agencies, o.bandLines) }]);
  };

  const go = async (where: string) => {
    try {
      await api.selectCell(where, "A1");
      setNotes([]);
      setGoTo(null);
    } catch {
      // The sheet went away meanwhile: the notice stays, the next click says why.
    }
  };

  return (
    <section className={shared.tightStack} aria-labelledby="explain-heading">
      <h2 id="explain-heading" className={shared.subHeading}>
        {x.heading}
      </h2>
      <p className={shared.muted}>{x.intro}</p>
      <div className={shared.buttonRow}>
        <BusyButton appearance="secondary" busy={busy === "explain"} disabled={busy !== null} onClick={() => make(false)}>
          {x.all}
        </BusyButton>
        <BusyButton appearance="secondary" busy={false} disabled={busy !== null} onClick={() => make(true)}>
          {x.selected}
        </BusyButton>
        <BusyButton appearance="secondary" busy={busy === "chart"} disabled={busy !== null} onClick={chart}>
          {x.chartButton}
        </BusyButton>
      </div>
      {notes.map((n, i) => (
        <Notice
          key={i}
          note={n}
          onDismiss={() => setNotes(notes.filter((_, j) => j !== i))}
          action={i === 0 && goTo ? { label: x.goTo(goTo), onClick: () => void go(goTo) } : undefined}
        />
      ))}
    </section>
  );
}
