import * as React from "react";
import { Field, Input, Label, makeStyles, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import type { FormsActions, FormsDelivered } from "./api";
import type { FormsOutcome } from "../excel/forms";
import type { NoticesOutcome } from "../excel/notices";
import { BusyKind, Note, Runner, useDropOnUndo } from "./actions";
import { BusyButton } from "./BusyButton";
import { ConclusionsSection, ConclusionsSectionProps } from "./ConclusionsSection";
import { useFormsStrings } from "./formsStrings";
import { useStrings } from "./i18n";
import { Notice } from "./Notice";
import { usePane } from "./pane";
import { both } from "../core/base/catalogue";
import { FORM_MESSAGES } from "../core/forms/form-messages";
import { NOTICE_MESSAGES, NOTICE_TEXT } from "../core/forms/notices";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0 },
  files: { display: "none" },
  picker: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export interface FormsViewProps {
  busy: BusyKind | null;
  run: Runner;
  /** The Office and file calls the tab uses (tests give their own). */
  actions: FormsActions;
  /** After a write: the pane reloads the workbook's settings (undo availability). */
  onWritten: () => Promise<void>;
  /** Changes after each undo: "Đã gộp…" and the differences of the merge undone are dropped. */
  undone?: number;
  /** The council's conclusions (listDifferences, writeConclusions): the part is shown when given. */
  council?: ConclusionsSectionProps["calls"];
}

/** A size in MB with one decimal, in the pane's language (0,1 at least). */
const megabytes = (bytes: number, lang: "vi" | "en") => {
  const mb = Math.max(0.1, Math.round(bytes / 104857.6) / 10).toFixed(1);
  return lang === "vi" ? mb.replace(".", ",") : mb;
};

const show = (v: number | string) => (typeof v === "number" ? String(v).replace(".", ",") : v);

