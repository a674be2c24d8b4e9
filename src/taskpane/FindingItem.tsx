import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { FindingView } from "../excel/types";
import { useStrings } from "./i18n";

const useStyles = makeStyles({
  item: {
    display: "block",
    width: "100%",
    textAlign: "left",
    font: "inherit",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderLeftWidth: "4px",
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
    ":disabled": { cursor: "default" },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  head: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  detail: { display: "block", color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalXXS },
  message: { display: "block", marginTop: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  correction: { display: "block", marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2, fontStyle: "italic", overflowWrap: "anywhere" },
});

/** One finding: its cell, agency, group and value, then what is wrong and how to fix it. A button: it selects the cell. */
export function FindingItem({ finding, onSelect, disabled }: { finding: FindingView; onSelect: (f: FindingView) => void; disabled?: boolean }) {
  const styles = useStyles();
  const t = useStrings();
  const f = finding;
  const english = t.lang === "en" && !f.vietnameseOnly;
  return (
    <button
      type="button"
      className={mergeClasses(styles.item, f.severity === "error" ? styles.error : styles.warning)}
      onClick={() => onSelect(f)}
      disabled={disabled}
    >
      <span className={styles.head}>
        <span className={styles.cell}>{f.cell}</span>
        {f.agency && <span>{f.agency}</span>}
      </span>
      {f.group && (
        <span className={styles.detail}>
          {f.group}
          {" · "}
          {t.findings.value}: {f.value === "" ? t.findings.empty : f.value}
        </span>
      )}
      <span className={styles.message} lang={t.lang === "en" && !english ? "vi" : undefined}>
        {english ? f.messageEn : f.message}
      </span>
      {f.ifCorrected && (
        <span className={styles.correction} lang={t.lang === "en" ? undefined : "vi"}>
          {t.lang === "en" ? f.ifCorrectedEn : f.ifCorrected}
        </span>
      )}
    </button>
  );
}
