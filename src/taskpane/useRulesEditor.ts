import * as React from "react";
import { RulesJson, validateRules } from "../core/rules/rules";
import { BlockForm, ExemptionForm, formFromJson, GroupForm, jsonFromForm, ProblemIndex, RulesForm } from "./rulesForm";

/** A group's id renamed (even through an empty box while retyping it): the exemptions and the blocks' own maxima that name it follow. */
function withGroupChanged(f: RulesForm, i: number, patch: Partial<GroupForm>): RulesForm {
  const old = f.groups[i];
  const groups = f.groups.map((g, k) => (k === i ? { ...g, ...patch } : g));
  const renamed = patch.id !== undefined && !f.groups.some((g, k) => k !== i && g.id.trim() === old.id.trim());
  if (!renamed) return { ...f, groups };
  const from = old.id.trim();
  const to = patch.id!.trim();
  return {
    ...f,
    groups,
    exemptions: f.exemptions.map((e) => ({ ...e, groups: e.groups.map((id) => (id === from ? to : id)) })),
    blocks: f.blocks.map((b) => ({ ...b, maxPoints: Object.fromEntries(Object.entries(b.maxPoints).map(([id, v]) => [id === from ? to : id, v])) })),
  };
}

/**
 * The Quy tắc tab's form: its state, the rules JSON it makes, their check as typed (problems by field
 * path), whether it differs from what is stored, and the edits (a field, a group, an exemption, a block,
 * the whole form replaced by imported or preset rules).
 */
export function useRulesEditor(rules: RulesJson) {
  const [form, setForm] = React.useState<RulesForm>(() => formFromJson(rules));
  const [baseline, setBaseline] = React.useState(() => JSON.stringify(jsonFromForm(formFromJson(rules))));
  const json = React.useMemo(() => jsonFromForm(form), [form]);
  const checked = React.useMemo(() => validateRules(json), [json]);
  const problems = React.useMemo(() => new ProblemIndex(checked.ok ? [] : checked.problems), [checked]);
  return {
    form,
    json,
    checked,
    problems,
    dirty: JSON.stringify(json) !== baseline,
    /** What is stored now is what the form says (after a save). */
    markSaved: () => setBaseline(JSON.stringify(json)),
    replace: (next: RulesJson) => setForm(formFromJson(next)),
    /** The form replaced by rules just stored (not unsaved). */
    replaceSaved: (next: RulesJson) => {
      setForm(formFromJson(next));
      setBaseline(JSON.stringify(jsonFromForm(formFromJson(next))));
    },
    change: (patch: Partial<RulesForm>) => setForm((f) => ({ ...f, ...patch })),
    changeGroup: (i: number, patch: Partial<GroupForm>) => setForm((f) => withGroupChanged(f, i, patch)),
    changeExemption: (i: number, patch: Partial<ExemptionForm>) =>
      setForm((f) => ({ ...f, exemptions: f.exemptions.map((e, k) => (k === i ? { ...e, ...patch } : e)) })),
    changeBlock: (i: number, patch: Partial<BlockForm>) => setForm((f) => ({ ...f, blocks: f.blocks.map((b, k) => (k === i ? { ...b, ...patch } : b)) })),
  };
}

export type RulesEditor = ReturnType<typeof useRulesEditor>;
