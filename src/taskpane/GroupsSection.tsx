import * as React from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, makeStyles, tokens } from "@fluentui/react-components";
import { FieldProblem } from "./FieldProblem";
import { GroupEditor } from "./GroupEditor";
import { useStrings } from "./i18n";
import { useRulesStrings } from "./rulesStrings";
import { emptyGroup, problemProps } from "./rulesForm";
import type { RulesEditor } from "./useRulesEditor";
import { useSharedStyles } from "./styles";

const useStyles = makeStyles({
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
});

export interface GroupsSectionProps {
  editor: RulesEditor;
  /** The groups whose panels are open (indices). */
  open: number[];
  setOpen: (open: number[]) => void;
}

/** The criteria groups: one accordion item each (name, maximum, the count of its problems), "Thêm nhóm". */
export function GroupsSection({ editor, open, setOpen }: GroupsSectionProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const t = useStrings();
  const rs = useRulesStrings();
  const { form, problems } = editor;
  return (
    <section className={styles.section} aria-labelledby="rules-groups">
      <h3 id="rules-groups" className={shared.sectionHeading}>
        {rs.groups}
      </h3>
      <FieldProblem text={problemProps(problems.at("groups"), t.lang).validationMessage} />
      <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems as number[])}>
        {form.groups.map((g, i) => {
          const count = problems.under(`groups[${i}]`);
          return (
            <AccordionItem key={i} value={i}>
              <AccordionHeader expandIconPosition="end">
                <span className={styles.headerText}>
                  <span>{rs.group(i, g.name)}</span>
                  <span className={styles.headerMax}>{rs.groupMax(g.maxPoints)}</span>
                  {count > 0 && <span className={styles.headerProblems}>{rs.groupProblems(count)}</span>}
                </span>
              </AccordionHeader>
              <AccordionPanel className={styles.panel}>
                <GroupEditor
                  index={i}
                  group={g}
                  problems={problems}
                  onChange={(patch) => editor.changeGroup(i, patch)}
                  onRemove={() => {
                    editor.change({ groups: form.groups.filter((_, k) => k !== i) });
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
            editor.change({ groups: [...form.groups, emptyGroup()] });
            setOpen([...open, form.groups.length]);
          }}
        >
          {rs.addGroup}
        </Button>
      </div>
    </section>
  );
}