/** "Phiếu": self-assessment forms out (new workbooks or downloads) and back in ("Gộp phiếu"). */
export function FormsView({ busy, run, actions, onWritten, undone = 0, council }: FormsViewProps) {
  const styles = useStyles();
  const t = useStrings();
  const tf = useFormsStrings();
  const en = t.lang === "en";
  const [scope, setScope] = React.useState<"all" | "selected">("all");
  const [createNote, setCreateNote] = React.useState<Note | null>(null);
  const [mergeNotes, setMergeNotes] = React.useState<Note[]>([]);
  const [deadline, setDeadline] = React.useState("");
  const [noticesNote, setNoticesNote] = React.useState<Note | null>(null);
  useDropOnUndo(undone, () => {
    setCreateNote(null);
    setNoticesNote(null);
    setMergeNotes([]);
  });
  const [files, setFiles] = React.useState<File[]>([]);
  const picker = React.useRef<HTMLInputElement>(null);
  const delivery = React.useMemo(() => actions.delivery(), [actions]);

  /**
   * Files for the agencies (forms or notices): made by `make` (no files when refused), delivered as the host allows
   * (new workbooks, or one download: a .zip of several named `zipName`), then said in `setNote` by `done`.
   */
  const send = async <O extends { kind: string; message?: string; messageEn?: string }>(
    kind: BusyKind,
    failed: string,
    setNote: (n: Note | null) => void,
    make: () => Promise<{ outcome: O; files: { fileName: string; bytes: Uint8Array }[] | null; zipName?: string }>,
    done: (o: O, delivered: FormsDelivered | null) => Note,
  ) => {
    setNote(null);
    const r = await run(kind, async () => {
      const { outcome, files, zipName } = await make();
      if (files === null) return { outcome, delivered: null };
      let delivered: FormsDelivered | null = null;
      if (delivery === "newWorkbooks") await actions.openAsNewWorkbooks(files);
      else delivered = await (zipName ? actions.download(files, zipName) : actions.download(files));
      return { outcome, delivered };
    });
    if (!r.ok) return setNote({ intent: "error", title: failed, text: t.unexpected(r.error) });
    const { outcome: o, delivered } = r.value;
    if (o.kind !== "done") return setNote({ intent: "error", title: failed, text: (en ? o.messageEn : o.message) ?? "" });
    setNote(done(o, delivered));
  };

  /** What reached the user: the one file downloaded (a .zip of them all), or a workbook opened per file. */
  const deliveredText = (delivered: FormsDelivered | null, count: number, words: { zip: typeof tf.downloadedZip; opened: typeof tf.opened }) =>
    delivered
      ? delivered.forms > 1
        ? words.zip(delivered.fileName, delivered.forms, megabytes(delivered.bytes, t.lang))
        : tf.downloadedOne(delivered.fileName)
      : words.opened(count);

  const create = () =>
    send<FormsOutcome>(
      "forms",
      tf.createFailed,
      setCreateNote,
      async () => {
        const outcome = await actions.prepare(scope);
        if (outcome.kind !== "done") return { outcome, files: null };
        const files = await actions.render(outcome.forms);
        // The store now keeps the workbook's id and key and when each form was made.
        await onWritten();
        return { outcome, files };
      },
      (o, delivered) => {
        const forms = o.kind === "done" ? o.forms : [];
        const text = deliveredText(delivered, forms.length, { zip: tf.downloadedZip, opened: tf.opened });
        return { intent: "success", title: tf.created(forms.length), text, items: forms.map((f) => `${f.fileName} (${f.agency})`), itemsLang: "vi" };
      },
    );

  /** The notices, delivered as the forms are; nothing in the workbook changes. */
  const notices = () =>
    send<NoticesOutcome>(
      "notices",
      tf.noticesFailed,
      setNoticesNote,
      async () => {
        const outcome = await actions.prepareNotices(deadline);
        return { outcome, files: outcome.kind === "done" ? await actions.renderNotices(outcome.notices) : null, zipName: NOTICE_TEXT.zipName };
      },
      (o, delivered) => {
        const list = o.kind === "done" ? o.notices : [];
        const made = both(NOTICE_MESSAGES, "noticesMade", { count: list.length });
        const text = deliveredText(delivered, list.length, { zip: tf.noticesDownloadedZip, opened: tf.noticesOpened });
        return { intent: "success", title: en ? made.messageEn : made.message, text, items: list.map((n) => `${n.fileName} (${n.agency})`), itemsLang: "vi" };
      },
    );

  const merge = async () => {
    setMergeNotes([]);
    const r = await run("merge", async () => {
      const outcome = await actions.merge(await actions.read(files));
      if (outcome.kind === "done" && !outcome.unchanged) await onWritten();
      return outcome;
    });
    if (!r.ok) return setMergeNotes([{ intent: "error", title: tf.failed, text: t.unexpected(r.error) }]);
    const o = r.value;
    if (o.kind !== "done") return setMergeNotes([{ intent: "error", title: tf.failed, text: en ? o.messageEn : o.message }]);
    const notes: Note[] = [{ intent: o.findings.length ? "warning" : "success", text: en ? o.messageEn : o.message }];
    if (o.findings.length) notes.push({ intent: "error", title: tf.findingsTitle, items: o.findings.map((f) => (en ? f.messageEn : f.message)) });
    if (o.missing.length) {
      const head = both(FORM_MESSAGES, "returnedForms", { returned: o.agencies - o.missing.length, total: o.agencies, deadline: o.deadline });
      notes.push({ intent: "info", title: en ? head.messageEn : head.message, items: o.missing, itemsLang: "vi" });
    }
    if (o.differences.length) {
      notes.push({
        intent: "info",
        title: tf.differencesTitle,
        items: o.differences.map((d) => tf.difference(d.agency, d.group, show(d.self), show(d.appraised))),
        itemsLang: "vi",
      });
    }
    setMergeNotes(notes);
  };

  return (
    <>
      <Part id="forms-create-title" title={tf.createTitle} intro={tf.createIntro}>
        <Field label={tf.scopeLabel}>
          <RadioGroup value={scope} onChange={(_, d) => setScope(d.value as "all" | "selected")}>
            <Radio value="all" label={tf.scopeAll} />
            <Radio value="selected" label={tf.scopeSelected} />
          </RadioGroup>
        </Field>
        <p className={styles.intro}>{delivery === "newWorkbooks" ? tf.deliveryNew : tf.deliveryDownload}</p>
        <div>
          <BusyButton appearance="primary" busy={busy === "forms"} disabled={busy !== null} onClick={() => void create()}>
            {tf.create}
          </BusyButton>
        </div>
        {createNote && <Notice note={createNote} onDismiss={() => setCreateNote(null)} />}
      </Part>
      <Part id="forms-notices-title" title={tf.noticesTitle} intro={tf.noticesIntro}>
        <Field label={tf.noticesDeadline}>
          <Input value={deadline} inputMode="numeric" placeholder="15/01/2021" onChange={(_, d) => setDeadline(d.value)} />
        </Field>
        <div>
          <BusyButton appearance="secondary" busy={busy === "notices"} disabled={busy !== null} onClick={() => void notices()}>
            {tf.noticesCreate}
          </BusyButton>
        </div>
        {noticesNote && <Notice note={noticesNote} onDismiss={() => setNoticesNote(null)} />}
      </Part>
      {council && (
        <Part id="forms-council-title" title={tf.councilTitle} intro={tf.councilIntro}>
          <ConclusionsSection busy={busy} run={run} calls={council} onWritten={onWritten} undone={undone} />
        </Part>
      )}
      <Part id="forms-merge-title" title={tf.mergeTitle} intro={tf.mergeIntro}>
        <div className={styles.section}>
          <Label htmlFor="forms-files">{tf.filesLabel}</Label>
          {/* A button of the pane's own opens the browser's file picker (its bare input is not shown): the files chosen are said beside it. */}
          <input
            ref={picker}
            id="forms-files"
            className={styles.files}
            type="file"
            multiple
            tabIndex={-1}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="forms-files-chosen"
            onChange={(e) => setFiles(Array.from(e.currentTarget.files ?? []))}
          />
          <div className={styles.picker}>
            <BusyButton
              appearance="secondary"
              busy={false}
              disabled={busy !== null}
              aria-describedby="forms-files-chosen"
              onClick={() => picker.current?.click()}
            >
              {tf.chooseFiles}
            </BusyButton>
            <span id="forms-files-chosen">{tf.chosen(files.length)}</span>
          </div>
        </div>
        <div>
          <BusyButton appearance="primary" busy={busy === "merge"} disabled={busy !== null || files.length === 0} onClick={() => void merge()}>
            {tf.merge}
          </BusyButton>
        </div>
        {mergeNotes.map((n, i) => (
          <Notice key={i} note={n} onDismiss={i === 0 ? () => setMergeNotes([]) : undefined} />
        ))}
      </Part>
    </>
  );
}

/** A part of the tab: its heading (which names the region) and what it does. */
function Part({ id, title, intro, children }: { id: string; title: string; intro: string; children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {title}
      </h2>
      <p className={styles.intro}>{intro}</p>
      {children}
    </section>
  );
}

/** The Phiếu tab (TABS): the view with the pane's forms calls and actions. */
export function FormsTab() {
  const { api, state, actions } = usePane();
  const council = React.useMemo(() => ({ listDifferences: api.listDifferences, writeConclusions: api.writeConclusions }), [api]);
  return <FormsView busy={actions.busy} run={actions.run} actions={api.forms} onWritten={state.refresh} undone={actions.undone} council={council} />;
}
