import * as React from "react";
import { Field, Input, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import type { DecisionMetadata, MetadataProblem } from "../core/rules/metadata";
import { metadataProblemText, useStrings } from "./i18n";
import { useAnnexStrings } from "./annexStrings";

/** The fields typed as text (the year too, so "20" or "" stay on screen while they are checked). */
export type DecisionTextField = Exclude<keyof DecisionMetadata, "annexPrevious">;

/**
 * The form as typed (the forms' deadline too, empty when none is set; `merge --deadline` sets the same value)
 * and the choice to put last year's columns in the annex (a checkbox).
 */
export type DecisionFormValue = Record<DecisionTextField, string> & { annexPrevious: boolean };

export const FIELD_ORDER: DecisionTextField[] = ["number", "date", "year", "issuer", "province", "subject", "sheetName", "formsDeadline"];

export function formFromMetadata(m: DecisionMetadata): DecisionFormValue {
  return {
    number: m.number,
    date: m.date,
    issuer: m.issuer,
    province: m.province ?? "",
    year: String(m.year),
    subject: m.subject,
    sheetName: m.sheetName,
    annexPrevious: m.annexPrevious === true,
    formsDeadline: m.formsDeadline ?? "",
  };
}

export function metadataFromForm(f: DecisionFormValue): DecisionMetadata {
  const { annexPrevious, formsDeadline, ...text } = f;
  const year = text.year.trim();
  return {
    ...text,
    year: /^\d+$/.test(year) ? Number(year) : Number.NaN,
    ...(annexPrevious ? { annexPrevious: true } : {}),
    ...(formsDeadline.trim() ? { formsDeadline } : {}),
  };
}

export const fieldId = (field: DecisionTextField) => `decision-${field}`;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    alignItems: "start",
    gap: tokens.spacingVerticalM,
    "@media (min-width: 400px)": { gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalM },
  },
});

export interface DecisionFormProps {
  value: DecisionFormValue;
  problems: MetadataProblem[];
  /** Fields whose problems are shown: the ones typed in or left, or all after an attempt to save. */
  shown: ReadonlySet<DecisionTextField>;
  onChange: (field: DecisionTextField, text: string) => void;
  onLeave: (field: DecisionTextField) => void;
  /** Where the year shown comes from when nobody typed it (the grid's title, the decision's date): said under the field. */
  yearHint?: string;
  /** The annex would name the issuer without its province: said under the province field. */
  provinceHint?: string;
  /** The issuer needs its province ("Ủy ban nhân dân tỉnh"): the field is marked required. */
  provinceRequired?: boolean;
}

/** The decision's metadata, each field checked as it is typed (the message sits under the field). */
export function DecisionForm({ value, problems, shown, onChange, onLeave, yearHint, provinceHint, provinceRequired = false }: DecisionFormProps) {
  const styles = useStyles();
  const t = useStrings();
  const ta = useAnnexStrings();
  const message = (field: DecisionTextField) => {
    if (!shown.has(field)) return undefined;
    const list = problems.filter((p) => p.field === field);
    return list.length ? list.map((p) => metadataProblemText(p, t.lang)).join(" ") : undefined;
  };
  const field = (name: DecisionTextField, label: string, hint?: string, extra: Partial<React.ComponentProps<typeof Input>> = {}, required = true) => {
    const msg = message(name);
    return (
      <Field label={label} hint={hint} required={required} validationState={msg ? "error" : "none"} validationMessage={msg}>
        <Input id={fieldId(name)} value={value[name]} onChange={(_, d) => onChange(name, d.value)} onBlur={() => onLeave(name)} {...extra} />
      </Field>
    );
  };
  const subjectMsg = message("subject");
  return (
    <div className={styles.root}>
      {field("number", ta.annex.number, ta.annex.numberHint, { autoComplete: "off", spellCheck: false })}
      <div className={styles.pair}>
        {field("date", ta.annex.date, ta.annex.dateHint, { placeholder: "dd/mm/yyyy", inputMode: "numeric", autoComplete: "off" })}
        {field("year", ta.annex.year, yearHint, { inputMode: "numeric", autoComplete: "off" })}
      </div>
      <div className={styles.pair}>
        {field("issuer", ta.annex.issuer)}
        {field("province", ta.annex.province, provinceHint ?? ta.annex.provinceHint, { autoComplete: "off" }, provinceRequired)}
      </div>
      <Field label={ta.annex.subject} required validationState={subjectMsg ? "error" : "none"} validationMessage={subjectMsg}>
        <Textarea
          id={fieldId("subject")}
          value={value.subject}
          resize="vertical"
          rows={3}
          onChange={(_, d) => onChange("subject", d.value)}
          onBlur={() => onLeave("subject")}
        />
      </Field>
      {field("sheetName", ta.annex.sheetName, undefined, { autoComplete: "off" })}
      {field(
        "formsDeadline",
        ta.annex.formsDeadline,
        ta.annex.formsDeadlineHint,
        { placeholder: "dd/mm/yyyy", inputMode: "numeric", autoComplete: "off" },
        false,
      )}
    </div>
  );
}
