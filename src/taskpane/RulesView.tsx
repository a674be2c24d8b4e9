import * as React from "react";
import { Button, Field, Input, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import type { PaneApi } from "./api";
import { jsonSyntaxText } from "../core/text/json-syntax";
import { PRESET_THAI_BINH_2020, RulesJson } from "../core/rules/rules";
import { BusyKind, Note, Runner, SettingsChange } from "./actions";
import { BlockEditor } from "./BlocksEditor";
import { BusyButton } from "./BusyButton";
import { ClassBandsEditor } from "./ClassBandsEditor";
import { ExemptionEditor } from "./ExemptionEditor";
import { FieldProblem } from "./FieldProblem";
import { GroupsSection } from "./GroupsSection";
import { useStrings } from "./i18n";
import { ListSection } from "./ListEditor";
import { Notice } from "./Notice";
import { RankSection } from "./RankSection";
import { offerDownload, readRulesFile } from "./rulesFile";
import { emptyBlock, isFieldPath, problemProps, ruleProblemText } from "./rulesForm";
import { useRulesStrings } from "./rulesStrings";
import { useSharedStyles } from "./styles";
import { RulesEditor, useRulesEditor } from "./useRulesEditor";
import { usePane } from "./pane";
import { lazyPart } from "./lazyPart";

const CriteriaView = lazyPart(() => import(/* webpackChunkName: "criteria-view" */ "./CriteriaView").then((m) => m.CriteriaView));

const useStyles = makeStyles({
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  status: { margin: 0, color: tokens.colorNeutralForeground2 },
  unsaved: { margin: 0, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  fileInput: { display: "none" },
});

export interface RulesViewProps {
  /** The rules in use; by default (the workbook could not be read) the 2020 preset. */
  rules?: RulesJson;
  fromWorkbook: boolean;
  busy: BusyKind | null;
  run: Runner;
  /** Stores the rules in the workbook (PaneApi.saveRules). */
  saveRules: PaneApi["saveRules"];
  onSaved: (change: SettingsChange) => void;
  /** Whether the form holds edits not saved, each time that changes. */
  onUnsaved?: (unsaved: boolean) => void;
}

interface ToolbarProps {
  busy: BusyKind | null;
  onSave: () => void;
  onImport: (file: File) => void;
  onExport: () => void;
  onReset: () => void;
}

/** Lưu quy tắc, Nhập từ tệp JSON (a hidden file input), Xuất JSON, Dùng mẫu 2020. */
function RulesToolbar({ busy, onSave, onImport, onExport, onReset }: ToolbarProps) {
  const styles = useStyles();
  const rs = useRulesStrings();
  const fileRef = React.useRef<HTMLInputElement>(null);
  return (
    <div className={styles.toolbar}>
      <BusyButton appearance="primary" busy={busy === "saveRules"} disabled={busy !== null} onClick={onSave}>
        {rs.save}
      </BusyButton>
      <Button onClick={() => fileRef.current?.click()} disabled={busy !== null}>
        {rs.import}
      </Button>
      <Button onClick={onExport}>{rs.export}</Button>
      <Button onClick={onReset} disabled={busy !== null}>
        {rs.reset}
      </Button>
      <input
        ref={fileRef}
        className={styles.fileInput}
        type="file"
        accept=".json,application/json"
        aria-label={rs.importFileLabel}
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (file) onImport(file);
        }}
      />
    </div>
  );
}

/** Name of the rules and the headers that name the agency column. */
function NameFields({ editor }: { editor: RulesEditor }) {
  const t = useStrings();
  const rs = useRulesStrings();
  const { form, problems, change } = editor;
  const headerProblems = [...problems.at("nameHeaders"), ...form.nameHeaders.split(/\r?\n/).flatMap((_, j) => problems.at(`nameHeaders[${j}]`))];
  return (
    <>
      <Field label={rs.name} {...problemProps(problems.at("name"), t.lang)}>
        <Input value={form.name} onChange={(_, d) => change({ name: d.value })} />
      </Field>
      <Field label={rs.nameHeaders} hint={rs.nameHeadersHint} {...problemProps(headerProblems, t.lang)}>
        <Textarea value={form.nameHeaders} resize="vertical" rows={2} onChange={(_, d) => change({ nameHeaders: d.value })} />
      </Field>
    </>
  );
}

