import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { FieldProblem } from "./FieldProblem";
import { border, useSharedStyles } from "./styles";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    ...border("Width", tokens.strokeWidthThin),
    ...border("Style", "solid"),
    ...border("Color", tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
});

export interface ListSectionProps<T> {
  /** The heading's id (the section is named by it). */
  id: string;
  heading: string;
  intro?: string;
  /** A problem of the list as a whole (too many, duplicate ids…). */
  problem?: string;
  items: readonly T[];
  /** One item's editor: a <ListItem> with its fields. */
  renderItem: (item: T, index: number) => React.ReactNode;
  addLabel: string;
  onAdd: () => void;
}

/**
 * A list of the rules edited in place (the exemptions, the blocks): a section named by its heading, an
 * introduction, the list's own problem, one item per entry, and "Thêm …" to add one.
 */
export function ListSection<T>({ id, heading, intro, problem, items, renderItem, addLabel, onAdd }: ListSectionProps<T>) {
  const styles = useStyles();
  const shared = useSharedStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h3 id={id} className={shared.sectionHeading}>
        {heading}
      </h3>
      {intro && <p className={shared.muted}>{intro}</p>}
      <FieldProblem text={problem} />
      <ul className={styles.list}>
        {items.map((item, i) => (
          <li key={i}>{renderItem(item, i)}</li>
        ))}
      </ul>
      <div className={shared.buttonRow}>
        <Button onClick={onAdd}>{addLabel}</Button>
      </div>
    </section>
  );
}

export interface ListItemProps {
  /** The item's name ("Khối 2: Cấp huyện"), its fieldset's legend. */
  legend: string;
  /** A problem of the item as a whole. */
  problem?: string;
  removeLabel: string;
  onRemove: () => void;
  children: React.ReactNode;
}

/** One entry of a ListSection: a fieldset named by its legend, the entry's own problem, its fields, "Xóa …". */
export function ListItem({ legend, problem, removeLabel, onRemove, children }: ListItemProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  return (
    <fieldset className={styles.item}>
      <legend className={styles.legend}>{legend}</legend>
      <FieldProblem text={problem} />
      {children}
      <div className={shared.buttonRow}>
        <Button size="small" onClick={onRemove}>
          {removeLabel}
        </Button>
      </div>
    </fieldset>
  );
}
