import * as React from "react";
import type { PaneApi } from "./api";
import { BusyKind, Note, Runner, SettingsChange, useDropOnUndo } from "./actions";
import { BusyButton } from "./BusyButton";
import { useStrings } from "./i18n";
import { Notice } from "./Notice";
import { useSharedStyles } from "./styles";

/** "Giải trình": a printable page per agency, for every agency or the ones whose rows are selected; and the chart of the indices. */
export function ExplainActions({
  api,
  busy,
  run,
  onWritten,
  undone = 0,
}: {
  api: Pick<PaneApi, "createExplanation" | "createChart">;
  busy: BusyKind | null;
  run: Runner;
  onWritten?: (change: SettingsChange) => void;
  /** Changes after each undo: "Đã tạo trang…" of the sheet undone is dropped. */
  undone?: number;
}) {
  const shared = useSharedStyles();
  const t = useStrings();
  const en = t.lang === "en";
  const [notes, setNotes] = React.useState<Note[]>([]);
  useDropOnUndo(undone, () => setNotes([]));

  const make = async (selectedOnly: boolean) => {
    setNotes([]);
    const r = await run("explain", () => api.createExplanation({ selectedOnly }));
    if (!r.ok) return setNotes([{ intent: "error", title: t.card.explainRefused, text: t.unexpected(r.error) }]);
    const o = r.value;
    if (o.kind === "refused") return setNotes([{ intent: "error", title: t.card.explainRefused, text: en ? o.messageEn : o.message }]);
    onWritten?.({ undo: o.undo });
    const done: Note[] = [{ intent: "success", text: t.card.explainDone(o.sheetName, o.agencies) }];
    if (!o.pageBreaks) done.push({ intent: "warning", text: t.card.explainNoBreaks });
    setNotes(done);
  };

  const chart = async () => {
    setNotes([]);
    const r = await run("chart", () => api.createChart());
    if (!r.ok) return setNotes([{ intent: "error", title: t.card.chartRefused, text: t.unexpected(r.error) }]);
    const o = r.value;
    if (o.kind === "refused") return setNotes([{ intent: "error", title: t.card.chartRefused, text: en ? o.messageEn : o.message }]);
    // "Hoàn tác" now removes the chart's sheet.
    onWritten?.({ undo: o.undo });
    const done: Note[] = [{ intent: "success", text: t.card.chartDone(o.sheetName, o.agencies) }];
    if (!o.bandLines) done.push({ intent: "warning", text: t.card.chartNoLines });
    setNotes(done);
  };

  return (
    <section className={shared.tightStack} aria-labelledby="explain-heading">
      <h2 id="explain-heading" className={shared.subHeading}>
        {t.card.explainHeading}
      </h2>
      <p className={shared.muted}>{t.card.explainIntro}</p>
      <div className={shared.buttonRow}>
        <BusyButton appearance="secondary" busy={busy === "explain"} disabled={busy !== null} onClick={() => make(false)}>
          {t.card.explainAll}
        </BusyButton>
        <BusyButton appearance="secondary" busy={false} disabled={busy !== null} onClick={() => make(true)}>
          {t.card.explainSelected}
        </BusyButton>
        <BusyButton appearance="secondary" busy={busy === "chart"} disabled={busy !== null} onClick={chart}>
          {t.card.chartButton}
        </BusyButton>
      </div>
      {notes.map((n, i) => (
        <Notice key={i} note={n} onDismiss={() => setNotes(notes.filter((_, j) => j !== i))} />
      ))}
    </section>
  );
}
