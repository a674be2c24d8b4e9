import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import type { PaneApi } from "./api";
import { jsonSyntaxProblem, jsonSyntaxText } from "../core/json-syntax";
import { PRESET_THAI_BINH_2020, RulesJson, validateRules } from "../core/rules";
import { BusyKind, Note, Runner, SettingsChange } from "./actions";
import { BlockEditor } from "./BlocksEditor";
import { BusyButton } from "./BusyButton";
import { ClassBandsEditor } from "./ClassBandsEditor";
import { ExemptionEditor } from "./ExemptionEditor";
import { FieldProblem } from "./FieldProblem";
import { GroupEditor } from "./GroupEditor";
import { useStrings } from "./i18n";
import { Notice } from "./Notice";
import { BlockForm, emptyBlock, emptyGroup, ExemptionForm, formFromJson, GroupForm, isFieldPath, jsonFromForm, ProblemIndex, problemProps, ruleProblemText, RulesForm } from "./rulesForm";
import { useSharedStyles } from "./styles";

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
  headerText: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, alignItems: "baseline" },
  headerMax: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  headerProblems: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  panel: {
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalM,
    marginLeft: tokens.spacingHorizontalS,
    marginRight: 0,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  fileInput: { display: "none" },
});

export interface RulesViewProps {
  rules: RulesJson;
  fromWorkbook: boolean;
  busy: BusyKind | null;
  run: Runner;
  /** Stores the rules in the workbook (PaneApi.saveRules). */
  saveRules: PaneApi["saveRules"];
  onSaved: (change: SettingsChange) => void;
}

