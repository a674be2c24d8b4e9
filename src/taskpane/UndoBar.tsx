import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookSettings } from "../excel/types";
import type { BusyKind } from "./actions";
import { BusyButton } from "./BusyButton";
import { useStrings } from "./i18n";

const useStyles = makeStyles({
  // Narrow (a 320 px pane at 200 % zoom), what it would undo goes under the button instead of a word a line beside it.
  root: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  what: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, minWidth: 0, flexGrow: 1, flexBasis: "10em" },
});

export interface UndoBarProps {
  undo: WorkbookSettings["undo"];
  busy: BusyKind | null;
  onUndo: () => void;
}

/** "Hoàn tác": gives back the last write (Tính điểm or Tạo phụ lục), once. Says which one it would undo. */
export function UndoBar({ undo, busy, onUndo }: UndoBarProps) {
  const styles = useStyles();
  const t = useStrings();
  return (
    <div className={styles.root}>
      <BusyButton appearance="secondary" busy={busy === "undo"} disabled={busy !== null || !undo} onClick={onUndo} aria-describedby="undo-what">
        {t.undo.button}
      </BusyButton>
      <p id="undo-what" className={styles.what}>
        {undo ? t.undo.what(undo.action, undo.at) : t.undo.none}
      </p>
    </div>
  );
}
