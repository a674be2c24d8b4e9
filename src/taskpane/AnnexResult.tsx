import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { AnnexOutcome } from "../excel/types";
import { useStrings } from "./i18n";
import { useAnnexStrings } from "./annexStrings";
import { Notice } from "./Notice";
import { useAnnounce } from "./announce";
import { annexStatus, annexStatusLines } from "../excel/annex-status";

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
  const status = annexStatus(outcome, wantedSheet, t.lang);
  // The notice says its title and first line; the rest of the status is said with it.
  useAnnounce(annexStatusLines(status).slice(1).join(" "));
  return (
    <Notice note={{ intent: status.ready ? "success" : "warning", title: status.title, text: status.text }}>
      {status.collided && <span className={styles.line}>{status.collided}</span>}
      {!status.ready && (
        <>
          <span className={styles.line}>{status.intro}</span>
          <ul className={styles.list}>
            {status.reasons.map((r, i) => (
              <li key={i} className={styles.item}>
                {r.text}
                {r.steps && (
                  <ol className={styles.list} aria-label={ta.annex.printTitle}>
                    {r.steps.map((step, j) => (
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
