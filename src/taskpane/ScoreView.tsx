import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { PreviousChoice } from "../excel/sheet-read";
import type { PaneApi } from "./api";
import { lazyPart } from "./lazyPart";
import type { FindingView, ScoringOutcome } from "../excel/types";
import type { LastRun } from "../core/store/store";
import { UserFacingError } from "../excel/host";
import { BusyKind, errorText, Note, Runner, SettingsChange, useDropOnUndo } from "./actions";
import { BusyButton } from "./BusyButton";
import { FindingList } from "./FindingList";
import { useStrings } from "./i18n";
import { useSharedStyles } from "./styles";
import { Notice } from "./Notice";
import { RunSummary } from "./RunSummary";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  intro: { margin: 0 },
  action: { alignSelf: "flex-start", minWidth: "140px" },
});

/**
 * The findings a stored run keeps (a run started from the ribbon): cell, severity and the message in
 * both languages. Workbooks scored before the English twin was stored have only the Vietnamese one,
 * shown (marked as Vietnamese) in the English pane too.
 */
function storedFindings(run: LastRun): FindingView[] {
  return run.findings.map((f) => ({
    sheet: f.sheet ?? run.sheet,
    cell: f.sheet ? f.cell.slice(f.cell.lastIndexOf("!") + 1) : f.cell,
    severity: f.severity === "error" ? "error" : "warning",
    code: f.code,
    agency: f.agency ?? "",
    group: f.group ?? "",
    value: f.value ?? "",
    message: f.message,
    messageEn: f.messageEn ?? f.message,
    ...(f.messageEn === undefined ? { vietnameseOnly: true } : {}),
    // What correcting it changes, stored by the run (a ribbon run too); older workbooks have none.
    ...(f.ifCorrected ? { ifCorrected: f.ifCorrected, ifCorrectedEn: f.ifCorrectedEn ?? f.ifCorrected } : {}),
  }));
}

// “So sánh với năm trước” (Fluent's Checkbox, RadioGroup, Select, Field) comes in a chunk of its own,
// asked for as the pane first renders: "Tính điểm" is usable before it arrives. If it cannot be loaded
// the option is absent and Tính điểm works as without it.
const PreviousYear = lazyPart(() => import(/* webpackChunkName: "previous-year" */ "./PreviousYear").then((m) => m.PreviousYear));

export interface ScoreViewProps {
  api: Pick<PaneApi, "runScoring" | "convertEncoding" | "selectCell" | "listOtherSheets" | "readPreviousFile" | "writeLineageSheet" | "saveLineage2025">;
  lastRun: LastRun | null;
  /** The box “Dùng danh sách sáp nhập sở năm 2025” as the workbook keeps it. */
  lineage2025?: boolean;
  outcome: Extract<ScoringOutcome, { kind: "done" }> | null;
  onScored: (outcome: Extract<ScoringOutcome, { kind: "done" }>) => void;
  /** After a write: the pane reloads the workbook's settings (undo availability). */
  /** What the action changed (the pane shows it without reading the workbook again); without it, the pane reads the state again. */
  onWritten: (change?: SettingsChange) => void;
  busy: BusyKind | null;
  run: Runner;
  /** Changes after each undo: the notices of the run undone are dropped. */
  undone?: number;
}

