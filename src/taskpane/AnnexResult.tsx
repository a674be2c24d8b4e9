import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { AnnexOutcome } from "../excel/types";
import { useStrings } from "./i18n";
import { useAnnexStrings } from "./annexStrings";
import { Notice } from "./Notice";
import { useAnnounce } from "./announce";

const useStyles = makeStyles({
  line: { display: "block", margin: `${tokens.spacingVerticalXS} 0 0` },
  list: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXXS },
});

/**
 * What "Tạo phụ lục" came to, as one status: where the annex is (and why under another name), then either "ready to
 * sign" or "not ready yet" with the reasons — errors carried, the province missing, the print layout to set by hand
 * (its steps listed).
 */
export function AnnexResult({ outcome, wantedSheet }: { outcome: Extract<AnnexOutcome, { kind: "done" }>; wantedSheet: string }) {
  const t = useStrings();
  const ta = useAnnexStrings();
  const styles = useStyles();
  const en = t.lang === "en";
  const reasons: string[] = [];
  if (outcome.errorsIncluded > 0) reasons.push(ta.annex.errorsIncluded(outcome.errorsIncluded));
  for (const n of outcome.notices ?? []) reasons.push(en ? n.messageEn : n.message);
  const print = outcome.manualPrintSteps.map((s) => (en ? s.messageEn : s.message));
  if (print.length > 0) reasons.push(ta.annex.printReason);
  const ready = reasons.length === 0;
  const collided = outcome.collided ? ta.annex.collided(wantedSheet, outcome.sheetName) : null;
  // The notice says its title and first line; the rest of the status is said with it.
  useAnnounce([collided, ...(ready ? [] : [ta.annex.notReadyIntro, ...reasons, ...print])].filter(Boolean).join(" "));
  return (
    <Notice
      note={{ intent: ready ? "success" : "warning", title: ready ? ta.annex.readyTitle : ta.annex.notReadyTitle, text: ta.annex.done(outcome.sheetName) }}
    >
      {collided && <span className={styles.line}>{collided}</span>}
      {!ready && (
        <>
          <span className={styles.line}>{ta.annex.notReadyIntro}</span>
          <ul className={styles.list}>
            {reasons.map((r, i) => (
              <li key={i} className={styles.item}>
                {r}
                {r === ta.annex.printReason && (
                  <ol className={styles.list} aria-label={ta.annex.printTitle}>
                    {print.map((step, j) => (
                      <li key={j} className={styles.item}>
                        {step}
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Notice>
  );
}
