import * as React from "react";
import { Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import type { PaneApi } from "./api";
import type { AnnexOutcome, FindingView } from "../excel/types";
import {
  completeMetadata,
  DecisionMetadata,
  DEFAULT_METADATA,
  MetadataProblem,
  parseViDate,
  provinceMissing,
  validateMetadata,
  withProvince,
  YearSource,
} from "../core/rules/metadata";
import { BusyKind, Note, Runner, SettingsChange, useDropOnUndo } from "./actions";
import { AnnexResult } from "./AnnexResult";
import { BusyButton } from "./BusyButton";
import { ConfirmErrorsDialog } from "./ConfirmErrorsDialog";
import { DecisionForm, DecisionFormValue, DecisionTextField, FIELD_ORDER, fieldId, formFromMetadata, metadataFromForm } from "./DecisionForm";
import { useStrings } from "./i18n";
import { annexCatalogue, useAnnexStrings } from "./annexStrings";
import { Notice } from "./Notice";
import { LockSection } from "./LockSection";
import type { LockInfo } from "../core/store/store";
import { useSharedStyles } from "./styles";
import { usePane } from "./pane";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface AnnexViewProps {
  api: Pick<PaneApi, "generateAnnex" | "runScoring" | "saveDecision" | "lockResults" | "unlockResults" | "writeLogSheet">;
  /** The lock ("Chốt kết quả") as the workbook held it on opening; null or absent: not locked. */
  lock?: LockInfo | null;
  /** The stored decision; by default (the workbook could not be read) the empty one. */
  decision?: DecisionMetadata;
  /** Where the decision's year comes from when none is stored (the grid's title, the decision's date, last year). */
  yearSource?: YearSource;
  /** No province was stored: the decision's is the one the grid's title names (saved with the annex, said under the field). */
  provinceFromTitle?: boolean;
  busy: BusyKind | null;
  run: Runner;
  /** After a write: the pane reloads the workbook's settings (undo availability). */
  onWritten: (change: SettingsChange) => void;
  /** Changes after each undo: "Đã tạo phụ lục…" and the other notices of the annex undone are dropped. */
  undone?: number;
}

const same = (a: DecisionMetadata, b: DecisionMetadata) => JSON.stringify(completeMetadata(a)) === JSON.stringify(completeMetadata(b));

/** "Phụ lục": the decision's metadata (saved in the workbook) and "Tạo phụ lục", with a confirmation when errors remain. */
export function AnnexView({
  api,
  decision = DEFAULT_METADATA,
  yearSource = "given",
  provinceFromTitle = false,
  busy,
  run,
  onWritten,
  undone = 0,
  lock = null,
}: AnnexViewProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const t = useStrings();
  const ta = useAnnexStrings();
  const en = t.lang === "en";
  const [form, setForm] = React.useState<DecisionFormValue>(() => formFromMetadata(decision));
  // A province offered from the title is not in the workbook yet: the first annex (or Lưu thông tin) saves it.
  const [saved, setSaved] = React.useState<DecisionMetadata>(() => (provinceFromTitle ? { ...decision, province: "" } : decision));
  const [shown, setShown] = React.useState<ReadonlySet<DecisionTextField>>(new Set());
  const [notes, setNotes] = React.useState<Note[]>([]);
  const [confirm, setConfirm] = React.useState<FindingView[] | null>(null);
  const [stale, setStale] = React.useState<Extract<AnnexOutcome, { kind: "stale" }> | null>(null);
  const [done, setDone] = React.useState<{ outcome: Extract<AnnexOutcome, { kind: "done" }>; wanted: string } | null>(null);

  // After an undo, the notices of the annex undone are dropped.
  useDropOnUndo(undone, () => {
    setNotes([]);
    setDone(null);
    setStale(null);
  });

  const meta = metadataFromForm(form);
  const problems = validateMetadata(meta);
  // Asked before the annex, not flagged after it: without the province the annex reads "của Ủy ban nhân dân tỉnh".
  const provinceProblem: MetadataProblem[] = provinceMissing(meta)
    ? [
        {
          field: "province",
          message: annexCatalogue.vi.annex.provinceNeeded(withProvince(meta.issuer, "")),
          messageEn: annexCatalogue.en.annex.provinceNeeded(withProvince(meta.issuer, "")),
        },
      ]
    : [];

  // The year nobody typed: from the grid's title it stays; otherwise it follows the date signed (its year − 1).
  const [yearFrom, setYearFrom] = React.useState<YearSource>(yearSource);
  /** The province was asked for (Tạo phụ lục without it): its field shows the problem until it is typed. */
  const [provinceAsked, setProvinceAsked] = React.useState(false);
  const show = (field: DecisionTextField) => setShown((s) => (s.has(field) ? s : new Set([...s, field])));
  const onChange = (field: DecisionTextField, text: string) => {
    const signed = field === "date" ? parseViDate(text) : null;
    const followDate = signed !== null && (yearFrom === "decision" || yearFrom === "default");
    setForm((f) => ({ ...f, [field]: text, ...(followDate ? { year: String(signed.year - 1) } : {}) }));
    if (followDate) setYearFrom("decision");
    if (field === "year") setYearFrom("given");
    show(field);
  };

  /** Shows every problem (the province's too, before an annex) and moves focus to the first wrong field; false when there is one. */
  const checkAll = (forAnnex: boolean): boolean => {
    setShown(new Set(FIELD_ORDER));
    setProvinceAsked(forAnnex);
    const all = forAnnex ? [...problems, ...provinceProblem] : problems;
    if (all.length === 0) return true;
    setNotes([
      { intent: "error", title: forAnnex ? ta.annex.refusedTitle : ta.annex.saveFailedTitle, text: ta.annex.fixFields(new Set(all.map((p) => p.field)).size) },
    ]);
    const first = FIELD_ORDER.find((f) => all.some((p) => p.field === f));
    if (first) document.getElementById(fieldId(first))?.focus();
    return false;
  };

  /** Saves the metadata when it changed; the messages in the pane's language when that failed. */
  const store = async (): Promise<string[] | null> => {
    if (same(meta, saved)) return null;
    // The deadline's field emptied: "" says so (a deadline not passed at all would stay stored).
    const r = await api.saveDecision({ ...completeMetadata(meta), ...(meta.formsDeadline === undefined ? { formsDeadline: "" } : {}) });
    if (!r.ok) return en ? r.messagesEn : r.messages;
    setSaved(completeMetadata(meta));
    return null;
  };

  const save = async () => {
    setNotes([]);
    if (!checkAll(false)) return;
    const r = await run("saveDecision", store);
    if (!r.ok) return setNotes([{ intent: "error", title: ta.annex.saveFailedTitle, text: t.unexpected(r.error) }]);
    if (r.value) return setNotes([{ intent: "error", title: ta.annex.saveFailedTitle, items: r.value }]);
    setNotes([{ intent: "success", text: ta.annex.saved }]);
  };

  const generate = async (confirmErrors: boolean) => {
    setNotes([]);
    setDone(null);
    setStale(null);
    if (!confirmErrors && !checkAll(true)) return;
    const wanted = completeMetadata(meta).sheetName;
    const r = await run("annex", async () => {
      const failed = confirmErrors ? null : await store();
      if (failed) return { kind: "saveFailed" as const, messages: failed };
      const outcome = await api.generateAnnex({ confirmErrors });
      if (outcome.kind === "done") onWritten({ undo: outcome.undo });
      return outcome;
    });
    if (!r.ok) return setNotes([{ intent: "error", title: ta.annex.refusedTitle, text: t.unexpected(r.error) }]);
    const o = r.value;
    switch (o.kind) {
      case "saveFailed":
        return setNotes([{ intent: "error", title: ta.annex.saveFailedTitle, items: o.messages }]);
      case "needsConfirmation":
        return setConfirm(o.errors);
      case "stale":
        return setStale(o);
      case "refused":
        return setNotes([{ intent: "error", title: ta.annex.refusedTitle, text: en ? o.messageEn : o.message }]);
      case "done":
        return setDone({ outcome: o, wanted });
    }
  };

  /** After a stale refusal: "Tính điểm" first (results written from the scores), then the annex. */
  const recomputeThenGenerate = async () => {
    const r = await run("score", () => api.runScoring("pane"));
    if (!r.ok) return setNotes([{ intent: "error", title: ta.annex.refusedTitle, text: t.unexpected(r.error) }]);
    if (r.value.kind === "refused") return setNotes([{ intent: "error", title: ta.annex.refusedTitle, text: en ? r.value.messageEn : r.value.message }]);
    if (r.value.kind === "done" && !r.value.unchanged) onWritten({ lastRun: r.value.run, undo: r.value.undo });
    await generate(false);
  };

  return (
    <div className={shared.stack}>
      <h2 className={shared.visuallyHidden}>{ta.annex.heading}</h2>
      <p className={shared.muted}>{ta.annex.intro}</p>
      <DecisionForm
        value={form}
        problems={provinceAsked ? [...problems, ...provinceProblem] : problems}
        shown={shown}
        onChange={onChange}
        onLeave={show}
        yearHint={yearFrom === "given" ? undefined : ta.annex.yearFrom[yearFrom](meta.year)}
        provinceHint={
          provinceMissing(meta)
            ? ta.annex.provinceMissing(withProvince(meta.issuer, ""))
            : provinceFromTitle && form.province === decision.province
              ? ta.annex.provinceFromTitle(form.province)
              : undefined
        }
        provinceRequired={provinceMissing(meta) || provinceFromTitle}
      />
      <Checkbox
        label={ta.annex.includePrevious}
        checked={form.annexPrevious}
        onChange={(_, d) => setForm((f) => ({ ...f, annexPrevious: d.checked === true }))}
      />
      <div className={styles.actions}>
        <BusyButton appearance="primary" busy={busy === "annex"} disabled={busy !== null} onClick={() => generate(false)}>
          {ta.annex.generate}
        </BusyButton>
        <BusyButton appearance="secondary" busy={busy === "saveDecision"} disabled={busy !== null} onClick={save}>
          {ta.annex.save}
        </BusyButton>
      </div>
      {notes.map((n, i) => (
        <Notice key={i} note={n} onDismiss={() => setNotes(notes.filter((_, j) => j !== i))} />
      ))}
      {stale && (
        <div className={shared.stack}>
          <Notice note={{ intent: "warning", title: ta.annex.staleTitle, text: en ? stale.messageEn : stale.message }} onDismiss={() => setStale(null)} />
          <BusyButton appearance="primary" busy={busy === "score"} disabled={busy !== null} onClick={recomputeThenGenerate}>
            {ta.annex.recomputeThenGenerate}
          </BusyButton>
        </div>
      )}
      {done && <AnnexResult outcome={done.outcome} wantedSheet={done.wanted} />}
      <LockSection api={api} lock={lock} busy={busy} run={run} undone={undone} onWritten={(undo) => onWritten({ undo })} />
      <ConfirmErrorsDialog
        errors={confirm}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          void generate(true);
        }}
      />
    </div>
  );
}

/** The Phụ lục tab (TABS): the view with the pane's decision, lock and actions. */
export function AnnexTab() {
  const { api, state, actions } = usePane();
  const { config } = state;
  return (
    <AnnexView
      key={config ? "workbook" : "defaults"}
      api={api}
      undone={actions.undone}
      decision={config?.decision}
      yearSource={config?.yearSource}
      provinceFromTitle={config?.provinceFromTitle === true}
      lock={config?.lock ?? null}
      busy={actions.busy}
      run={actions.run}
      onWritten={state.applyChange}
    />
  );
}
