import * as React from "react";
import { Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useStrings } from "./i18n";
import { useRulesStrings } from "./rulesStrings";
import { problemProps, RulesForm } from "./rulesForm";
import type { RulesEditor } from "./useRulesEditor";
import { useSharedStyles } from "./styles";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

/** A rules field chosen from named options; a value the options do not name (from an imported file) stays listed, as is. */
function OptionSelect({ field, label, options, editor }: { field: "rankBy" | "overMax"; label: string; options: Record<string, string>; editor: RulesEditor }) {
  const t = useStrings();
  const value: RulesForm[typeof field] = editor.form[field];
  return (
    <Field label={label} {...problemProps(editor.problems.at(field), t.lang)}>
      <Select value={value} onChange={(_, d) => editor.change({ [field]: d.value })}>
        {!(value in options) && <option value={value}>{value}</option>}
        {Object.entries(options).map(([v, name]) => (
          <option key={v} value={v}>
            {name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Ranking: what the rank follows, and what happens to scores above a group's maximum. */
export function RankSection({ editor }: { editor: RulesEditor }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const rs = useRulesStrings();
  return (
    <section className={styles.section} aria-labelledby="rules-rank">
      <h3 id="rules-rank" className={shared.sectionHeading}>
        {rs.rankSection}
      </h3>
      <OptionSelect field="rankBy" label={rs.rankBy} options={rs.rankByOptions} editor={editor} />
      <OptionSelect field="overMax" label={rs.overMax} options={rs.overMaxOptions} editor={editor} />
    </section>
  );
}