/** "Quy tắc chấm điểm": the rules as a form, checked as typed; import/export as JSON; the 2020 preset. */
export function RulesView({ rules = PRESET_THAI_BINH_2020, fromWorkbook, busy, run, saveRules, onSaved, onUnsaved }: RulesViewProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const t = useStrings();
  const rs = useRulesStrings();
  const editor = useRulesEditor(rules);
  const { form, json, checked, problems } = editor;
  const [stored, setStored] = React.useState(fromWorkbook);
  // Edits not saved are said on the other tabs (Tính điểm would not use them).
  React.useEffect(() => onUnsaved?.(editor.dirty), [editor.dirty, onUnsaved]);
  const [notes, setNotes] = React.useState<Note[]>([]);
  // The exported text is shown until the form changes (it would no longer match).
  const [exported, setExported] = React.useState<{ text: string; of: typeof form } | null>(null);
  const exportedText = exported?.of === form ? exported.text : null;
  const [open, setOpen] = React.useState<number[]>([]);
  // The criteria's problems are listed with the criteria set (by path), the others' not shown at a field here.
  const isCriteriaPath = (path: string) => /(^|\.)criteria(\[|Decimals|$)/.test(path);
  const other = problems.all.filter((p) => !isFieldPath(p.path, form) && !isCriteriaPath(p.path));
  const criteriaProblems = problems.all.filter((p) => isCriteriaPath(p.path));
  const at = (path: string) => problemProps(problems.at(path), t.lang);
  const groupChoices = form.groups.filter((g) => g.id.trim() !== "").map((g) => ({ id: g.id.trim(), label: g.name.trim() || g.id.trim() }));
  const problemCountNote = (): Note => ({ intent: "error", title: rs.saveBlocked, text: rs.problemsCount(problems.all.length) });

  // After a refused save: the groups with problems are opened, then focus goes to the first wrong field.
  const root = React.useRef<HTMLDivElement>(null);
  const [focusWrong, setFocusWrong] = React.useState(0);
  React.useEffect(() => {
    if (focusWrong === 0) return;
    const first = root.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
    first?.scrollIntoView?.({ block: "center" });
  }, [focusWrong]);

  const save = async () => {
    setNotes([]);
    if (!checked.ok) {
      setOpen([...new Set([...open, ...form.groups.map((_, i) => i).filter((i) => problems.under(`groups[${i}]`) > 0)])]);
      setFocusWrong((n) => n + 1);
      return setNotes([problemCountNote()]);
    }
    const r = await run("saveRules", async () => {
      const result = await saveRules(json);
      if (result.ok) onSaved({ rules: json as RulesJson, rulesFromWorkbook: true });
      return result;
    });
    if (!r.ok) return setNotes([{ intent: "error", title: rs.saveFailedTitle, text: t.unexpected(r.error) }]);
    if (!r.value.ok) return setNotes([{ intent: "error", title: rs.saveFailedTitle, items: t.lang === "en" ? r.value.messagesEn : r.value.messages }]);
    editor.markSaved();
    setStored(true);
    setNotes([{ intent: "success", text: rs.saved }]);
  };

  /** The criteria set read from the “Bộ tiêu chí” sheet, kept in the workbook's rules (the form shows it, saved). */
  const useCriteria = async (next: RulesJson): Promise<boolean> => {
    setNotes([]);
    const r = await run("saveRules", () => saveRules(next));
    if (!r.ok) {
      setNotes([{ intent: "error", title: rs.saveFailedTitle, text: t.unexpected(r.error) }]);
      return false;
    }
    if (!r.value.ok) {
      setNotes([{ intent: "error", title: rs.saveFailedTitle, items: t.lang === "en" ? r.value.messagesEn : r.value.messages }]);
      return false;
    }
    onSaved({ rules: next, rulesFromWorkbook: true });
    editor.replaceSaved(next);
    setStored(true);
    return true;
  };

  const importFile = async (file: File) => {
    setNotes([]);
    setExported(null);
    const read = await readRulesFile(file);
    const failed = (text: string, items?: string[]) => setNotes([{ intent: "error", title: rs.importFailedTitle, text, items }]);
    if (read.kind === "unreadable") return failed(rs.importUnreadable(file.name));
    if (read.kind === "notJson") return failed(rs.importNotJson(file.name, jsonSyntaxText(read.problem, t.lang)));
    if (read.kind === "invalid")
      return failed(
        rs.importInvalid(file.name, read.problems.length),
        read.problems.map((p) => rs.at(p.path, ruleProblemText(p, t.lang))),
      );
    editor.replace(read.rules);
    setOpen([]);
    setNotes([{ intent: "success", text: rs.imported(file.name) }]);
  };

  const exportJson = () => {
    setNotes([]);
    if (!checked.ok) return setNotes([{ ...problemCountNote(), title: rs.exportBlocked }]);
    const text = JSON.stringify(checked.rules.json, null, 2) + "\n";
    offerDownload(text, "rules.json", "application/json");
    setExported({ text, of: form });
    setNotes([{ intent: "success", text: rs.exported }]);
  };

  const reset = () => {
    editor.replace(PRESET_THAI_BINH_2020);
    setOpen([]);
    setExported(null);
    setNotes([{ intent: "info", text: rs.resetDone }]);
  };

  return (
    <div className={shared.stack} ref={root}>
      <h2 className={shared.sectionHeading}>{rs.heading}</h2>
      <p className={styles.status}>{stored ? rs.fromWorkbook : rs.fromPreset}</p>
      <RulesToolbar busy={busy} onSave={save} onImport={(file) => void importFile(file)} onExport={exportJson} onReset={reset} />
      {editor.dirty && <p className={styles.unsaved}>{rs.unsaved}</p>}
      {problems.all.length > 0 && <FieldProblem text={rs.problemsCount(problems.all.length)} />}
      {notes.map((n, i) => (
        <Notice key={i} note={n} onDismiss={() => setNotes(notes.filter((_, j) => j !== i))} />
      ))}
      {exportedText !== null && (
        <Field label={rs.exportText}>
          <Textarea value={exportedText} readOnly rows={6} resize="vertical" />
        </Field>
      )}
      {other.length > 0 && <Notice note={{ intent: "error", title: rs.otherProblems, items: other.map((p) => rs.at(p.path, ruleProblemText(p, t.lang))) }} />}

      <NameFields editor={editor} />
      <GroupsSection editor={editor} open={open} setOpen={setOpen} />
      <React.Suspense fallback={null}>
        <CriteriaView rules={json} valid={checked.ok} problems={criteriaProblems} onUse={useCriteria} />
      </React.Suspense>
      <ListSection
        id="rules-exemptions"
        heading={rs.exemptions}
        intro={rs.exemptionsIntro}
        problem={at("exemptions").validationMessage}
        items={form.exemptions}
        renderItem={(e, i) => (
          <ExemptionEditor
            index={i}
            exemption={e}
            groups={groupChoices}
            problems={problems}
            onChange={(patch) => editor.changeExemption(i, patch)}
            onRemove={() => editor.change({ exemptions: form.exemptions.filter((_, k) => k !== i) })}
          />
        )}
        addLabel={rs.addExemption}
        onAdd={() => editor.change({ exemptions: [...form.exemptions, { keywords: "", groups: [], reason: "" }] })}
      />
      <section className={styles.section} aria-labelledby="rules-index">
        <h3 id="rules-index" className={shared.sectionHeading}>
          {rs.indexSection}
        </h3>
        <ClassBandsEditor form={form} problems={problems} onChange={editor.change} />
      </section>
      <ListSection
        id="rules-blocks"
        heading={rs.blocks}
        intro={rs.blocksIntro}
        problem={at("blocks").validationMessage}
        items={form.blocks}
        renderItem={(b, i) => (
          <BlockEditor
            index={i}
            block={b}
            groups={groupChoices}
            problems={problems}
            onChange={(patch) => editor.changeBlock(i, patch)}
            onRemove={() => editor.change({ blocks: form.blocks.filter((_, k) => k !== i) })}
          />
        )}
        addLabel={rs.addBlock}
        onAdd={() => editor.change({ blocks: [...form.blocks, emptyBlock()] })}
      />
      <RankSection editor={editor} />
    </div>
  );
}

/** The Quy tắc tab (TABS): the editor with the workbook's rules and the pane's actions. */
export function RulesTab() {
  const { api, state, actions } = usePane();
  const { config } = state;
  return (
    <RulesView
      key={config ? "workbook" : "defaults"}
      rules={config?.rules}
      fromWorkbook={config?.rulesFromWorkbook ?? false}
      busy={actions.busy}
      run={actions.run}
      saveRules={api.saveRules}
      onSaved={state.applyChange}
      onUnsaved={state.setRulesUnsaved}
    />
  );
}
