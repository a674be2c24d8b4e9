import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { PaneButton as Button } from "./PaneButton";
import type { FindingView } from "../excel/types";
import { FindingItem } from "./FindingItem";
import { useStrings } from "./i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  group: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  convert: { marginTop: tokens.spacingVerticalXS },
});

/**
 * Findings grouped by severity, errors first; selecting one selects its cell in the sheet. A finding
 * about text in a legacy encoding has its own “Chuyển mã” button (beside it: a button holds no button).
 */
export function FindingList({
  findings,
  onSelect,
  onConvert,
  disabled,
  convertDisabled,
}: {
  findings: FindingView[];
  onSelect: (f: FindingView) => void;
  onConvert?: (cells: string[]) => void;
  disabled?: boolean;
  /** While an action runs, “Chuyển mã” waits. */
  convertDisabled?: boolean;
}) {
  const styles = useStyles();
  const t = useStrings();
  if (findings.length === 0) return null;
  const groups = [
    { key: "error", title: t.findings.errors, items: findings.filter((f) => f.severity === "error") },
    { key: "warning", title: t.findings.warnings, items: findings.filter((f) => f.severity !== "error") },
  ].filter((g) => g.items.length > 0);
  return (
    <section className={styles.root} aria-labelledby="findings-heading">
      <h3 id="findings-heading" className={styles.heading}>
        {t.findings.heading}
      </h3>
      <p className={styles.hint}>{t.findings.hint}</p>
      {groups.map((g) => (
        <section key={g.key} aria-labelledby={`findings-${g.key}`} className={styles.root}>
          <h4 id={`findings-${g.key}`} className={styles.group}>
            {g.title(g.items.length)}
          </h4>
          <ul className={styles.list}>
            {g.items.map((f, i) => (
              <li key={`${f.sheet}!${f.cell}!${f.code}!${i}`}>
                <FindingItem finding={f} onSelect={onSelect} disabled={disabled} />
                {onConvert && f.convertible && f.convertible.length > 0 && (
                  <Button
                    className={styles.convert}
                    size="small"
                    disabled={disabled || convertDisabled}
                    aria-label={t.findings.convertLabel(f.convertible)}
                    onClick={() => onConvert(f.convertible!)}
                  >
                    {t.findings.convert}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