/** "Tính điểm": one primary button, then the summary and the findings. */
export function ScoreView({ api, lastRun, lineage2025, outcome, onScored, onWritten, busy, run, undone = 0 }: ScoreViewProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const t = useStrings();
  const [notes, setNotes] = React.useState<Note[]>([]);
  /** After a refusal for headers in TCVN3/VNI: the cells “Chuyển mã” would convert. */
  const [refusedConvertible, setRefusedConvertible] = React.useState<string[] | null>(null);
  const vi = t.lang === "en" ? "vi" : undefined;
  // After an undo, the notices of the run (or the conversion) undone are dropped.
  useDropOnUndo(undone, () => {
    setNotes([]);
    setRefusedConvertible(null);
  });

  const [previous, setPrevious] = React.useState<PreviousChoice | null | "incomplete">(null);

  /** Last year's chosen is not of an earlier year: “Vẫn so sánh” scores again with it (the user confirmed). */
  const [refusedPrevious, setRefusedPrevious] = React.useState(false);

  const score = async (forcePrevious = false) => {
    setNotes([]);
    setRefusedConvertible(null);
    setRefusedPrevious(false);
    if (previous === "incomplete") return setNotes([{ intent: "error", title: t.score.refusedTitle, text: t.previous.choose }]);
    const r = await run("score", async () => {
      const chosen = previous && forcePrevious ? { ...previous, force: true } : previous;
      const o = chosen ? await api.runScoring("pane", undefined, { previous: chosen }) : await api.runScoring("pane");
      if (o.kind === "done" && !o.unchanged) onWritten({ lastRun: o.run, undo: o.undo });
      return o;
    });
    if (!r.ok) return setNotes([{ intent: "error", title: t.score.refusedTitle, text: t.unexpected(r.error) }]);
    const o = r.value;
    if (o.kind === "refused") {
      setRefusedConvertible(o.convertible?.length ? o.convertible : null);
      setRefusedPrevious(o.previousNotEarlier === true && previous !== null);
      return setNotes([
        {
          intent: "error",
          title: t.score.refusedTitle,
          text: t.lang === "en" ? o.messageEn : o.message,
          items: o.cells.length ? [t.score.cells(o.cells)] : undefined,
        },
      ]);
    }
    const next: Note[] = [];
    if (o.unchanged) next.push({ intent: "info", text: t.score.unchanged });
    else if (o.columns.length) next.push({ intent: "success", text: t.score.written(o.columns) });
    for (const n of o.notices) {
      const text = t.score.notice(n);
      next.push({ intent: "info", title: t.score.noticeTitle, text, textLang: text === n ? vi : undefined });
    }
    setNotes(next);
    onScored(o);
  };

  /** “Chuyển mã”: converts the cells; the findings about them are gone, the rest wait for the next Tính điểm. */
  const convert = async (cells: string[]) => {
    setNotes([]);
    const r = await run("convert", async () => {
      const o = await api.convertEncoding(cells);
      if (o.kind === "done") onWritten();
      return o;
    });
    if (!r.ok) return setNotes([{ intent: "error", title: t.findings.convertFailed, text: t.unexpected(r.error) }]);
    const o = r.value;
    const text = t.lang === "en" ? o.messageEn : o.message;
    if (o.kind !== "done") return setNotes([{ intent: o.kind === "nothing" ? "info" : "error", title: t.findings.convertFailed, text }]);
    setRefusedConvertible(null);
    setNotes([{ intent: "success", title: t.findings.converted, text }]);
    if (outcome) {
      const done = new Set(o.cells);
      const stale = (f: FindingView) =>
        (f.code === "legacyText" || f.code === "legacyExemption" || f.code === "legacyBlock" || f.code === "legacyHeader") &&
        (f.convertible ?? [f.cell]).every((c) => done.has(c));
      // The summary counts what the list shows: the findings converted are gone from both.
      const findings = outcome.findings.filter((f) => !stale(f));
      const errors = findings.filter((f) => f.severity === "error").length;
      const gone = new Set(outcome.findings.filter(stale).map((f) => `${f.sheet}!${f.cell}|${f.code}`));
      const kept = outcome.run.findings.filter((f) => !gone.has(`${f.sheet ?? outcome.run.sheet}!${f.cell}|${f.code}`));
      onScored({ ...outcome, findings, run: { ...outcome.run, errors, warnings: findings.length - errors, findings: kept } });
    }
  };

  const select = async (f: FindingView) => {
    try {
      await api.selectCell(f.sheet, f.cell);
    } catch (e) {
      // The use case words why in both languages; anything else is shown as it came.
      const note: Note =
        e instanceof UserFacingError
          ? { intent: "error", title: t.findings.selectFailed, text: t.lang === "en" ? e.messageEn : e.message }
          : { intent: "error", title: t.findings.selectFailed, text: errorText(e), textLang: vi };
      setNotes([note]);
    }
  };

  const shown = outcome?.run ?? lastRun;
  const findings = outcome ? outcome.findings : lastRun ? storedFindings(lastRun) : [];
  return (
    <div className={styles.root}>
      <h2 className={shared.visuallyHidden}>{t.score.heading}</h2>
      <p className={styles.intro}>{t.score.intro}</p>
      <React.Suspense fallback={null}>
        <PreviousYear api={api} stored2025={lineage2025} onChange={setPrevious} onWritten={onWritten} disabled={busy !== null} undone={undone} />
      </React.Suspense>
      <BusyButton appearance="primary" size="large" className={styles.action} busy={busy === "score"} disabled={busy !== null} onClick={() => void score()}>
        {t.score.button}
      </BusyButton>
      {notes.map((n, i) => (
        <Notice
          key={i}
          note={n}
          onDismiss={() => setNotes(notes.filter((_, j) => j !== i))}
          action={
            i === 0 && refusedConvertible && busy === null
              ? { label: t.findings.convert, onClick: () => void convert(refusedConvertible) }
              : i === 0 && refusedPrevious && busy === null
                ? { label: t.previous.compareAnyway, onClick: () => void score(true) }
                : undefined
          }
        />
      ))}
      {shown ? <RunSummary run={shown} /> : busy !== "load" && <p className={styles.intro}>{t.score.nothingYet}</p>}
      <FindingList findings={findings} onSelect={select} onConvert={outcome ? (cells) => void convert(cells) : undefined} convertDisabled={busy !== null} />
    </div>
  );
}
