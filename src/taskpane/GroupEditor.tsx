import * as React from "react";
import { Button, Checkbox, Field, Input, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { FieldProblem } from "./FieldProblem";
import { useStrings } from "./i18n";
import { useRulesStrings } from "./rulesStrings";
import { GroupForm, NotEvaluatedForm, ProblemIndex, problemProps } from "./rulesForm";
import { useSharedStyles } from "./styles";

const useStyles = makeStyles({
  items: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    "@media (min-width: 380px)": { gridTemplateColumns: "minmax(0, 1fr) 104px" },
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  itemRemove: { gridColumn: "1 / -1", justifySelf: "start" },
  fieldset: { border: 0, margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
});

export interface GroupEditorProps {
  index: number;
  group: GroupForm;
  problems: ProblemIndex;
  onChange: (patch: Partial<GroupForm>) => void;
  onRemove: () => void;
}

/** One criteria group: header and aliases, maximum, items not evaluated this year. */
export function GroupEditor({ index, group, problems, onChange, onRemove }: GroupEditorProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const t = useStrings();
  const rs = useRulesStrings();
  const p = `groups[${index}]`;
  const at = (path: string) => problemProps(problems.at(path), t.lang);
  const setItem = (j: number, patch: Partial<NotEvaluatedForm>) =>
    onChange({ notEvaluated: group.notEvaluated.map((n, k) => (k === j ? { ...n, ...patch } : n)) });
  return (
    <div className={shared.stack}>
      <FieldProblem text={at(p).validationMessage} />
      <Field label={rs.groupName} {...at(`${p}.name`)}>
        <Input value={group.name} onChange={(_, d) => onChange({ name: d.value })} />
      </Field>
      <Field label={rs.groupMaxPoints} {...at(`${p}.maxPoints`)}>
        <Input value={group.maxPoints} inputMode="decimal" onChange={(_, d) => onChange({ maxPoints: d.value })} />
      </Field>
      <Field label={rs.groupWeight} {...at(`${p}.weight`)}>
        <Input value={group.weight} inputMode="decimal" onChange={(_, d) => onChange({ weight: d.value })} />
      </Field>
      <Field {...at(`${p}.counted`)}>
        <Checkbox label={rs.groupCounted} checked={group.counted} onChange={(_, d) => onChange({ counted: d.checked === true })} />
      </Field>
      <Field label={rs.groupAliases} {...at(`${p}.aliases`)}>
        <Textarea value={group.aliases} resize="vertical" rows={3} onChange={(_, d) => onChange({ aliases: d.value })} />
      </Field>
      <Field label={rs.groupId} {...at(`${p}.id`)}>
        <Input value={group.id} spellCheck={false} autoComplete="off" onChange={(_, d) => onChange({ id: d.value })} />
      </Field>
      <Field label={rs.groupFullName} {...at(`${p}.fullName`)}>
        <Input value={group.fullName} onChange={(_, d) => onChange({ fullName: d.value })} />
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{rs.notEvaluated}</legend>
        <FieldProblem text={at(`${p}.notEvaluated`).validationMessage} />
        {group.notEvaluated.length > 0 && (
          <ul className={styles.items}>
            {group.notEvaluated.map((n, j) => (
              <li key={j} className={styles.item}>
                <Field label={rs.notEvaluatedItem(j)} {...at(`${p}.notEvaluated[${j}].item`)}>
                  <Input value={n.item} onChange={(_, d) => setItem(j, { item: d.value })} />
                </Field>
                <Field label={rs.notEvaluatedPoints(j)} {...at(`${p}.notEvaluated[${j}].points`)}>
                  <Input value={n.points} inputMode="decimal" onChange={(_, d) => setItem(j, { points: d.value })} />
                </Field>
                <Button className={styles.itemRemove} size="small" onClick={() => onChange({ notEvaluated: group.notEvaluated.filter((_, k) => k !== j) })}>
                  {rs.removeNotEvaluated(j)}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className={shared.buttonRow}>
          <Button size="small" onClick={() => onChange({ notEvaluated: [...group.notEvaluated, { item: "", points: "" }] })}>
            {rs.addNotEvaluated}
          </Button>
        </div>
      </fieldset>
      <div className={shared.buttonRow}>
        <Button size="small" onClick={onRemove}>
          {rs.removeGroup(rs.group(index, group.name))}
        </Button>
      </div>
    </div>
  );
}
