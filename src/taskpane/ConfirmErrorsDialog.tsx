import * as React from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { FindingView } from "../excel/types";
import { useStrings } from "./i18n";
import { useAnnexStrings } from "./annexStrings";

const useStyles = makeStyles({
  surface: { maxWidth: "min(480px, calc(100vw - 24px))", padding: tokens.spacingHorizontalL },
  content: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, maxHeight: "60vh", overflowY: "auto" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  what: { fontWeight: tokens.fontWeightSemibold },
  message: { display: "block", overflowWrap: "anywhere" },
  p: { margin: 0 },
  actions: { flexWrap: "wrap" },
});

export interface ConfirmErrorsDialogProps {
  errors: FindingView[] | null;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Asks before an annex is made from a table that still has errors, naming each of them; going back to fix them is the primary choice. */
export function ConfirmErrorsDialog({ errors, onCancel, onConfirm }: ConfirmErrorsDialogProps) {
  const styles = useStyles();
  const t = useStrings();
  const ta = useAnnexStrings();
  const list = errors ?? [];
  return (
    <Dialog open={errors !== null} modalType="alert" onOpenChange={(_, d) => (!d.open ? onCancel() : undefined)}>
      <DialogSurface className={styles.surface} aria-describedby="confirm-errors-intro">
        <DialogBody>
          <DialogTitle>{ta.confirm.title}</DialogTitle>
          <DialogContent className={styles.content}>
            <p id="confirm-errors-intro" className={styles.p}>
              {ta.confirm.intro(list.length)}
            </p>
            <ul className={styles.list}>
              {list.map((f, i) => (
                <li key={`${f.cell}-${i}`}>
                  <span className={styles.what}>
                    {f.cell}
                    {f.agency ? ` – ${f.agency}` : ""}
                    {f.group ? `, ${f.group}` : ""}
                    {f.value !== "" ? `: ${f.value}` : ""}
                  </span>
                  <span className={styles.message}>{t.lang === "en" ? f.messageEn : f.message}</span>
                  {f.ifCorrected && <span className={styles.message}>{t.lang === "en" ? f.ifCorrectedEn : f.ifCorrected}</span>}
                </li>
              ))}
            </ul>
            <p className={styles.p}>{ta.confirm.advice}</p>
          </DialogContent>
          <DialogActions className={styles.actions} fluid>
            {/* The safe choice is the primary button, first, and has the focus (Enter goes back); making the annex anyway is the secondary one. */}
            <Button appearance="primary" onClick={onCancel} data-safe-choice="">
              {ta.confirm.cancel}
            </Button>
            <Button appearance="secondary" onClick={onConfirm}>
              {ta.confirm.confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
