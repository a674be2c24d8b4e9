import * as React from "react";
import { Field, Input, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { FieldProblem } from "./FieldProblem";
import { ListItem } from "./ListEditor";
import { useStrings } from "./i18n";
import { useRulesStrings } from "./rulesStrings";
import { BlockForm, ProblemIndex, problemProps } from "./rulesForm";

const useStyles = makeStyles({
  maxima: { border: 0, margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  maximaLegend: { padding: 0, marginBottom: tokens.spacingVerticalXXS },
});

export interface BlockEditorProps {
  index: number;
  block: BlockForm;
  /** The groups whose maxima the block may change: id and the name shown. */
  groups: { id: string; label: string }[];
  problems: ProblemIndex;
  onChange: (patch: Partial<BlockForm>) => void;
  onRemove: () => void;
}

/** One block: id, name (the annex heading), the texts that identify it, its own maxima per group. */
export function BlockEditor({ index, block, groups, problems, onChange, onRemove }: BlockEditorProps) {
  const styles = useStyles();
  const t = useStrings();
  const rs = useRulesStrings();
  const p = `blocks[${index}]`;
  const at = (path: string) => problemProps(problems.at(path), t.lang);
  const matchProblems = [...problems.at(`${p}.match`), ...block.match.split(/\r?\n/).flatMap((_, j) => problems.at(`${p}.match[${j}]`))];
  return (
    <ListItem legend={rs.block(index, block.name)} problem={at(p).validationMessage} removeLabel={rs.removeBlock(index)} onRemove={onRemove}>
      <Field label={rs.blockName} {...at(`${p}.name`)}>
        <Input value={block.name} onChange={(_, d) => onChange({ name: d.value })} />
      </Field>
      <Field label={rs.blockMatch} {...problemProps(matchProblems, t.lang)}>
        <Textarea value={block.match} resize="vertical" rows={2} onChange={(_, d) => onChange({ match: d.value })} />
      </Field>
      <Field label={rs.blockId} {...at(`${p}.id`)}>
        <Input value={block.id} spellCheck={false} autoComplete="off" onChange={(_, d) => onChange({ id: d.value })} />
      </Field>
      <fieldset className={styles.maxima}>
        <legend className={styles.maximaLegend}>{rs.blockMaxima}</legend>
        <FieldProblem text={at(`${p}.maxPoints`).validationMessage} />
        {groups.map((g) => (
          <Field key={g.id} label={rs.blockMax(g.label)} {...at(`${p}.maxPoints.${g.id}`)}>
            <Input
              value={block.maxPoints[g.id] ?? ""}
              inputMode="decimal"
              onChange={(_, d) => onChange({ maxPoints: { ...block.maxPoints, [g.id]: d.value } })}
            />
          </Field>
        ))}
      </fieldset>
    </ListItem>
  );
}
