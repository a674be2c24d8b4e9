import * as React from "react";
import { Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import type { ConclusionChoice, ConclusionKind, DifferenceItem } from "../core/forms/conclusions";
import { otherScore } from "../core/forms/conclusions";
import { both } from "../core/base/catalogue";
import { CONCLUSION_MESSAGES } from "../core/forms/form-messages";
import type { UseCases } from "../excel/index";
import { BusyKind, Note, Runner, useDropOnUndo } from "./actions";
import { BusyButton } from "./BusyButton";
import { useFormsStrings } from "./formsStrings";
import { useStrings } from "./i18n";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, margin: 0, padding: 0, border: "none" },
  row: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
});

export interface ConclusionsSectionProps {
  busy: BusyKind | null;
  run: Runner;
  /** The use cases listDifferences and writeConclusions (USE_CASES). */
  calls: Pick<UseCases, "listDifferences" | "writeConclusions">;
  onWritten: () => Promise<void>;
  undone: number;
}

type Kind = ConclusionKind | "none";
interface Edit {
  kind: Kind;
  score: string;
  reason: string;
}

const editOf = (d: DifferenceItem): Edit => ({ kind: d.conclusion ?? "none", score: d.score, reason: d.reason });
const show = (v: number | null, en: boolean) => (v === null ? "" : en ? String(v) : String(v).replace(".", ","));

/**
 * "Kết luận của hội đồng" (the Phiếu tab): the differences read from "Chênh lệch" (1 sync), each with its
 * conclusion (a native select), the other score when "Điểm khác" is chosen (0..max, a decimal comma
 * accepted) and the reason; "Ghi kết luận" writes the rows changed in one write (the use case's 2 syncs; “Chưa kết
 * luận” on a row that had a conclusion clears it, and the use case puts the appraised score back: 3).
 */
export function ConclusionsSection({ busy, run, calls, onWritten, undone }: ConclusionsSectionProps) {
  const styles = useStyles();
  const t = useStrings();
  const tf = useFormsStrings();
  const en = t.lang === "en";
  const [items, setItems] = React.useState<DifferenceItem[] | null>(null);
  const [edits, setEdits] = React.useState<Edit[]>([]);
  const [problems, setProblems] = React.useState<Record<number, string>>({});
  const [note, setNote] = React.useState<Note | null>(null);
  useDropOnUndo(undone, () => {
    setItems(null);
    setNote(null);
  });

  const failed = (text: string): Note => ({ intent: "error", title: tf.councilFailed, text });

  const list = async () => {
    setNote(null);
    setProblems({});
    const r = await run("conclusions", () => calls.listDifferences());
    if (!r.ok) return setNote(failed(t.unexpected(r.error)));
    if (r.value.kind !== "done") return setNote(failed(en ? r.value.messageEn : r.value.message));
    setItems(r.value.items);
    setEdits(r.value.items.map(editOf));
    if (r.value.items.length === 0) setNote({ intent: "info", text: tf.councilEmpty });
  };

  const change = (i: number, patch: Partial<Edit>) => setEdits((all) => all.map((e, k) => (k === i ? { ...e, ...patch } : e)));

  const save = async () => {
    if (!items) return;
    setNote(null);
    const choices: ConclusionChoice[] = [];
    const found: Record<number, string> = {};
    items.forEach((d, i) => {
      const e = edits[i];
      const before = editOf(d);
      // “Chưa kết luận” on a row that had a conclusion clears it; on one that had none, nothing changes.
      if (e.kind === before.kind && (e.kind === "none" || (e.score === before.score && e.reason === before.reason))) return;
      if (e.kind === "other" && otherScore(e.score, d.max) === null) {
        const m = both(CONCLUSION_MESSAGES, "badScore", { agency: d.agency, group: d.group, value: e.score, max: show(d.max, false) });
        found[i] = en ? m.messageEn : m.message;
      }
      choices.push({ row: d.row, agency: d.agency, group: d.group, conclusion: e.kind, reason: e.reason, ...(e.kind === "other" ? { score: e.score } : {}) });
    });
    setProblems(found);
    const first = Object.values(found)[0];
    if (first !== undefined) return setNote(failed(first));
    if (choices.length === 0) return setNote({ intent: "info", text: tf.councilNoChange });
    const r = await run("conclusions", async () => {
      const out = await calls.writeConclusions(choices);
      if (out.kind === "done") await onWritten();
      return out;
    });
    if (!r.ok) return setNote(failed(t.unexpected(r.error)));
    const o = r.value;
    if (o.kind === "refused") return setNote(failed(en ? o.messageEn : o.message));
    setNote({ intent: o.kind === "done" ? "success" : "info", text: en ? o.messageEn : o.message });
    if (o.kind === "done") {
      // As the sheet now holds it (a conclusion cleared has no reason left either).
      const saved = items.map((d, i) => (found[i] ? d : { ...d, ...savedOf(edits[i]) }));
      setItems(saved);
      setEdits(saved.map(editOf));
    }
  };

  return (
    <>
      <div>
        <BusyButton appearance="secondary" busy={busy === "conclusions" && items === null} disabled={busy !== null} onClick={() => void list()}>
          {tf.councilList}
        </BusyButton>
      </div>
      {items && items.length > 0 && (
        <div className={styles.list}>
          {items.map((d, i) => {
            const e = edits[i];
            const id = `council-${d.row}`;
            return (
              <fieldset key={d.row} className={styles.row}>
                <legend className={styles.legend}>{tf.councilRow(d.agency, d.group, d.self, d.appraised)}</legend>
                <Field label={tf.councilChoice}>
                  <Select id={`${id}-kind`} value={e.kind} onChange={(_, v) => change(i, { kind: v.value as Kind })}>
                    {(["none", "accept", "keep", "other"] as const).map((k) => (
                      <option key={k} value={k}>
                        {tf.councilChoices[k]}
                      </option>
                    ))}
                  </Select>
                </Field>
                {e.kind === "other" && (
                  <Field label={tf.councilScore(show(d.max, en))} validationMessage={problems[i]} validationState={problems[i] ? "error" : "none"}>
                    <Input inputMode="decimal" value={e.score} onChange={(_, v) => change(i, { score: v.value })} />
                  </Field>
                )}
                <Field label={tf.councilReason}>
                  <Input value={e.reason} onChange={(_, v) => change(i, { reason: v.value })} />
                </Field>
              </fieldset>
            );
          })}
          <div>
            <BusyButton appearance="primary" busy={busy === "conclusions"} disabled={busy !== null} onClick={() => void save()}>
              {tf.councilSave}
            </BusyButton>
          </div>
        </div>
      )}
      {note && <Notice note={note} onDismiss={() => setNote(null)} />}
    </>
  );
}

/** What the sheet holds after a row was written. */
const savedOf = (e: Edit): Partial<DifferenceItem> => ({
  conclusion: e.kind === "none" ? null : e.kind,
  score: e.kind === "other" ? e.score : "",
  reason: e.kind === "none" ? "" : e.reason,
});
