import * as React from "react";
import { Checkbox, Field, Input, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { FieldProblem } from "./FieldProblem";
import { ListItem } from "./ListEditor";
import { useStrings } from "./i18n";
import { useRulesStrings } from "./rulesStrings";
import { ExemptionForm, ProblemIndex, problemProps } from "./rulesForm";

const useStyles = makeStyles({
  checks: { border: 0, margin: 0, padding: 0, display: "flex", flexDirection: "column", minWidth: 0 },
  checksLegend: { padding: 0, marginBottom: tokens.spacingVerticalXXS, fontWeight: tokens.fontWeightRegular },
});

export interface ExemptionEditorProps {
  index: number;
  exemption: ExemptionForm;
  /** The groups to choose from: id and the name shown. */
  groups: { id: string; label: string }[];
  problems: ProblemIndex;
  onChange: (patch: Partial<ExemptionForm>) => void;
  onRemove: () => void;
}

/** One exemption: the Ghi chú keyword, the groups not scored, the reason the annex notes give. */
export function ExemptionEditor({ index, exemption, groups, problems, onChange, onRemove }: ExemptionEditorProps) {
  const styles = useStyles();
  const t = useStrings();
  const rs = useRulesStrings();
  const p = `exemptions[${index}]`;
  const at = (path: string) => problemProps(problems.at(path), t.lang);
  const known = new Set(groups.map((g) => g.id));
  // Ids no group has any more stay listed (checked), so they can be unticked.
  const choices = [...groups, ...exemption.groups.filter((id) => !known.has(id)).map((id) => ({ id, label: rs.unknownGroup(id) }))];
  const groupProblems = [...problems.at(`${p}.groups`), ...exemption.groups.flatMap((_, j) => problems.at(`${p}.groups[${j}]`))];
  const keywordProblems = exemption.keywords.split(/\r?\n/).flatMap((_, j) => problems.at(`${p}.keywords[${j}]`));
  const toggle = (id: string, on: boolean) =>
    onChange({ groups: on ? [...exemption.groups.filter((g) => g !== id), id] : exemption.groups.filter((g) => g !== id) });
  return (
    <ListItem legend={rs.exemption(index)} problem={at(p).validationMessage} removeLabel={rs.removeExemption(index)} onRemove={onRemove}>
      <Field
        label={rs.exemptionKeyword}
        hint={rs.onePerLine}
        {...problemProps([...problems.at(`${p}.keywords`), ...problems.at(`${p}.keyword`), ...keywordProblems], t.lang)}
      >
        <Textarea value={exemption.keywords} resize="vertical" rows={3} onChange={(_, d) => onChange({ keywords: d.value })} />
      </Field>
      <fieldset className={styles.checks}>
        <legend className={styles.checksLegend}>{rs.exemptionGroups}</legend>
        {choices.map((g, k) => (
          <Checkbox key={`${g.id}-${k}`} label={g.label} checked={exemption.groups.includes(g.id)} onChange={(_, d) => toggle(g.id, d.checked === true)} />
        ))}
        <FieldProblem text={problemProps(groupProblems, t.lang).validationMessage} />
      </fieldset>
      <Field label={rs.exemptionReason} {...at(`${p}.reason`)}>
        <Input value={exemption.reason} onChange={(_, d) => onChange({ reason: d.value })} />
      </Field>
    </ListItem>
  );
}
