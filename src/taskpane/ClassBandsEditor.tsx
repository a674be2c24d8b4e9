import * as React from "react";
import { Button, Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { FieldProblem } from "./FieldProblem";
import { useStrings } from "./i18n";
import { useRulesStrings } from "./rulesStrings";
import { ClassForm, ProblemIndex, problemProps, RulesForm } from "./rulesForm";
import { useSharedStyles } from "./styles";

const useStyles = makeStyles({
  bands: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  band: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    "@media (min-width: 380px)": { gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)" },
  },
  remove: { gridColumn: "1 / -1", justifySelf: "start" },
});

export interface ClassBandsEditorProps {
  form: RulesForm;
  problems: ProblemIndex;
  onChange: (patch: Partial<RulesForm>) => void;
}

/** How the index is rounded and the class bands (Tốt, Khá, Trung bình, Yếu…) with their cut-offs. */
export function ClassBandsEditor({ form, problems, onChange }: ClassBandsEditorProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const t = useStrings();
  const rs = useRulesStrings();
  const at = (path: string) => problemProps(problems.at(path), t.lang);
  const setBand = (i: number, patch: Partial<ClassForm>) => onChange({ classes: form.classes.map((c, k) => (k === i ? { ...c, ...patch } : c)) });
  return (
    <div className={shared.stack}>
      <FieldProblem text={at("index").validationMessage} />
      <Field label={rs.decimals} {...at("index.decimals")}>
        <Input value={form.decimals} inputMode="numeric" onChange={(_, d) => onChange({ decimals: d.value })} />
      </Field>
      <Field label={rs.rounding} {...at("index.rounding")}>
        <Select value={form.rounding} onChange={(_, d) => onChange({ rounding: d.value })}>
          {!(form.rounding in rs.roundingOptions) && <option value={form.rounding}>{form.rounding}</option>}
          {Object.entries(rs.roundingOptions).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={rs.display} {...at("index.display")}>
        <Select value={form.display || "decimal"} onChange={(_, d) => onChange({ display: d.value })}>
          {Object.entries(rs.displayOptions).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={rs.classifyOn} {...at("classifyOn")}>
        <Select value={form.classifyOn} onChange={(_, d) => onChange({ classifyOn: d.value })}>
          {!(form.classifyOn in rs.classifyOnOptions) && <option value={form.classifyOn}>{form.classifyOn}</option>}
          {Object.entries(rs.classifyOnOptions).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <h4 className={shared.subHeading}>{rs.classes}</h4>
      <FieldProblem text={at("classes").validationMessage} />
      <ul className={styles.bands}>
        {form.classes.map((c, i) => (
          <li key={i} className={styles.band}>
            <Field label={rs.className(i)} {...at(`classes[${i}].name`)}>
              <Input value={c.name} onChange={(_, d) => setBand(i, { name: d.value })} />
            </Field>
            <Field label={rs.classMin(i)} {...at(`classes[${i}].minIndex`)}>
              <Input value={c.minIndex} inputMode="decimal" onChange={(_, d) => setBand(i, { minIndex: d.value })} />
            </Field>
            <Button className={styles.remove} size="small" onClick={() => onChange({ classes: form.classes.filter((_, k) => k !== i) })}>
              {rs.removeClass(i)}
            </Button>
          </li>
        ))}
      </ul>
      <div className={shared.buttonRow}>
        <Button onClick={() => onChange({ classes: [...form.classes, { name: "", minIndex: "0" }] })}>{rs.addClass}</Button>
      </div>
    </div>
  );
}