/** "Quy tắc chấm điểm": the rules as a form, checked as typed; import/export as JSON; the 2020 preset. */
export function RulesView({ rules, fromWorkbook, busy, run, saveRules, onSaved }: RulesViewProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const t = useStrings();
  const [form, setForm] = React.useState<RulesForm>(() => formFromJson(rules));
  const [baseline, setBaseline] = React.useState(() => JSON.stringify(jsonFromForm(formFromJson(rules))));
  const [stored, setStored] = React.useState(fromWorkbook);
  const [notes, setNotes] = React.useState<Note[]>([]);
  const [exported, setExported] = React.useState<string | null>(null);
  const [open, setOpen] = React.useState<number[]>([]);
  const fileRef = React.useRef<HTMLInputElement>(null);

  const json = React.useMemo(() => jsonFromForm(form), [form]);
  const checked = React.useMemo(() => validateRules(json), [json]);
  const problems = React.useMemo(() => new ProblemIndex(checked.ok ? [] : checked.problems), [checked]);
  const other = problems.all.filter((p) => !isFieldPath(p.path, form));
  const dirty = JSON.stringify(json) !== baseline;
  const at = (path: string) => problemProps(problems.at(path), t.lang);

  const change = (patch: Partial<RulesForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setExported(null);
  };
  const changeGroup = (i: number, patch: Partial<GroupForm>) =>
    setForm((f) => {
      const old = f.groups[i];
      const groups = f.groups.map((g, k) => (k === i ? { ...g, ...patch } : g));
      // A group's id renamed (even through an empty box while retyping it): the exemptions that name it follow.
      const exemptions =
        patch.id !== undefined && !f.groups.some((g, k) => k !== i && g.id.trim() === old.id.trim())
          ? f.exemptions.map((e) => ({ ...e, groups: e.groups.map((id) => (id === old.id.trim() ? patch.id!.trim() : id)) }))
          : f.exemptions;
      // The blocks' own maxima follow the renamed id too.
      const blocks =
        exemptions !== f.exemptions
          ? f.blocks.map((b) => ({ ...b, maxPoints: Object.fromEntries(Object.entries(b.maxPoints).map(([id, v]) => [id === old.id.trim() ? patch.id!.trim() : id, v])) }))
          : f.blocks;
      return { ...f, groups, exemptions, blocks };
    });
  const changeExemption = (i: number, patch: Partial<ExemptionForm>) => change({ exemptions: form.exemptions.map((e, k) => (k === i ? { ...e, ...patch } : e)) });
  const changeBlock = (i: number, patch: Partial<BlockForm>) => change({ blocks: form.blocks.map((b, k) => (k === i ? { ...b, ...patch } : b)) });

  const problemCountNote = (): Note => ({
    intent: "error",
    title: t.rules.saveBlocked,
    text: t.rules.problemsCount(problems.all.length),
  });

  const save = async () => {
    setNotes([]);
    if (!checked.ok) return setNotes([problemCountNote()]);
    const r = await run("saveRules", async () => {
      const result = await saveRules(json);
      if (result.ok) onSaved({ rules: json as RulesJson, rulesFromWorkbook: true });
      return result;
    });
    if (!r.ok) return setNotes([{ intent: "error", title: t.rules.saveFailedTitle, text: t.unexpected(r.error) }]);
    if (!r.value.ok) return setNotes([{ intent: "error", title: t.rules.saveFailedTitle, items: t.lang === "en" ? r.value.messagesEn : r.value.messages }]);
    setBaseline(JSON.stringify(json));
    setStored(true);
    setNotes([{ intent: "success", text: t.rules.saved }]);
  };

  const importFile = (file: File) => {
    setNotes([]);
    setExported(null);
    const reader = new FileReader();
    // The browser's own error text is English and engine-specific: not shown, the file name says what failed.
    reader.onerror = () => setNotes([{ intent: "error", title: t.rules.importFailedTitle, text: t.rules.importUnreadable(file.name) }]);
    reader.onload = () => {
      let parsed: unknown;
      const text = String(reader.result ?? "").replace(/^\uFEFF/, "");
      try {
        parsed = JSON.parse(text);
      } catch {
        return setNotes([{ intent: "error", title: t.rules.importFailedTitle, text: t.rules.importNotJson(file.name, jsonSyntaxText(jsonSyntaxProblem(text), t.lang)) }]);
      }
      const result = validateRules(parsed);
      if (!result.ok) {
        return setNotes([
          {
            intent: "error",
            title: t.rules.importFailedTitle,
            text: t.rules.importInvalid(file.name, result.problems.length),
            items: result.problems.map((p) => `${p.path || "JSON"}: ${ruleProblemText(p, t.lang)}`),
          },
        ]);
      }
      setForm(formFromJson(result.rules.json));
      setOpen([]);
      setNotes([{ intent: "success", text: t.rules.imported(file.name) }]);
    };
    reader.readAsText(file, "utf-8");
  };

  const exportJson = () => {
    setNotes([]);
    if (!checked.ok) return setNotes([{ ...problemCountNote(), title: t.rules.exportBlocked }]);
    const text = JSON.stringify(checked.rules.json, null, 2) + "\n";
    try {
      if (typeof URL !== "undefined" && typeof URL.createObjectURL === "function") {
        const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
        const a = document.createElement("a");
        a.href = url;
        a.download = "rules.json";
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
      }
    } catch {
      // Some Office web views do not download: the text below is there to copy.
    }
    setExported(text);
    setNotes([{ intent: "success", text: t.rules.exported }]);
  };

  const reset = () => {
    setForm(formFromJson(PRESET_THAI_BINH_2020));
    setOpen([]);
    setExported(null);
    setNotes([{ intent: "info", text: t.rules.resetDone }]);
  };

  const groupChoices = form.groups.filter((g) => g.id.trim() !== "").map((g) => ({ id: g.id.trim(), label: g.name.trim() || g.id.trim() }));

  return (
    <div className={shared.stack}>
      <h2 className={shared.sectionHeading}>{t.rules.heading}</h2>
      <p className={styles.status}>{stored ? t.rules.fromWorkbook : t.rules.fromPreset}</p>
      <div className={styles.toolbar}>
        <BusyButton appearance="primary" busy={busy === "saveRules"} disabled={busy !== null} onClick={save}>
          {t.rules.save}
        </BusyButton>
        <Button onClick={() => fileRef.current?.click()} disabled={busy !== null}>
          {t.rules.import}
        </Button>
        <Button onClick={exportJson}>{t.rules.export}</Button>
        <Button onClick={reset} disabled={busy !== null}>
          {t.rules.reset}
        </Button>
        <input
          ref={fileRef}
          className={styles.fileInput}
          type="file"
          accept=".json,application/json"
          aria-label={t.rules.importFileLabel}
          tabIndex={-1}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (file) importFile(file);
          }}
        />
      </div>
      {dirty && <p className={styles.unsaved}>{t.rules.unsaved}</p>}
      {problems.all.length > 0 && <FieldProblem text={t.rules.problemsCount(problems.all.length)} />}
      {notes.map((n, i) => (
        <Notice key={i} note={n} onDismiss={() => setNotes(notes.filter((_, j) => j !== i))} />
      ))}
      {exported !== null && (
        <Field label={t.rules.exportText}>
          <Textarea value={exported} readOnly rows={6} resize="vertical" />
        </Field>
      )}
      {other.length > 0 && <Notice note={{ intent: "error", title: t.rules.otherProblems, items: other.map((p) => `${p.path}: ${ruleProblemText(p, t.lang)}`) }} />}

      <Field label={t.rules.name} {...at("name")}>
        <Input value={form.name} onChange={(_, d) => change({ name: d.value })} />
      </Field>
      <Field label={t.rules.nameHeaders} hint={t.rules.nameHeadersHint} {...problemProps([...problems.at("nameHeaders"), ...form.nameHeaders.split(/\r?\n/).flatMap((_, j) => problems.at(`nameHeaders[${j}]`))], t.lang)}>
        <Textarea value={form.nameHeaders} resize="vertical" rows={2} onChange={(_, d) => change({ nameHeaders: d.value })} />
      </Field>

      <section className={styles.section} aria-labelledby="rules-groups">
        <h3 id="rules-groups" className={shared.sectionHeading}>
          {t.rules.groups}
        </h3>
        <FieldProblem text={at("groups").validationMessage} />
        <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems as number[])}>
          {form.groups.map((g, i) => {
            const count = problems.under(`groups[${i}]`);
            return (
              <AccordionItem key={i} value={i}>
                <AccordionHeader expandIconPosition="end">
                  <span className={styles.headerText}>
                    <span>{t.rules.group(i, g.name)}</span>
                    <span className={styles.headerMax}>{t.rules.groupMax(g.maxPoints)}</span>
                    {count > 0 && <span className={styles.headerProblems}>{t.rules.groupProblems(count)}</span>}
                  </span>
                </AccordionHeader>
                <AccordionPanel className={styles.panel}>
                  <GroupEditor
                    index={i}
                    group={g}
                    problems={problems}
                    onChange={(patch) => changeGroup(i, patch)}
                    onRemove={() => {
                      change({ groups: form.groups.filter((_, k) => k !== i) });
                      setOpen([]);
                    }}
                  />
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
        <div className={shared.buttonRow}>
          <Button
            onClick={() => {
              change({ groups: [...form.groups, emptyGroup()] });
              setOpen([...open, form.groups.length]);
            }}
          >
            {t.rules.addGroup}
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="rules-exemptions">
        <h3 id="rules-exemptions" className={shared.sectionHeading}>
          {t.rules.exemptions}
        </h3>
        <p className={shared.muted}>{t.rules.exemptionsIntro}</p>
        <FieldProblem text={at("exemptions").validationMessage} />
        <ul className={styles.list}>
          {form.exemptions.map((e, i) => (
            <li key={i}>
              <ExemptionEditor
                index={i}
                exemption={e}
                groups={groupChoices}
                problems={problems}
                onChange={(patch) => changeExemption(i, patch)}
                onRemove={() => change({ exemptions: form.exemptions.filter((_, k) => k !== i) })}
              />
            </li>
          ))}
        </ul>
        <div className={shared.buttonRow}>
          <Button onClick={() => change({ exemptions: [...form.exemptions, { keywords: "", groups: [], reason: "" }] })}>{t.rules.addExemption}</Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="rules-index">
        <h3 id="rules-index" className={shared.sectionHeading}>
          {t.rules.indexSection}
        </h3>
        <ClassBandsEditor form={form} problems={problems} onChange={change} />
      </section>

      <section className={styles.section} aria-labelledby="rules-blocks">
        <h3 id="rules-blocks" className={shared.sectionHeading}>
          {t.rules.blocks}
        </h3>
        <p className={shared.muted}>{t.rules.blocksIntro}</p>
        <FieldProblem text={at("blocks").validationMessage} />
        <ul className={styles.list}>
          {form.blocks.map((b, i) => (
            <li key={i}>
              <BlockEditor
                index={i}
                block={b}
                groups={groupChoices}
                problems={problems}
                onChange={(patch) => changeBlock(i, patch)}
                onRemove={() => change({ blocks: form.blocks.filter((_, k) => k !== i) })}
              />
            </li>
          ))}
        </ul>
        <div className={shared.buttonRow}>
          <Button onClick={() => change({ blocks: [...form.blocks, emptyBlock()] })}>{t.rules.addBlock}</Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="rules-rank">
        <h3 id="rules-rank" className={shared.sectionHeading}>
          {t.rules.rankSection}
        </h3>
        <Field label={t.rules.rankBy} {...at("rankBy")}>
          <Select value={form.rankBy} onChange={(_, d) => change({ rankBy: d.value })}>
            {!(form.rankBy in t.rules.rankByOptions) && <option value={form.rankBy}>{form.rankBy}</option>}
            {Object.entries(t.rules.rankByOptions).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.rules.overMax} {...at("overMax")}>
          <Select value={form.overMax} onChange={(_, d) => change({ overMax: d.value })}>
            {!(form.overMax in t.rules.overMaxOptions) && <option value={form.overMax}>{form.overMax}</option>}
            {Object.entries(t.rules.overMaxOptions).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
      </section>
    </div>
  );
}
