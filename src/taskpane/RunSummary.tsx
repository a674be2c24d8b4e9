import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { LastRun } from "../core/store/store";
import { useStrings } from "./i18n";
import { useAnnounce } from "./announce";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  meta: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  agencies: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  classes: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  classItem: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  ends: { margin: 0, display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  term: { color: tokens.colorNeutralForeground2 },
  def: { margin: 0, overflowWrap: "anywhere" },
  issues: { margin: 0 },
  errors: { margin: 0, color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** The summary of a run (from the pane or from the ribbon): agencies, counts by class, top and bottom. */
export function RunSummary({ run }: { run: LastRun }) {
  const styles = useStyles();
  const t = useStrings();
  useAnnounce(`${t.summary.heading}: ${t.summary.agencies(run.agencies, run.scored)}, ${t.summary.issues(run.errors, run.warnings)}`);
  return (
    <section className={styles.root} aria-labelledby="summary-heading">
      <h3 id="summary-heading" className={styles.heading}>
        {t.summary.heading}
      </h3>
      <p className={styles.meta}>{t.summary.meta(run.sheet, run.at, run.source)}</p>
      <p className={styles.agencies}>{t.summary.agencies(run.agencies, run.scored)}</p>
      <ul className={styles.classes} aria-label={t.summary.classesLabel}>
        {run.byClass.map((c) => (
          <li key={c.name} className={styles.classItem}>
            {t.summary.classCount(c.count, c.name)}
          </li>
        ))}
      </ul>
      {(run.top.length > 0 || run.bottom.length > 0) && (
        <dl className={styles.ends}>
          <dt className={styles.term}>{t.summary.top}</dt>
          <dd className={styles.def}>{run.top.join(", ")}</dd>
          <dt className={styles.term}>{t.summary.bottom}</dt>
          <dd className={styles.def}>{run.bottom.join(", ")}</dd>
        </dl>
      )}
      <p className={run.errors > 0 ? styles.errors : styles.issues}>{t.summary.issues(run.errors, run.warnings)}</p>
    </section>
  );
}
